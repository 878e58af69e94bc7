package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.t;
import static com.slaledger.ledger.engine.SupportTargets.Measure.FIRST_RESPONSE;
import static com.slaledger.ledger.engine.SupportTargets.Measure.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support targets (SPEC §13.2) with hand-computed figures. Calendar: Monday-Friday 09:00-18:00
 * in Europe/Lisbon (summer time, UTC+1, until Sunday 25 October 2026; UTC+0 after). Target P1:
 * first response 30 minutes, resolution 4 hours of business time.
 *
 * <ul>
 *   <li>A: reported Friday 16 Oct 17:50 local (16:50Z); first response due Monday 19 Oct 09:20
 *       (08:20Z), answered 09:15 (08:15Z): met. Resolution due 10 min Friday + 3 h 50 Monday =
 *       Monday 12:50 (11:50Z); resolved 13:00 (12:00Z): breached, decided at 11:50Z.
 *   <li>B: reported Monday 19 Oct 10:00 (09:00Z), never answered, resolved 10:10 (09:10Z): the
 *       resolution is the first response, before 10:30: met; resolution due 14:00: met, both
 *       decided at 09:10Z.
 *   <li>C: reported Tuesday 20 Oct 09:00 (08:00Z), answered 09:45 (08:45Z), due 09:30 (08:30Z):
 *       breached, decided at 08:30Z. Not resolved; resolution due 13:00 (12:00Z).
 *   <li>E: reported Friday 30 Oct 17:50 local (WET, 17:50Z), answered Monday 2 Nov 09:05 (due
 *       09:20): met, decided in November. Not resolved; resolution due Monday 2 Nov 12:50.
 *   <li>D: a P2 ticket: no P1 target applies to it.
 * </ul>
 */
class SupportTargetsTest {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    static SupportTargets.Target p1(String percent) {
        return new SupportTargets.Target("P1", 1800L, 4 * 3600L, new BigDecimal(percent));
    }

    static List<SupportTargets.Ticket> tickets() {
        return List.of(
                new SupportTargets.Ticket(
                        "A", "P1", t("2026-10-16T16:50:00Z"), t("2026-10-19T08:15:00Z"), t("2026-10-19T12:00:00Z")),
                new SupportTargets.Ticket("B", "P1", t("2026-10-19T09:00:00Z"), null, t("2026-10-19T09:10:00Z")),
                new SupportTargets.Ticket("C", "P1", t("2026-10-20T08:00:00Z"), t("2026-10-20T08:45:00Z"), null),
                new SupportTargets.Ticket("D", "P2", t("2026-10-20T08:00:00Z"), null, null),
                new SupportTargets.Ticket("E", "P1", t("2026-10-30T17:50:00Z"), t("2026-11-02T09:05:00Z"), null));
    }

    static SupportTargets.Element october(SupportTargets.Measure m, String percent, long now) {
        return SupportTargets.element(
                tickets(), p1(percent), m, BusinessCalendarTest.officeHours(), OCTOBER, LISBON, now);
    }

    @Test
    void deadlinesAndDecisionsOfEachTicket() {
        BusinessCalendar c = BusinessCalendarTest.officeHours();
        long now = t("2026-11-10T00:00:00Z");
        var a = SupportTargets.decide(tickets().get(0), FIRST_RESPONSE, 1800, c, now);
        assertThat(a.deadline()).isEqualTo(t("2026-10-19T08:20:00Z"));
        assertThat(a.met()).isTrue();
        assertThat(a.decidedAt()).isEqualTo(t("2026-10-19T08:15:00Z"));
        var aResolution = SupportTargets.decide(tickets().get(0), RESOLUTION, 4 * 3600, c, now);
        assertThat(aResolution.deadline()).isEqualTo(t("2026-10-19T11:50:00Z"));
        assertThat(aResolution.met()).isFalse();
        assertThat(aResolution.decidedAt()).isEqualTo(t("2026-10-19T11:50:00Z"));
        // resolved without a response: the resolution is the first response
        var b = SupportTargets.decide(tickets().get(1), FIRST_RESPONSE, 1800, c, now);
        assertThat(b.completion()).isEqualTo(t("2026-10-19T09:10:00Z"));
        assertThat(b.met()).isTrue();
        var cFirst = SupportTargets.decide(tickets().get(2), FIRST_RESPONSE, 1800, c, now);
        assertThat(cFirst.met()).isFalse();
        assertThat(cFirst.decidedAt()).isEqualTo(t("2026-10-20T08:30:00Z"));
        var e = SupportTargets.decide(tickets().get(4), FIRST_RESPONSE, 1800, c, now);
        assertThat(e.deadline()).isEqualTo(t("2026-11-02T09:20:00Z"));
        assertThat(e.decidedAt()).isEqualTo(t("2026-11-02T09:05:00Z"));
    }

    /**
     * October, first response P1, as of 10 November: A, B met, C breached (E decided in November,
     * D is P2): 2 of 3, 66.67% < 95%: not met, short at the period's end (1 Nov 00:00 local, 00:00Z).
     * Resolution: A breached, B met, C breached at its deadline (20 Oct 12:00Z): 1 of 3.
     */
    @Test
    void aPeriodsElementCountsTheTicketsDecidedInIt() {
        long now = t("2026-11-10T00:00:00Z");
        var first = october(FIRST_RESPONSE, "95", now);
        assertThat(first.name()).isEqualTo("firstResponse:P1");
        assertThat(first.decided()).isEqualTo(3);
        assertThat(first.metCount()).isEqualTo(2);
        assertThat(first.met()).isFalse();
        assertThat(first.shortfallAt()).isEqualTo(t("2026-11-01T00:00:00Z"));
        var resolution = october(RESOLUTION, "95", now);
        assertThat(resolution.decided()).isEqualTo(3);
        assertThat(resolution.metCount()).isEqualTo(1);
        // 66.6667% is met by a target of 66.66 (exact ratio), not by 66.67
        assertThat(october(FIRST_RESPONSE, "66.66", now).met()).isTrue();
        assertThat(october(FIRST_RESPONSE, "66.67", now).met()).isFalse();
    }

    /** With 100%, the element falls short at the first breach: C's deadline, 20 Oct 08:30Z. */
    @Test
    void everyTicketMustBeMet_shortAtTheFirstBreach() {
        var first = october(FIRST_RESPONSE, "100", t("2026-10-25T00:00:00Z"));
        assertThat(first.met()).isFalse();
        assertThat(first.shortfallAt()).isEqualTo(t("2026-10-20T08:30:00Z"));
        // below 100%, nothing is short before the period ends: more tickets may still be met
        assertThat(october(FIRST_RESPONSE, "95", t("2026-10-25T00:00:00Z")).shortfallAt())
                .isNull();
    }

    /**
     * As of 20 Oct 08:20Z, C has not been answered (the answer at 08:45 is not known yet) and its
     * deadline (08:30Z) has not passed: pending, counted nowhere. A and B are decided and met.
     */
    @Test
    void aPendingTicketCountsNowhere() {
        var first = october(FIRST_RESPONSE, "100", t("2026-10-20T08:20:00Z"));
        assertThat(first.decided()).isEqualTo(2);
        assertThat(first.met()).isTrue();
        assertThat(first.shortfallAt()).isNull();
    }

    @Test
    void noTicketDecidedIsMet() {
        var none = SupportTargets.element(
                List.of(),
                p1("95"),
                FIRST_RESPONSE,
                BusinessCalendarTest.officeHours(),
                OCTOBER,
                LISBON,
                t("2026-11-10T00:00:00Z"));
        assertThat(none.met()).isTrue();
        assertThat(none.decided()).isZero();
    }

    /** The element depends on the set of tickets: not on their order, not on duplicates. */
    @Property(tries = 200)
    void orderAndDuplicatesChangeNothing(
            @ForAll @LongRange(min = 0, max = 40L * 86_400) long offset,
            @ForAll @IntRange(min = 0, max = 30) int count,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<SupportTargets.Ticket> tickets = new ArrayList<>();
        long base = t("2026-09-25T00:00:00Z");
        for (int i = 0; i < count; i++) {
            long reported = base + r.nextInt(40 * 86_400);
            Long responded = r.nextBoolean() ? reported + r.nextInt(3 * 86_400) : null;
            Long resolved = r.nextBoolean() ? reported + r.nextInt(5 * 86_400) : null;
            tickets.add(
                    new SupportTargets.Ticket("T" + i, r.nextBoolean() ? "P1" : "P2", reported, responded, resolved));
        }
        long now = base + offset;
        List<SupportTargets.Ticket> shuffled = new ArrayList<>(tickets);
        shuffled.addAll(tickets.subList(0, count / 2)); // duplicates
        Collections.shuffle(shuffled, r);
        for (var m : SupportTargets.Measure.values()) {
            var once = SupportTargets.element(
                    tickets, p1("90"), m, BusinessCalendarTest.officeHours(), OCTOBER, LISBON, now);
            var again = SupportTargets.element(
                    shuffled, p1("90"), m, BusinessCalendarTest.officeHours(), OCTOBER, LISBON, now);
            assertThat(again).isEqualTo(once);
        }
    }
}
