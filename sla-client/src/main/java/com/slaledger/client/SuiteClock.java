package com.slaledger.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The instant the test suite runs at, one for the whole JVM: the services under test read it
 * through {@code sla.clock.offset} (their clock is the system clock shifted by {@link #offset()}),
 * and a test that needs "now" for its own data asks {@link #now()} (or the service's injected
 * {@code Clock}), never the system clock.
 *
 * <p>The system property {@code sla.test.now} chooses it:
 *
 * <ul>
 *   <li>{@code next-month} (the build's default): five minutes past midnight UTC on the first day
 *       of next month, an unkind instant on purpose. The current UTC period began five minutes
 *       ago and the previous one is not final yet (its grace time runs), New York is still in the
 *       previous month and Tokyo in the new one; a test that silently assumes "an hour ago is this
 *       month" or "today is the month the test was written in" fails on the day it is written, not
 *       weeks later.
 *   <li>{@code real}: the system clock as it is.
 *   <li>an ISO-8601 instant ({@code 2028-02-29T12:00:00Z}): that instant when the JVM first asks.
 * </ul>
 *
 * <p>The suite's clock ticks: it reads the chosen instant when it is first asked for, and moves on
 * with the system clock. Tests whose data has fixed dates and whose expectations depend on "now"
 * run at {@link #PINNED} instead, whatever the suite's instant ({@link #pinned()}; for a
 * {@code @QuarkusTest}, the profile {@code PinnedClock} of test-support). Here, beside the local
 * stack's tokens, because both the services' tests and the system tests use it.
 */
public final class SuiteClock {

    /** The system property that chooses the suite's instant. */
    public static final String PROPERTY = "sla.test.now";

    /** The instant the pinned tests were written against: data of October 2026, now in November. */
    public static final Instant PINNED = Instant.parse("2026-11-20T12:00:00Z");

    private static final Duration OFFSET = offsetFor(System.getProperty(PROPERTY, "next-month"), Instant.now());

    private SuiteClock() {}

    /** How far the suite's clock runs from the system clock. */
    public static Duration offset() {
        return OFFSET;
    }

    /** The suite's clock. */
    public static Clock clock() {
        return OFFSET.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), OFFSET);
    }

    /** Now, on the suite's clock, to the whole second. */
    public static Instant now() {
        return clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The offset of the pinned clock: it read {@link #PINNED} when this JVM first asked. */
    public static Duration pinnedOffset() {
        return Pinned.OFFSET;
    }

    /** The pinned clock ({@link #pinnedOffset()}). */
    public static Clock pinned() {
        return Clock.offset(Clock.systemUTC(), Pinned.OFFSET);
    }

    private static final class Pinned {
        static final Duration OFFSET = offsetTo(PINNED);
    }

    /** The offset that makes a clock read {@code target} now. */
    public static Duration offsetTo(Instant target) {
        return Duration.between(Instant.now(), target).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The offset the setting {@code value} asks for, as of the system instant {@code real}. */
    static Duration offsetFor(String value, Instant real) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || v.equals("next-month")) {
            Instant target = YearMonth.from(real.atZone(ZoneOffset.UTC))
                    .plusMonths(1)
                    .atDay(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .plusMinutes(5)
                    .toInstant();
            return Duration.between(real, target).truncatedTo(ChronoUnit.SECONDS);
        }
        if (v.equals("real")) {
            return Duration.ZERO;
        }
        try {
            return Duration.between(real, Instant.parse(v)).truncatedTo(ChronoUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    PROPERTY + " must be next-month, real or an ISO-8601 instant, not '" + value + "'", e);
        }
    }
}
