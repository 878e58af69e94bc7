package com.slaledger.ledger.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business time is additive over adjacent intervals, equals wall time for {@code 24x7}, and a
 * deadline is the first instant at which the asked working time has passed; over a year that
 * crosses both DST changes of Lisbon.
 */
class BusinessCalendarPropertiesTest {

    static final long START = Fixtures.t("2026-01-01T00:00:00Z");
    static final long YEAR = 365L * 86_400;

    @Property(tries = 300)
    void additiveOverAdjacentIntervals(
            @ForAll @LongRange(min = 0, max = YEAR) long x,
            @ForAll @LongRange(min = 0, max = 40 * 86_400) long d1,
            @ForAll @LongRange(min = 0, max = 40 * 86_400) long d2) {
        BusinessCalendar c = BusinessCalendarTest.officeHours();
        long a = START + x;
        long b = a + d1;
        long e = b + d2;
        assertThat(c.businessSeconds(a, b) + c.businessSeconds(b, e)).isEqualTo(c.businessSeconds(a, e));
    }

    @Property(tries = 300)
    void twentyFourSevenIsWallTime(
            @ForAll @LongRange(min = 0, max = YEAR) long x, @ForAll @LongRange(min = 0, max = YEAR) long d) {
        assertThat(BusinessCalendar.ALWAYS.businessSeconds(START + x, START + x + d))
                .isEqualTo(d);
    }

    @Property(tries = 300)
    void aDeadlineIsTheFirstInstantTheWorkingTimeHasPassed(
            @ForAll @LongRange(min = 0, max = YEAR) long x, @ForAll @LongRange(min = 1, max = 200_000) long seconds) {
        BusinessCalendar c = BusinessCalendarTest.officeHours();
        long a = START + x;
        long deadline = c.deadline(a, seconds);
        assertThat(c.businessSeconds(a, deadline)).isEqualTo(seconds);
        assertThat(c.businessSeconds(a, deadline - 1)).isEqualTo(seconds - 1);
    }
}
