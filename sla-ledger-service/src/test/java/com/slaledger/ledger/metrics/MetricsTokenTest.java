package com.slaledger.ledger.metrics;

import java.util.Map;

import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * SPEC §12: outside the local stack, /q/metrics (per-contract availability and shortfalls) needs a
 * bearer token with role operator, viewer or metrics; before, anybody who reached the port read
 * every contract's figures. The health checks stay open (the orchestrator's probes carry no token).
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(MetricsTokenTest.AsInProduction.class)
class MetricsTokenTest {

    /** The setting as it is in the prod profile (tests and the local stack turn it off). */
    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.permission.metrics.enabled", "true");
        }
    }

    @Test
    void metricsNeedAReadersToken() {
        given().auth().none().when().get("/q/metrics").then().statusCode(401);
        for (String role : new String[] {"probe", "helpdesk", "customer"}) {
            given().auth()
                    .oauth2(TestTokens.token(role))
                    .when()
                    .get("/q/metrics")
                    .then()
                    .statusCode(403);
        }
        for (String role : new String[] {"metrics", "viewer", "operator"}) {
            given().auth()
                    .oauth2(TestTokens.token(role))
                    .when()
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("# TYPE"));
        }
        given().auth().none().when().get("/q/health/ready").then().statusCode(200);
        given().auth().none().when().get("/q/health/live").then().statusCode(200);
    }
}
