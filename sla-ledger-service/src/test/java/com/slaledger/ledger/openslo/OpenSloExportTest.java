package com.slaledger.ledger.openslo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.slaledger.client.LocalTokens;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The OpenSLO export over HTTP, each object checked against the v1 rules as a JSON Schema
 * (src/test/resources/openslo/openslo-v1.schema.json, written from the OpenSLO specification's
 * text: its comment names the source).
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class OpenSloExportTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema OPENSLO_V1 = schema();

    private static Schema schema() {
        try (InputStream in = OpenSloExportTest.class.getResourceAsStream("/openslo/openslo-v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contract(String services, String target) {
        return """
                {"customer": {"name": "Acme Ltd", "noticeEmails": ["sla@acme.example"]},
                 "services": %s, "policy": "CUSTOMER_TICKET", "uptimeTargetPercent": %s,
                 "minimumDowntime": "PT5M", "timezone": "Europe/Lisbon", "startsOn": "2026-10-15",
                 "creditTiers": [{"belowPercent": 99.9, "creditPercent": 10}, {"belowPercent": 99, "creditPercent": 25}],
                 "monthlyFee": {"amount": 1000, "currency": "EUR"},
                 "alerts": {"emails": ["noc@provider.example"], "allowanceUsedPercent": [50]},
                 "support": {"calendar": "24x7",
                             "targets": [{"priority": "P1", "firstResponse": "PT15M", "resolution": "PT4H", "percentMet": 95}]},
                 "duties": [{"dutyId": "backup", "name": "Daily backup", "every": "P1D", "grace": "PT2H",
                             "since": "2026-10-01T00:00:00Z"}],
                 "maintenanceWindows": [{"recurrence": "FREQ=WEEKLY;BYDAY=SU", "startTime": "02:00",
                                         "duration": "PT2H", "from": "2026-10-01", "reason": "weekly patching"}]}
                """
                .formatted(services, target);
    }

    private static List<JsonNode> export(String contractId, String token) {
        String body = given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/contracts/{id}/openslo", contractId)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/yaml"))
                .extract()
                .asString();
        try {
            return YAML.readValues(YAML.createParser(body), JsonNode.class).readAll();
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static List<Error> errors(JsonNode object) {
        return OPENSLO_V1.validate(object.toString(), InputFormat.JSON);
    }

    @Test
    void aServiceAndAnSloPerCoveredServiceOrGroupEachValidOpenSlo() {
        String id = unique("acme-openslo");
        putContract(
                id,
                contract("[\"api\", {\"name\": \"Search_EU\", \"anyOf\": [\"search-a\", \"search-b\"]}]", "99.9"),
                201);

        List<JsonNode> objects = export(id, TestTokens.token("viewer"));

        assertThat(objects).extracting(o -> o.path("kind").asText()).containsExactly("Service", "SLO", "SLO");
        for (JsonNode object : objects) {
            assertThat(errors(object)).as(object.toPrettyString()).isEmpty();
        }
        JsonNode service = objects.get(0);
        assertThat(service.at("/metadata/name").asText()).isEqualTo(id);
        JsonNode notes = service.at("/metadata/annotations");
        assertThat(notes.path("sla-ledger/policy").asText()).isEqualTo("CUSTOMER_TICKET");
        assertThat(notes.path("sla-ledger/minimum-downtime").asText()).isEqualTo("PT5M");
        assertThat(notes.path("sla-ledger/contract-version").isTextual()).isTrue();
        JsonNode tiers = json(notes.path("sla-ledger/credit-tiers").asText());
        assertThat(tiers.get(1).path("creditPercent").asInt()).isEqualTo(25);
        assertThat(json(notes.path("sla-ledger/support").asText())
                        .at("/targets/0/resolution")
                        .asText())
                .isEqualTo("PT4H");
        assertThat(json(notes.path("sla-ledger/duties").asText())
                        .at("/0/dutyId")
                        .asText())
                .isEqualTo("backup");
        assertThat(json(notes.path("sla-ledger/maintenance-windows").asText())
                        .at("/0/recurrence")
                        .asText())
                .isEqualTo("FREQ=WEEKLY;BYDAY=SU");

        JsonNode api = objects.get(1);
        assertThat(api.at("/metadata/name").asText()).isEqualTo(id + "-api");
        assertThat(api.at("/spec/service").asText()).isEqualTo(id);
        assertThat(api.at("/spec/budgetingMethod").asText()).isEqualTo("RatioTimeslices");
        // 99.9 % written as OpenSLO's ratio: 99.9 / 100 = 0.999
        assertThat(api.at("/spec/objectives/0/target").decimalValue()).isEqualByComparingTo("0.999");
        assertThat(api.at("/spec/objectives/0/timeSliceWindow").asText()).isEqualTo("1m");
        JsonNode window = api.at("/spec/timeWindow/0");
        assertThat(window.path("duration").asText()).isEqualTo("1M");
        assertThat(window.path("isRolling").asBoolean(true)).isFalse();
        // startsOn 2026-10-15: the calendar month it falls in starts on 1 October, local time
        assertThat(window.at("/calendar/startTime").asText()).isEqualTo("2026-10-01 00:00:00");
        assertThat(window.at("/calendar/timeZone").asText()).isEqualTo("Europe/Lisbon");
        // quoted, or a YAML 1.1 reader takes it for a timestamp
        given().when()
                .get("/api/v1/contracts/{id}/openslo", id)
                .then()
                .body(org.hamcrest.Matchers.containsString("startTime: \"2026-10-01 00:00:00\""));

        JsonNode group = objects.get(2);
        // "Search_EU" is no RFC 1123 label: lowered, dashed, and six hex digits of its SHA-256 added
        assertThat(group.at("/metadata/name").asText()).matches(id + "-search-eu-[0-9a-f]{6}");
        assertThat(group.at("/metadata/annotations/sla-ledger~1service").asText())
                .isEqualTo("Search_EU");
        assertThat(group.at("/metadata/annotations/sla-ledger~1any-of").asText())
                .isEqualTo("search-a,search-b");
        assertThat(group.at("/spec/indicator/spec/ratioMetric/raw/metricSource/spec/members"))
                .extracting(JsonNode::asText)
                .containsExactly("search-a", "search-b");
    }

    @Test
    void theCustomerReadsItsOwnWithoutTheProvidersAlertAddresses() {
        String id = unique("acme-openslo");
        putContract(id, contract("[\"api\"]", "99.5"), 201);
        String own = TestTokens.token(new LocalTokens.Grant("acme", "customer", List.of(id), null, null));
        String other =
                TestTokens.token(new LocalTokens.Grant("other", "customer", List.of("someone-else"), null, null));

        List<JsonNode> objects = export(id, own);

        assertThat(objects.toString()).doesNotContain("noc@provider.example");
        assertThat(objects.get(1).at("/spec/objectives/0/target").decimalValue())
                .isEqualByComparingTo("0.995");
        given().auth()
                .oauth2(other)
                .when()
                .get("/api/v1/contracts/{id}/openslo", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("probe"))
                .when()
                .get("/api/v1/contracts/{id}/openslo", id)
                .then()
                .statusCode(403);
        given().when()
                .get("/api/v1/contracts/{id}/openslo", "no-such-contract")
                .then()
                .statusCode(404);
    }

    @Test
    void aHundredPercentTargetHasNoOpenSloForm() {
        String id = unique("acme-openslo");
        putContract(id, contract("[\"api\"]", "100"), 201);

        given().when()
                .get("/api/v1/contracts/{id}/openslo", id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("uptimeTargetPercent"));
    }

    /** The schema refuses what the v1 text refuses: a check that cannot fail would prove nothing. */
    @Test
    void theSchemaRefusesWhatOpenSloV1Refuses() {
        String id = unique("acme-openslo");
        putContract(id, contract("[\"api\"]", "99.9"), 201);
        ObjectNode slo = (ObjectNode) export(id, TestTokens.token("viewer")).get(1);
        assertThat(errors(slo)).isEmpty();

        assertThat(errors(edit(slo, "/metadata", "name", JSON.getNodeFactory().textNode("Acme_API"))))
                .isNotEmpty();
        assertThat(errors(edit(
                        slo,
                        "/spec/objectives/0",
                        "target",
                        JSON.getNodeFactory().numberNode(1.0))))
                .isNotEmpty();
        assertThat(errors(edit(
                        slo,
                        "/spec/objectives/0",
                        "timeSliceWindow",
                        JSON.getNodeFactory().textNode("1s"))))
                .as("the v1 shorthand has no seconds")
                .isNotEmpty();
        assertThat(errors(edit(
                        slo, "/spec", "budgetingMethod", JSON.getNodeFactory().textNode("Timeslices"))))
                .as("Timeslices needs a timeSliceTarget")
                .isNotEmpty();
        ObjectNode twoWindows = slo.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) twoWindows.at("/spec/timeWindow"))
                .add(twoWindows.at("/spec/timeWindow/0").deepCopy());
        assertThat(errors(twoWindows)).isNotEmpty();
        ObjectNode reserved = slo.deepCopy();
        ((ObjectNode) reserved.at("/metadata/annotations")).put("openslo.com/mine", "x");
        assertThat(errors(reserved)).isNotEmpty();
    }

    private static ObjectNode edit(ObjectNode object, String at, String field, JsonNode value) {
        ObjectNode copy = object.deepCopy();
        ((ObjectNode) copy.at(at)).set(field, value);
        return copy;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(text, e);
        }
    }
}
