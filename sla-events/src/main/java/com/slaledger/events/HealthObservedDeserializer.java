package com.slaledger.events;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link HealthObserved} records with {@link EventJson}. */
public class HealthObservedDeserializer extends ObjectMapperDeserializer<HealthObserved> {

    public HealthObservedDeserializer() {
        super(HealthObserved.class, EventJson.mapper());
    }
}
