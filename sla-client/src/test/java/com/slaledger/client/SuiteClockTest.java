package com.slaledger.client;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteClockTest {

    private static final Instant REAL = Instant.parse("2026-12-02T07:30:00Z");

    @Test
    void nextMonthIsFiveMinutesPastMidnightUtcOnItsFirstDay() {
        // 2 Dec 07:30 -> 1 Jan 2027 00:05: 29 days 16 h 35 min ahead
        assertThat(SuiteClock.offsetFor("next-month", REAL))
                .isEqualTo(Duration.ofDays(29).plusHours(16).plusMinutes(35));
        assertThat(REAL.plus(SuiteClock.offsetFor("", REAL))).isEqualTo(Instant.parse("2027-01-01T00:05:00Z"));
        // from the last second of a month, the next month is one second and five minutes away
        assertThat(SuiteClock.offsetFor("next-month", Instant.parse("2027-02-28T23:59:59Z")))
                .isEqualTo(Duration.ofSeconds(301));
    }

    @Test
    void realIsTheSystemClockAndAnInstantIsThatInstant() {
        assertThat(SuiteClock.offsetFor("real", REAL)).isZero();
        assertThat(REAL.plus(SuiteClock.offsetFor("2028-02-29T12:00:00Z", REAL)))
                .isEqualTo(Instant.parse("2028-02-29T12:00:00Z"));
        // a day in the past is a negative offset
        assertThat(SuiteClock.offsetFor("2026-12-01T07:30:00Z", REAL)).isEqualTo(Duration.ofDays(-1));
    }

    @Test
    void anythingElseIsRefusedByName() {
        assertThatThrownBy(() -> SuiteClock.offsetFor("tomorrow", REAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sla.test.now")
                .hasMessageContaining("tomorrow");
    }

    @Test
    void thePinnedClockReadsThePinnedInstant() {
        Duration off = SuiteClock.pinnedOffset();
        Instant now = Instant.now().plus(off);
        assertThat(Duration.between(SuiteClock.PINNED, now).abs()).isLessThan(Duration.ofMinutes(10));
    }
}
