package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §16.4: pauses of the support clock. The calendar is Monday to Friday 09:00–18:00 in
 * Lisbon (WET, UTC+0 in November, so local times are the UTC times below).
 */
class PausesTest {

    private static final BusinessCalendar OFFICE = office();
    private static final SupportTargets.Target P2 =
            new SupportTargets.Target("P2", null, 4 * 3600L, BigDecimal.valueOf(100));
    private static final SupportTargets.Target P2_NO_PAUSE =
            new SupportTargets.Target("P2", null, 4 * 3600L, BigDecimal.valueOf(100), false);

    private static BusinessCalendar office() {
        Map<DayOfWeek, List<BusinessCalendar.LocalSpan>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(d, List.of(new BusinessCalendar.LocalSpan(LocalTime.of(9, 0), LocalTime.of(18, 0))));
        }
        return new BusinessCalendar(ZoneId.of("Europe/Lisbon"), weekly, Set.of());
    }

    private static SupportTargets.Pause pause(String at) {
        return new SupportTargets.Pause(t(at), true);
    }

    private static SupportTargets.Pause unpause(String at) {
        return new SupportTargets.Pause(t(at), false);
    }

    private static SupportTargets.Ticket ticket(Long resolvedAt, List<SupportTargets.Pause> pauses) {
        return new SupportTargets.Ticket("T-1", "P2", t("2026-11-06T17:00:00Z"), null, resolvedAt, pauses);
    }

    /**
     * Reported Friday 6 Nov 17:00, paused Friday 17:30 to Monday 9 Nov 10:00, resolution target 4 h.
     * Business time before the pause: Fri 17:00–17:30 = 30 min. The pause holds the clock through
     * Fri 17:30–18:00 (30 min) and Mon 09:00–10:00 (60 min): 90 min paused. From Mon 10:00 the 3 h 30
     * left run to Mon 13:30, the deadline. Without the pause: Fri 17:00–18:00 is 1 h, 3 h more from
     * Mon 09:00 is 12:00. Resolved Mon 13:00: met only because of the pause, 5,400 s paused.
     */
    @Test
    void aP2ReportedFridayEveningAndPausedOverTheWeekend() {
        var t = ticket(
                t("2026-11-09T13:00:00Z"), List.of(pause("2026-11-06T17:30:00Z"), unpause("2026-11-09T10:00:00Z")));
        long now = t("2026-11-20T00:00:00Z");

        var paused = SupportTargets.decide(t, SupportTargets.Measure.RESOLUTION, 4 * 3600L, true, OFFICE, now);
        assertThat(paused.deadline()).isEqualTo(t("2026-11-09T13:30:00Z"));
        assertThat(paused.met()).isTrue();
        assertThat(paused.pausedSeconds()).isEqualTo(5400);

        var unpaused = SupportTargets.decide(t, SupportTargets.Measure.RESOLUTION, 4 * 3600L, false, OFFICE, now);
        assertThat(unpaused.deadline()).isEqualTo(t("2026-11-09T12:00:00Z"));
        assertThat(unpaused.met()).isFalse();

        var element = SupportTargets.element(
                List.of(t),
                P2,
                SupportTargets.Measure.RESOLUTION,
                OFFICE,
                t("2026-11-01T00:00:00Z"),
                t("2026-12-01T00:00:00Z"),
                now);
        assertThat(element.met()).isTrue();
        assertThat(element.pausedSeconds()).isEqualTo(5400);
        var notPausing = SupportTargets.element(
                List.of(t),
                P2_NO_PAUSE,
                SupportTargets.Measure.RESOLUTION,
                OFFICE,
                t("2026-11-01T00:00:00Z"),
                t("2026-12-01T00:00:00Z"),
                now);
        assertThat(notPausing.met()).isFalse();
        assertThat(notPausing.pausedSeconds()).isZero();
    }

    /**
     * A pause that never ends: paused Friday 17:30, never unpaused, now Wednesday 11 Nov 12:00. The
     * clock stands at 30 min: the ticket is pending, not breached, its deadline 3 h 30 of business
     * time after now (the paused time runs to now: Wed 12:00 + 3 h 30 = 15:30), and no deadline
     * passes in silence while it stays paused.
     */
    @Test
    void aPauseThatNeverEnds() {
        var t = ticket(null, List.of(pause("2026-11-06T17:30:00Z")));
        long now = t("2026-11-11T12:00:00Z");
        var d = SupportTargets.decide(t, SupportTargets.Measure.RESOLUTION, 4 * 3600L, true, OFFICE, now);
        assertThat(d.decidedAt()).isNull();
        assertThat(d.deadline()).isEqualTo(t("2026-11-11T15:30:00Z"));
        var agreement = new Checklist.Agreement("office", OFFICE, List.of(P2), List.of());
        assertThat(Checklist.nextSilentDeadline(agreement, List.of(t), Map.of(), now))
                .isNull();
        // first response is never paused: with a 1 h target, Fri 17:00–18:00, breached Friday 18:00
        var response = SupportTargets.decide(t, SupportTargets.Measure.FIRST_RESPONSE, 3600L, false, OFFICE, now);
        assertThat(response.decidedAt()).isEqualTo(t("2026-11-06T18:00:00Z"));
        assertThat(response.met()).isFalse();
    }

    /** Paused time: the union of [pause, next unpause), a second pause while paused changing nothing. */
    @Test
    void pausedTimeIsFromEachPauseToTheNextUnpause() {
        var t = ticket(
                null,
                List.of(
                        pause("2026-11-06T17:30:00Z"),
                        pause("2026-11-07T10:00:00Z"),
                        unpause("2026-11-09T10:00:00Z"),
                        unpause("2026-11-09T11:00:00Z"),
                        pause("2026-11-09T12:00:00Z"),
                        unpause("2026-11-09T12:00:00Z")));
        assertThat(t.paused(t("2026-11-20T00:00:00Z")).intervals())
                .containsExactly(new Interval(t("2026-11-06T17:30:00Z"), t("2026-11-09T10:00:00Z")));
    }

    /**
     * Pause events in any order and any of them twice: the same paused time, deadline and
     * decision as the events in order once.
     */
    @Property(tries = 300)
    void pauseEventsOutOfOrderAndDuplicated(
            @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 400) Integer> hours, @ForAll long seed) {
        long reported = t("2026-11-06T17:00:00Z");
        List<SupportTargets.Pause> events = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            events.add(new SupportTargets.Pause(reported + hours.get(i) * 1800L, i % 2 == 0));
        }
        Random random = new Random(seed);
        List<SupportTargets.Pause> shuffled = new ArrayList<>(events);
        for (SupportTargets.Pause e : events) {
            if (random.nextBoolean()) {
                shuffled.add(e);
            }
        }
        Collections.shuffle(shuffled, random);
        long now = t("2026-11-30T00:00:00Z");
        Long resolved = reported + 200 * 1800L;
        var once = new SupportTargets.Ticket("T", "P2", reported, null, resolved, events);
        var twice = new SupportTargets.Ticket("T", "P2", reported, null, resolved, shuffled);
        assertThat(twice.paused(now)).isEqualTo(once.paused(now));
        assertThat(SupportTargets.decide(twice, SupportTargets.Measure.RESOLUTION, 4 * 3600L, true, OFFICE, now))
                .isEqualTo(
                        SupportTargets.decide(once, SupportTargets.Measure.RESOLUTION, 4 * 3600L, true, OFFICE, now));
    }

    /**
     * Agreement with a minute-by-minute model: the deadline is the first minute at which the
     * business minutes since reportedAt that are not paused reach the target.
     */
    @Property(tries = 200)
    void theDeadlineAgreesWithAMinuteByMinuteModel(
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 200) Integer> halfHours,
            @ForAll @IntRange(min = 1, max = 20) int targetHalfHours) {
        long reported = t("2026-11-06T17:00:00Z");
        List<SupportTargets.Pause> events = new ArrayList<>();
        for (int i = 0; i < halfHours.size(); i++) {
            events.add(new SupportTargets.Pause(reported + halfHours.get(i) * 1800L, i % 2 == 0));
        }
        var ticket = new SupportTargets.Ticket("T", "P2", reported, null, null, events);
        long now = reported + 400 * 1800L;
        IntervalSet paused = ticket.paused(now);
        long target = targetHalfHours * 1800L;
        long counted = 0;
        Long expected = null;
        for (long m = reported; m < reported + 30L * 86400; m += 60) {
            if (counted >= target) {
                expected = m;
                break;
            }
            if (OFFICE.businessSeconds(m, m + 60) == 60 && !paused.overlaps(m, m + 1)) {
                counted += 60;
            }
        }
        if (expected == null && counted >= target) {
            expected = reported + 30L * 86400;
        }
        Long deadline = SupportTargets.deadline(reported, target, paused, OFFICE);
        // the model's minute is the first minute after the last counted one; the engine's instant
        // is the end of that last counted minute: the same instant unless a non-counting stretch follows
        assertThat(deadline).isNotNull();
        assertThat(deadline).isLessThanOrEqualTo(expected);
        long business = OFFICE.businessSeconds(reported, deadline)
                - SupportTargets.pausedBusiness(paused, reported, deadline, OFFICE);
        assertThat(business).isEqualTo(target);
        long justBefore = OFFICE.businessSeconds(reported, deadline - 1)
                - SupportTargets.pausedBusiness(paused, reported, deadline - 1, OFFICE);
        assertThat(justBefore).isEqualTo(target - 1);
    }
}
