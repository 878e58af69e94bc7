package com.slaledger.ledger.engine;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Every version of a contract's terms and the instant from which each is in force (SPEC §7): a
 * change of terms takes effect from the start of the period in which it was stored, so a past
 * period is computed with the terms that were in force in it; the first version also serves every
 * period before it. With the contract's first store ({@code createdAt}) and its {@code startsOn}
 * (as its first instant, {@code startsAt}, or null), which decide whose statements are issued.
 */
public record ContractVersions(List<Version> all, long createdAt, Long startsAt) {

    /** One version: its number, the first instant it is in force, its terms and agreement. */
    public record Version(long version, long validFrom, Terms terms, Checklist.Agreement agreement) {}

    public ContractVersions {
        all = all.stream().sorted(Comparator.comparingLong(Version::version)).toList();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a contract has at least one version");
        }
    }

    public Version current() {
        return all.get(all.size() - 1);
    }

    /**
     * The version in force in {@code period} (its start in the current version's time zone): the
     * latest version in force from that start or earlier; before the first, the first.
     */
    public Version inForce(YearMonth period) {
        return inForce(
                all, Version::validFrom, Periods.start(period, current().terms().zone()));
    }

    /**
     * Of versions in order, the one in force at {@code periodStart}: the latest in force from that
     * instant or earlier; before the first, the first. For whoever keeps versions of its own kind.
     */
    public static <V> V inForce(List<V> inOrder, ToLongFunction<V> validFrom, long periodStart) {
        V chosen = inOrder.get(0);
        for (V v : inOrder) {
            if (validFrom.applyAsLong(v) <= periodStart) {
                chosen = v;
            }
        }
        return chosen;
    }

    /**
     * The longest minimum downtime of any version: the input window's margin (a period read with
     * one version's terms must be read wide enough for any of them, Judgement.inputWindow).
     */
    public long longestMinimum() {
        return longestMinimum(all.stream().map(Version::terms).toList());
    }

    /** The same for a list of terms. */
    public static long longestMinimum(List<Terms> terms) {
        return terms.stream().mapToLong(Terms::minimumDowntimeSeconds).max().orElse(0);
    }

    /** When a new version stored at {@code now} takes effect: the start of the current period in its zone. */
    public static long validFrom(long now, ZoneId zone) {
        return Periods.start(Periods.of(now, zone), zone);
    }
}
