package com.slaledger.ledger.statement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.contract.ContractVersion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Final statements as JSON, answered again while nothing they were computed from has changed.
 *
 * <p>A statement is a function of the contract's versions, its services' observations, its
 * tickets, its duty evidence, its services' registry rules, the calendars, and the present. The
 * first six are named by a <em>fingerprint</em>, read in one query: the contract's version, its
 * input version (bumped in the transaction of every change of its tickets, terms, duty evidence
 * or rules: ChangeMarkRepository), the sum of its services' day versions up to the statement's
 * last day (each fold bumps the UTC day of the earliest observation it stored of a service, so every
 * observation that can reach the statement changes the sum, and today's observations leave a
 * closed month alone; compaction changes no statement), how many of its services were ever
 * observed (the customer-ticket policy asks, whenever), and the calendars' versions. The present is taken out
 * by computing the statement twice from the same inputs, as of now and as of a century later, and
 * keeping it only when both are the same and the period is final: nothing in it then waits on
 * time alone (an ongoing outage, an open ticket's deadline, a duty's lapse); whatever still can
 * change needs a new input, which changes the fingerprint.
 *
 * <p>The fingerprint is read before the inputs: a change that commits in between leaves an entry
 * whose fingerprint is already out of date (computed again on the next request), never one that
 * claims a newer state than its content. Each instance keeps its own entries, up to {@code
 * ledger.statement-cache-bytes}, least recently used first out; the fingerprint lives in the
 * database, so every instance sees every other's changes.
 */
@ApplicationScoped
public class StatementCache {

    /** A century: "later" for the check that a statement no longer changes with time. */
    static final long LATER_SECONDS = 100L * 366 * 86_400;

    private static final String FINGERPRINT = "SELECT"
            + " (SELECT version FROM contract WHERE contract_id = :c),"
            + " (SELECT version FROM contract_input WHERE contract_id = :c),"
            + " (SELECT CAST(sum(d.version) AS BIGINT) FROM contract_service cs JOIN service_day_change d"
            + " ON d.service_id = cs.service_id AND d.day <= :day WHERE cs.contract_id = :c),"
            // which of its services were ever observed (the customer-ticket policy asks), whenever
            + " (SELECT count(*) FROM contract_service cs WHERE cs.contract_id = :c"
            + " AND EXISTS (SELECT 1 FROM service_day_change d WHERE d.service_id = cs.service_id)),"
            + " (SELECT md5(string_agg(calendar_id || ':' || version, ',' ORDER BY calendar_id)) FROM calendar)";

    private record Key(String contractId, YearMonth period) {}

    /** What a statement was computed from, but the present. */
    record Fingerprint(
            Long contractVersion,
            Long inputVersion,
            Long observationVersions,
            Long observedServices,
            String calendars) {}

    private record Entry(LocalDate lastDay, Fingerprint fingerprint, byte[] json) {}

    private final StatementService statements;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final long maxBytes;
    private final Counter hits;
    private final Counter misses;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public StatementCache(
            StatementService statements, ObjectMapper mapper, Clock clock, LedgerConfig config, MeterRegistry metrics) {
        this.statements = statements;
        this.mapper = mapper;
        this.clock = clock;
        this.maxBytes = config.statementCacheBytes();
        this.hits = Counter.builder("sla.statement.cache")
                .tag("result", "hit")
                .description("statement requests answered from the cache")
                .register(metrics);
        this.misses = Counter.builder("sla.statement.cache")
                .tag("result", "miss")
                .description("statement requests computed")
                .register(metrics);
    }

    /**
     * The statement of {@code period} as JSON (StatementView). {@code contract} loads the contract
     * (or fails, for one that does not exist): a kept statement needs only its fingerprint, which
     * names the contract's version. Call inside a session, for a caller who may read the contract.
     */
    public Uni<byte[]> json(String contractId, YearMonth period, Supplier<Uni<ContractVersion>> contract) {
        Key key = new Key(contractId, period);
        Entry entry = get(key);
        if (entry == null) {
            return contract.get().chain(c -> compute(c, period, key));
        }
        return fingerprint(contractId, entry.lastDay()).chain(now -> {
            if (now.equals(entry.fingerprint())) {
                hits.increment();
                return Uni.createFrom().item(entry.json());
            }
            return contract.get().chain(c -> compute(c, period, key));
        });
    }

    private Uni<byte[]> compute(ContractVersion contract, YearMonth period, Key key) {
        misses.increment();
        long now = clock.instant().getEpochSecond();
        return statements.window(contract, period).chain(window -> {
            LocalDate lastDay = LocalDate.ofInstant(Instant.ofEpochSecond(window.end()), ZoneOffset.UTC);
            return fingerprint(contract.contractId(), lastDay).chain(fingerprint -> statements
                    .statements(contract, period, now, now + LATER_SECONDS)
                    .map(both -> {
                        StatementView view = view(both.get(0));
                        byte[] json = write(view);
                        if (view.isFinal()
                                && fingerprint.contractVersion() != null
                                && fingerprint.contractVersion() == contract.version()
                                && view.equals(view(both.get(1)))) {
                            put(key, new Entry(lastDay, fingerprint, json));
                        }
                        return json;
                    }));
        });
    }

    static StatementView view(StatementService.InForce s) {
        return StatementView.of(s.statement(), s.terms().terms().uptimeTargetPercent(), s.elements());
    }

    private byte[] write(StatementView view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a statement could not be written as JSON", e);
        }
    }

    private static Uni<Fingerprint> fingerprint(String contractId, LocalDate lastDay) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(FINGERPRINT, Object[].class)
                        .setParameter("c", contractId)
                        .setParameter("day", lastDay)
                        .getSingleResult())
                .map(row -> new Fingerprint(
                        number(row[0]), number(row[1]), number(row[2]), number(row[3]), (String) row[4]));
    }

    private static Long number(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    /** Whether a statement is kept (tests). */
    synchronized boolean holds(String contractId, YearMonth period) {
        return entries.containsKey(new Key(contractId, period));
    }

    private synchronized Entry get(Key key) {
        return entries.get(key);
    }

    private synchronized void put(Key key, Entry entry) {
        if (entry.json().length > maxBytes) {
            return;
        }
        Entry old = entries.put(key, entry);
        bytes += entry.json().length - (old == null ? 0 : old.json().length);
        Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().json().length;
            eldest.remove();
        }
    }
}
