package com.slaledger.events;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link StatementIssued} records with {@link EventJson}. */
public class StatementIssuedDeserializer extends ObjectMapperDeserializer<StatementIssued> {

    public StatementIssuedDeserializer() {
        super(StatementIssued.class, EventJson.mapper());
    }
}
