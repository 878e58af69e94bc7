package com.slaledger.events;

/** Reads {@link TicketEvent} records with {@link EventJson}; an unreadable one becomes null (FoldedRecordDeserializer). */
public class TicketEventDeserializer extends FoldedRecordDeserializer<TicketEvent> {

    public TicketEventDeserializer() {
        super(TicketEvent.class, EventJson.mapper());
    }
}
