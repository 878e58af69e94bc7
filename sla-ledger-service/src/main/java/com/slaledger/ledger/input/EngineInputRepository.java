package com.slaledger.ledger.input;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ledger.change.ChangeMarkRepository;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.dispute.DisputeRepository;
import com.slaledger.ledger.engine.Dispute;
import com.slaledger.ledger.engine.Exclusion;
import com.slaledger.ledger.engine.Interval;
import com.slaledger.ledger.engine.IntervalSet;
import com.slaledger.ledger.engine.MonitoredDowntime;
import com.slaledger.ledger.engine.Observation;
import com.slaledger.ledger.engine.ServiceHistory;
import com.slaledger.ledger.engine.TicketSpan;
import com.slaledger.ledger.exclusion.ExclusionRepository;
import com.slaledger.ledger.observation.ObservationKeys;
import com.slaledger.ledger.registry.MonitoredServiceRepository;
import com.slaledger.ledger.ticket.LedgerTicket;
import com.slaledger.ledger.ticket.LedgerTicketRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Loads what the engine needs for a contract and an input window (Judgement.inputWindow): each
 * covered service's observations in the window plus each probe's last one before it, and the
 * contract's outage tickets that overlap the window. Nothing outside the window is read, so the
 * cost does not grow with history (SPEC §11). A service's monitored down-time for a window is
 * computed once however many contracts share it, and kept while the service's version (bumped by
 * every fold), its registry rules and the window are unchanged. Call inside a session.
 */
@ApplicationScoped
public class EngineInputRepository {

    private static final String IN_WINDOW = "SELECT p.service_id, p.probe_id, o.status,"
            + " CAST(EXTRACT(EPOCH FROM o.observed_at) AS BIGINT) FROM probe p JOIN observation o"
            + " ON o.probe_key = p.probe_key AND o.observed_at >= :from AND o.observed_at < :to"
            + " WHERE p.service_id IN (:services)";

    /**
     * Each probe's latest observation before the window (DOWN winning a tie): one backward index
     * probe per month partition at most, and only until one is found.
     */
    private static final String LAST_BEFORE = "SELECT p.service_id, p.probe_id, o.status, o.at FROM probe p"
            + " CROSS JOIN LATERAL (SELECT status, CAST(EXTRACT(EPOCH FROM observed_at) AS BIGINT) AS at"
            + " FROM observation WHERE probe_key = p.probe_key AND observed_at < :from"
            + " ORDER BY observed_at DESC, status = 1 DESC LIMIT 1) o"
            + " WHERE p.service_id IN (:services)";

    private static final String OBSERVED = "SELECT DISTINCT service_id FROM probe WHERE service_id IN (:services)";

    /** Kept entries at most; the cache is emptied when it grows past this (a new window per period). */
    static final int MAX_CACHED = 20_000;

    private final MonitoredServiceRepository registry;
    private final LedgerTicketRepository tickets;
    private final ChangeMarkRepository changes;
    private final ExclusionRepository exclusions;
    private final DisputeRepository disputes;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    private record Key(String serviceId, long from, long to) {}

    private record Cached(long version, MonitoredServiceRepository.Rules rules, ServiceHistory history) {}

    public EngineInputRepository(
            MonitoredServiceRepository registry,
            LedgerTicketRepository tickets,
            ChangeMarkRepository changes,
            ExclusionRepository exclusions,
            DisputeRepository disputes) {
        this.registry = registry;
        this.tickets = tickets;
        this.changes = changes;
        this.exclusions = exclusions;
        this.disputes = disputes;
    }

    /**
     * The engine's inputs: monitoring per service, ticket-open time per contract and service, the
     * approved exclusions per contract (SPEC §16.1, of every period: at most 500 a contract) and the
     * accepted disputes (SPEC §17, rule 4b; at most 500 a contract).
     */
    public record Inputs(
            Map<String, ServiceHistory> histories,
            Map<String, Map<String, IntervalSet>> ticketOpen,
            Map<String, List<Exclusion>> exclusions,
            Map<String, List<Dispute>> disputes) {

        public List<Dispute> disputesOf(String contractId) {
            return disputes.getOrDefault(contractId, List.of());
        }

        public Map<String, IntervalSet> ticketOpenOf(String contractId) {
            return ticketOpen.getOrDefault(contractId, Map.of());
        }

        public List<Exclusion> exclusionsOf(String contractId) {
            return exclusions.getOrDefault(contractId, List.of());
        }
    }

    /** The inputs of the contracts' services and tickets for {@code window} (epoch seconds). */
    public Uni<Inputs> load(Collection<ContractVersion> contracts, Interval window) {
        TreeSet<String> services = new TreeSet<>();
        contracts.forEach(c -> services.addAll(c.terms().monitoredServices()));
        List<String> contractIds =
                contracts.stream().map(ContractVersion::contractId).distinct().toList();
        return histories(services, window)
                .chain(histories -> tickets.outagesOf(contractIds, instant(window.start()), instant(window.end()))
                        .chain(list -> exclusions.approved(contractIds).chain(approved -> disputes.accepted(contractIds)
                                .map(accepted -> {
                                    Map<String, List<Exclusion>> byContract = new HashMap<>();
                                    for (var e : approved) {
                                        byContract
                                                .computeIfAbsent(e.contractId, c -> new ArrayList<>())
                                                .add(e.engine());
                                    }
                                    Map<String, List<Dispute>> disputed = new HashMap<>();
                                    for (var d : accepted) {
                                        disputed.computeIfAbsent(d.contractId, c -> new ArrayList<>())
                                                .add(d.engine());
                                    }
                                    return new Inputs(histories, ticketOpen(list), byContract, disputed);
                                }))));
    }

    private Uni<Map<String, ServiceHistory>> histories(TreeSet<String> services, Interval window) {
        if (services.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> ids = List.copyOf(services);
        return registry.rules(ids).chain(rules -> changes.services(ids).chain(states -> {
            Map<String, ServiceHistory> histories = new HashMap<>();
            List<String> stale = new ArrayList<>();
            for (String id : ids) {
                long version = states.containsKey(id) ? states.get(id).version() : 0;
                Cached cached = cache.get(new Key(id, window.start(), window.end()));
                if (cached != null
                        && cached.version() == version
                        && cached.rules().equals(rules.get(id))) {
                    histories.put(id, cached.history());
                } else {
                    stale.add(id);
                }
            }
            if (stale.isEmpty()) {
                return Uni.createFrom().item(histories);
            }
            return observations(stale, window)
                    .chain(observations -> observed(stale).map(everObserved -> {
                        if (cache.size() > MAX_CACHED) {
                            cache.clear();
                        }
                        for (String id : stale) {
                            MonitoredServiceRepository.Rules r = rules.get(id);
                            ServiceHistory history = MonitoredDowntime.history(
                                    observations.getOrDefault(id, List.of()),
                                    r.downQuorum(),
                                    r.staleAfterSeconds(),
                                    everObserved.contains(id));
                            long version =
                                    states.containsKey(id) ? states.get(id).version() : 0;
                            cache.put(new Key(id, window.start(), window.end()), new Cached(version, r, history));
                            histories.put(id, history);
                        }
                        return histories;
                    }));
        }));
    }

    /** The window's observations and each probe's last one before it, by service. */
    private static Uni<Map<String, List<Observation>>> observations(List<String> services, Interval window) {
        Map<String, List<Observation>> byService = new HashMap<>();
        return rows(IN_WINDOW, services, window)
                .invoke(rows -> add(rows, byService))
                .chain(() -> rows(LAST_BEFORE, services, window))
                .map(rows -> {
                    add(rows, byService);
                    return byService;
                });
    }

    private static Uni<List<Object[]>> rows(String sql, List<String> services, Interval window) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Object[].class)
                    .setParameter("services", services)
                    .setParameter("from", instant(window.start()));
            if (sql == IN_WINDOW) {
                query.setParameter("to", instant(window.end()));
            }
            return query.getResultList();
        });
    }

    private static void add(List<Object[]> rows, Map<String, List<Observation>> byService) {
        for (Object[] row : rows) {
            byService
                    .computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new Observation(
                            (String) row[1],
                            ObservationKeys.engineStatus(((Number) row[2]).shortValue()),
                            ((Number) row[3]).longValue()));
        }
    }

    /** The services any probe has ever reported on (for the customer-ticket policy). */
    private static Uni<Set<String>> observed(List<String> services) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(OBSERVED, String.class)
                        .setParameter("services", services)
                        .getResultList())
                .map(HashSet::new);
    }

    private static Map<String, Map<String, IntervalSet>> ticketOpen(List<LedgerTicket> outageTickets) {
        Map<String, Map<String, List<TicketSpan>>> spans = new HashMap<>();
        for (LedgerTicket t : outageTickets) {
            spans.computeIfAbsent(t.contractId, k -> new HashMap<>())
                    .computeIfAbsent(t.serviceId, k -> new ArrayList<>())
                    .add(new TicketSpan(epoch(t.reportedAt), t.resolvedAt == null ? null : epoch(t.resolvedAt)));
        }
        Map<String, Map<String, IntervalSet>> out = new HashMap<>();
        spans.forEach((contract, byService) -> {
            Map<String, IntervalSet> sets = new HashMap<>();
            byService.forEach((service, list) -> sets.put(service, TicketSpan.openTime(list)));
            out.put(contract, sets);
        });
        return out;
    }

    /** An epoch second as the instant PostgreSQL compares (clamped to what it can hold). */
    static OffsetDateTime instant(long epochSecond) {
        long clamped = Math.max(MIN_EPOCH, Math.min(MAX_EPOCH, epochSecond));
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(clamped), ZoneOffset.UTC);
    }

    private static final long MIN_EPOCH = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_EPOCH = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private static long epoch(Instant i) {
        return i.getEpochSecond();
    }
}
