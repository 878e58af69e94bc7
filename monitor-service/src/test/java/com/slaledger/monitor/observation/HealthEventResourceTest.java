package com.slaledger.monitor.observation;

import java.time.Duration;
import java.util.UUID;

import com.slaledger.client.LocalTokens;
import com.slaledger.client.SuiteClock;
import com.slaledger.events.Topics;
import com.slaledger.testing.OperationalEndpoints;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Intake over HTTP, published to the real broker. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class HealthEventResourceTest {

    private static String obs(String serviceId, String probeId, String status) {
        String at = SuiteClock.now().minusSeconds(60).toString();
        return "{\"serviceId\":\"" + serviceId + "\",\"probeId\":\"" + probeId + "\",\"status\":\"" + status
                + "\",\"observedAt\":\"" + at + "\"}";
    }

    @Test
    void acceptedObservationsAreOnKafkaKeyedByService() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json")
                .body("[" + obs(service, "p1", "DOWN") + "," + obs(service, "p2", "UP") + "]")
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2));

        var records = TestKafka.read(Topics.HEALTH_OBSERVED, r -> service.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(records).hasSize(2);
        assertThat(TestKafka.text(records.get(0)))
                .contains("\"probeId\":\"p1\"")
                .contains("\"status\":\"DOWN\"");
        assertThat(TestKafka.header(records.get(0), "ce_type")).isEqualTo("com.slaledger.health.observed.v1");
        assertThat(TestKafka.header(records.get(0), "ce_source")).isEqualTo("monitor-service");
    }

    @Test
    void aBodyOver16MegabytesIsA413Problem() {
        // 17 MB of JSON: the whole body is sent, and the answer is read (the connection was dropped before)
        byte[] body = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        given().contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("type", equalTo("urn:sla-ledger:problem:too-large"));
        // just under the limit is read (and found wanting as a batch, not as a size)
        byte[] fits = new byte[16 * 1024 * 1024 - 10];
        java.util.Arrays.fill(fits, (byte) ' ');
        fits[0] = '[';
        fits[fits.length - 1] = ']';
        given().contentType("application/json")
                .body(fits)
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(400);
    }

    /**
     * SPEC §12: a probe token limited to probe ids (claim {@code probes}) reports only as them;
     * before, one credential could post as any probe id and make up a quorum.
     */
    @Test
    void aProbeTokenLimitedToItsIdsReportsAsNoOtherProbe() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.token(LocalTokens.Grant.probe("probe-a"));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("[" + obs(service, "probe-a", "DOWN") + "," + obs(service, "probe-b", "DOWN") + "]")
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("this token may not report as probe probe-b"));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(obs(service, "probe-a", "DOWN"))
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(202);
        var records = TestKafka.read(Topics.HEALTH_OBSERVED, r -> service.equals(r.key()), 3, Duration.ofSeconds(8));
        assertThat(records).hasSize(1);
        assertThat(TestKafka.text(records.get(0))).contains("probe-a").doesNotContain("probe-b");
    }

    /** SPEC §9: an unknown (misspelled) field is a 400 naming it, with its element's index in a batch. */
    @Test
    void aMisspelledFieldIsAProblemNamingIt() {
        given().contentType("application/json")
                .body("[" + obs("api", "p1", "DOWN") + ","
                        + obs("api", "p2", "DOWN").replace("\"probeId\"", "\"probId\"") + "]")
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("[1].probId", "[1].probeId"));
    }

    @Test
    void observationsBefore2000AreRejected() {
        given().contentType("application/json")
                .body(obs("api", "p1", "DOWN").replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z", "-5000-01-01T00:00:00Z"))
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("observedAt"));
    }

    @Test
    void aBadBatchPublishesNothing() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json")
                .body("[" + obs(service, "bad-batch", "DOWN") + "," + obs(service, "x", "MAYBE") + "]")
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItems("[1].status"));
        // Same key, same partition: once the later good record is read, the bad batch would be before it.
        given().contentType("application/json")
                .body(obs(service, "good", "UP"))
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
        var records = TestKafka.read(Topics.HEALTH_OBSERVED, r -> service.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(TestKafka.text(records.get(0))).contains("\"probeId\":\"good\"");
    }

    @Test
    void unparseableBodiesAreProblemsNotErrors() {
        given().contentType("application/json")
                .body("{\"serviceId\": ")
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        given().contentType("text/plain")
                .body("hello")
                .when()
                .post("/api/v1/health-events")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void operationalEndpointsAnswer() {
        OperationalEndpoints.assertAnswered();
    }
}
