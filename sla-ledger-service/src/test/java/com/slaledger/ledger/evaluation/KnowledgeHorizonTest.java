package com.slaledger.ledger.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.slaledger.events.HealthObserved;
import com.slaledger.events.HealthStatus;
import com.slaledger.events.Topics;
import com.slaledger.ledger.observation.ObservationFold;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §7, judged on what is known, made deterministic: an outage whose DOWN is folded and whose UP
 * is acknowledged (on the topic) but not folded yet. The observation channel is paused, so the UP
 * waits on the topic; the DOWN is stored through the fold itself. Before the knowledge horizon
 * the evaluator took the outage as ongoing for 30 hours and published a false shortfall.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class KnowledgeHorizonTest {

    @Inject
    EvaluationService evaluator;

    @Inject
    KnowledgeHorizon horizon;

    @Inject
    ObservationFold fold;

    @Inject
    ChannelRegistry channels;

    private static HealthObserved observed(String service, HealthStatus status, Instant at) {
        return new HealthObserved(
                HealthObserved.dedupKey(null, service, "p1", at, status),
                null,
                service,
                "p1",
                status,
                at,
                null,
                null,
                at);
    }

    private boolean caughtUp() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> horizon.caughtUp());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOutageWhoseEndIsNotFoldedYetCausesNoShortfall() throws Throwable {
        String contract = unique("horizon");
        String api = unique("api");
        // 99%: a month allows 6.7 to 7.4 hours; the outage is 2 hours, but looks like 30 until its UP is folded
        putContract(
                contract,
                """
                {"customer": {"name": "Horizon Ltd", "noticeEmails": ["sla@horizon.example"]},
                 "services": ["%s"], "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99}
                """
                        .formatted(api),
                201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant down = now.minus(Duration.ofHours(30));
        Instant up = down.plus(Duration.ofHours(2));
        HealthObserved before = observed(api, HealthStatus.UP, down.minus(Duration.ofHours(1)));
        HealthObserved outage = observed(api, HealthStatus.DOWN, down);
        HealthObserved end = observed(api, HealthStatus.UP, up);

        PausableChannel channel = channels.getPausable("health-observed");
        channel.pause();
        try {
            TestKafka.sendAll(Topics.HEALTH_OBSERVED, e -> api, List.of(before, outage, end));
            // the DOWN is folded (as by an earlier batch); the UP is acknowledged and waits on the topic
            VertxContextSupport.subscribeAndAwait(() -> fold.fold(List.of(before, outage), Map.of()));
            var outcome = VertxContextSupport.subscribeAndAwait(() -> evaluator.evaluate(now));
            assertThat(outcome.shortfalls())
                    .as("a shortfall resting on an outage whose end is not folded")
                    .isZero();
            assertThat(caughtUp()).as("the UP waits on the topic").isFalse();
            // what is stored is still shown: the statement has the outage as ongoing
            given().queryParam("from", down.minus(Duration.ofHours(2)).toString())
                    .when()
                    .get("/api/v1/contracts/{c}/downtime", contract)
                    .then()
                    .statusCode(200)
                    .body("[0].ongoing", org.hamcrest.Matchers.equalTo(true));
        } finally {
            channel.resume();
        }
        // once the UP is folded the outage is 2 hours, and no shortfall is ever published
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam(
                        "from", down.minus(Duration.ofHours(2)).toString())
                .when()
                .get("/api/v1/contracts/{c}/downtime", contract)
                .then()
                .statusCode(200)
                .body("[0].seconds", org.hamcrest.Matchers.equalTo(7200))
                .body("[0].ongoing", org.hamcrest.Matchers.equalTo(false)));
        VertxContextSupport.subscribeAndAwait(() -> evaluator.evaluate(Instant.now()));
        assertThat(TestKafka.read(Topics.SHORTFALLS, r -> contract.equals(r.key()), 1, Duration.ofSeconds(3)))
                .isEmpty();
    }
}
