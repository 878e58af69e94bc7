package com.slaledger.support.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock of a service: every "now" is read from the injected {@link Clock}, so that a test
 * can fix time by producing a clock of its own (a {@code @DefaultBean} yields to any other).
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
