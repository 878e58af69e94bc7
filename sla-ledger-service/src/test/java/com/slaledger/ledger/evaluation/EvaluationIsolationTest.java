package com.slaledger.ledger.evaluation;

import java.time.Clock;
import java.time.Duration;

import jakarta.inject.Inject;

import com.slaledger.events.HealthStatus;
import com.slaledger.events.Topics;
import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.observe;
import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.specContract;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * SPEC §11: a contract whose evaluation fails is skipped, logged and counted; every other contract
 * is evaluated as usual. (Before, a round was one transaction over all contracts: one failing
 * contract stopped every shortfall and statement.)
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class EvaluationIsolationTest {

    /** The service's clock. */
    @Inject
    Clock clock;

    @Inject
    Evaluator evaluator;

    @Test
    void aContractThatCannotBeEvaluatedStopsNoOther() throws Throwable {
        String broken = unique("broken");
        String good = unique("good");
        String api = unique("api");
        // a stored contract whose document cannot be read any more (as after a bad manual edit)
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO contract (contract_id, version, document, created_at,"
                                + " updated_at) VALUES (:id, 1, '{broken', now(), now())")
                        .setParameter("id", broken)
                        .executeUpdate())));
        putContract(good, specContract("PROVIDER_MONITORED", api, unique("web")), 201);
        // an outage of 2 hours in October: 7,200 s breaches the 99.9% target
        // the end first: a start judged alone would be an outage ongoing to this day
        observe(api, "p1", HealthStatus.UP, "2026-10-03T12:00:00Z");
        observe(api, "p1", HealthStatus.DOWN, "2026-10-03T10:00:00Z");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var outcome = VertxContextSupport.subscribeAndAwait(() -> evaluator.evaluate(clock.instant()));
            assertThat(outcome.failures()).isGreaterThanOrEqualTo(1);
            assertThat(TestKafka.read(Topics.SHORTFALLS, r -> good.equals(r.key()), 1, Duration.ofSeconds(1)))
                    .hasSize(1);
        });
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("sla_evaluation_failures_total{contract=\"" + broken + "\""));
    }
}
