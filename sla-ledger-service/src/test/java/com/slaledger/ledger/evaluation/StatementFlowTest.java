package com.slaledger.ledger.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import com.slaledger.events.HealthStatus;
import com.slaledger.events.TicketKind;
import com.slaledger.events.TicketOpened;
import com.slaledger.events.Topics;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.json;
import static com.slaledger.ledger.LedgerFixtures.observe;
import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.resolvedOutage;
import static com.slaledger.ledger.LedgerFixtures.specContract;
import static com.slaledger.ledger.LedgerFixtures.statement;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger end to end on the real broker and database: observations and tickets arrive on
 * Kafka, statements come out over HTTP, shortfalls and statements go out on Kafka.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class StatementFlowTest {

    @Inject
    EvaluationService evaluator;

    @Test
    void theSpecExampleFromEventsOnKafka() {
        String contract = unique("spec");
        String api = unique("api");
        String web = unique("web");
        putContract(contract, specContract("PROVIDER_MONITORED", api, web), 201);
        // Out of order, and a duplicate: the result depends only on the set of events.
        observe(api, "p1", HealthStatus.UP, "2026-10-03T15:05:00Z");
        observe(api, "p1", HealthStatus.DOWN, "2026-10-03T14:05:00Z");
        observe(api, "p1", HealthStatus.DOWN, "2026-10-03T14:05:00Z");
        // (ends before starts: judged between two sends, a start alone would be an outage ongoing to
        // this day, and the ledger would rightly say so)
        observe(web, "p1", HealthStatus.UP, "2026-10-07T09:03:00Z");
        observe(web, "p1", HealthStatus.DOWN, "2026-10-07T09:00:00Z");
        Instant reported = Instant.parse("2026-10-03T14:20:00Z");
        resolvedOutage(contract, api, reported, Instant.parse("2026-10-03T16:00:00Z"));
        TestKafka.send(
                Topics.TICKETS,
                "t-" + contract,
                new TicketOpened(
                        "t-" + contract, "ZD-" + contract, contract, api, TicketKind.OUTAGE, "API down", reported));

        // A REQUEST ticket never creates downtime: were it counted, customer-ticket downtime would start at 14:06.
        TestKafka.send(
                Topics.TICKETS,
                "r-" + contract,
                new TicketOpened(
                        "r-" + contract,
                        "ZD-R-" + contract,
                        contract,
                        api,
                        TicketKind.REQUEST,
                        "Please add a user",
                        Instant.parse("2026-10-03T14:06:00Z")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var s = statement(contract, "2026-10");
            assertThat(s.get("downtimeSeconds").asLong()).isEqualTo(3600);
            assertThat(s.at("/policies/CUSTOMER_TICKET/downtimeSeconds").asLong())
                    .isEqualTo(2700);
            assertThat(s.get("intervals")).hasSize(2);
        });
        var s = statement(contract, "2026-10");
        assertThat(s.get("periodStart").asText()).isEqualTo("2026-09-30T23:00:00Z");
        assertThat(s.get("periodEnd").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(s.get("eligibleSeconds").asLong()).isEqualTo(2_674_800);
        assertThat(s.get("availabilityPercent").decimalValue()).isEqualByComparingTo("99.8654");
        assertThat(s.get("met").asBoolean()).isFalse();
        assertThat(s.get("creditPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(s.at("/creditAmount/amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(s.at("/creditAmount/currency").asText()).isEqualTo("EUR");
        assertThat(s.get("final").asBoolean()).isTrue();
        assertThat(s.at("/intervals/0/start").asText()).isEqualTo("2026-10-03T14:05:00Z");
        assertThat(s.at("/intervals/0/services/0").asText()).isEqualTo(api);
        assertThat(s.at("/intervals/0/counted").asBoolean()).isTrue();
        assertThat(s.at("/intervals/0").has("reason")).isFalse();
        assertThat(s.at("/intervals/1/seconds").asLong()).isEqualTo(180);
        assertThat(s.at("/intervals/1/reason").asText()).isEqualTo("BELOW_MINIMUM");
        assertThat(s.at("/policies/CUSTOMER_TICKET/availabilityPercent").decimalValue())
                .isEqualByComparingTo("99.8991");

        // October is the previous period: its shortfall is detected from late data and published once.
        var shortfalls = TestKafka.read(Topics.SHORTFALLS, r -> contract.equals(r.key()), 2, Duration.ofSeconds(8));
        assertThat(shortfalls).hasSize(1);
        assertThat(TestKafka.text(shortfalls.get(0)))
                .contains("\"period\":\"2026-10\"")
                .contains("\"creditPercent\":10");
        var listed = json(given().when()
                .get("/api/v1/contracts/{id}/shortfalls", contract)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(listed).hasSize(1);
        assertThat(listed.at("/0/period").asText()).isEqualTo("2026-10");

        var downtime = json(given().when()
                .get("/api/v1/contracts/{id}/downtime?from=2026-10-01T00:00:00Z&to=2026-10-08T00:00:00Z", contract)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(downtime).hasSize(1);
        assertThat(downtime.at("/0/seconds").asLong()).isEqualTo(3600);
    }

    @Test
    void aShortfallIsDetectedWhileTheOutageIsStillOngoing() {
        String contract = unique("ongoing");
        String api = unique("api");
        putContract(
                contract,
                """
                {"customer": {"name": "Acme", "noticeEmails": ["sla@acme.example"]}, "services": ["%s"],
                 "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.99,
                 "creditTiers": [{"belowPercent": 99.99, "creditPercent": 5}]}
                """
                        .formatted(api),
                201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String period =
                java.time.YearMonth.from(now.atZone(java.time.ZoneOffset.UTC)).toString();
        // 99.99% of a month allows about 260 s; the outage is 245 s old and has no end.
        observe(api, "p1", HealthStatus.DOWN, now.minusSeconds(245).toString());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> statement(contract, period).get("intervals").size() == 1);
        var early = statement(contract, period);
        assertThat(early.at("/intervals/0/ongoing").asBoolean()).isTrue();
        assertThat(early.at("/intervals/0/end").isNull()).isTrue();

        // No further event: the allowance runs out as time passes, and the ledger notices.
        var shortfalls = TestKafka.read(Topics.SHORTFALLS, r -> contract.equals(r.key()), 1, Duration.ofSeconds(60));
        assertThat(shortfalls).hasSize(1);
        assertThat(TestKafka.text(shortfalls.get(0)))
                .contains("\"period\":\"" + period + "\"")
                .contains("\"ongoing\":true");
    }

    @Test
    void aClosedPeriodGetsAStatementAndLateDataAnAmendment() throws Throwable {
        String contract = unique("close");
        String api = unique("api");
        putContract(
                contract,
                """
                {"customer": {"name": "Acme", "noticeEmails": ["sla@acme.example"]}, "services": ["%s"],
                 "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.9}
                """
                        .formatted(api),
                201);
        // Evaluate as of a moment after the current period and its grace time: it is closed.
        Instant now = Instant.now();
        java.time.YearMonth period = java.time.YearMonth.from(now.atZone(java.time.ZoneOffset.UTC));
        Instant afterClose = period.plusMonths(1)
                .atDay(1)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(7200);
        // evaluated as of afterClose until it has been (the service's evaluator may hold it a moment),
        // then once more: the statement is issued once
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            evaluateAsOf(contract, afterClose);
            return !TestKafka.read(Topics.STATEMENTS, r -> contract.equals(r.key()), 1, Duration.ofSeconds(2))
                    .isEmpty();
        });
        evaluateAsOf(contract, afterClose);
        var first = TestKafka.read(Topics.STATEMENTS, r -> contract.equals(r.key()), 2, Duration.ofSeconds(10));
        assertThat(first).hasSize(1);
        assertThat(TestKafka.text(first.get(0))).contains("\"version\":1").contains("\"met\":true");

        observe(
                api,
                "p1",
                HealthStatus.DOWN,
                now.minusSeconds(7200).truncatedTo(ChronoUnit.SECONDS).toString());
        observe(
                api,
                "p1",
                HealthStatus.UP,
                now.minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> statement(contract, period.toString())
                                .get("downtimeSeconds")
                                .asLong()
                        == 3600);
        // The service's own evaluator may hold the contract at this moment (it evaluates it for the
        // fold, as of now): asked again until the evaluation as of afterClose has run.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            evaluateAsOf(contract, afterClose);
            return TestKafka.read(Topics.STATEMENTS, r -> contract.equals(r.key()), 3, Duration.ofSeconds(2))
                            .size()
                    >= 2;
        });
        var all = TestKafka.read(Topics.STATEMENTS, r -> contract.equals(r.key()), 3, Duration.ofSeconds(5));
        assertThat(all).hasSize(2);
        assertThat(TestKafka.text(all.get(1))).contains("\"version\":2").contains("\"downtimeSeconds\":3600");
    }

    /** One contract evaluated as of {@code at}, as the evaluator would at that instant. */
    private void evaluateAsOf(String contract, Instant at) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> evaluator.evaluate(java.util.List.of(contract), at));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMonthsLateEventMakesAnOldPeriodsShortfall() {
        String contract = unique("late");
        String api = unique("api");
        putContract(
                contract,
                """
                {"customer": {"name": "Acme", "noticeEmails": ["sla@acme.example"]}, "services": ["%s"],
                 "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.9,
                 "creditTiers": [{"belowPercent": 99.9, "creditPercent": 10}]}
                """
                        .formatted(api),
                201);
        YearMonth old = YearMonth.now(ZoneOffset.UTC).minusMonths(3);
        String start = old.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        String end = old.atDay(10)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(7200)
                .toString();
        // the end first: were the start folded and judged alone (the ledger caught up in between),
        // the outage would rightly be ongoing to this day
        observe(api, "p1", HealthStatus.UP, end);
        observe(api, "p1", HealthStatus.DOWN, start);

        var shortfalls = TestKafka.read(Topics.SHORTFALLS, r -> contract.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(shortfalls).hasSize(1);
        assertThat(TestKafka.text(shortfalls.get(0)))
                .contains("\"period\":\"" + old + "\"")
                .contains("\"downtimeSeconds\":7200");
    }
}
