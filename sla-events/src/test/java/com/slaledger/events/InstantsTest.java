package com.slaledger.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written instant reader and writer agree with {@code Instant.parse} and {@code toString}. */
class InstantsTest {

    /** Years 1000 to 9999, any second, no fraction, whole milliseconds, micros or nanos. */
    @Property(tries = 2000)
    void writesAndReadsAsTheJdkDoes(
            @ForAll @LongRange(min = -30_610_224_000L, max = 253_402_300_799L) long second,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = 0, max = 3) int precision) {
        int n =
                switch (precision) {
                    case 0 -> 0;
                    case 1 -> nanos / 1_000_000 * 1_000_000;
                    case 2 -> nanos / 1000 * 1000;
                    default -> nanos;
                };
        Instant at = Instant.ofEpochSecond(second, n);
        assertThat(Instants.format(at)).isEqualTo(at.toString());
        assertThat(Instants.parse(at.toString())).isEqualTo(at);
    }

    @Test
    void readsWhatInstantParseReads() {
        for (String s : new String[] {
            "2026-10-01T00:00:00Z",
            "2024-02-29T23:59:59Z",
            "2026-10-01T12:00:05.5Z",
            "2026-10-01T12:00:05.123456789Z",
            "2026-10-03T15:05:00+01:00",
            "-5000-01-01T00:00:00Z",
            "+12026-10-01T00:00:00Z",
            // the JDK's own leniencies, kept: the end of a day, an empty fraction
            "2026-10-01T24:00:00Z",
            "2026-10-01T00:00:00.Z"
        }) {
            assertThat(Instants.parse(s)).as(s).isEqualTo(Instant.parse(s));
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String s : new String[] {
            "2026-02-30T00:00:00Z",
            "2026-10-01T24:00:01Z",
            "2026-13-01T00:00:00Z",
            "2026-10-01T00:00:60Z",
            "2026-10-01T00:00:00.1234567890Z",
            "2026-10-01 00:00:00Z",
            "yesterday",
            "2026-10-0aT00:00:00Z"
        }) {
            assertThatThrownBy(() -> Instants.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }
}
