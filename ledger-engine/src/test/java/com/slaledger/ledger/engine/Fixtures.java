package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Shared builders for the engine's tests. */
final class Fixtures {

    private Fixtures() {}

    static long t(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    static Interval iv(String start, String end) {
        return new Interval(t(start), end == null ? Interval.OPEN : t(end));
    }

    static Observation obs(String probe, HealthStatus status, String at) {
        return new Observation(probe, status, t(at));
    }

    static final List<CreditTier> SPEC_TIERS = List.of(
            new CreditTier(new BigDecimal("99.9"), new BigDecimal("10")),
            new CreditTier(new BigDecimal("99.0"), new BigDecimal("25")),
            new CreditTier(new BigDecimal("95.0"), new BigDecimal("100")));

    /** The SPEC §4 example contract, with the given policy, services and maintenance. */
    static Terms terms(
            MeasurementPolicy policy,
            List<String> services,
            long minimumSeconds,
            String zone,
            List<Interval> maintenance) {
        return new Terms(
                "acme",
                services,
                policy,
                new BigDecimal("99.9"),
                minimumSeconds,
                ZoneId.of(zone),
                SPEC_TIERS,
                new BigDecimal("100"),
                new Money(new BigDecimal("1000.00"), "EUR"),
                maintenance,
                NoDataRule.UP,
                List.of());
    }
}
