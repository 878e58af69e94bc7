package com.slaledger.events;

import java.util.List;
import java.util.Map;

/**
 * The system's Kafka topics. Each service creates any that are missing at start-up (see
 * service-support's TopicProvisioner), so no start order is needed.
 */
public final class Topics {

    /** HealthObserved, keyed by serviceId. */
    public static final String HEALTH_OBSERVED = "sla.health-observed";
    /** DutyReported, keyed by dutyId (SPEC §13.3). */
    public static final String DUTIES = "sla.duties";
    /** TicketEvent, keyed by ticketId. */
    public static final String TICKETS = "sla.tickets";
    /** ContractChanged, keyed by contractId; compacted. */
    public static final String CONTRACTS = "sla.contracts";
    /** ShortfallDetected, keyed by contractId. */
    public static final String SHORTFALLS = "sla.shortfalls";
    /** WarningIssued, keyed by contractId. */
    public static final String WARNINGS = "sla.warnings";
    /** StatementIssued, keyed by contractId. */
    public static final String STATEMENTS = "sla.statements";
    /** CreditChanged, keyed by contractId (SPEC §17). */
    public static final String CREDITS = "sla.credits";
    /** DisputeChanged, keyed by contractId (SPEC §17). */
    public static final String DISPUTES = "sla.disputes";
    /** MaintenanceNoticed, keyed by contractId (SPEC §18). */
    public static final String MAINTENANCE = "sla.maintenance";
    /**
     * "Evaluate this contract": the ledger's own work queue, keyed by contractId, consumed by its
     * evaluator group. Kafka's partition assignment decides which instance owns which contracts.
     */
    public static final String EVALUATIONS = "sla.evaluations";
    /**
     * The audit log's head, anchored outside the ledger's database (compacted, key "audit"): the
     * newest entry's sequence number, hash and signature, for GET /api/v1/audit/verify to find
     * entries deleted from the end of the log.
     */
    public static final String AUDIT_HEADS = "sla.audit-heads";
    /** Records a consumer could not process, with the reason in headers. */
    public static final String DEAD_LETTERS = "sla.dead-letters";

    /** A topic and its non-default configuration. */
    public record Spec(String name, Map<String, String> config) {}

    /** 7 days: a topic whose records the consumer stores durably at once (a week to replay from). */
    static final String WEEK = Long.toString(7L * 24 * 3600 * 1000);

    /** 30 days: what a consumer that is down may miss before records are deleted unread. */
    static final String MONTH = Long.toString(30L * 24 * 3600 * 1000);

    /**
     * Retention matches the data's life: observations and tickets are stored by the ledger the
     * moment they are folded (the ledger, not the topic, keeps history); notices' events and dead
     * letters wait up to a month for a consumer that is down; contracts are compacted (the latest
     * version of each is kept for ever).
     */
    public static final List<Spec> ALL = List.of(
            new Spec(HEALTH_OBSERVED, Map.of("retention.ms", WEEK)),
            new Spec(TICKETS, Map.of("retention.ms", MONTH)),
            new Spec(DUTIES, Map.of("retention.ms", MONTH)),
            new Spec(CONTRACTS, Map.of("cleanup.policy", "compact")),
            new Spec(SHORTFALLS, Map.of("retention.ms", MONTH)),
            new Spec(WARNINGS, Map.of("retention.ms", MONTH)),
            new Spec(STATEMENTS, Map.of("retention.ms", MONTH)),
            new Spec(CREDITS, Map.of("retention.ms", MONTH)),
            new Spec(DISPUTES, Map.of("retention.ms", MONTH)),
            new Spec(MAINTENANCE, Map.of("retention.ms", MONTH)),
            new Spec(EVALUATIONS, Map.of("retention.ms", WEEK)),
            new Spec(AUDIT_HEADS, Map.of("cleanup.policy", "compact")),
            new Spec(DEAD_LETTERS, Map.of("retention.ms", MONTH)));

    private Topics() {}
}
