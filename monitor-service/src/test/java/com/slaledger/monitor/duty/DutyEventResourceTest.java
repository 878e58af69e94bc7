package com.slaledger.monitor.duty;

import java.time.Duration;
import java.util.UUID;

import com.slaledger.client.LocalTokens;
import com.slaledger.client.SuiteClock;
import com.slaledger.events.Topics;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Duty evidence over HTTP, published to the real broker only when it is all valid. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class DutyEventResourceTest {

    private static String event(String dutyId, String outcome) {
        String at = SuiteClock.now().minusSeconds(60).toString();
        return "{\"dutyId\":\"" + dutyId + "\",\"outcome\":\"" + outcome + "\",\"completedAt\":\"" + at + "\"}";
    }

    @Test
    void acceptedEventsAreOnKafkaKeyedByDuty() {
        String duty = "backup-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(TestTokens.token("probe"))
                .contentType("application/json")
                .body("[" + event(duty, "FAILURE") + "," + event(duty, "SUCCESS") + "]")
                .when()
                .post("/api/v1/duty-events")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2));
        var records = TestKafka.read(Topics.DUTIES, r -> duty.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(records).hasSize(2);
        assertThat(TestKafka.text(records.get(0))).contains("\"outcome\":\"FAILURE\"");
        assertThat(TestKafka.text(records.get(1))).contains("\"outcome\":\"SUCCESS\"");
    }

    @Test
    void oneBadElementPublishesNothing() {
        String duty = "backup-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json")
                .body("[" + event(duty, "SUCCESS") + "," + event(duty, "MAYBE") + "]")
                .when()
                .post("/api/v1/duty-events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("[1].outcome"));
        assertThat(TestKafka.read(Topics.DUTIES, r -> duty.equals(r.key()), 1, Duration.ofSeconds(3)))
                .isEmpty();
    }

    @Test
    void aProbeTokenNamingOtherDutiesIsRefused_aViewerToo() {
        String duty = "backup-" + UUID.randomUUID().toString().substring(0, 8);
        String scoped = TestTokens.token(new LocalTokens.Grant(
                "agent", "probe", null, null, Duration.ofHours(1), java.util.List.of("other-duty")));
        given().auth()
                .oauth2(scoped)
                .contentType("application/json")
                .body(event(duty, "SUCCESS"))
                .when()
                .post("/api/v1/duty-events")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.token("viewer"))
                .contentType("application/json")
                .body(event(duty, "SUCCESS"))
                .when()
                .post("/api/v1/duty-events")
                .then()
                .statusCode(403);
    }
}
