package com.slaledger.ledger.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.HealthStatus;
import com.slaledger.ledger.engine.IntervalSet;
import com.slaledger.ledger.engine.MonitoredDowntime;
import com.slaledger.ledger.engine.Observation;
import com.slaledger.ledger.engine.ServiceHistory;
import com.slaledger.ledger.engine.TicketSpan;
import com.slaledger.ledger.registry.MonitoredServiceRepository;
import com.slaledger.ledger.ticket.LedgerTicket;
import com.slaledger.ledger.ticket.LedgerTicketRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Loads what the engine needs for a set of contracts: each covered service's monitored
 * down-time, computed once however many contracts share the service, and each contract's
 * ticket-open time per service. A service's down-time is cached and recomputed only when its
 * version (bumped by every fold) or its registry rules (quorum, staleAfter) changed. Call inside a session.
 */
@ApplicationScoped
public class EngineInputRepository {

    private static final String OBSERVATIONS =
            "SELECT service_id, probe_id, status, CAST(EXTRACT(EPOCH FROM observed_at) AS BIGINT)"
                    + " FROM observation WHERE service_id IN (:services)";

    private final MonitoredServiceRepository registry;
    private final LedgerTicketRepository tickets;
    private final ChangeMarkRepository changes;
    /** Monitored down-time per service, valid while the service's version and quorum are unchanged. */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long version, MonitoredServiceRepository.Rules rules, ServiceHistory history) {}

    public EngineInputRepository(
            MonitoredServiceRepository registry, LedgerTicketRepository tickets, ChangeMarkRepository changes) {
        this.registry = registry;
        this.tickets = tickets;
        this.changes = changes;
    }

    /** The engine's inputs: monitoring per service, ticket-open time per contract and service. */
    public record Inputs(Map<String, ServiceHistory> histories, Map<String, Map<String, IntervalSet>> ticketOpen) {

        public Map<String, IntervalSet> ticketOpenOf(String contractId) {
            return ticketOpen.getOrDefault(contractId, Map.of());
        }
    }

    public Uni<Inputs> load(Collection<ContractVersion> contracts) {
        TreeSet<String> services = new TreeSet<>();
        contracts.forEach(c -> services.addAll(c.terms().services()));
        List<String> contractIds =
                contracts.stream().map(ContractVersion::contractId).toList();
        return histories(services).chain(histories -> tickets.outagesOf(contractIds)
                .map(list -> new Inputs(histories, ticketOpen(list))));
    }

    private Uni<Map<String, ServiceHistory>> histories(TreeSet<String> services) {
        if (services.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> ids = List.copyOf(services);
        return registry.rules(ids).chain(rules -> changes.services(ids).chain(states -> {
            Map<String, ServiceHistory> histories = new HashMap<>();
            List<String> stale = new ArrayList<>();
            for (String id : ids) {
                long version = states.containsKey(id) ? states.get(id).version() : 0;
                Cached cached = cache.get(id);
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
            return load(stale).map(observations -> {
                for (String id : stale) {
                    List<Observation> list = observations.getOrDefault(id, List.of());
                    MonitoredServiceRepository.Rules r = rules.get(id);
                    ServiceHistory history = MonitoredDowntime.history(list, r.downQuorum(), r.staleAfterSeconds());
                    long version = states.containsKey(id) ? states.get(id).version() : 0;
                    cache.put(id, new Cached(version, r, history));
                    histories.put(id, history);
                }
                return histories;
            });
        }));
    }

    private Uni<Map<String, List<Observation>>> load(List<String> services) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(OBSERVATIONS, Object[].class)
                        .setParameter("services", services)
                        .getResultList())
                .map(rows -> {
                    Map<String, List<Observation>> byService = new HashMap<>();
                    for (Object[] row : rows) {
                        byService
                                .computeIfAbsent((String) row[0], k -> new ArrayList<>())
                                .add(new Observation(
                                        (String) row[1],
                                        HealthStatus.valueOf((String) row[2]),
                                        ((Number) row[3]).longValue()));
                    }
                    return byService;
                });
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

    private static long epoch(Instant i) {
        return i.getEpochSecond();
    }
}
