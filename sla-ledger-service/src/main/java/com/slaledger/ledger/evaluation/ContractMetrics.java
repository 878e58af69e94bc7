package com.slaledger.ledger.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.PolicyFigures;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.support.scheduling.Ticker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Per-contract figures of the current period on {@code /q/metrics} (SPEC §14), for Prometheus and
 * Grafana: availability, the allowance and what is left of it, the elements not met, the
 * shortfalls published. The only label is {@code contract}, so the series grow with contracts and
 * nothing else. Each evaluation of a contract's current period writes one row of
 * {@code contract_current} in its transaction; every instance reads the table every
 * {@link #REFRESH} into gauges (every instance shows every contract: aggregate with
 * {@code max by (contract)}). A contract that is gone loses its series at the next refresh.
 */
@ApplicationScoped
public class ContractMetrics {

    static final Duration REFRESH = Duration.ofSeconds(15);

    private static final String UPSERT = "INSERT INTO contract_current (contract_id, period, availability_percent,"
            + " allowance_seconds, downtime_seconds, elements_not_met, evaluated_at)"
            + " VALUES (:c, :p, :a, :allowance, :downtime, :notMet, :at)"
            + " ON CONFLICT (contract_id) DO UPDATE SET period = EXCLUDED.period,"
            + " availability_percent = EXCLUDED.availability_percent,"
            + " allowance_seconds = EXCLUDED.allowance_seconds, downtime_seconds = EXCLUDED.downtime_seconds,"
            + " elements_not_met = EXCLUDED.elements_not_met, evaluated_at = EXCLUDED.evaluated_at";

    private static final String SNAPSHOT = "SELECT c.contract_id, c.availability_percent, c.allowance_seconds,"
            + " c.downtime_seconds, c.elements_not_met,"
            + " (SELECT count(*) FROM shortfall s WHERE s.contract_id = c.contract_id AND s.period = c.period)"
            + " FROM contract_current c JOIN contract k ON k.contract_id = c.contract_id";

    /** The figures of one contract's current period. */
    record Figures(double availability, long allowance, long left, long elementsNotMet, long shortfalls) {}

    private final MeterRegistry registry;
    private final Map<String, Figures> current = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> meters = new HashMap<>();
    private Ticker ticker;

    public ContractMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        ticker = Ticker.start("contract-metrics", Duration.ofSeconds(5), REFRESH, this::refresh);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
    }

    /** Records the current period of a contract as just evaluated. Call inside the evaluation's transaction. */
    Uni<Void> record(String contractId, Statement s, List<Checklist.Item> items, Instant now) {
        PolicyFigures f = s.figures();
        long notMet = items.stream().filter(i -> !i.met()).count();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("c", contractId)
                        .setParameter("p", s.period().toString())
                        .setParameter("a", f.availabilityPercent())
                        .setParameter("allowance", f.allowanceSeconds())
                        .setParameter("downtime", f.downtimeSeconds())
                        .setParameter("notMet", (int) notMet)
                        .setParameter("at", now)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Reads every contract's current figures into the gauges. */
    Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(SNAPSHOT, Object[].class)
                        .getResultList()))
                .invoke(this::apply)
                .replaceWithVoid();
    }

    synchronized void apply(List<Object[]> rows) {
        Set<String> seen = new HashSet<>();
        for (Object[] r : rows) {
            String id = (String) r[0];
            long allowance = ((Number) r[2]).longValue();
            long downtime = ((Number) r[3]).longValue();
            current.put(
                    id,
                    new Figures(
                            ((Number) r[1]).doubleValue(),
                            allowance,
                            Math.max(0, allowance - downtime),
                            ((Number) r[4]).longValue(),
                            ((Number) r[5]).longValue()));
            seen.add(id);
            meters.computeIfAbsent(id, this::register);
        }
        for (String gone : new HashSet<>(meters.keySet())) {
            if (!seen.contains(gone)) {
                meters.remove(gone).forEach(registry::remove);
                current.remove(gone);
            }
        }
    }

    private List<Meter> register(String contractId) {
        Tags tags = Tags.of("contract", contractId);
        return List.of(
                gauge(
                        "sla.contract.availability.percent",
                        "Availability of the current period so far",
                        tags,
                        contractId,
                        Figures::availability),
                gauge(
                        "sla.contract.allowance.seconds",
                        "Downtime the current period allows",
                        tags,
                        contractId,
                        f -> f.allowance()),
                gauge(
                        "sla.contract.allowance.left.seconds",
                        "Allowance of the current period not used yet",
                        tags,
                        contractId,
                        f -> f.left()),
                gauge(
                        "sla.contract.elements.not.met",
                        "Elements of the checklist not met in the current period",
                        tags,
                        contractId,
                        f -> f.elementsNotMet()),
                gauge(
                        "sla.contract.shortfalls",
                        "Shortfalls published for the current period",
                        tags,
                        contractId,
                        f -> f.shortfalls()));
    }

    private Meter gauge(
            String name, String description, Tags tags, String contractId, ToDoubleFunction<Figures> value) {
        return Gauge.builder(name, current, m -> {
                    Figures f = m.get(contractId);
                    return f == null ? Double.NaN : value.applyAsDouble(f);
                })
                .description(description)
                .tags(tags)
                .register(registry);
    }
}
