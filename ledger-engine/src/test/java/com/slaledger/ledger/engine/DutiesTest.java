package com.slaledger.ledger.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Duties.Outcome.FAILURE;
import static com.slaledger.ledger.engine.Duties.Outcome.SUCCESS;
import static com.slaledger.ledger.engine.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duties (SPEC §13.3) with hand-computed figures. A nightly backup, every 1 day with 2 hours'
 * grace (26 h), since 1 October 2026 00:00Z. Successes: 1 Oct 01:00, 2 Oct 01:30, 3 Oct 04:00,
 * 5 Oct 03:00; a FAILURE on 3 Oct 02:00.
 *
 * <ul>
 *   <li>since → 1 Oct 01:00: [2 Oct 02:00, 1 Oct 01:00) is empty; 1 Oct 01:00 → 2 Oct 01:30:
 *       [2 Oct 03:00, 2 Oct 01:30) empty;
 *   <li>2 Oct 01:30 → 3 Oct 04:00: lapsed [3 Oct 03:30, 3 Oct 04:00), 1,800 s (the FAILURE at
 *       02:00 is no success);
 *   <li>3 Oct 04:00 → 5 Oct 03:00: lapsed [4 Oct 06:00, 5 Oct 03:00), 75,600 s;
 *   <li>after 5 Oct 03:00 no success: lapsed from 6 Oct 05:00 on; as of 6 Oct 10:00, 18,000 s and
 *       ongoing.
 * </ul>
 */
class DutiesTest {

    static final Duties.Duty BACKUP = new Duties.Duty("db-backup", 86_400, 7_200, t("2026-10-01T00:00:00Z"));

    static List<Duties.Event> events() {
        return List.of(
                new Duties.Event(SUCCESS, t("2026-10-01T01:00:00Z")),
                new Duties.Event(SUCCESS, t("2026-10-02T01:30:00Z")),
                new Duties.Event(FAILURE, t("2026-10-03T02:00:00Z")),
                new Duties.Event(SUCCESS, t("2026-10-03T04:00:00Z")),
                new Duties.Event(SUCCESS, t("2026-10-05T03:00:00Z")));
    }

    @Test
    void lapsesBetweenSuccessesAndAnOngoingOne() {
        var october = Duties.element(
                BACKUP, events(), t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"), t("2026-10-06T10:00:00Z"));
        assertThat(october.met()).isFalse();
        assertThat(october.lapses())
                .containsExactly(
                        new Duties.Lapse(t("2026-10-03T03:30:00Z"), t("2026-10-03T04:00:00Z"), false),
                        new Duties.Lapse(t("2026-10-04T06:00:00Z"), t("2026-10-05T03:00:00Z"), false),
                        new Duties.Lapse(t("2026-10-06T05:00:00Z"), t("2026-10-06T10:00:00Z"), true));
        assertThat(october.lapses().stream().map(Duties.Lapse::seconds)).containsExactly(1_800L, 75_600L, 18_000L);
        assertThat(october.failures()).isEqualTo(1);
        // short at the start of the first lapse, 3 Oct 03:30, at once: no event needed
        assertThat(october.shortfallAt()).isEqualTo(t("2026-10-03T03:30:00Z"));
    }

    @Test
    void beforeTheFirstLapseTheDutyIsMet() {
        var early = Duties.element(
                BACKUP, events(), t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"), t("2026-10-03T03:30:00Z"));
        assertThat(early.met()).isTrue();
        assertThat(early.shortfallAt()).isNull();
        // one second later the first lapse has begun
        var late = Duties.element(
                BACKUP, events(), t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"), t("2026-10-03T03:30:01Z"));
        assertThat(late.met()).isFalse();
        assertThat(late.lapses())
                .containsExactly(new Duties.Lapse(t("2026-10-03T03:30:00Z"), t("2026-10-03T03:30:01Z"), true));
    }

    /** The lapse from 6 Oct goes on into November: clipped to it, short at November's start. */
    @Test
    void aLapseFromTheMonthBeforeIsClippedToThePeriod() {
        var november = Duties.element(
                BACKUP, events(), t("2026-11-01T00:00:00Z"), t("2026-12-01T00:00:00Z"), t("2026-11-02T00:00:00Z"));
        assertThat(november.lapses())
                .containsExactly(new Duties.Lapse(t("2026-11-01T00:00:00Z"), t("2026-11-02T00:00:00Z"), true));
        assertThat(november.shortfallAt()).isEqualTo(t("2026-11-01T00:00:00Z"));
        assertThat(november.failures()).isZero();
        // October, seen from November: the lapse runs to October's end and is over for October
        // (it stays so when the duty is met again later: a closed period is not amended for that)
        var october = Duties.element(
                BACKUP, events(), t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"), t("2026-11-02T00:00:00Z"));
        assertThat(october.lapses().get(october.lapses().size() - 1))
                .isEqualTo(new Duties.Lapse(t("2026-10-06T05:00:00Z"), t("2026-11-01T00:00:00Z"), false));
        var laterMet = new java.util.ArrayList<>(events());
        laterMet.add(new Duties.Event(SUCCESS, t("2026-11-03T01:00:00Z")));
        assertThat(Duties.element(
                        BACKUP,
                        laterMet,
                        t("2026-10-01T00:00:00Z"),
                        t("2026-11-01T00:00:00Z"),
                        t("2026-11-04T00:00:00Z")))
                .isEqualTo(october);
    }

    @Test
    void successesBeforeSinceDoNotCount() {
        var events = List.of(new Duties.Event(SUCCESS, t("2026-09-30T23:00:00Z")));
        var first = Duties.element(
                BACKUP, events, t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"), t("2026-10-02T03:00:00Z"));
        // since + 26 h = 2 Oct 02:00: lapsed for an hour
        assertThat(first.lapses())
                .containsExactly(new Duties.Lapse(t("2026-10-02T02:00:00Z"), t("2026-10-02T03:00:00Z"), true));
    }

    /** The element depends on the set of events: not on their order, not on duplicates. */
    @Property(tries = 200)
    void orderAndDuplicatesChangeNothing(
            @ForAll @IntRange(min = 0, max = 20) int count,
            @ForAll @LongRange(min = 0, max = 1000) long seed,
            @ForAll @LongRange(min = 0, max = 40L * 86_400) long nowOffset) {
        java.util.Random r = new java.util.Random(seed);
        List<Duties.Event> events = new ArrayList<>();
        long base = t("2026-09-28T00:00:00Z");
        for (int i = 0; i < count; i++) {
            events.add(new Duties.Event(r.nextInt(4) == 0 ? FAILURE : SUCCESS, base + r.nextInt(40 * 86_400)));
        }
        List<Duties.Event> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(0, count / 2));
        Collections.shuffle(shuffled, r);
        long now = base + nowOffset;
        long start = t("2026-10-01T00:00:00Z");
        long end = t("2026-11-01T00:00:00Z");
        assertThat(Duties.element(BACKUP, shuffled, start, end, now))
                .isEqualTo(Duties.element(BACKUP, events, start, end, now));
    }
}
