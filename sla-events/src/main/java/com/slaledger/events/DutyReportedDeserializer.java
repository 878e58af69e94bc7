package com.slaledger.events;

/** Reads {@link DutyReported} records (the ledger's consumer). */
public class DutyReportedDeserializer extends FoldedRecordDeserializer<DutyReported> {

    public DutyReportedDeserializer() {
        super(DutyReported.class, EventJson.mapper());
    }
}
