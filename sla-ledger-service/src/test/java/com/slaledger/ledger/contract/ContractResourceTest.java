package com.slaledger.ledger.contract;

import java.time.Duration;
import java.util.List;

import com.slaledger.client.LocalTokens;
import com.slaledger.events.Topics;
import com.slaledger.testing.OperationalEndpoints;
import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.specContract;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/** Contracts over HTTP, stored in the real database and published to the compacted topic. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class ContractResourceTest {

    @Test
    void createReplaceAndRead() {
        String id = unique("acme");
        String body = specContract("PROVIDER_MONITORED", "api", "web");
        putContract(id, body, 201);
        putContract(id, body, 200); // the same terms: unchanged, nothing published
        putContract(id, body.replace("99.9,", "99.5,"), 200);

        given().when()
                .get("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(200)
                .body("contractId", equalTo(id))
                .body("version", equalTo(2))
                .body("uptimeTargetPercent", equalTo(99.5f))
                .body("minimumDowntime", equalTo("PT5M"))
                .body("timezone", equalTo("Europe/Lisbon"))
                .body("maintenanceWindows[0].start", equalTo("2026-10-10T01:00:00Z"));
        given().when().get("/api/v1/contracts").then().statusCode(200).body("contractId", hasItems(id));

        var published = TestKafka.read(Topics.CONTRACTS, r -> id.equals(r.key()), 3, Duration.ofSeconds(10));
        assertThat(published).hasSize(2);
        assertThat(TestKafka.text(published.get(1))).contains("\"version\":2");
    }

    @Test
    void invalidContractsAreProblemsNamingEveryField() {
        given().contentType("application/json")
                .body("{\"customer\":{\"name\":\"A\",\"noticeEmails\":[\"nope\"]},\"services\":[],\"policy\":\"X\","
                        + "\"uptimeTargetPercent\":0,\"timezone\":\"Nowhere/Land\"}")
                .when()
                .put("/api/v1/contracts/{id}", "Bad!")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "violations.field",
                        hasItems(
                                "contractId",
                                "customer.noticeEmails[0]",
                                "services",
                                "policy",
                                "uptimeTargetPercent",
                                "timezone"));
        given().contentType("application/json")
                .body("{\"uptimeTargetPercent\": \"high\"}")
                .when()
                .put("/api/v1/contracts/{id}", "acme")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("uptimeTargetPercent"));
        given().contentType("application/json")
                .body("{")
                .when()
                .put("/api/v1/contracts/{id}", "acme")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * SPEC §9: a misspelled term is a 400 naming it, and nothing is stored; before, {@code
     * minimumDowntme} and {@code timezon} were dropped and the contract stored with PT0S and UTC.
     */
    @Test
    void aMisspelledTermIsAProblemNamingItAndNothingIsStored() {
        String id = unique("typo-check");
        String body = specContract("PROVIDER_MONITORED", "api", "web")
                .replace("\"minimumDowntime\"", "\"minimumDowntme\"")
                .replace("\"timezone\"", "\"timezon\"");
        assertThat(body).contains("minimumDowntme").contains("timezon\"");
        given().contentType("application/json")
                .body(body)
                .when()
                .put("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("minimumDowntme"))
                .body("violations[0].message", containsString("minimumDowntime"));
        given().when().get("/api/v1/contracts/{id}", id).then().statusCode(404);
        given().contentType("application/json")
                .body(specContract("PROVIDER_MONITORED", "api", "web").replace("\"name\"", "\"nmae\""))
                .when()
                .put("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("customer.nmae"));
        given().when().get("/api/v1/contracts/{id}", id).then().statusCode(404);
    }

    /**
     * SPEC §9: a representation the endpoint does not have is a 406 problem; before, {@code Accept:
     * application/xml} on a statement was answered 200 with JSON.
     */
    @Test
    void anUnsupportedMediaTypeIsNotAcceptable() {
        String id = unique("accept");
        putContract(id, specContract("PROVIDER_MONITORED", "api", "web"), 201);
        given().accept("application/xml")
                .when()
                .get("/api/v1/contracts/{id}/statements/2026-10", id)
                .then()
                .statusCode(406)
                .contentType("application/problem+json")
                .body("status", equalTo(406))
                .body("detail", containsString("application/json"));
        given().accept("text/csv")
                .when()
                .get("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
        given().accept("application/xml, */*;q=0.1")
                .when()
                .get("/api/v1/contracts/{id}/statements/2026-10", id)
                .then()
                .statusCode(200)
                .contentType("application/json");
        given().accept("text/csv")
                .when()
                .get("/api/v1/contracts/{id}/statements/2026-10", id)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"));
        given().when()
                .get("/api/v1/contracts/{id}/statements/2026-10", id)
                .then()
                .statusCode(200)
                .contentType("application/json");
    }

    /**
     * SPEC §12: a contract's alerts (the provider's own addresses and thresholds) never reach a
     * customer, in the contract, its versions or the list; operators and viewers see them.
     */
    @Test
    void aCustomerDoesNotSeeTheProvidersAlerts() {
        String id = unique("alerts");
        String body = specContract("PROVIDER_MONITORED", "api", "web")
                .replace(
                        "\"timezone\": \"Europe/Lisbon\",",
                        "\"timezone\": \"Europe/Lisbon\", \"alerts\": {\"emails\": [\"noc@provider.example\"],"
                                + " \"allowanceUsedPercent\": [50, 80]},");
        putContract(id, body, 201);
        given().when()
                .get("/api/v1/contracts/{id}", id)
                .then()
                .statusCode(200)
                .body("alerts.emails[0]", equalTo("noc@provider.example"));
        String customer = TestTokens.token(LocalTokens.Grant.customer(id));
        for (String path :
                List.of("/api/v1/contracts/" + id, "/api/v1/contracts/" + id + "/versions", "/api/v1/contracts")) {
            String answer = given().auth()
                    .oauth2(customer)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(answer)
                    .as(path)
                    .contains(id)
                    .doesNotContain("noc@provider.example")
                    .doesNotContain("allowanceUsed");
        }
    }

    /**
     * SPEC §12, audiences: a token of the same issuer made for another client (claim aud), or for
     * none, is a 401; before, any token of the realm was accepted.
     */
    @Test
    void aTokenForAnotherAudienceIsRefused() {
        for (String audience : new String[] {"another-client", null}) {
            given().auth()
                    .oauth2(TestTokens.token(LocalTokens.Grant.of("operator"), audience))
                    .when()
                    .get("/api/v1/contracts")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(TestTokens.token(LocalTokens.Grant.of("operator"), LocalTokens.AUDIENCE))
                .when()
                .get("/api/v1/contracts")
                .then()
                .statusCode(200);
    }

    @Test
    void unknownContractsAndBadPeriods() {
        given().when()
                .get("/api/v1/contracts/{id}", "no-such")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().when()
                .get("/api/v1/contracts/{id}/statements/2026-10", "no-such")
                .then()
                .statusCode(404);
        given().when()
                .get("/api/v1/contracts/{id}/statements/2026-13", "no-such")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("period"));
        given().when()
                .get("/api/v1/contracts/{id}/shortfalls", "no-such")
                .then()
                .statusCode(404);
    }

    @Test
    void theServiceRegistry() {
        String service = unique("svc");
        given().contentType("application/json")
                .body("{\"name\":\"Public API\",\"downQuorum\":2}")
                .when()
                .put("/api/v1/services/{id}", service)
                .then()
                .statusCode(201)
                .body("downQuorum", equalTo(2));
        given().contentType("application/json")
                .body("{\"name\":\"Public API\"}")
                .when()
                .put("/api/v1/services/{id}", service)
                .then()
                .statusCode(200)
                .body("downQuorum", equalTo(1));
        given().contentType("application/json")
                .body("{\"downQuorum\":0}")
                .when()
                .put("/api/v1/services/{id}", service)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("downQuorum"));
    }

    @Test
    void operationalEndpointsAnswer() {
        OperationalEndpoints.assertAnswered();
    }
}
