package com.slaledger.monitor.alertmanager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import com.slaledger.monitor.MonitorConfig;
import com.slaledger.monitor.observation.HealthEventParser;
import com.slaledger.support.rest.Violation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Maps a Prometheus Alertmanager webhook (payload version 4) onto health observations (SPEC §5.1):
 * an alert's {@code labels.<serviceLabel>} is the service, {@code labels.instance} (else the
 * receiver) the probe; a firing alert is DOWN at {@code startsAt}, a resolved one UP at
 * {@code endsAt}. Alerts without the service label are not about a tracked service and are
 * counted as ignored, not rejected (Alertmanager would retry a rejected group forever). A probe
 * name is made to fit [A-Za-z0-9._:-]{1,64}: other characters become '_'. The alert's fingerprint,
 * status and instant form the event id, so Alertmanager's repeated notifications are duplicates.
 */
@Singleton
public final class AlertmanagerMapper {

    /** Alertmanager's "no end yet". */
    static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private final String serviceLabel;
    private final Duration maxClockSkew;
    private final Duration lateHorizon;
    private final Clock clock;

    /** Most alerts in one payload (SPEC §11). */
    public static final int MAX_ALERTS = 10_000;

    @Inject
    public AlertmanagerMapper(
            MonitorConfig config,
            @ConfigProperty(name = "ledger.late-horizon", defaultValue = Limits.DEFAULT_LATE_HORIZON)
                    Duration lateHorizon,
            Clock clock) {
        this(config.alertmanager().serviceLabel(), config.maxClockSkew(), lateHorizon, clock);
    }

    public AlertmanagerMapper(String serviceLabel, Duration maxClockSkew, Duration lateHorizon, Clock clock) {
        this.serviceLabel = serviceLabel;
        this.maxClockSkew = maxClockSkew;
        this.lateHorizon = lateHorizon;
        this.clock = clock;
    }

    public record Result(List<HealthObserved> events, int ignored, List<Violation> violations) {}

    public Result map(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        List<HealthObserved> events = new ArrayList<>();
        int ignored = 0;
        if (body == null || !body.isObject()) {
            return new Result(
                    List.of(), 0, List.of(new Violation("", "must be an Alertmanager webhook payload (JSON object)")));
        }
        if (!"4".equals(body.path("version").asText())) {
            violations.add(new Violation("version", "must be \"4\" (Alertmanager webhook payload version)"));
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            violations.add(new Violation("alerts", "is required: an array of alerts"));
            return new Result(List.of(), 0, violations);
        }
        if (alerts.size() > MAX_ALERTS) {
            violations.add(new Violation("alerts", "must hold at most " + MAX_ALERTS + " alerts"));
            return new Result(List.of(), 0, violations);
        }
        String receiver = body.path("receiver").asText("alertmanager");
        Instant now = clock.instant();
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode alert = alerts.get(i);
            String f = "alerts[" + i + "]";
            String service = alert.path("labels").path(serviceLabel).asText(null);
            if (service == null || service.isEmpty()) {
                ignored++;
                continue;
            }
            if (!Ids.SERVICE.matcher(service).matches()) {
                violations.add(new Violation(f + ".labels." + serviceLabel, Ids.SERVICE_RULE));
                continue;
            }
            String status = alert.path("status").asText();
            boolean firing = "firing".equals(status);
            if (!firing && !"resolved".equals(status)) {
                violations.add(new Violation(f + ".status", "must be firing or resolved"));
                continue;
            }
            String timeField = firing ? "startsAt" : "endsAt";
            Instant at = instant(alert.path(timeField).asText(null));
            if (at == null || at.equals(ZERO_TIME)) {
                violations.add(new Violation(f + "." + timeField, "must be an RFC 3339 instant"));
                continue;
            }
            if (at.isAfter(now.plus(maxClockSkew))) {
                violations.add(new Violation(
                        f + "." + timeField, "must not be more than " + maxClockSkew + " ahead of the server clock"));
                continue;
            }
            String range = Limits.instantProblem(at, now, lateHorizon);
            if (range != null) {
                violations.add(new Violation(f + "." + timeField, range));
                continue;
            }
            at = at.truncatedTo(ChronoUnit.SECONDS);
            String probe = probeId(alert.path("labels").path("instance").asText(null), receiver);
            HealthStatus health = firing ? HealthStatus.DOWN : HealthStatus.UP;
            String fingerprint = alert.path("fingerprint").asText(null);
            String eventId =
                    fingerprint == null || fingerprint.isEmpty() ? null : "am:" + fingerprint + ":" + status + ":" + at;
            String detail = alert.path("labels").path("alertname").asText("alert")
                    + (alert.path("annotations").has("summary")
                            ? ": " + alert.path("annotations").path("summary").asText()
                            : "");
            events.add(new HealthObserved(
                    HealthObserved.dedupKey(eventId, service, probe, at, health),
                    eventId,
                    service,
                    probe,
                    health,
                    at,
                    null,
                    detail.length() > HealthEventParser.MAX_DETAIL
                            ? detail.substring(0, HealthEventParser.MAX_DETAIL)
                            : detail,
                    now.truncatedTo(ChronoUnit.MILLIS)));
        }
        return violations.isEmpty()
                ? new Result(events, ignored, List.of())
                : new Result(List.of(), ignored, violations);
    }

    static String probeId(String instance, String receiver) {
        String raw = instance == null || instance.isEmpty() ? receiver : instance;
        String cleaned = raw.replaceAll("[^A-Za-z0-9._:-]", "_");
        if (cleaned.isEmpty()) {
            cleaned = "alertmanager";
        }
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
