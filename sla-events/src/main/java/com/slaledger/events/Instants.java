package com.slaledger.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** Reading and writing instants on the hot paths (intake, fold) without the general formatter. */
public final class Instants {

    private Instants() {}

    /**
     * {@link Instant#parse}, with the form every service writes ({@code 2026-10-01T12:00:05Z}, or
     * with a fraction of the second) read by hand: the formatter showed in the intake's and the
     * fold's profiles. Anything else goes to {@code Instant.parse}, which accepts or rejects it.
     *
     * @throws java.time.format.DateTimeParseException as {@code Instant.parse}
     */
    public static Instant parse(String s) {
        int n = s.length();
        if (n >= 20
                && n <= 30
                && s.charAt(4) == '-'
                && s.charAt(7) == '-'
                && s.charAt(10) == 'T'
                && s.charAt(13) == ':'
                && s.charAt(16) == ':'
                && s.charAt(n - 1) == 'Z') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int nanos = 0;
            boolean ok = year >= 0
                    && month >= 1
                    && month <= 12
                    && day >= 1
                    && hour >= 0
                    && hour <= 23
                    && minute >= 0
                    && minute <= 59
                    && second >= 0
                    && second <= 59;
            if (ok && n > 20) {
                // a fraction: '.' and 1 to 9 digits
                int digitsLength = n - 21;
                if (s.charAt(19) != '.' || digitsLength < 1 || digitsLength > 9) {
                    ok = false;
                } else {
                    int fraction = digits(s, 20, n - 1);
                    ok = fraction >= 0;
                    nanos = fraction;
                    for (int i = digitsLength; i < 9; i++) {
                        nanos *= 10;
                    }
                }
            } else if (ok && s.charAt(19) != 'Z') {
                ok = false;
            }
            if (ok && day <= YearMonth.of(year, month).lengthOfMonth()) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(s);
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * {@code Instant.toString()} for instants from year 1000 to 9999 (what the services write),
     * without the formatter: seconds always, then 3, 6 or 9 digits of fraction as needed.
     */
    public static String format(Instant at) {
        long seconds = at.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return at.toString();
        }
        StringBuilder b = new StringBuilder(30);
        b.append(year).append('-');
        two(b, date.getMonthValue()).append('-');
        two(b, date.getDayOfMonth()).append('T');
        two(b, secondOfDay / 3600).append(':');
        two(b, secondOfDay / 60 % 60).append(':');
        two(b, secondOfDay % 60);
        int nanos = at.getNano();
        if (nanos > 0) {
            b.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(b, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(b, nanos / 1000, 6);
            } else {
                pad(b, nanos, 9);
            }
        }
        return b.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return pad(b, v, 2);
    }

    private static StringBuilder pad(StringBuilder b, int v, int width) {
        String digits = Integer.toString(v);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }
}
