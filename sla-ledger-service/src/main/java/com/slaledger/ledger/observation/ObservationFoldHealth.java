package com.slaledger.ledger.observation;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the observation fold's own Kafka consumer (ObservationConsumer), which the Kafka
 * connector's channel checks do not see: UP once it has polled the broker, DOWN while it
 * reconnects after a failure.
 */
@Readiness
@ApplicationScoped
public class ObservationFoldHealth implements HealthCheck {

    private final ObservationConsumer consumer;

    public ObservationFoldHealth(ObservationConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("observation-fold")
                .status(consumer.polling())
                .build();
    }
}
