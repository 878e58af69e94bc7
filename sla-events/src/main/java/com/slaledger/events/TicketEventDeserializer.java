package com.slaledger.events;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link TicketEvent} records with {@link EventJson}. */
public class TicketEventDeserializer extends ObjectMapperDeserializer<TicketEvent> {

    public TicketEventDeserializer() {
        super(TicketEvent.class, EventJson.mapper());
    }
}
