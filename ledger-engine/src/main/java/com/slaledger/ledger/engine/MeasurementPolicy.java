package com.slaledger.ledger.engine;

/** How a contract's downtime is measured (SPEC §6). */
public enum MeasurementPolicy {
    /** The monitored down-time: downtime starts when the provider's monitoring sees it. */
    PROVIDER_MONITORED,
    /** Monitored down-time while the customer has an OUTAGE ticket open. */
    CUSTOMER_TICKET
}
