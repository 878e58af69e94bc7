package com.slaledger.ledger.engine;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** A period is a calendar month in the contract's time zone (SPEC §3); its end is exclusive. */
public final class Periods {

    private Periods() {}

    /** The first instant of the month, local midnight (or the first valid instant after a gap). */
    public static long start(YearMonth period, ZoneId zone) {
        return period.atDay(1).atStartOfDay(zone).toEpochSecond();
    }

    /** The first instant of the next month. */
    public static long end(YearMonth period, ZoneId zone) {
        return start(period.plusMonths(1), zone);
    }

    /** The period an instant falls in. */
    public static YearMonth of(long epochSecond, ZoneId zone) {
        return YearMonth.from(Instant.ofEpochSecond(epochSecond).atZone(zone));
    }
}
