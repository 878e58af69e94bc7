package com.slaledger.ledger.evaluation;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.events.DutyOutcome;
import com.slaledger.events.DutyReported;
import com.slaledger.events.TicketKind;
import com.slaledger.events.TicketResolved;
import com.slaledger.events.Topics;
import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.json;
import static com.slaledger.ledger.LedgerFixtures.now;
import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.statement;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit checklist end to end (SPEC §13) on the real broker and database: tickets and duty
 * evidence arrive on Kafka, the statement's elements come out over HTTP, each element's shortfall
 * once on Kafka and in {@code /shortfalls}, and October's statement event carries the checklist.
 *
 * <p>The service's clock is pinned to 20 November 2026 (PinnedClock): the expectations below (a
 * silent lapse in November and no later one) hold on that day, whatever day the suite runs on.
 *
 * <p>Hand-computed, October 2026 in Lisbon (summer time UTC+1 until 25 October), calendar Monday to
 * Friday 09:00-18:00 with Monday 5 October (Republic Day) a holiday:
 *
 * <ul>
 *   <li>T1, P1, reported Friday 2 Oct 17:50 local (16:50Z): 10 minutes on Friday, none on the
 *       weekend or the holiday, 20 on Tuesday: first response due Tuesday 6 Oct 09:20 local (08:20Z),
 *       answered 08:10Z: met. Resolution (4 h) due 10 min + 3 h 50 = Tuesday 12:50 local (11:50Z),
 *       resolved 11:00Z: met.
 *   <li>T2, P1, reported Wednesday 14 Oct 10:00 local (09:00Z), answered 09:45Z, due 09:30Z:
 *       breached, decided at 09:30Z; resolved 12:00Z, due 13:00Z: met.
 *   <li>T3, P2 (2 h, 50%), reported Thursday 29 Oct 17:00 local (winter time, 17:00Z): 1 h on
 *       Thursday, 1 h on Friday: due Friday 30 Oct 10:00Z. Never answered, resolved 10:30Z: the
 *       resolution is the first response, late: breached.
 *   <li>firstResponse:P1 = 1 of 2 = 50% &lt; 100%: not met, short at T2's breach. resolution:P1 =
 *       2 of 2: met. firstResponse:P2 = 0 of 1 &lt; 50%: not met, short when October ends.
 *   <li>The backup (every day, 2 h grace, since 1 Oct 00:00Z) succeeds at 02:00Z every day of
 *       October but the 20th (a FAILURE then): due again by 20 Oct 02:00 + 2 h = 04:00Z, next
 *       success 21 Oct 02:00Z: one lapse of 22 h = 79,200 s. After 31 Oct 02:00Z nothing comes: a
 *       lapse from 1 Nov 04:00Z, ongoing, makes November short in silence.
 * </ul>
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class ChecklistFlowTest {

    @Test
    void octobersChecklistFromTicketsAndDutyEvidence() throws Exception {
        String contract = unique("checklist");
        String calendar = unique("cal");
        String backup = unique("db-backup");
        String api = unique("api");
        given().contentType("application/json")
                .body(
                        """
                        {"name": "Lisbon office", "timezone": "Europe/Lisbon",
                         "weekly": {"MON": [["09:00", "18:00"]], "TUE": [["09:00", "18:00"]], "WED": [["09:00", "18:00"]],
                                    "THU": [["09:00", "18:00"]], "FRI": [["09:00", "18:00"]]},
                         "holidays": ["2026-10-05"]}
                        """)
                .when()
                .put("/api/v1/calendars/{id}", calendar)
                .then()
                .statusCode(201);
        // the agent's evidence first: a duty whose since lies in the past and has none has lapsed
        for (int day = 1; day <= 31; day++) {
            String at = String.format("2026-10-%02dT02:00:00Z", day);
            duty(backup, day == 20 ? DutyOutcome.FAILURE : DutyOutcome.SUCCESS, at);
        }
        putContract(
                contract,
                """
                {"customer": {"name": "Acme", "noticeEmails": ["sla@acme.example"]}, "services": ["%s"],
                 "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.9, "timezone": "Europe/Lisbon",
                 "startsOn": "2026-10-01",
                 "support": {"calendar": "%s", "targets": [
                    {"priority": "P2", "firstResponse": "PT2H", "percentMet": 50},
                    {"priority": "P1", "firstResponse": "PT30M", "resolution": "PT4H"}]},
                 "duties": [{"dutyId": "%s", "name": "Nightly database backup", "every": "P1D", "grace": "PT2H",
                             "since": "2026-10-01T00:00:00Z"}]}
                """
                        .formatted(api, calendar, backup),
                201);

        ticket(contract, api, "T1", "P1", "2026-10-02T16:50:00Z", "2026-10-06T08:10:00Z", "2026-10-06T11:00:00Z");
        ticket(contract, api, "T2", "P1", "2026-10-14T09:00:00Z", "2026-10-14T09:45:00Z", "2026-10-14T12:00:00Z");
        ticket(contract, api, "T3", "P2", "2026-10-29T17:00:00Z", null, "2026-10-30T10:30:00Z");

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            JsonNode e = statement(contract, "2026-10").get("elements");
            assertThat(e).hasSize(5);
            assertThat(e.at("/1/decided").asInt()).isEqualTo(2);
            assertThat(e.at("/3/decided").asInt()).isEqualTo(1);
            assertThat(e.at("/4/failures").asInt()).isEqualTo(1);
        });
        JsonNode elements = statement(contract, "2026-10").get("elements");
        assertThat(elements.findValuesAsText("element"))
                .containsExactly(
                        "availability", "firstResponse:P1", "resolution:P1", "firstResponse:P2", "duty:" + backup);
        assertThat(elements.at("/0/agreed").asText()).isEqualTo("99.9%");
        assertThat(elements.at("/0/measured").asText()).isEqualTo("100%");
        assertThat(elements.at("/0/met").asBoolean()).isTrue();
        assertThat(elements.at("/0").has("decided")).isFalse();

        assertThat(elements.at("/1/agreed").asText()).isEqualTo("100% within 30 min (Lisbon office)");
        assertThat(elements.at("/1/measured").asText()).isEqualTo("50% (1 of 2)");
        assertThat(elements.at("/1/met").asBoolean()).isFalse();
        assertThat(elements.at("/1/metCount").asInt()).isEqualTo(1);

        assertThat(elements.at("/2/measured").asText()).isEqualTo("100% (2 of 2)");
        assertThat(elements.at("/2/met").asBoolean()).isTrue();

        assertThat(elements.at("/3/agreed").asText()).isEqualTo("50% within 2 h (Lisbon office)");
        assertThat(elements.at("/3/measured").asText()).isEqualTo("0% (0 of 1)");
        assertThat(elements.at("/3/met").asBoolean()).isFalse();

        assertThat(elements.at("/4/agreed").asText()).isEqualTo("every 1 day (+2 h)");
        assertThat(elements.at("/4/measured").asText()).isEqualTo("1 lapse, 79,200 s; 1 failure reported");
        assertThat(elements.at("/4/met").asBoolean()).isFalse();
        assertThat(elements.at("/4/lapses/0/start").asText()).isEqualTo("2026-10-20T04:00:00Z");
        assertThat(elements.at("/4/lapses/0/end").asText()).isEqualTo("2026-10-21T02:00:00Z");
        assertThat(elements.at("/4/lapses/0/seconds").asLong()).isEqualTo(79_200);
        assertThat(elements.at("/4/lapses/0/ongoing").asBoolean()).isFalse();

        // Shortfalls: October's three elements, and November's backup lapsing in silence; once each.
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> assertThat(shortfalls(contract)).hasSize(4));
        JsonNode listed = shortfalls(contract);
        assertThat(listed.findValuesAsText("element"))
                .containsExactlyInAnyOrder("duty:" + backup, "firstResponse:P1", "firstResponse:P2", "duty:" + backup);
        for (JsonNode s : listed) {
            if (s.get("element").asText().equals("firstResponse:P1")) {
                assertThat(s.get("period").asText()).isEqualTo("2026-10");
                assertThat(s.get("decidedAt").asText()).isEqualTo("2026-10-14T09:30:00Z");
                assertThat(s.get("measured").asText()).isEqualTo("50% (1 of 2)");
                assertThat(s.has("creditPercent")).isFalse();
            }
            if (s.get("element").asText().equals("firstResponse:P2")) {
                assertThat(s.get("decidedAt").asText()).isEqualTo("2026-11-01T00:00:00Z");
            }
            if (s.get("period").asText().equals("2026-11")) {
                assertThat(s.get("decidedAt").asText()).isEqualTo("2026-11-01T04:00:00Z");
                assertThat(s.get("measured").asText()).contains("(ongoing)");
            }
        }
        var events = TestKafka.read(Topics.SHORTFALLS, r -> contract.equals(r.key()), 5, Duration.ofSeconds(8));
        assertThat(events).hasSize(4);
        assertThat(events.stream().map(TestKafka::text))
                .anyMatch(t -> t.contains("\"element\":\"firstResponse:P1\"") && t.contains("\"period\":\"2026-10\""));

        // The same statement as CSV (a row per interval and per element) and as a PDF to file.
        String csv = given().accept("text/csv")
                .when()
                .get("/api/v1/contracts/{id}/statements/2026-10", contract)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv"))
                .extract()
                .asString();
        var rows = org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(csv))
                .getRecords();
        assertThat(rows).hasSize(5); // no downtime interval, five elements
        assertThat(rows.stream().map(r -> r.get("element")).toList())
                .containsExactly(
                        "availability", "firstResponse:P1", "resolution:P1", "firstResponse:P2", "duty:" + backup);
        assertThat(rows.get(1).get("measured")).isEqualTo("50% (1 of 2)");
        assertThat(rows.get(4).get("lapsedSeconds")).isEqualTo("79200");
        byte[] pdf = given().accept("application/pdf")
                .when()
                .get("/api/v1/contracts/{id}/statements/2026-10", contract)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        {
            String text = com.slaledger.document.PdfText.of(pdf);
            assertThat(text)
                    .contains("statement for Acme (contract " + contract + ")")
                    .contains("October 2026 in Europe/Lisbon")
                    .contains("[NOT MET] first response to P1 tickets (firstResponse:P1)")
                    .contains("agreed: 100% within 30 min (Lisbon office); measured: 50% (1 of 2)")
                    .contains("[met] resolution of P1 tickets (resolution:P1)")
                    .contains("lapse from 2026-10-20 05:00:00 +01:00 (04:00:00 UTC) to 2026-10-21 03:00:00 +01:00"
                            + " (02:00:00 UTC): 79,200 s");
        }

        // October is closed: its statement (the checklist) goes out with every element.
        var statements = TestKafka.read(Topics.STATEMENTS, r -> contract.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(statements).isNotEmpty();
        assertThat(TestKafka.text(statements.get(statements.size() - 1)))
                .contains("\"element\":\"firstResponse:P2\"")
                .contains("\"measured\":\"1 lapse, 79,200 s; 1 failure reported\"");

        // Per-contract metrics of the current period (SPEC §14): November in Lisbon is 2,592,000 s,
        // 99.9% allows 2,592 s, none used; one element (the backup) not met, one shortfall.
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            String metrics = given().when()
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String label = "{contract=\"" + contract + "\"}";
            assertThat(metrics)
                    .contains("sla_contract_availability_percent" + label + " 100.0")
                    .contains("sla_contract_allowance_seconds" + label + " 2592.0")
                    .contains("sla_contract_allowance_left_seconds" + label + " 2592.0")
                    .contains("sla_contract_elements_not_met" + label + " 1.0")
                    .contains("sla_contract_shortfalls" + label + " 1.0");
        });
    }

    private static JsonNode shortfalls(String contract) {
        return json(given().when()
                .get("/api/v1/contracts/{id}/shortfalls", contract)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static void ticket(
            String contract,
            String service,
            String id,
            String priority,
            String reported,
            String responded,
            String resolved) {
        String ticketId = contract + "-" + id;
        TestKafka.send(
                Topics.TICKETS,
                ticketId,
                new TicketResolved(
                        ticketId,
                        "ZD-" + ticketId,
                        contract,
                        service,
                        TicketKind.REQUEST,
                        "Question " + id,
                        Instant.parse(reported),
                        Instant.parse(resolved),
                        priority,
                        responded == null ? null : Instant.parse(responded)));
    }

    private static void duty(String dutyId, DutyOutcome outcome, String at) {
        Instant completed = Instant.parse(at);
        TestKafka.send(
                Topics.DUTIES,
                dutyId,
                new DutyReported(dutyId + "/" + at + "/" + outcome, null, dutyId, outcome, completed, null, now()));
    }
}
