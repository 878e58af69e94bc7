package com.slaledger.ledger.observation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.slaledger.events.HealthObserved;
import com.slaledger.events.HealthStatus;
import com.slaledger.events.Topics;
import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Observations go from the real broker into the real database, once each; poison goes aside. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class ObservationFoldingTest {

    private static final Instant T = Instant.parse("2026-10-03T14:05:00Z");

    private static HealthObserved down(String service, Instant at) {
        return new HealthObserved(
                HealthObserved.dedupKey(null, service, "probe-1", at, HealthStatus.DOWN),
                null,
                service,
                "probe-1",
                HealthStatus.DOWN,
                at,
                null,
                null,
                at);
    }

    @Test
    void aDuplicateIsStoredOnce() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.send(Topics.HEALTH_OBSERVED, service, down(service, T));
        TestKafka.send(Topics.HEALTH_OBSERVED, service, down(service, T));
        TestKafka.send(Topics.HEALTH_OBSERVED, service, down(service, T.plusSeconds(60)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/services/{s}/observations", service)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].observedAt", equalTo("2026-10-03T14:05:00Z"))
                .body("[0].status", equalTo("DOWN")));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndFoldingGoesOn() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.send(Topics.HEALTH_OBSERVED, service, "{not json".getBytes(StandardCharsets.UTF_8));
        TestKafka.send(Topics.HEALTH_OBSERVED, service, down(service, T));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/services/{s}/observations", service)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1)));
        var dead = TestKafka.read(Topics.DEAD_LETTERS, r -> service.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.text(dead.get(0))).isEqualTo("{not json");
        assertThat(TestKafka.header(dead.get(0), "dead-letter-reason")).startsWith("unreadable record");
        assertThat(TestKafka.header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.HEALTH_OBSERVED);
    }

    /**
     * Errors inherent to a record dead-letter that record and the records around it are stored
     * (SPEC §11): an instant PostgreSQL cannot store, and a NUL character it refuses in text, sent
     * in one batch between good records. Before, the batch insert failed and was retried for ever,
     * and nothing more was folded on that partition.
     */
    @Test
    void recordsThatCannotBeStoredAreDeadLetteredAndTheirNeighboursStored() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        HealthObserved ancient = down(service, Instant.parse("-5000-01-01T00:00:00Z"));
        HealthObserved nul = new HealthObserved(
                "nul:" + service, null, service, "probe\u0000x", HealthStatus.DOWN, T.plusSeconds(5), null, null, T);
        TestKafka.sendAll(
                Topics.HEALTH_OBSERVED,
                e -> service,
                List.of(down(service, T), ancient, nul, down(service, T.plusSeconds(10))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/services/{s}/observations", service)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2)));
        var dead = TestKafka.read(Topics.DEAD_LETTERS, r -> service.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(dead).hasSize(2);
        assertThat(dead.stream().map(d -> TestKafka.header(d, "dead-letter-reason")))
                .anySatisfy(r -> assertThat(r).contains("out of range"))
                .anySatisfy(r -> assertThat(r).contains("cannot be stored"));
        // folding goes on after them
        TestKafka.send(Topics.HEALTH_OBSERVED, service, down(service, T.plusSeconds(20)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/services/{s}/observations", service)
                .then()
                .body("size()", equalTo(3)));
    }

    @Test
    void badQueryParametersAreProblems() {
        given().when()
                .get("/api/v1/services/api/observations?from=yesterday")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
    }

    /** Thousands at once arrive as large batches; each is stored with set-based statements. */
    @Test
    void largeBatchesAreFoldedWhole() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        List<HealthObserved> events = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            events.add(down(service, T.plusSeconds(i)));
        }
        TestKafka.sendAll(Topics.HEALTH_OBSERVED, e -> ((HealthObserved) e).serviceId(), events);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when()
                .get("/api/v1/services/{s}/observations?limit=10000", service)
                .then()
                .statusCode(200)
                .body("size()", equalTo(5000)));
    }
}
