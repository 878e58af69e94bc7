package com.slaledger.ledger.contract;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import com.slaledger.ledger.engine.Periods;

/**
 * Every version of a contract with the instant from which it is in force (SPEC §7): a change of
 * terms takes effect from the start of the period in which it was stored, so a past period is
 * computed with the terms that were in force in it. The first version also serves every period
 * before it (statements can be read for any period). Plain Java.
 */
public record ContractHistory(List<Entry> entries) {

    /** A version and the first instant it is in force. */
    public record Entry(ContractVersion version, Instant validFrom) {}

    public ContractHistory {
        entries = entries.stream()
                .sorted(Comparator.comparingLong(e -> e.version().version()))
                .toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a contract has at least one version");
        }
    }

    public ContractVersion current() {
        return entries.get(entries.size() - 1).version();
    }

    /**
     * The version in force in {@code period} (its start in the current version's time zone): the
     * latest version in force from that start or earlier; before the first, the first.
     */
    public ContractVersion inForce(YearMonth period) {
        long start = Periods.start(period, current().zone());
        ContractVersion chosen = entries.get(0).version();
        for (Entry e : entries) {
            if (e.validFrom().getEpochSecond() <= start) {
                chosen = e.version();
            }
        }
        return chosen;
    }

    /** When a new version stored at {@code now} takes effect: the start of the current period in its zone. */
    public static Instant validFrom(Instant now, java.time.ZoneId zone) {
        return Instant.ofEpochSecond(Periods.start(Periods.of(now.getEpochSecond(), zone), zone));
    }
}
