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
    /** Records a consumer could not process, with the reason in headers. */
    public static final String DEAD_LETTERS = "sla.dead-letters";

    /** A topic and its non-default configuration. */
    public record Spec(String name, Map<String, String> config) {}

    public static final List<Spec> ALL = List.of(
            new Spec(HEALTH_OBSERVED, Map.of()),
            new Spec(TICKETS, Map.of()),
            new Spec(CONTRACTS, Map.of("cleanup.policy", "compact")),
            new Spec(SHORTFALLS, Map.of()),
            new Spec(WARNINGS, Map.of()),
            new Spec(STATEMENTS, Map.of()),
            new Spec(DEAD_LETTERS, Map.of()));

    private Topics() {}
}
