package com.slaledger.events;

/** How a contract's downtime is measured (SPEC §6). */
public enum MeasurementPolicy {
    /** Downtime starts when the provider's own monitoring sees it. */
    PROVIDER_MONITORED,
    /** Downtime starts only once the customer has reported it. */
    CUSTOMER_TICKET
}
