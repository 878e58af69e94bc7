package com.slaledger.monitor.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.events.HealthObserved;
import com.slaledger.events.HealthStatus;
import com.slaledger.events.Ids;
import com.slaledger.events.Limits;
import com.slaledger.monitor.IntakeFields;
import com.slaledger.monitor.MonitorConfig;
import com.slaledger.support.rest.Violation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a POST body of one observation or an array of them into {@link HealthObserved} events,
 * or names every offending element and field (SPEC §5.1). All or nothing: a single bad element
 * rejects the whole batch. Plain Java, so the rules are testable without a running service.
 */
@Singleton
public final class HealthEventParser {

    static final int MAX_EVENT_ID = 128;
    public static final int MAX_DETAIL = Limits.MAX_TEXT;

    private final int maxBatchSize;
    private final Duration maxClockSkew;
    private final Duration lateHorizon;
    private final Clock clock;

    @Inject
    public HealthEventParser(
            MonitorConfig config,
            @ConfigProperty(name = "ledger.late-horizon", defaultValue = Limits.DEFAULT_LATE_HORIZON)
                    Duration lateHorizon,
            Clock clock) {
        this(config.maxBatchSize(), config.maxClockSkew(), lateHorizon, clock);
    }

    public HealthEventParser(int maxBatchSize, Duration maxClockSkew, Duration lateHorizon, Clock clock) {
        this.maxBatchSize = maxBatchSize;
        this.maxClockSkew = maxClockSkew;
        this.lateHorizon = lateHorizon;
        this.clock = clock;
    }

    /** The outcome: either events (and no violations) or violations (and no events). */
    public record Result(List<HealthObserved> events, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public Result parse(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        List<HealthObserved> events = new ArrayList<>();
        Instant now = clock.instant();
        IntakeFields.elements(
                body,
                maxBatchSize,
                "observation",
                (node, prefix) -> element(node, prefix, now, events, violations),
                violations);
        return violations.isEmpty() ? new Result(events, List.of()) : new Result(List.of(), violations);
    }

    private void element(
            JsonNode node, String prefix, Instant now, List<HealthObserved> out, List<Violation> violations) {
        int before = violations.size();
        String eventId = IntakeFields.optionalText(node, "eventId", prefix, MAX_EVENT_ID, violations);
        String serviceId = id(node, "serviceId", prefix, violations);
        String probeId = id(node, "probeId", prefix, violations);
        HealthStatus status = status(node, prefix, violations);
        Instant observedAt = IntakeFields.instant(
                node, "observedAt", prefix, now, maxClockSkew, lateHorizon, "2026-10-03T14:05:00Z", violations);
        Long latencyMs = latency(node, prefix, violations);
        String detail = IntakeFields.optionalText(node, "detail", prefix, MAX_DETAIL, violations);
        if (violations.size() == before) {
            out.add(new HealthObserved(
                    HealthObserved.dedupKey(eventId, serviceId, probeId, observedAt, status),
                    eventId,
                    serviceId,
                    probeId,
                    status,
                    observedAt,
                    latencyMs,
                    detail,
                    now.truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    private static String id(JsonNode node, String field, String prefix, List<Violation> violations) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            violations.add(new Violation(prefix + field, "is required"));
            return null;
        }
        if (!v.isTextual() || !Ids.SERVICE.matcher(v.textValue()).matches()) {
            violations.add(new Violation(prefix + field, Ids.SERVICE_RULE));
            return null;
        }
        return v.textValue();
    }

    private static HealthStatus status(JsonNode node, String prefix, List<Violation> violations) {
        JsonNode v = node.get("status");
        if (v == null || v.isNull()) {
            violations.add(new Violation(prefix + "status", "is required"));
            return null;
        }
        if (v.isTextual()) {
            for (HealthStatus s : HealthStatus.values()) {
                if (s.name().equals(v.textValue())) {
                    return s;
                }
            }
        }
        violations.add(new Violation(prefix + "status", "must be one of UP, DOWN, DEGRADED"));
        return null;
    }

    private static Long latency(JsonNode node, String prefix, List<Violation> violations) {
        JsonNode v = node.get("latencyMs");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            violations.add(new Violation(prefix + "latencyMs", "must be a whole number of milliseconds, 0 or more"));
            return null;
        }
        return v.longValue();
    }
}
