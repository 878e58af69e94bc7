package com.slaledger.ledger.audit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Every change of a contract or service leaves a chained audit entry; a rewritten one is found. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class AuditTest {

    @Inject
    Pool pool;

    private static String contract(String id, double target) {
        return "{\"customer\":{\"name\":\"Audit Ltd\",\"noticeEmails\":[\"sla@audit.example\"]},"
                + "\"services\":[\"api\"],\"policy\":\"PROVIDER_MONITORED\",\"uptimeTargetPercent\":" + target + "}";
    }

    private static void putContract(String id, double target, int status) {
        given().contentType("application/json")
                .body(contract(id, target))
                .put("/api/v1/contracts/" + id)
                .then()
                .statusCode(status);
    }

    private static List<java.util.Map<String, Object>> entriesOf(String resource) {
        return given()
                .when()
                .get("/api/v1/audit?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<java.util.Map<String, Object>>getList("")
                .stream()
                .filter(e -> resource.equals(e.get("resource")))
                .toList();
    }

    @Test
    void contractAndServiceChangesAreRecordedWithActorBeforeAndAfter() {
        String id = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        putContract(id, 99.9, 201);
        // the same terms again change nothing and record nothing
        putContract(id, 99.9, 200);
        putContract(id, 99.5, 200);
        given().contentType("application/json")
                .body("{\"downQuorum\":2}")
                .put("/api/v1/services/" + id)
                .then()
                .statusCode(201);

        var entries = entriesOf("contract/" + id);
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("CONTRACT_CREATED", "CONTRACT_REPLACED");
        assertThat(entries).extracting(e -> e.get("actor")).containsOnly("operator");
        assertThat(entries.get(0).get("before")).isNull();
        assertThat(entries.get(1).get("before").toString()).contains("99.9");
        assertThat(entries.get(1).get("after").toString()).contains("99.5");
        assertThat(entriesOf("service/" + id)).extracting(e -> e.get("action")).containsExactly("SERVICE_REGISTERED");

        given().when()
                .get("/api/v1/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("brokenAt", nullValue());
    }

    @Test
    void pagesAreLinked() {
        String id = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        putContract(id, 99.9, 201);
        putContract(id, 99.8, 200);
        Response first = given().when().get("/api/v1/audit?limit=1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("Link"))
                .contains("rel=\"next\"")
                .contains("after=")
                .contains("limit=1");
        given().when().get("/api/v1/audit?limit=0").then().statusCode(400);
    }

    @Test
    void aRewrittenEntryIsDetected() {
        String id = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        putContract(id, 99.9, 201);
        long seq = ((Number) entriesOf("contract/" + id).get(0).get("seq")).longValue();
        String after = pool.preparedQuery("SELECT after FROM audit_entry WHERE seq = $1")
                .execute(Tuple.of(seq))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getString(0);
        try {
            // someone with database access lowers the target after the fact
            pool.preparedQuery("UPDATE audit_entry SET after = $1 WHERE seq = $2")
                    .execute(Tuple.of(after.replace("99.9", "90"), seq))
                    .await()
                    .atMost(Duration.ofSeconds(10));
            given().when()
                    .get("/api/v1/audit/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("brokenAt", equalTo((int) seq));
        } finally {
            pool.preparedQuery("UPDATE audit_entry SET after = $1 WHERE seq = $2")
                    .execute(Tuple.of(after, seq))
                    .await()
                    .atMost(Duration.ofSeconds(10));
        }
        given().when().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }
}
