package com.slaledger.notification.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How often one notice may be sent again on request: once per {@code interval}. A resend is a
 * deliberate extra copy of a legal document to a customer; a script or a double click must not
 * turn it into a flood. Plain Java: empty when a resend may go now, else how long to wait.
 */
public record ResendPolicy(Duration interval) {

    public Optional<Duration> waitBeforeResend(Instant lastResend, Instant now) {
        if (lastResend == null) {
            return Optional.empty();
        }
        Instant allowed = lastResend.plus(interval);
        if (!now.isBefore(allowed)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, allowed));
    }
}
