package com.slaledger.document;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Instants and durations as people read them in notices and documents: an instant in the
 * customer's time zone with its offset and, in brackets, in UTC ("2026-10-03 15:05:00 +01:00
 * (14:05:00 UTC)"); a duration as "1 h 02 min".
 */
public final class Wording {

    private Wording() {}

    /**
     * An instant in {@code zone} with its offset, and in UTC in brackets (the UTC date only when
     * it differs from the local one); in UTC alone when the zone is UTC. Null: "now (ongoing)". In
     * English; {@link Words} writes it in the contract's language.
     */
    public static String instant(Instant at, ZoneId zone) {
        return Words.english().instant(at, zone);
    }

    /** "3 min", "1 h 02 min", "26 h 40 min 05 s", "45 s", "0 s". */
    public static String duration(long seconds) {
        long h = seconds / 3600;
        long min = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder b = new StringBuilder();
        if (h > 0) {
            b.append(h)
                    .append(" h ")
                    .append(String.format(Locale.ROOT, "%02d", min))
                    .append(" min");
        } else if (min > 0) {
            b.append(min).append(" min");
        }
        if (s > 0 || b.length() == 0) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(h > 0 || min > 0 ? String.format(Locale.ROOT, "%02d", s) : Long.toString(s))
                    .append(" s");
        }
        return b.toString();
    }

    /** "October 2026". */
    public static String month(YearMonth period) {
        return Words.english().month(period);
    }

    /** 2674800 → "2,674,800". */
    public static String grouped(long n) {
        return Words.english().grouped(n);
    }
}
