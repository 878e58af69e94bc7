package com.slaledger.ledger.engine;

/**
 * What a contract makes of no-data time, when every probe of a covered service is stale (SPEC §6
 * rule 1a): up (nothing), monitored down-time whatever the quorum, or time removed from the
 * contract like a maintenance window.
 */
public enum NoDataRule {
    UP,
    DOWN,
    EXCLUDED
}
