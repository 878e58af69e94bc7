package com.slaledger.events;

/** What an agent reports about a duty (SPEC §13.3): only SUCCESS counts as done. */
public enum DutyOutcome {
    SUCCESS,
    FAILURE
}
