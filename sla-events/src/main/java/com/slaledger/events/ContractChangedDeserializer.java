package com.slaledger.events;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link ContractChanged} records with {@link EventJson}. */
public class ContractChangedDeserializer extends ObjectMapperDeserializer<ContractChanged> {

    public ContractChangedDeserializer() {
        super(ContractChanged.class, EventJson.mapper());
    }
}
