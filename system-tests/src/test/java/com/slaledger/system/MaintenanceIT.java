package com.slaledger.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Maintenance as a German customer meets it (SPEC §18): a window three days ahead is announced by
 * mail at once (within announceAhead P7D), moved by a day and so rescheduled, then removed and so
 * cancelled, each mail once and in German with the times in Berlin; the calendar feed, read with
 * its key and no token by Python's icalendar (not the ical4j that writes it), keeps the window's
 * UID through both changes and ends with it cancelled.
 */
@ExtendWith(SystemStack.class)
class MaintenanceIT {

    private static final String CONTRACT = "sys-maint";
    private static final String ADDRESS = "sla@maint.example";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Path PARSER = Path.of("..", "deploy", "local", "ics-events.py");

    private final SlaClient api = SystemStack.client();

    private static Map<String, Object> terms(Instant start) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("customer", Map.of("name", "Wartung GmbH", "noticeEmails", List.of(ADDRESS)));
        t.put("services", List.of("sys-maint-svc"));
        t.put("policy", "PROVIDER_MONITORED");
        t.put("uptimeTargetPercent", 99.9);
        t.put("timezone", "Europe/Berlin");
        t.put("locale", "de");
        t.put("maintenanceNotices", Map.of("announceAhead", "P7D", "reminderBefore", "PT1H"));
        t.put(
                "maintenanceWindows",
                start == null
                        ? List.of()
                        : List.of(Map.of(
                                "start", start.toString(),
                                "end", start.plus(Duration.ofHours(2)).toString(),
                                "reason", "Datenbank-Upgrade")));
        return t;
    }

    /** As the German notices write an instant in Berlin: "06.12.2026 13:00:00 +01:00 (12:00:00 UTC)". */
    private static String german(Instant at) {
        return DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss xxx").format(at.atZone(BERLIN)) + " ("
                + DateTimeFormatter.ofPattern("HH:mm:ss").format(at.atOffset(ZoneOffset.UTC)) + " UTC)";
    }

    private List<String> subjects() {
        return api.mails(ADDRESS).stream().map(SlaClient.Mail::subject).toList();
    }

    @Test
    void aWindowIsAnnouncedRescheduledAndCancelledInGermanAndTheFeedFollows() throws Exception {
        // noon UTC three days on: 13:00 in Berlin on the same date (CET, or 14:00 on CEST)
        Instant start = SystemStack.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(3))
                .plus(Duration.ofHours(12));
        Instant moved = start.plus(Duration.ofDays(1));
        SlaClient.expect(api.putContract(CONTRACT, terms(start)), 201);
        String announced = "Geplante Wartung: Vertrag " + CONTRACT + ", " + german(start);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(subjects()).containsExactly(announced));

        String key = SlaClient.expect(
                        api.get(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/" + CONTRACT + "/feed-key"), 200)
                .json()
                .path("key")
                .asText();
        JsonNode planned = onlyEvent(feed(key));
        assertThat(planned.path("start").asText())
                .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(start.atOffset(ZoneOffset.UTC))
                        + "+00:00");
        assertThat(planned.path("status").asText()).isEqualTo("CONFIRMED");

        SlaClient.expect(api.putContract(CONTRACT, terms(moved)), 200);
        String rescheduled = "Wartung verschoben: Vertrag " + CONTRACT + ", " + german(moved);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(subjects()).containsExactlyInAnyOrder(announced, rescheduled));

        SlaClient.expect(api.putContract(CONTRACT, terms(null)), 200);
        String cancelled = "Wartung abgesagt: Vertrag " + CONTRACT + ", " + german(moved);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(subjects())
                .containsExactlyInAnyOrder(announced, rescheduled, cancelled));
        JsonNode notice = null;
        for (JsonNode n : api.notices(CONTRACT)) {
            if (n.path("subject").asText().equals(rescheduled)) {
                notice = n;
            }
        }
        assertThat(notice).as("the rescheduled notice").isNotNull();
        JsonNode body = SlaClient.expect(
                        api.get(SystemStack.ENDPOINTS.notification() + "/api/v1/notices/"
                                + notice.path("id").asText()),
                        200)
                .json();
        assertThat(body.path("bodyText").asText())
                .startsWith("Sehr geehrte Damen und Herren (Wartung GmbH),")
                .contains("wurde verschoben")
                .contains("Bisher geplant:       " + german(start))
                .contains("Grund:                Datenbank-Upgrade")
                .contains("Dauer:                2 h 00 min");

        JsonNode last = onlyEvent(feed(key));
        assertThat(last.path("uid").asText()).isEqualTo(planned.path("uid").asText());
        assertThat(last.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(last.path("sequence").asInt()).isEqualTo(2);

        // a while later, still three mails, and the notices say MAINTENANCE
        SlaClient.pause(Duration.ofSeconds(5));
        assertThat(api.mails(ADDRESS)).hasSize(3);
        assertThat(api.notices(CONTRACT))
                .hasSize(3)
                .allMatch(n -> n.path("kind").asText().equals("MAINTENANCE"));
    }

    /** The feed as a calendar program reads it: with the key, no token. */
    private String feed(String key) {
        SlaClient.Reply r = SlaClient.expect(
                api.as(null)
                        .get(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/" + CONTRACT + "/maintenance.ics?key="
                                + key),
                200);
        assertThat(r.contentType()).startsWith("text/calendar");
        return r.body();
    }

    /** The one event Python's icalendar reads in {@code ics}. */
    private static JsonNode onlyEvent(String ics) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", PARSER.toString())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                events.add(SlaClient.JSON.readTree(line));
            }
        }
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
