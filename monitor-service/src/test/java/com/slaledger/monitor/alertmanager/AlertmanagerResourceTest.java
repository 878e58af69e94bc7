package com.slaledger.monitor.alertmanager;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

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
import static org.hamcrest.Matchers.equalTo;

/** A real Alertmanager v4 payload, firing then resolved, ends up on the real broker. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class AlertmanagerResourceTest {

    @Test
    void firingThenResolved() throws IOException {
        String service = "am-" + UUID.randomUUID().toString().substring(0, 8);
        // The sample's startsAt is in the past; the 5-minute clock-skew limit only bites on future ones.
        given().contentType("application/json")
                .body(AlertmanagerSamples.sample("firing.json", service).toString())
                .when()
                .post("/api/v1/alertmanager")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("ignored", equalTo(1));
        given().contentType("application/json")
                .body(AlertmanagerSamples.sample("resolved.json", service).toString())
                .when()
                .post("/api/v1/alertmanager")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("ignored", equalTo(0));

        var records = TestKafka.read(Topics.HEALTH_OBSERVED, r -> service.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(records).hasSize(2);
        assertThat(TestKafka.text(records.get(0)))
                .contains("\"status\":\"DOWN\"")
                .contains("2026-10-03T14:05:00Z");
        assertThat(TestKafka.text(records.get(1))).contains("\"status\":\"UP\"").contains("2026-10-03T15:05:00Z");
    }

    @Test
    void aPayloadThatIsNotAlertmanagersIsAProblem() {
        given().contentType("application/json")
                .body("{\"hello\": 1}")
                .when()
                .post("/api/v1/alertmanager")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
