package com.slaledger.ledger.engine;

/** What a probe reported. Only {@code DOWN} counts as down; {@code DEGRADED} counts as up. */
public enum HealthStatus {
    UP,
    DOWN,
    DEGRADED;

    public boolean isDown() {
        return this == DOWN;
    }
}
