package com.slaledger.events;

/** {@code OUTAGE}: the customer reports the service unavailable. {@code REQUEST}: anything else. */
public enum TicketKind {
    OUTAGE,
    REQUEST
}
