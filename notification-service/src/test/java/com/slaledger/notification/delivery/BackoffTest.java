package com.slaledger.notification.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

    @Test
    void doublesFromTheInitialDelay() {
        // 5 s, 10 s, 20 s, 40 s, 80 s, 160 s, 320 s
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(320));
    }

    @Test
    void isCappedAtTheMaximum() {
        // attempt 8 would wait 640 s; the cap is 600 s, and it stays there however many follow
        assertThat(backoff.after(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aCapBelowTheInitialDelayIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
