package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was already published for a contract in the periods being evaluated: the highest
 * availability credit tier per period, the other elements published short (per period), the
 * warning thresholds of the current period, and each period's latest statement version with its
 * fingerprint. Each is published once (SPEC §7, §13), so the decision is taken against this.
 */
public record Published(
        Map<YearMonth, BigDecimal> highestTier,
        Map<YearMonth, Set<String>> elementsShort,
        List<BigDecimal> warned,
        Map<YearMonth, Issued> statements) {

    /** A statement version as issued, and the fingerprint of what it said. */
    public record Issued(int version, String fingerprint) {}

    public static final Published NOTHING = new Published(Map.of(), Map.of(), List.of(), Map.of());

    public Published {
        highestTier = Map.copyOf(highestTier);
        Map<YearMonth, Set<String>> elements = new HashMap<>();
        elementsShort.forEach((p, e) -> elements.put(p, Set.copyOf(e)));
        elementsShort = Map.copyOf(elements);
        warned = List.copyOf(warned);
        statements = Map.copyOf(statements);
    }

    /** A shortfall as stored: its period, its element, its tier (availability only, else null). */
    public record Shortfall(YearMonth period, String element, BigDecimal tier) {}

    /** What was published, from the stored shortfalls, warnings and statement versions. */
    public static Published of(
            List<Shortfall> shortfalls, List<BigDecimal> warned, Map<YearMonth, Issued> latestStatements) {
        Map<YearMonth, BigDecimal> highest = new HashMap<>();
        Map<YearMonth, Set<String>> elements = new HashMap<>();
        for (Shortfall s : shortfalls) {
            if (Checklist.AVAILABILITY.equals(s.element())) {
                highest.merge(s.period(), s.tier(), BigDecimal::max);
            } else {
                elements.computeIfAbsent(s.period(), k -> new HashSet<>()).add(s.element());
            }
        }
        return new Published(highest, elements, warned, latestStatements);
    }
}
