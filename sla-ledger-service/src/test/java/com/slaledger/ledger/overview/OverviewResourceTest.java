package com.slaledger.ledger.overview;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.LocalTokens;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.json;
import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Every readable contract's current period in one request (the console's home page). */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class OverviewResourceTest {

    @Inject
    Clock clock;

    private static String contract(String zone) {
        return """
                {"customer": {"name": "Overview Ltd", "noticeEmails": ["sla@overview.example"]},
                 "services": ["%s"], "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.5,
                 "timezone": "%s"}
                """
                .formatted(unique("ov-api"), zone);
    }

    @Test
    void eachContractsCurrentPeriodInItsOwnZone_aCustomerSeesItsOwn() {
        String tokyo = unique("ov-tokyo");
        String newYork = unique("ov-ny");
        putContract(tokyo, contract("Asia/Tokyo"), 201);
        putContract(newYork, contract("America/New_York"), 201);

        JsonNode all = json(given().when()
                .get("/api/v1/overview?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode t = row(all, tokyo);
        // the suite runs at five past midnight UTC on a month's first day: Tokyo is in the new month,
        // New York still in the old one; each row names its contract's own period
        assertThat(t.path("period").asText())
                .isEqualTo(
                        YearMonth.now(clock.withZone(ZoneId.of("Asia/Tokyo"))).toString());
        assertThat(row(all, newYork).path("period").asText())
                .isEqualTo(YearMonth.now(clock.withZone(ZoneId.of("America/New_York")))
                        .toString());
        assertThat(t.path("customer").asText()).isEqualTo("Overview Ltd");
        assertThat(t.path("availabilityPercent").decimalValue()).isEqualByComparingTo("100");
        assertThat(t.path("uptimeTargetPercent").asText()).isEqualTo("99.5");
        assertThat(t.path("met").asBoolean()).isTrue();
        assertThat(t.path("notMet")).isEmpty();
        assertThat(t.path("shortfalls").asInt()).isZero();

        String customer = TestTokens.token(LocalTokens.Grant.customer(tokyo));
        JsonNode mine = json(given().auth()
                .oauth2(customer)
                .when()
                .get("/api/v1/overview")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(mine.findValuesAsText("contractId")).containsExactly(tokyo);
    }

    @Test
    void itIsPaged() {
        putContract(unique("ov-a"), contract("UTC"), 201);
        putContract(unique("ov-b"), contract("UTC"), 201);
        given().when()
                .get("/api/v1/overview?limit=1")
                .then()
                .statusCode(200)
                .header("Link", containsString("rel=\"next\""));
        given().when().get("/api/v1/overview?limit=0").then().statusCode(400);
    }

    private static JsonNode row(JsonNode all, String contractId) {
        for (JsonNode r : all) {
            if (contractId.equals(r.path("contractId").asText())) {
                return r;
            }
        }
        throw new AssertionError(contractId + " not in " + all);
    }
}
