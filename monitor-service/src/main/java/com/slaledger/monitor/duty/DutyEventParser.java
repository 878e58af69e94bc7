package com.slaledger.monitor.duty;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.events.DutyOutcome;
import com.slaledger.events.DutyReported;
import com.slaledger.events.Ids;
import com.slaledger.events.Limits;
import com.slaledger.monitor.IntakeFields;
import com.slaledger.monitor.MonitorConfig;
import com.slaledger.support.rest.Violation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a POST body of one duty event or an array of them into {@link DutyReported} events, or
 * names every offending element and field (SPEC §13.3): {@code eventId} (optional), {@code dutyId}
 * (1-64 characters of [A-Za-z0-9._:-]), {@code outcome} (SUCCESS or FAILURE), {@code completedAt}
 * (not ahead of the server clock by more than the allowed skew, within the late horizon),
 * {@code detail} (optional). All or nothing, like health events. Plain Java.
 */
@Singleton
public final class DutyEventParser {

    static final int MAX_EVENT_ID = 128;

    private final int maxBatchSize;
    private final Duration maxClockSkew;
    private final Duration lateHorizon;
    private final Clock clock;

    @Inject
    public DutyEventParser(
            MonitorConfig config,
            @ConfigProperty(name = "ledger.late-horizon", defaultValue = Limits.DEFAULT_LATE_HORIZON)
                    Duration lateHorizon,
            Clock clock) {
        this(config.maxBatchSize(), config.maxClockSkew(), lateHorizon, clock);
    }

    public DutyEventParser(int maxBatchSize, Duration maxClockSkew, Duration lateHorizon, Clock clock) {
        this.maxBatchSize = maxBatchSize;
        this.maxClockSkew = maxClockSkew;
        this.lateHorizon = lateHorizon;
        this.clock = clock;
    }

    /** Either events (and no violations) or violations (and no events). */
    public record Result(List<DutyReported> events, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private static final String[] FIELDS = {"eventId", "dutyId", "outcome", "completedAt", "detail"};

    /** The same for a body already read into a tree (tests, other callers). */
    public Result parse(JsonNode body) {
        try {
            return parse(IntakeFields.bytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the body one element at a time (IntakeFields.elements, as health events); all or nothing. */
    public Result parse(byte[] body) throws IOException {
        List<Violation> violations = new ArrayList<>();
        List<DutyReported> events = new ArrayList<>();
        Instant now = clock.instant();
        IntakeFields.elements(
                body,
                maxBatchSize,
                "duty event",
                FIELDS,
                (f, prefix) -> element(f, prefix, now, events, violations),
                violations);
        return violations.isEmpty() ? new Result(events, List.of()) : new Result(List.of(), violations);
    }

    private void element(Object[] f, String prefix, Instant now, List<DutyReported> out, List<Violation> v) {
        int before = v.size();
        String eventId = IntakeFields.optionalText(f[0], "eventId", prefix, MAX_EVENT_ID, v);
        String dutyId = dutyId(f[1], prefix, v);
        DutyOutcome outcome = outcome(f[2], prefix, v);
        Instant completedAt = IntakeFields.instant(
                f[3], "completedAt", prefix, now, maxClockSkew, lateHorizon, "2026-10-03T02:10:00Z", v);
        String detail = IntakeFields.optionalText(f[4], "detail", prefix, Limits.MAX_TEXT, v);
        if (v.size() == before) {
            out.add(new DutyReported(
                    DutyReported.dedupKey(eventId, dutyId, completedAt, outcome),
                    eventId,
                    dutyId,
                    outcome,
                    completedAt,
                    detail,
                    now.truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    private static String dutyId(Object id, String prefix, List<Violation> v) {
        if (id == null) {
            v.add(new Violation(prefix + "dutyId", "is required"));
            return null;
        }
        if (!(id instanceof String text) || !Ids.SERVICE.matcher(text).matches()) {
            v.add(new Violation(prefix + "dutyId", "must be 1 to 64 characters of [A-Za-z0-9._:-]"));
            return null;
        }
        return text;
    }

    private static DutyOutcome outcome(Object o, String prefix, List<Violation> v) {
        if (o == null) {
            v.add(new Violation(prefix + "outcome", "is required"));
            return null;
        }
        if (o instanceof String text) {
            for (DutyOutcome d : DutyOutcome.values()) {
                if (d.name().equals(text)) {
                    return d;
                }
            }
        }
        v.add(new Violation(prefix + "outcome", "must be SUCCESS or FAILURE"));
        return null;
    }
}
