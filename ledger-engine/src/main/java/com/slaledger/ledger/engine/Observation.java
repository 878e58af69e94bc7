package com.slaledger.ledger.engine;

/** One probe's report about one service at {@code at} (epoch seconds). */
public record Observation(String probeId, HealthStatus status, long at) {}
