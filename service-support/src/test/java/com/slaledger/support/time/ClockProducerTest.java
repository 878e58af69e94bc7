package com.slaledger.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockProducerTest {

    @Test
    void withoutAnOffsetItIsTheSystemClock() {
        assertThat(ClockProducer.of(Duration.ZERO)).isEqualTo(Clock.systemUTC());
    }

    @Test
    void anOffsetShiftsItBothWays() {
        Instant ahead = ClockProducer.of(Duration.parse("P30D")).instant();
        Instant behind = ClockProducer.of(Duration.parse("-P12DT3H")).instant();
        Instant now = Instant.now();
        assertThat(Duration.between(now, ahead).minus(Duration.ofDays(30)).abs())
                .isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.between(now, behind).plus(Duration.parse("P12DT3H")).abs())
                .isLessThan(Duration.ofSeconds(5));
    }
}
