package com.slaledger.ledger.maintenance;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.client.LocalTokens;
import com.slaledger.events.Topics;
import com.slaledger.ledger.evaluation.Evaluator;
import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/**
 * The calendar feed and the maintenance notices over HTTP and Kafka (SPEC §18). The clock is
 * pinned at 2026-11-20T12:00Z (a Friday), Lisbon is on WET (UTC+0) from 25 Oct 2026 to 28 Mar 2027.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class MaintenanceChannelsTest {

    private static final Path SECOND_PARSER = Path.of("..", "deploy", "local", "ics-events.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Evaluator evaluator;

    private static String contract(String kernelWindow) {
        return """
                {"customer": {"name": "Acme Ltd", "noticeEmails": ["sla@acme.example"]},
                 "services": ["api"], "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.9,
                 "timezone": "Europe/Lisbon", "creditTiers": [{"belowPercent": 99.9, "creditPercent": 10}],
                 "locale": "de",
                 "maintenanceNotices": {"announceAhead": "P7D", "reminderBefore": "PT1H"},
                 "maintenanceWindows": [
                   {"start": "2026-10-10T01:00:00Z", "end": "2026-10-10T03:00:00Z", "reason": "DB upgrade"}
                   %s,
                   {"recurrence": "FREQ=WEEKLY;BYDAY=SU", "startTime": "02:00", "duration": "PT2H",
                    "from": "2026-10-01", "reason": "weekly patching"}]}
                """
                .formatted(kernelWindow);
    }

    private static final String KERNEL =
            ", {\"start\": \"2026-11-23T22:00:00Z\", \"end\": \"2026-11-23T23:30:00Z\", \"reason\": \"kernel\"}";

    private static String feed(String contractId) {
        return given().when()
                .get("/api/v1/contracts/{id}/maintenance.ics", contractId)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .extract()
                .asString();
    }

    private static List<VEvent> parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
    }

    private static String prop(VEvent e, String name) {
        return e.getProperty(name).map(p -> p.getValue()).orElse(null);
    }

    private static VEvent kernel(List<VEvent> events) {
        return events.stream()
                .filter(e -> prop(e, "SUMMARY").contains("kernel"))
                .findFirst()
                .orElseThrow();
    }

    /** The same feed read by Python's icalendar (another parser than the ical4j that wrote it). */
    private static List<JsonNode> secondParser(String ics) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", SECOND_PARSER.toString())
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
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    @Test
    void theFeedListsEveryWindowWithStableUidsAndTheChangesOfEach() throws Exception {
        assertThat(Files.exists(SECOND_PARSER)).isTrue();
        String id = unique("feed");
        putContract(id, contract(KERNEL), 201);

        // from 1 Oct 2026 00:00 WEST (the previous period's start) to 18 Feb 2027 12:00Z (90 days on):
        // the 10 Oct window, the 23 Nov one, and the Sundays 4 Oct .. 14 Feb: 4 + 5 + 4 + 5 + 2 = 20
        String ics = feed(id);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nVERSION:2.0\r\n");
        List<VEvent> events = parse(ics);
        assertThat(events).hasSize(22);
        VEvent k = kernel(events);
        assertThat(prop(k, "DTSTART")).isEqualTo("20261123T220000Z");
        assertThat(prop(k, "DTEND")).isEqualTo("20261123T233000Z");
        assertThat(prop(k, "SEQUENCE")).isEqualTo("0");
        assertThat(prop(k, "STATUS")).isEqualTo("CONFIRMED");
        // Sunday 6 Dec 02:00 WET = 02:00Z; 4 Oct 02:00 WEST = 01:00Z
        assertThat(events).anySatisfy(e -> assertThat(prop(e, "DTSTART")).isEqualTo("20261206T020000Z"));
        assertThat(events).anySatisfy(e -> assertThat(prop(e, "DTSTART")).isEqualTo("20261004T010000Z"));
        assertThat(parse(feed(id)).stream().map(e -> prop(e, "UID")).toList())
                .as("the same UIDs on every read")
                .isEqualTo(events.stream().map(e -> prop(e, "UID")).toList());

        // the kernel window moves a day: the same UID, SEQUENCE 1
        putContract(id, contract(KERNEL.replace("2026-11-23", "2026-11-24")), 200);
        VEvent moved = kernel(parse(feed(id)));
        assertThat(prop(moved, "UID")).isEqualTo(prop(k, "UID"));
        assertThat(prop(moved, "DTSTART")).isEqualTo("20261124T220000Z");
        assertThat(prop(moved, "SEQUENCE")).isEqualTo("1");

        // removed before it starts: still listed, cancelled, SEQUENCE 2
        putContract(id, contract(""), 200);
        String last = feed(id);
        VEvent cancelled = kernel(parse(last));
        assertThat(prop(cancelled, "UID")).isEqualTo(prop(k, "UID"));
        assertThat(prop(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(prop(cancelled, "SEQUENCE")).isEqualTo("2");

        // the second parser reads the same 22 events, the same UIDs, times, sequences and statuses
        List<JsonNode> second = secondParser(last);
        assertThat(second).hasSize(22);
        Map<String, JsonNode> byUid =
                second.stream().collect(Collectors.toMap(n -> n.path("uid").asText(), n -> n));
        JsonNode kernelSeen = byUid.get(prop(k, "UID"));
        assertThat(kernelSeen.path("start").asText()).isEqualTo("2026-11-24T22:00:00+00:00");
        assertThat(kernelSeen.path("end").asText()).isEqualTo("2026-11-24T23:30:00+00:00");
        assertThat(kernelSeen.path("sequence").asInt()).isEqualTo(2);
        assertThat(kernelSeen.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(byUid.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        parse(last).stream().map(e -> prop(e, "UID")).toList());
    }

    @Test
    void theFeedKeyOpensTheFeedWithoutATokenUntilItIsReplaced() {
        String id = unique("feed");
        putContract(id, contract(KERNEL), 201);
        String customer = TestTokens.token(new LocalTokens.Grant("acme", "customer", List.of(id), null, null));
        String stranger =
                TestTokens.token(new LocalTokens.Grant("other", "customer", List.of("someone-else"), null, null));

        given().auth()
                .none()
                .when()
                .get("/api/v1/contracts/{id}/maintenance.ics", id)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(stranger)
                .when()
                .get("/api/v1/contracts/{id}/maintenance.ics", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("probe"))
                .when()
                .get("/api/v1/contracts/{id}/maintenance.ics", id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(customer)
                .when()
                .get("/api/v1/contracts/{id}/maintenance.ics", id)
                .then()
                .statusCode(200);

        String key = given().auth()
                .oauth2(customer)
                .when()
                .get("/api/v1/contracts/{id}/feed-key", id)
                .then()
                .statusCode(200)
                .body("contractId", equalTo(id))
                .extract()
                .path("key");
        assertThat(key).hasSize(43);
        given().auth()
                .oauth2(TestTokens.token("viewer"))
                .when()
                .get("/api/v1/contracts/{id}/feed-key", id)
                .then()
                .statusCode(200)
                .body("key", equalTo(key))
                .body("feed", equalTo("/api/v1/contracts/" + id + "/maintenance.ics?key=" + key));
        given().auth()
                .oauth2(stranger)
                .when()
                .get("/api/v1/contracts/{id}/feed-key", id)
                .then()
                .statusCode(404);

        given().auth()
                .none()
                .queryParam("key", key)
                .when()
                .get("/api/v1/contracts/{id}/maintenance.ics", id)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"));
        given().auth()
                .none()
                .queryParam("key", key)
                .when()
                .get("/api/v1/contracts/{id}/maintenance.ics", "someone-else")
                .then()
                .statusCode(404);

        given().auth()
                .oauth2(TestTokens.token("viewer"))
                .when()
                .post("/api/v1/contracts/{id}/feed-key", id)
                .then()
                .statusCode(403);
        String replaced = given().auth()
                .oauth2(customer)
                .when()
                .post("/api/v1/contracts/{id}/feed-key", id)
                .then()
                .statusCode(200)
                .extract()
                .path("key");
        assertThat(replaced).isNotEqualTo(key);
        given().auth()
                .none()
                .queryParam("key", key)
                .when()
                .get("/api/v1/contracts/{id}/maintenance.ics", id)
                .then()
                .statusCode(404);
        given().auth()
                .none()
                .queryParam("key", replaced)
                .when()
                .get("/api/v1/contracts/{id}/maintenance.ics", id)
                .then()
                .statusCode(200);
    }

    @Test
    void aWindowIsAnnouncedRemindedChangedAndCancelledOnceEach() {
        String id = unique("mnotice");
        Instant now = com.slaledger.ledger.LedgerFixtures.now();
        // one window three days ahead (within announceAhead P7D) and none of the Sundays (no recurring window)
        Instant start = now.plus(Duration.ofDays(3));
        String body =
                """
                {"customer": {"name": "Acme Ltd", "noticeEmails": ["sla@acme.example"]},
                 "services": ["api"], "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.9,
                 "timezone": "Europe/Lisbon", "creditTiers": [{"belowPercent": 99.9, "creditPercent": 10}],
                 "maintenanceNotices": {"announceAhead": "P7D", "reminderBefore": "PT1H"},
                 "maintenanceWindows": [{"start": "%s", "end": "%s", "reason": "DB upgrade"}]}
                """;
        putContract(id, body.formatted(start, start.plus(Duration.ofHours(2))), 201);
        evaluateAsOf(id, now);
        var announced = TestKafka.read(Topics.MAINTENANCE, r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(TestKafka.text(announced.get(0)))
                .contains("\"stage\":\"ANNOUNCED\"")
                .contains("\"start\":\"" + start + "\"")
                .contains("\"reason\":\"DB upgrade\"");

        // evaluated again, nothing new; an hour before the start: the reminder
        evaluateAsOf(id, now.plusSeconds(60));
        evaluateAsOf(id, start.minus(Duration.ofHours(1)));
        evaluateAsOf(id, start.minus(Duration.ofMinutes(59)));
        var two = TestKafka.read(Topics.MAINTENANCE, r -> id.equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(TestKafka.text(two.get(1))).contains("\"stage\":\"REMINDER\"");

        // moved by a day (before it starts): CHANGED with the old times; then removed: CANCELLED
        Instant later = start.plus(Duration.ofDays(1));
        putContract(id, body.formatted(later, later.plus(Duration.ofHours(2))), 200);
        evaluateAsOf(id, now.plusSeconds(120));
        evaluateAsOf(id, now.plusSeconds(180));
        var three = TestKafka.read(Topics.MAINTENANCE, r -> id.equals(r.key()), 3, Duration.ofSeconds(20));
        assertThat(TestKafka.text(three.get(2)))
                .contains("\"stage\":\"CHANGED\"")
                .contains("\"noticeKey\":\"CHANGED:1\"")
                .contains("\"start\":\"" + later + "\"")
                .contains("\"previousStart\":\"" + start + "\"");

        putContract(id, body.replace("[{\"start\": \"%s\", \"end\": \"%s\", \"reason\": \"DB upgrade\"}]", "[]"), 200);
        evaluateAsOf(id, now.plusSeconds(240));
        evaluateAsOf(id, now.plusSeconds(300));
        var all = TestKafka.read(Topics.MAINTENANCE, r -> id.equals(r.key()), 4, Duration.ofSeconds(20));
        assertThat(TestKafka.text(all.get(3))).contains("\"stage\":\"CANCELLED\"");
        // nothing more: four notices, once each, whatever the evaluations
        assertThat(TestKafka.read(Topics.MAINTENANCE, r -> id.equals(r.key()), 5, Duration.ofSeconds(3)))
                .hasSize(4);
    }

    @Test
    void anUnknownLanguageAndBadNoticeTermsAre400sNamingTheField() {
        String id = unique("mbad");
        String bad = contract(KERNEL)
                .replace("\"locale\": \"de\"", "\"locale\": \"it\"")
                .replace("\"announceAhead\": \"P7D\", \"reminderBefore\": \"PT1H\"", "\"reminderBefore\": \"P8D\"");
        given().contentType("application/json")
                .body(bad)
                .when()
                .put("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("locale", "maintenanceNotices.announceAhead"));
        String tooLate = contract(KERNEL).replace("\"PT1H\"", "\"P7D\"");
        given().contentType("application/json")
                .body(tooLate)
                .when()
                .put("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("maintenanceNotices.reminderBefore"))
                .body("violations[0].message", equalTo("must be shorter than announceAhead"));
        given().when().get("/api/v1/contracts/{id}", id).then().statusCode(404);
        // en is the default: put, it is not echoed back (the contract reads as before)
        putContract(id, contract(KERNEL).replace("\"locale\": \"de\"", "\"locale\": \"en\""), 201);
        given().when()
                .get("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(200)
                .body("locale", org.hamcrest.Matchers.nullValue())
                // an ISO-8601 duration as java.time writes it: 7 days are 168 hours
                .body("maintenanceNotices.announceAhead", equalTo("PT168H"));
    }

    private void evaluateAsOf(String contract, Instant at) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> evaluator.evaluate(List.of(contract), at));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
