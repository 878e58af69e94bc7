package com.slaledger.ledger.statement;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import com.slaledger.client.SuiteClock;
import com.slaledger.events.HealthStatus;
import com.slaledger.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.observe;
import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.resolvedOutage;
import static com.slaledger.ledger.LedgerFixtures.specContract;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A final statement is answered again from the cache while nothing it was computed from changed,
 * and never once something did: a late observation, a ticket, new terms. A month that is not
 * final is computed every time.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class StatementCacheTest {

    @Inject
    StatementCache cache;

    @Inject
    MeterRegistry metrics;

    /** The spec contract's zone: its periods, and from which period new terms are in force. */
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    /** Two months back on the suite's clock: final whatever the day of the month. */
    private static final YearMonth MONTH =
            YearMonth.now(SuiteClock.clock().withZone(LISBON)).minusMonths(2);

    /** The contract's current period, on the service's clock. */
    private static YearMonth current() {
        return YearMonth.now(SuiteClock.clock().withZone(LISBON));
    }

    private static String at(int day, int hour, int minute) {
        return MONTH.atDay(day).atTime(hour, minute).toInstant(ZoneOffset.UTC).toString();
    }

    /** The spec contract, its maintenance window moved into MONTH (fixed dates would leave the late horizon). */
    private static String contract(String api, String web) {
        return specContract("PROVIDER_MONITORED", api, web)
                .replace("2026-10-10T01:00:00Z", at(10, 1, 0))
                .replace("2026-10-10T03:00:00Z", at(10, 3, 0));
    }

    private static String statement(String contract, YearMonth month) {
        return given().when()
                .get("/api/v1/contracts/{id}/statements/{p}", contract, month.toString())
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
    }

    private double misses() {
        return metrics.counter("sla.statement.cache", "result", "miss").count();
    }

    private double hits() {
        return metrics.counter("sla.statement.cache", "result", "hit").count();
    }

    @Test
    void aFinalStatementIsAnsweredAgainUntilAnInputChanges() {
        String contract = unique("cached");
        String api = unique("api");
        String web = unique("web");
        putContract(contract, contract(api, web), 201);
        observe(api, "p1", HealthStatus.DOWN, at(3, 14, 5));
        observe(api, "p1", HealthStatus.UP, at(3, 15, 5));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> statement(contract, MONTH).contains("\"downtimeSeconds\":3600,"));

        String first = statement(contract, MONTH);
        assertThat(cache.holds(contract, MONTH)).isTrue();
        double before = hits();
        assertThat(statement(contract, MONTH)).isEqualTo(first);
        assertThat(hits()).isEqualTo(before + 1);

        // today's observations of the same service cannot reach a closed month: still a hit
        observe(api, "p1", HealthStatus.UP, SuiteClock.now().minusSeconds(5).toString());
        observe(api, "p2", HealthStatus.UP, SuiteClock.now().minusSeconds(5).toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            double h = hits();
            assertThat(statement(contract, MONTH)).isEqualTo(first);
            assertThat(hits()).isEqualTo(h + 1);
        });

        // a late observation of the month: the next answer counts it
        observe(web, "p1", HealthStatus.DOWN, at(7, 9, 0));
        observe(web, "p1", HealthStatus.UP, at(7, 9, 30));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> statement(contract, MONTH).contains("\"downtimeSeconds\":5400,"));

        // a ticket: the customer-ticket figures change
        Instant reported = Instant.parse(at(3, 14, 20));
        resolvedOutage(contract, api, reported, Instant.parse(at(3, 16, 0)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> statement(contract, MONTH).contains("\"CUSTOMER_TICKET\":{\"downtimeSeconds\":2700,"));

        // new terms: computed again (they are in force from the current period on, so the month's
        // own terms still decide it)
        String oldTerms = statement(contract, MONTH);
        putContract(contract, contract(api, web).replace("99.9,", "99.5,"), 200);
        double misses = misses();
        assertThat(statement(contract, MONTH)).isEqualTo(oldTerms).contains("\"uptimeTargetPercent\":99.9,");
        assertThat(misses()).isEqualTo(misses + 1);
        assertThat(statement(contract, current())).contains("\"uptimeTargetPercent\":99.5,");
    }

    @Test
    void theRunningMonthIsComputedEveryTime() {
        String contract = unique("running");
        putContract(contract, contract(unique("api"), unique("web")), 201);
        YearMonth now = current();
        statement(contract, now);
        statement(contract, now);
        assertThat(cache.holds(contract, now)).isFalse();
    }
}
