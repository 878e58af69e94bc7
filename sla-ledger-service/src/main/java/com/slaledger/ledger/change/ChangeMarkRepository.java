package com.slaledger.ledger.change;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.Topics;
import com.slaledger.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The change marks, and their one owner: which contracts' data changed since they were last
 * evaluated, and from which instant on. Whatever changes a contract's data (a fold of its
 * services' observations, a ticket, new terms) marks it in the transaction that stores the data;
 * a contract that had no mark also gets an evaluation trigger on {@code sla.evaluations} through
 * the outbox in that transaction (so the trigger goes out exactly when the data is committed, and
 * a mark that already waits costs no second trigger). The evaluator claims a contract's mark (deletes
 * it) in the transaction in which it evaluates the contract: a change that commits after the claim
 * finds no mark, sets a new one and triggers again, so no change is ever left unevaluated.
 */
@ApplicationScoped
public class ChangeMarkRepository {

    /** Marks a contract; true when it had no mark (the caller then triggers an evaluation). */
    private static final String CONTRACT_CHANGED = "INSERT INTO contract_change"
            + " (contract_id, changed_since, marked_at) VALUES (:contract, :since, :now)"
            + " ON CONFLICT (contract_id) DO UPDATE SET changed_since = EXCLUDED.changed_since"
            + " WHERE EXCLUDED.changed_since < contract_change.changed_since"
            + " RETURNING (xmax = 0)";

    /**
     * The same for every contract covering the services a fold touched, in one statement, with
     * the triggers of the contracts that had no mark. Rows are locked in contract order, so that
     * concurrent folds do not deadlock; a mark that already covers the instant is not rewritten.
     */
    private static final String SERVICES_CHANGED = "WITH touched AS ("
            + " SELECT cs.contract_id, MIN(u.t) AS since"
            + " FROM unnest($1::varchar[], $2::timestamptz[]) AS u(s, t)"
            + " JOIN contract_service cs ON cs.service_id = u.s GROUP BY cs.contract_id ORDER BY cs.contract_id), "
            + markAndTrigger("SELECT contract_id, since, $3 FROM touched", "observations", "$3");

    /** Every contract covering a service: marked (and triggered) from {@code :since} on. */
    private static final String SERVICE_RULES_CHANGED = "WITH "
            + markAndTrigger(
                    "SELECT contract_id, CAST(:since AS timestamptz), CAST(:now AS timestamptz) FROM contract_service"
                            + " WHERE service_id = :s ORDER BY contract_id",
                    "rules of a service",
                    ":now");

    /** Every contract promising a duty: marked (and triggered) from {@code :since} on. */
    private static final String DUTY_REPORTED = "WITH "
            + markAndTrigger(
                    "SELECT contract_id, CAST(:since AS timestamptz), CAST(:now AS timestamptz) FROM contract_duty"
                            + " WHERE duty_id = :s ORDER BY contract_id",
                    "duty evidence",
                    ":now");

    /**
     * The marks of the contracts {@code rows} yields (contract_id, since, marked_at), in one
     * statement after a {@code WITH}, with an evaluation trigger for each contract that had none
     * (a mark that already covers the instant is not rewritten).
     */
    private static String markAndTrigger(String rows, String reason, String nowExpression) {
        return "marked AS (INSERT INTO contract_change (contract_id, changed_since, marked_at) " + rows
                + " ON CONFLICT (contract_id) DO UPDATE SET changed_since = EXCLUDED.changed_since"
                + " WHERE EXCLUDED.changed_since < contract_change.changed_since"
                + " RETURNING contract_id, (xmax = 0) AS fresh) "
                + triggersFrom("(SELECT contract_id FROM marked WHERE fresh)", reason, nowExpression);
    }

    /**
     * A service's version: bumped by every fold (the evaluator's cache of computed down-time keys
     * on it); and the version of the UTC day of the earliest observation the fold stored of it (a
     * cached statement's fingerprint sums the days up to its own last day).
     */
    private static final String SERVICES_FOLDED = "WITH days AS (INSERT INTO service_day_change"
            + " (service_id, day, version)"
            + " SELECT s, (t AT TIME ZONE 'UTC')::date, 1 FROM unnest($1::varchar[], $2::timestamptz[]) AS u(s, t)"
            + " ON CONFLICT (service_id, day) DO UPDATE SET version = service_day_change.version + 1)"
            + " INSERT INTO service_state (service_id, version)"
            + " SELECT s, 1 FROM unnest($1::varchar[]) AS u(s)"
            + " ON CONFLICT (service_id) DO UPDATE SET version = service_state.version + 1";

    /**
     * The input version of every contract the given relation (with a column {@code contract_id})
     * yields: bumped by every change of a contract's tickets, terms, duty evidence or rules, in
     * the transaction that stores it (a cached statement's fingerprint reads it).
     */
    static String inputsChanged(String relation) {
        return "INSERT INTO contract_input (contract_id, version)"
                + " SELECT t.contract_id, 1 FROM " + relation + " AS t ORDER BY t.contract_id"
                + " ON CONFLICT (contract_id) DO UPDATE SET version = contract_input.version + 1";
    }

    private final Outbox outbox;
    private final Clock clock;

    public ChangeMarkRepository(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Why an evaluation was asked for (logged and kept on the trigger). */
    public record Trigger(String contractId, String reason) {}

    /**
     * Services' observations changed from the given instants on: bumps their versions and marks
     * (and triggers) the contracts covering them, on the fold's own connection (the fold works on
     * the SQL client, not a Hibernate session). Sorted by service, so that concurrent folds lock
     * the rows in one order. {@code now}: when the marks are set (the service's clock).
     */
    public static Uni<Void> servicesChanged(SqlConnection conn, Map<String, Instant> earliestByService, Instant now) {
        Map<String, Instant> sorted = new TreeMap<>(earliestByService);
        String[] services = sorted.keySet().toArray(String[]::new);
        OffsetDateTime[] since = sorted.values().stream()
                .map(i -> OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        return conn.preparedQuery(SERVICES_FOLDED)
                .execute(Tuple.of(services, since))
                .chain(() -> conn.preparedQuery(SERVICES_CHANGED)
                        .execute(Tuple.of(services, since, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /** A contract's tickets or terms changed from {@code since} on; triggers an evaluation unless one is pending. */
    public Uni<Void> contractChanged(String contractId, Instant since, String reason) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(inputsChanged("(SELECT CAST(:contract AS varchar) AS contract_id)"))
                        .setParameter("contract", contractId)
                        .executeUpdate())
                .chain(Panache::getSession)
                .chain(s -> s.createNativeQuery(CONTRACT_CHANGED, Boolean.class)
                        .setParameter("contract", contractId)
                        .setParameter("since", since.truncatedTo(ChronoUnit.SECONDS))
                        .setParameter("now", clock.instant())
                        .getResultList())
                .chain(fresh -> !fresh.isEmpty() && Boolean.TRUE.equals(fresh.get(0))
                        ? trigger(contractId, reason)
                        : Uni.createFrom().voidItem());
    }

    /** A service's registry rules changed: every contract covering it is marked from {@code since} on. */
    public Uni<Void> serviceRulesChanged(String serviceId, Instant since) {
        return marked(
                "(SELECT contract_id FROM contract_service WHERE service_id = :s)",
                SERVICE_RULES_CHANGED,
                serviceId,
                since);
    }

    /** Evidence of a duty arrived: every contract promising it is marked from {@code since} on. */
    public Uni<Void> dutyReported(String dutyId, Instant since) {
        return marked("(SELECT contract_id FROM contract_duty WHERE duty_id = :s)", DUTY_REPORTED, dutyId, since);
    }

    /** Bumps the input versions of the contracts {@code contracts} yields for {@code :s}, and marks them. */
    private Uni<Void> marked(String contracts, String mark, String s, Instant since) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(inputsChanged(contracts))
                        .setParameter("s", s)
                        .executeUpdate())
                .chain(Panache::getSession)
                .chain(session -> session.createNativeQuery(mark)
                        .setParameter("since", since.truncatedTo(ChronoUnit.SECONDS))
                        .setParameter("now", clock.instant())
                        .setParameter("s", s)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * An INSERT of one evaluation trigger into the outbox per contract id the given relation (with
     * a column {@code contract_id}) yields, through the outbox's set-based add; {@code
     * nowExpression} binds the service's clock.
     */
    static String triggersFrom(String relation, String reason, String nowExpression) {
        return Outbox.insertEach(
                Topics.EVALUATIONS,
                relation,
                "t.contract_id",
                "json_build_object('contractId', t.contract_id, 'reason', '" + reason + "')::text",
                nowExpression);
    }

    /** Asks for an evaluation of the contract (through the outbox: sent once this transaction commits). */
    public Uni<Void> trigger(String contractId, String reason) {
        return outbox.add(Topics.EVALUATIONS, contractId, new Trigger(contractId, reason));
    }

    /** A service's state as last folded. */
    public record ServiceState(String serviceId, long version) {}

    public Uni<Map<String, ServiceState>> services(List<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT service_id, version FROM service_state WHERE service_id IN (:ids)",
                                Object[].class)
                        .setParameter("ids", serviceIds)
                        .getResultList())
                .map(rows -> {
                    Map<String, ServiceState> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.put((String) r[0], new ServiceState((String) r[0], ((Number) r[1]).longValue()));
                    }
                    return out;
                });
    }

    /**
     * Claims a contract's mark: deletes it and returns from which instant its data changed (null:
     * no mark, only the current and previous period are due). Call in the transaction that
     * evaluates the contract: if that transaction fails, the mark is back.
     */
    public Uni<Instant> claim(String contractId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "DELETE FROM contract_change WHERE contract_id = :c"
                                        + " RETURNING CAST(EXTRACT(EPOCH FROM changed_since) AS BIGINT)",
                                Long.class)
                        .setParameter("c", contractId)
                        .getResultList())
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? null : Instant.ofEpochSecond(rows.get(0)));
    }

    /** Whether the contract has a mark (tests, operators). */
    public Uni<Boolean> marked(String contractId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT count(*) FROM contract_change WHERE contract_id = :c", Long.class)
                        .setParameter("c", contractId)
                        .getSingleResult())
                .map(n -> n > 0);
    }

    /**
     * Marks older than {@code olderThan} whose trigger may have been lost (the topic's retention
     * passed while no evaluator ran): triggered again, their age reset. At most {@code limit}.
     */
    public Uni<Integer> retriggerStale(Instant olderThan, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("WITH stale AS (UPDATE contract_change SET marked_at = :now"
                                + " WHERE contract_id IN (SELECT contract_id FROM contract_change WHERE marked_at < :t"
                                + " ORDER BY marked_at LIMIT :n FOR UPDATE SKIP LOCKED) RETURNING contract_id) "
                                + triggersFrom("stale", "mark waiting too long", ":now"))
                        .setParameter("t", olderThan)
                        .setParameter("now", clock.instant())
                        .setParameter("n", limit)
                        .executeUpdate());
    }
}
