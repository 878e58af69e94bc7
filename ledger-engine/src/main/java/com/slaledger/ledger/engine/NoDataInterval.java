package com.slaledger.ledger.engine;

import java.util.List;

/**
 * Time in which no probe of a covered service knew its state (SPEC §6 rule 1a), as a statement
 * lists it: clipped to the period, {@code end} null while it goes on, {@code services} the covered
 * services without data in it.
 */
public record NoDataInterval(long start, Long end, long seconds, List<String> services) {}
