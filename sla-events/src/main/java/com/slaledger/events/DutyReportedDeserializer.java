package com.slaledger.events;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@link DutyReported} records (the ledger's consumer). */
public class DutyReportedDeserializer extends ObjectMapperDeserializer<DutyReported> {

    public DutyReportedDeserializer() {
        super(DutyReported.class, EventJson.mapper());
    }
}
