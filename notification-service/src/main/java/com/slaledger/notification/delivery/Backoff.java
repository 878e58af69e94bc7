package com.slaledger.notification.delivery;

import java.time.Duration;

/**
 * How long to wait before the next attempt after {@code attempts} failed ones: doubling from
 * {@code initial} (attempt 1 waits {@code initial}, attempt 2 twice that, ...), never more than
 * {@code max}. A pure function of its inputs.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    public Duration after(int attempts) {
        Duration d = initial;
        for (int i = 1; i < attempts && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
