package com.slaledger.ledger.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

/** Business time (SPEC §13.1) with hand-computed figures. */
class BusinessCalendarTest {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    /** Monday to Friday 09:00-18:00 in Lisbon, Christmas 2026 a holiday. */
    static BusinessCalendar officeHours() {
        Map<DayOfWeek, List<BusinessCalendar.LocalSpan>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(d, List.of(new BusinessCalendar.LocalSpan(LocalTime.of(9, 0), LocalTime.of(18, 0))));
        }
        return new BusinessCalendar(LISBON, weekly, Set.of(LocalDate.of(2026, 12, 25)));
    }

    /**
     * Reported Friday 16 October 2026 at 17:50 in Lisbon (WEST, UTC+1: 16:50Z) with a 30-minute
     * target: 10 minutes on Friday (17:50-18:00), none at the weekend, 20 on Monday from 09:00:
     * the deadline is Monday 19 October 09:20 local, 08:20Z.
     */
    @Test
    void fridayEveningPlusThirtyMinutesIsMondayNineTwenty() {
        long reported = t("2026-10-16T16:50:00Z");
        assertThat(officeHours().deadline(reported, 1800)).isEqualTo(t("2026-10-19T08:20:00Z"));
        assertThat(officeHours().businessSeconds(reported, t("2026-10-19T08:20:00Z")))
                .isEqualTo(1800);
        // the whole weekend adds nothing
        assertThat(officeHours().businessSeconds(t("2026-10-16T17:00:00Z"), t("2026-10-19T08:00:00Z")))
                .isZero();
    }

    /**
     * Thursday 24 December 2026, 17:30 in Lisbon (WET, UTC+0) plus one hour: 30 minutes on
     * Thursday, Christmas (Friday) is a holiday, then the weekend: Monday 28 December 09:30.
     */
    @Test
    void aHolidayIsNoWorkingTime() {
        assertThat(officeHours().deadline(t("2026-12-24T17:30:00Z"), 3600)).isEqualTo(t("2026-12-28T09:30:00Z"));
        assertThat(officeHours().businessSeconds(t("2026-12-25T00:00:00Z"), t("2026-12-26T00:00:00Z")))
                .isZero();
    }

    /**
     * Sunday 25 October 2026, clocks go back in Lisbon at 02:00 WEST to 01:00 WET. Working time
     * 01:30-02:30 local: 01:30 exists twice, the earlier (WEST, 00:30Z) counts; 02:30 exists once
     * (WET, 02:30Z): 2 hours. Sunday 29 March 2026, clocks go forward at 01:00 WET to 02:00 WEST:
     * 01:30 does not exist and moves forward by the gap to 02:30 WEST (01:30Z); until 03:00 WEST
     * (02:00Z): 30 minutes.
     */
    @Test
    void boundariesOnTheDstWeekendsFollowTheRule() {
        Map<DayOfWeek, List<BusinessCalendar.LocalSpan>> sunday = new EnumMap<>(DayOfWeek.class);
        sunday.put(DayOfWeek.SUNDAY, List.of(new BusinessCalendar.LocalSpan(LocalTime.of(1, 30), LocalTime.of(2, 30))));
        BusinessCalendar autumn = new BusinessCalendar(LISBON, sunday, Set.of());
        assertThat(autumn.businessSeconds(t("2026-10-24T12:00:00Z"), t("2026-10-26T00:00:00Z")))
                .isEqualTo(7200);
        assertThat(autumn.deadline(t("2026-10-24T12:00:00Z"), 1)).isEqualTo(t("2026-10-25T00:30:01Z"));

        Map<DayOfWeek, List<BusinessCalendar.LocalSpan>> spring = new EnumMap<>(DayOfWeek.class);
        spring.put(DayOfWeek.SUNDAY, List.of(new BusinessCalendar.LocalSpan(LocalTime.of(1, 30), LocalTime.of(3, 0))));
        assertThat(new BusinessCalendar(LISBON, spring, Set.of())
                        .businessSeconds(t("2026-03-28T12:00:00Z"), t("2026-03-30T00:00:00Z")))
                .isEqualTo(1800);
    }

    @Test
    void twentyFourSevenIsWallTime_andACalendarWithoutDaysHasNoWorkingTime() {
        assertThat(BusinessCalendar.ALWAYS.businessSeconds(t("2026-10-24T12:00:00Z"), t("2026-10-26T00:00:00Z")))
                .isEqualTo(129_600);
        assertThat(BusinessCalendar.ALWAYS.deadline(t("2026-10-24T12:00:00Z"), 60))
                .isEqualTo(t("2026-10-24T12:01:00Z"));
        BusinessCalendar none = new BusinessCalendar(LISBON, Map.of(), Set.of());
        assertThat(none.businessSeconds(t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z")))
                .isZero();
        assertThat(none.deadline(t("2026-10-01T00:00:00Z"), 60)).isNull();
    }
}
