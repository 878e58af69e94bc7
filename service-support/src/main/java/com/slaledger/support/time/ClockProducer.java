package com.slaledger.support.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock of a service: every "now" is read from the injected {@link Clock}, never from the
 * system clock or the database's {@code now()}, so that the whole service can be run as if it were
 * another day.
 *
 * <p>{@code sla.clock.offset} (an ISO duration, e.g. {@code -P12DT3H}; environment {@code
 * SLA_CLOCK_OFFSET}) shifts the clock by that much from the system clock: the tests set it to run a
 * service at a chosen instant (a fixed day in the past for tests whose data has fixed dates, an
 * unkind instant such as the first minutes of a month for the others; docs/operations.md, "Tests
 * and the clock"). It is a device for tests: a service that runs with it says so in its log at
 * start, and the Docker and Kubernetes files never set it.
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = "sla.clock.offset") Optional<Duration> offset) {
        return of(offset.orElse(Duration.ZERO));
    }

    /** The system's UTC clock shifted by {@code offset}. */
    static Clock of(Duration offset) {
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        Log.warnf(
                "this service's clock runs %s off the system clock (sla.clock.offset): a setting for tests only",
                offset);
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
