package com.slaledger.events;

import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;

/** Serialises any event of this module with {@link EventJson}; the value serializer of every producer. */
public class EventSerializer extends ObjectMapperSerializer<Object> {

    public EventSerializer() {
        super(EventJson.mapper());
    }
}
