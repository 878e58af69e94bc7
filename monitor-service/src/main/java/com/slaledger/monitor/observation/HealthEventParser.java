package com.slaledger.monitor.observation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.events.EventJson;
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

    private static final JsonFactory JSON = EventJson.mapper().getFactory();

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

    /** The same for a body already read into a tree (tests, other callers). */
    public Result parse(JsonNode body) {
        try {
            return parse(IntakeFields.bytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the body one element at a time (IntakeFields.elements); all or nothing. */
    public Result parse(byte[] body) throws IOException {
        List<Violation> violations = new ArrayList<>();
        List<HealthObserved> events = new ArrayList<>();
        Instant now = clock.instant();
        IntakeFields.elements(
                body,
                maxBatchSize,
                "observation",
                FIELDS,
                (f, prefix) -> element(f, prefix, now, events, violations),
                violations);
        return violations.isEmpty() ? new Result(events, List.of()) : new Result(List.of(), violations);
    }

    private static final String[] FIELDS = {
        "eventId", "serviceId", "probeId", "status", "observedAt", "latencyMs", "detail"
    };

    private void element(Object[] f, String prefix, Instant now, List<HealthObserved> out, List<Violation> violations) {
        int before = violations.size();
        String eventId = IntakeFields.optionalText(f[0], "eventId", prefix, MAX_EVENT_ID, violations);
        String serviceId = id(f[1], "serviceId", prefix, violations);
        String probeId = id(f[2], "probeId", prefix, violations);
        HealthStatus status = status(f[3], prefix, violations);
        Instant observedAt = IntakeFields.instant(
                f[4], "observedAt", prefix, now, maxClockSkew, lateHorizon, "2026-10-03T14:05:00Z", violations);
        Long latencyMs = latency(f[5], prefix, violations);
        String detail = IntakeFields.optionalText(f[6], "detail", prefix, MAX_DETAIL, violations);
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

    private static String id(Object v, String field, String prefix, List<Violation> violations) {
        if (v == null) {
            violations.add(new Violation(prefix + field, "is required"));
            return null;
        }
        if (!(v instanceof String text) || !Ids.SERVICE.matcher(text).matches()) {
            violations.add(new Violation(prefix + field, Ids.SERVICE_RULE));
            return null;
        }
        return text;
    }

    private static HealthStatus status(Object v, String prefix, List<Violation> violations) {
        if (v == null) {
            violations.add(new Violation(prefix + "status", "is required"));
            return null;
        }
        if (v instanceof String text) {
            for (HealthStatus s : HealthStatus.values()) {
                if (s.name().equals(text)) {
                    return s;
                }
            }
        }
        violations.add(new Violation(prefix + "status", "must be one of UP, DOWN, DEGRADED"));
        return null;
    }

    private static Long latency(Object v, String prefix, List<Violation> violations) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Long ms) || ms < 0) {
            violations.add(new Violation(prefix + "latencyMs", "must be a whole number of milliseconds, 0 or more"));
            return null;
        }
        return ms;
    }
}
