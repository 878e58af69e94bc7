package com.slaledger.ledger.evaluation;

import java.time.Duration;
import java.time.Instant;

import com.slaledger.events.HealthStatus;
import com.slaledger.events.TicketKind;
import com.slaledger.events.TicketOpened;
import com.slaledger.events.Topics;
import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
 * The SPEC §4/§7 example end to end on the real broker and database: observations and tickets of
 * October 2026 arrive on Kafka, the statement comes out over HTTP, its shortfall once on Kafka.
 * The service's clock is pinned to 20 November 2026 (PinnedClock), so October is the previous
 * period and final, whatever day the suite runs on.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class SpecExampleFlowTest {

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
}
