package com.slaledger.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import com.slaledger.notification.NotificationConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the SMTP path, from what sending actually experiences: DOWN once sends have been
 * failing for {@code notification.smtp-failing-after} (default a minute) with no success in
 * between, UP again at the first success. One failed attempt, or a server that blips, does not
 * flip it: no flapping. Costs nothing (no probe connection).
 */
@Readiness
@Default // @Readiness is a qualifier; the sender injects this bean by type as well
@ApplicationScoped
public class SmtpHealth implements HealthCheck {

    private final Duration failingAfter;
    private final Clock clock;
    /** When the current run of failures began; null while sending works. */
    private final AtomicReference<Instant> failingSince = new AtomicReference<>();

    private final AtomicReference<String> lastError = new AtomicReference<>();

    public SmtpHealth(NotificationConfig config, Clock clock) {
        this.failingAfter = config.smtpFailingAfter();
        this.clock = clock;
    }

    public void sent() {
        failingSince.set(null);
        lastError.set(null);
    }

    public void failed(String error) {
        failingSince.compareAndSet(null, clock.instant());
        lastError.set(error);
    }

    public boolean failing() {
        Instant since = failingSince.get();
        return since != null && !clock.instant().isBefore(since.plus(failingAfter));
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("SMTP");
        Instant since = failingSince.get();
        if (since != null) {
            response.withData("failingSince", since.toString()).withData("lastError", String.valueOf(lastError.get()));
        }
        return response.status(!failing()).build();
    }
}
