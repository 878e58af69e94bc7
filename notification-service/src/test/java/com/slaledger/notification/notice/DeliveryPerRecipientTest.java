package com.slaledger.notification.notice;

import java.time.Duration;
import java.util.List;

import com.slaledger.client.LocalTokens;
import com.slaledger.events.Topics;
import com.slaledger.testing.SmtpServerResource;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.slaledger.notification.notice.NoticeFixtures.contract;
import static com.slaledger.notification.notice.NoticeFixtures.mailTo;
import static com.slaledger.notification.notice.NoticeFixtures.shortfall;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * SPEC §8, delivery per recipient, at a real SMTP server that refuses addresses starting with
 * "bounce" for good (550): the others still get the notice, later notices are not held back, a
 * resend reaches the corrected address, and warnings go to the provider's alert addresses.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(SmtpServerResource.class)
class DeliveryPerRecipientTest {

    @Test
    void aRefusedRecipientDoesNotStopTheOthersNorLaterNotices_andAResendReachesTheCorrectedAddress() {
        String id = NoticeFixtures.newContractId();
        String good = id + "@customer.example";
        String bad = "bounce-" + id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, 1, List.of(bad, good), null));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id, "10"));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(good).size() == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo("SENT"))
                .body("[0].element", equalTo("availability"))
                .body("[0].deliveries.find { it.recipient == '" + good + "' }.status", equalTo("SENT"))
                .body("[0].deliveries.find { it.recipient == '" + bad + "' }.status", equalTo("FAILED"))
                .body("[0].deliveries.find { it.recipient == '" + bad + "' }.reply", startsWith("550")));

        // the address is corrected, and the next tier's notice is not held behind the refused one:
        // it goes to the contract's recipients as they are now
        String fixed = "fixed-" + id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, 2, List.of(fixed, good), null));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id, "25"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(good).size() == 2 && mailTo(fixed).size() == 1);

        // a resend of the first notice reaches the corrected address too
        String first = given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .extract()
                .path("[0].id");
        given().when().post("/api/v1/notices/{id}/resend", first).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(fixed).size() == 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/notices/{id}", first)
                .then()
                .body("recipients", containsInAnyOrder(fixed, good))
                .body("status", equalTo("SENT")));
    }

    @Test
    void whenNobodyCanBeReachedTheNoticeFails_andTheNextOneStillGoesOut() {
        String id = NoticeFixtures.newContractId();
        String bad = "bounce-" + id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, 1, List.of(bad), null));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id, "10"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .body("[0].status", equalTo("FAILED"))
                .body("[0].deliveries[0].status", equalTo("FAILED")));

        String good = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, 2, List.of(good), null));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id, "25"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(good).size() == 1);
    }

    @Test
    void aWarningGoesToTheAlertAddresses_notToTheCustomer() throws Exception {
        String id = NoticeFixtures.newContractId();
        String customer = id + "@customer.example";
        String noc = "noc-" + id + "@provider.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, 1, List.of(customer), List.of(noc)));
        TestKafka.send(Topics.WARNINGS, id, NoticeFixtures.warning(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(noc).size() == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .body("[0].kind", equalTo("WARNING"))
                .body("[0].status", equalTo("SENT")));
        org.assertj.core.api.Assertions.assertThat(mailTo(customer)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(mailTo(noc).get(0).getSubject())
                .contains(id)
                .contains("50% of the downtime allowance");

        // SPEC §12: the warning is the provider's own; the customer's token finds no trace of it
        String warningId = given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .extract()
                .path("[0].id");
        String customerToken = TestTokens.token(LocalTokens.Grant.customer(id));
        given().auth()
                .oauth2(customerToken)
                .when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(customerToken)
                .when()
                .get("/api/v1/notices/latest?contractId={c}", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(customerToken)
                .when()
                .get("/api/v1/notices/{n}", warningId)
                .then()
                .statusCode(404);
        given().when().get("/api/v1/notices/{n}", warningId).then().statusCode(200);
    }
}
