package com.slaledger.events;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The bounds of SPEC §11 that every service checks the same way: how far back an instant may lie
 * (after 2000-01-01 and within the late horizon), how precise a percentage may be, how long a
 * name or a text may be. Plain Java; each service reads the late horizon from
 * {@code ledger.late-horizon} (default {@link #DEFAULT_LATE_HORIZON}).
 */
public final class Limits {

    /** No instant on intake lies at or before this one. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    public static final String DEFAULT_LATE_HORIZON = "P400D";

    public static final int MAX_NAME = 200;

    public static final int MAX_TEXT = 1000;

    public static final int PERCENT_DECIMALS = 4;

    private Limits() {}

    /**
     * Why {@code at} is out of range for intake as of {@code now}, or null when it is in range:
     * after {@link #EARLIEST} and no further back than {@code lateHorizon} from now.
     */
    public static String instantProblem(Instant at, Instant now, Duration lateHorizon) {
        if (!at.isAfter(EARLIEST)) {
            return "must be after " + EARLIEST;
        }
        if (at.isBefore(now.minus(lateHorizon))) {
            return "must be no further back than the late horizon (" + lateHorizon + ") from now";
        }
        return null;
    }

    /** A percentage with at most four decimal places (trailing zeros do not count). */
    public static boolean percentPrecise(BigDecimal percent) {
        return percent.stripTrailingZeros().scale() <= PERCENT_DECIMALS;
    }
}
