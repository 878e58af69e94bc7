package com.slaledger.console;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's clock (which period is "current"), the same as the services': the system clock,
 * shifted by {@code sla.clock.offset} when a test runs the whole system at another instant (the
 * console has no service-support module; see its ClockProducer). Never set in production.
 */
@Singleton
public class ConsoleClock {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "sla.clock.offset") Optional<Duration> offset) {
        return offset.filter(o -> !o.isZero())
                .map(o -> Clock.offset(Clock.systemUTC(), o))
                .orElseGet(Clock::systemUTC);
    }
}
