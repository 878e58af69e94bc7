package com.slaledger.ledger.contract;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.ContractVersions;
import com.slaledger.ledger.engine.Periods;

/**
 * Every stored version of a contract with the instant from which it is in force; which version
 * serves a period is the engine's rule ({@link ContractVersions}), applied here to the stored
 * versions and handed to the engine as its {@link ContractVersions}.
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

    /** The version in force in {@code period} (the engine's rule, ContractVersions.inForce). */
    public ContractVersion inForce(YearMonth period) {
        return ContractVersions.inForce(
                        entries,
                        e -> e.validFrom().getEpochSecond(),
                        Periods.start(period, current().zone()))
                .version();
    }

    /** The longest minimum downtime of any version (the input window's margin). */
    public long longestMinimum() {
        return ContractVersions.longestMinimum(
                entries.stream().map(e -> e.version().engine()).toList());
    }

    /** Every version as the engine takes them, each with its agreement ({@code agreement} of the version). */
    public ContractVersions engine(Function<ContractVersion, Checklist.Agreement> agreement) {
        ContractVersion current = current();
        Long startsAt = current.terms().startsOn() == null
                ? null
                : current.terms().startsOn().atStartOfDay(current.zone()).toEpochSecond();
        return new ContractVersions(
                entries.stream()
                        .map(e -> new ContractVersions.Version(
                                e.version().version(),
                                e.validFrom().getEpochSecond(),
                                e.version().engine(),
                                agreement.apply(e.version())))
                        .toList(),
                current.createdAt().getEpochSecond(),
                startsAt);
    }

    /** When a new version stored at {@code now} takes effect (the engine's rule, ContractVersions.validFrom). */
    public static Instant validFrom(Instant now, ZoneId zone) {
        return Instant.ofEpochSecond(ContractVersions.validFrom(now.getEpochSecond(), zone));
    }
}
