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

    private io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> sql(String statement, Tuple args) {
        return pool.preparedQuery(statement).execute(args).await().atMost(Duration.ofSeconds(10));
    }

    /** What the owner of the table can do and the service's own statements cannot: the triggers off. */
    private void asTheTablesOwner(Runnable tampering) {
        sql("ALTER TABLE audit_entry DISABLE TRIGGER USER", Tuple.tuple());
        try {
            tampering.run();
        } finally {
            sql("ALTER TABLE audit_entry ENABLE TRIGGER USER", Tuple.tuple());
        }
    }

    private long newEntry() {
        String id = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        putContract(id, 99.9, 201);
        return ((Number) entriesOf("contract/" + id).get(0).get("seq")).longValue();
    }

    /** The head of the log is on Kafka once the outbox has relayed it. */
    private void awaitAnchored(long seq) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/audit/verify")
                .then()
                .body("valid", equalTo(true))
                .body("anchoredSeq", org.hamcrest.Matchers.greaterThanOrEqualTo((int) seq)));
    }

    @Test
    void theServicesOwnStatementsCannotEditOrDeleteEntries() {
        long seq = newEntry();
        for (String statement : List.of(
                "UPDATE audit_entry SET actor = 'someone-else' WHERE seq = $1",
                "DELETE FROM audit_entry WHERE seq = $1")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql(statement, Tuple.of(seq)))
                    .hasMessageContaining("append-only");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql("TRUNCATE audit_entry", Tuple.tuple()))
                .hasMessageContaining("append-only");
        given().when().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void aRewrittenEntryIsDetected() {
        long seq = newEntry();
        String after = sql("SELECT after FROM audit_entry WHERE seq = $1", Tuple.of(seq))
                .iterator()
                .next()
                .getString(0);
        try {
            // someone with database access lowers the target after the fact
            asTheTablesOwner(() -> sql(
                    "UPDATE audit_entry SET after = $1 WHERE seq = $2", Tuple.of(after.replace("99.9", "90"), seq)));
            given().when()
                    .get("/api/v1/audit/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("brokenAt", equalTo((int) seq));
        } finally {
            asTheTablesOwner(() -> sql("UPDATE audit_entry SET after = $1 WHERE seq = $2", Tuple.of(after, seq)));
        }
        given().when().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    /**
     * The same rewrite, with the entry's hash and every later one computed again, as whoever holds
     * the database can: the chain holds, the entry's signature (made with a key the database does
     * not have) does not. Before, verify said valid.
     */
    @Test
    void aRewriteWithTheChainComputedAgainIsDetected() {
        long seq = newEntry();
        newEntry();
        List<Object[]> original = new java.util.ArrayList<>();
        for (var r : sql(
                "SELECT seq, at, actor, action, resource, before, after, prev_hash, hash FROM audit_entry WHERE seq >= $1"
                        + " ORDER BY seq",
                Tuple.of(seq))) {
            original.add(new Object[] {
                r.getLong(0),
                r.getOffsetDateTime(1).toInstant(),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7).trim(),
                r.getString(8).trim()
            });
        }
        try {
            asTheTablesOwner(() -> {
                String prev = (String) original.get(0)[7];
                for (Object[] o : original) {
                    String after = (Long) o[0] == seq ? ((String) o[6]).replace("99.9", "90") : (String) o[6];
                    var fields = new AuditChain.Fields(
                            (Long) o[0],
                            o[1].toString(),
                            (String) o[2],
                            (String) o[3],
                            (String) o[4],
                            (String) o[5],
                            after);
                    String hash = AuditChain.hash(prev, fields);
                    sql(
                            "UPDATE audit_entry SET after = $1, prev_hash = $2, hash = $3 WHERE seq = $4",
                            Tuple.of(after, prev, hash, o[0]));
                    prev = hash;
                }
            });
            given().when()
                    .get("/api/v1/audit/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("brokenAt", equalTo((int) seq))
                    .body("problem", org.hamcrest.Matchers.containsString("rewritten"));
        } finally {
            asTheTablesOwner(() -> {
                for (Object[] o : original) {
                    sql(
                            "UPDATE audit_entry SET after = $1, prev_hash = $2, hash = $3 WHERE seq = $4",
                            Tuple.of(o[6], o[7], o[8], o[0]));
                }
            });
        }
        given().when().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    /**
     * The newest entry deleted: what is left is a valid chain of signed entries, but the head
     * anchored on Kafka names the deleted one. Before, verify said valid.
     */
    @Test
    void theNewestEntryDeletedIsDetected() {
        long seq = newEntry();
        awaitAnchored(seq);
        var row = sql(
                        "SELECT seq, at, actor, action, resource, before, after, prev_hash, hash, signature FROM audit_entry"
                                + " WHERE seq = (SELECT max(seq) FROM audit_entry)",
                        Tuple.tuple())
                .iterator()
                .next();
        long last = row.getLong(0);
        Tuple copy = Tuple.tuple()
                .addLong(last)
                .addOffsetDateTime(row.getOffsetDateTime(1))
                .addString(row.getString(2))
                .addString(row.getString(3))
                .addString(row.getString(4))
                .addString(row.getString(5))
                .addString(row.getString(6))
                .addString(row.getString(7))
                .addString(row.getString(8))
                .addString(row.getString(9));
        try {
            asTheTablesOwner(() -> sql("DELETE FROM audit_entry WHERE seq = $1", Tuple.of(last)));
            given().when()
                    .get("/api/v1/audit/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("brokenAt", equalTo((int) last))
                    .body("problem", org.hamcrest.Matchers.containsString("missing"));
        } finally {
            sql(
                    "INSERT INTO audit_entry (seq, at, actor, action, resource, before, after, prev_hash, hash, signature)"
                            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    copy);
        }
        given().when().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }
}
