package com.slaledger.events;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link ShortfallDetected} records with {@link EventJson}. */
public class ShortfallDetectedDeserializer extends ObjectMapperDeserializer<ShortfallDetected> {

    public ShortfallDetectedDeserializer() {
        super(ShortfallDetected.class, EventJson.mapper());
    }
}
