package com.slaledger.events;

/** What a probe saw. {@code DEGRADED} counts as up (SPEC §6 rule 1). */
public enum HealthStatus {
    UP,
    DOWN,
    DEGRADED
}
