package com.slaledger.ledger.exclusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slaledger.client.LocalTokens;
import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.specContract;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * Exclusions over HTTP (SPEC §16.1): proposed by one operator, approved by another (the proposer
 * cannot), decided once, listed to customers only when approved, in the audit log, and in the
 * statements of the periods they touch. The clock is pinned at 2026-11-20T12:00Z.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class ExclusionResourceTest {

    private static final String ANA = TestTokens.token(new LocalTokens.Grant("ana", "operator", null, null, null));

    private static final String OCTOBER_OUTAGE =
            """
            {"start": "2026-10-03T14:00:00Z", "end": "2026-10-03T15:00:00Z", "category": "CUSTOMER_CAUSED",
             "reason": "customer's firewall change blocked all traffic", "services": ["api"], "reference": "ZD-1001"}
            """;

    private static Response propose(String contractId, String body) {
        return given().contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/contracts/{id}/exclusions", contractId);
    }

    private static Response decide(String token, String contractId, String exclusionId, String decision) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"note\": \"firewall log checked\"}")
                .when()
                .post("/api/v1/contracts/{id}/exclusions/{x}/" + decision, contractId, exclusionId);
    }

    @Test
    void aSecondOperatorApprovesAndTheStatementListsIt() {
        String id = unique("excl");
        putContract(id, specContract("PROVIDER_MONITORED", "api", "web"), 201);
        String exclusionId = propose(id, OCTOBER_OUTAGE)
                .then()
                .statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("proposedBy", equalTo("operator"))
                .body("seconds", equalTo(3600))
                .body("services", equalTo(List.of("api")))
                .extract()
                .path("exclusionId");

        decide(TestTokens.token("operator"), id, exclusionId, "approve")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("second operator"));
        decide(ANA, id, exclusionId, "approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("ana"))
                .body("note", equalTo("firewall log checked"));
        decide(ANA, id, exclusionId, "reject").then().statusCode(409).body("detail", containsString("APPROVED"));

        given().when()
                .get("/api/v1/contracts/{id}/statements/2026-10", id)
                .then()
                .statusCode(200)
                .body("exclusions[0].exclusionId", equalTo(exclusionId))
                .body("exclusions[0].seconds", equalTo(3600))
                .body("exclusions[0].category", equalTo("CUSTOMER_CAUSED"))
                .body("excludedSeconds", equalTo(0))
                .body("maintenance[0].start", equalTo("2026-10-10T01:00:00Z"))
                .body("maintenance[0].reason", equalTo("DB upgrade"));
        given().when()
                .get("/api/v1/contracts/{id}/statements/2026-11", id)
                .then()
                .statusCode(200)
                .body("exclusions.size()", equalTo(0));

        List<Map<String, Object>> audit = auditOf("contract/" + id + "/exclusion/" + exclusionId);
        assertThat(audit).extracting(e -> e.get("action")).containsExactly("EXCLUSION_PROPOSED", "EXCLUSION_APPROVED");
        assertThat(audit.get(1).get("actor")).isEqualTo("ana");
    }

    @Test
    void customersSeeApprovedExclusionsOnlyAndCannotProposeOrDecide() {
        String id = unique("excl");
        putContract(id, specContract("PROVIDER_MONITORED", "api", "web"), 201);
        String approved =
                propose(id, OCTOBER_OUTAGE).then().statusCode(201).extract().path("exclusionId");
        decide(ANA, id, approved, "approve").then().statusCode(200);
        String rejected = propose(id, OCTOBER_OUTAGE.replace("14:00:00Z", "13:00:00Z"))
                .then()
                .statusCode(201)
                .extract()
                .path("exclusionId");
        decide(TestTokens.token("operator"), id, rejected, "reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        propose(id, OCTOBER_OUTAGE.replace("14:00:00Z", "12:00:00Z")).then().statusCode(201);

        given().when()
                .get("/api/v1/contracts/{id}/exclusions", id)
                .then()
                .statusCode(200)
                .body("status", equalTo(List.of("PROPOSED", "REJECTED", "APPROVED")));
        String customer = TestTokens.token(LocalTokens.Grant.customer(id));
        given().auth()
                .oauth2(customer)
                .when()
                .get("/api/v1/contracts/{id}/exclusions", id)
                .then()
                .statusCode(200)
                .body("exclusionId", equalTo(List.of(approved)))
                .body("[0].reason", equalTo("customer's firewall change blocked all traffic"))
                .body("[0].proposedBy", nullValue())
                .body("[0].note", nullValue());
        given().auth()
                .oauth2(TestTokens.token(LocalTokens.Grant.customer("someone-else")))
                .when()
                .get("/api/v1/contracts/{id}/exclusions", id)
                .then()
                .statusCode(404);
        for (String token : List.of(customer, TestTokens.token("viewer"))) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(OCTOBER_OUTAGE)
                    .when()
                    .post("/api/v1/contracts/{id}/exclusions", id)
                    .then()
                    .statusCode(403);
            decide(token, id, approved, "reject").then().statusCode(403);
        }
    }

    @Test
    void aBadProposalIsAProblemNamingEveryFieldAndChangesNothing() {
        String id = unique("excl");
        putContract(id, specContract("PROVIDER_MONITORED", "api", "web"), 201);
        propose(
                        id,
                        "{\"start\": \"2026-10-03T15:00:00Z\", \"end\": \"2026-10-03T14:00:00Z\", \"category\": \"ACT_OF_GOD\","
                                + " \"reason\": \"\", \"services\": [\"db\"]}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("end", "category", "reason", "services[0]"));
        propose(
                        id,
                        "{\"start\": \"1999-10-03T15:00:00Z\", \"end\": \"2026-10-03T14:00:00Z\", \"category\": \"OTHER\","
                                + " \"reason\": \"x\", \"surprise\": 1}")
                .then()
                .statusCode(400);
        propose(id, OCTOBER_OUTAGE.replace("\"services\": [\"api\"], ", ""))
                .then()
                .statusCode(201)
                .body("services", equalTo(List.of("api", "web")));
        decide(ANA, id, "no-such-exclusion", "approve").then().statusCode(404);
        propose(unique("nobody"), OCTOBER_OUTAGE).then().statusCode(404);
        given().when()
                .get("/api/v1/contracts/{id}/exclusions", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    private static List<Map<String, Object>> auditOf(String resource) {
        List<Map<String, Object>> out = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Map<String, Object>> page = given().when()
                    .get("/api/v1/audit?limit=1000&after=" + after)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("");
            if (page.isEmpty()) {
                return out;
            }
            for (Map<String, Object> e : page) {
                if (resource.equals(e.get("resource"))) {
                    out.add(e);
                }
                after = ((Number) e.get("seq")).longValue();
            }
        }
    }
}
