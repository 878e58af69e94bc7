package com.slaledger.notification.notice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.slaledger.client.LocalTokens;
import com.slaledger.events.Topics;
import com.slaledger.testing.OperationalEndpoints;
import com.slaledger.testing.SmtpServerResource;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.slaledger.notification.notice.NoticeFixtures.contract;
import static com.slaledger.notification.notice.NoticeFixtures.elementShortfall;
import static com.slaledger.notification.notice.NoticeFixtures.mailTo;
import static com.slaledger.notification.notice.NoticeFixtures.shortfall;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** A shortfall event becomes exactly one e-mail at a real SMTP server. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(SmtpServerResource.class)
class ShortfallNoticeTest {

    @Test
    void aShortfallTwiceIsOneEmail() throws Exception {
        String id = NoticeFixtures.newContractId();
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() >= 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("SENT"))
                .body("[0].kind", equalTo("SHORTFALL"))
                .body("[0].recipients[0]", equalTo(email)));
        // a second e-mail, if any were due, would have gone out in this time
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailTo(email).size() == 1);
        List<MimeMessage> mails = mailTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains(id).contains("2026-10");
        String body = GreenMailUtil.getBody(mails.get(0));
        assertThat(body).contains("99.9").contains("99.8656").contains("3600").contains("100.00 EUR");
        // The notice's id, and so the Message-ID, follows from its key: a notice created again
        // (after a restore from backup) is recognisably the same mail.
        String key = mails.get(0).getHeader("X-SLA-Notice-Key")[0];
        String expectedId =
                UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(mails.get(0).getMessageID()).isEqualTo("<" + expectedId + "@sla-ledger>");
    }

    /**
     * The latest notice of each contract in one request (the console's home page): for every
     * contract named that the caller may read; a customer asking for another's gets nothing of it.
     */
    @Test
    void theLatestNoticeOfEachContractInOneRequest() throws Exception {
        String a = NoticeFixtures.newContractId();
        String b = NoticeFixtures.newContractId();
        for (String id : List.of(a, b)) {
            TestKafka.send(Topics.CONTRACTS, id, contract(id, id + "@customer.example"));
            TestKafka.send(Topics.SHORTFALLS, id, shortfall(id));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("/api/v1/notices/latest?contractId={a}&contractId={b}&contractId=nobody", a, b)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("contractId", containsInAnyOrder(a, b))
                .body("kind", everyItem(equalTo("SHORTFALL"))));
        given().auth()
                .oauth2(TestTokens.token(LocalTokens.Grant.customer(a)))
                .when()
                .get("/api/v1/notices/latest?contractId={a}&contractId={b}", a, b)
                .then()
                .statusCode(200)
                .body("contractId", contains(a));
        given().when().get("/api/v1/notices/latest").then().statusCode(400);
    }

    /**
     * Each element besides availability that falls short is its own notice (SPEC §8, §13): one
     * mail per (contract, period, element), however often it arrives, worded with the element's
     * own agreed and measured sentences; the notice list names the element.
     */
    @Test
    void eachOtherElementShortfallIsOneNoticeWithItsOwnWording() throws Exception {
        String id = NoticeFixtures.newContractId();
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.SHORTFALLS, id, elementShortfall(id, NoticeFixtures.FIRST_RESPONSE_SHORT));
        TestKafka.send(Topics.SHORTFALLS, id, elementShortfall(id, NoticeFixtures.BACKUP_SHORT));
        TestKafka.send(Topics.SHORTFALLS, id, elementShortfall(id, NoticeFixtures.FIRST_RESPONSE_SHORT));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() >= 2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailTo(email).size() == 2);
        given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("element", org.hamcrest.Matchers.containsInAnyOrder("firstResponse:P1", "duty:db-backup"));
        MimeMessage support = mailTo(email).stream()
                .filter(m -> subject(m).contains("firstResponse:P1"))
                .findFirst()
                .orElseThrow();
        assertThat(subject(support)).contains(id).contains("2026-10").contains("first response to P1 tickets");
        String body = GreenMailUtil.getBody(support);
        assertThat(body)
                .contains("95% within 30 min (EU business hours)")
                .contains("90% (18 of 20)")
                .contains("20, of which 18 within the target")
                .doesNotContain("Service credit");
        NoticeFixtures.saveSample("shortfall-element.eml", support);
        MimeMessage backup = mailTo(email).stream()
                .filter(m -> subject(m).contains("duty:db-backup"))
                .findFirst()
                .orElseThrow();
        assertThat(GreenMailUtil.getBody(backup))
                .contains("Nightly database backup")
                .contains("every 1 day (+2 h)")
                .contains("1 lapse, 7,200 s")
                .contains("2026-10-10 04:00:00 +01:00 (03:00:00 UTC) to 2026-10-10 06:00:00 +01:00 (05:00:00 UTC):"
                        + " 2 h 00 min (7200 s)");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void intervalsLeftOutOfTheEventAreCountedAndPointedTo() throws Exception {
        String id = NoticeFixtures.newContractId();
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id, 9000));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
        String body = GreenMailUtil.getBody(mailTo(email).get(0));
        assertThat(body).contains("and 9000 more").contains("/api/v1/contracts/" + id + "/statements/2026-10");
    }

    /**
     * One outage breaching many contracts arrives as a burst: the consumer stores a poll's notices
     * in one transaction. Each contract gets one mail, though every shortfall came twice and a
     * record in the middle of the burst could not be read (it is dead-lettered, the rest stored).
     */
    @Test
    void aBurstOfShortfallsIsOneMailEachAroundAPoisonRecord() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(NoticeFixtures.newContractId());
        }
        TestKafka.sendAll(
                Topics.CONTRACTS,
                c -> ((com.slaledger.events.ContractChanged) c).contractId(),
                ids.stream().map(id -> contract(id, id + "@burst.example")).toList());
        String poison = "poison-" + ids.get(0);
        List<Object> burst = new java.util.ArrayList<>();
        ids.forEach(id -> burst.add(shortfall(id)));
        burst.add(20, poison);
        ids.forEach(id -> burst.add(shortfall(id)));
        TestKafka.sendAll(
                Topics.SHORTFALLS,
                e -> e instanceof String ? poison : ((com.slaledger.events.ShortfallDetected) e).contractId(),
                burst);

        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> mailTo(id + "@burst.example").size() == 1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> ids.stream()
                .allMatch(id -> mailTo(id + "@burst.example").size() == 1));
        var dead = TestKafka.read(Topics.DEAD_LETTERS, r -> poison.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.get(0), "dead-letter-reason")).contains("unreadable");
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheConsumerGoesOn() {
        String id = NoticeFixtures.newContractId();
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.SHORTFALLS, id, "{\"contractId\": 42,".getBytes(StandardCharsets.UTF_8));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
        var dead = TestKafka.read(Topics.DEAD_LETTERS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"contractId\": 42,");
        assertThat(TestKafka.header(dead.get(0), "dead-letter-reason")).isNotBlank();
    }

    @Test
    void listingNeedsAContract() {
        given().when().get("/api/v1/notices").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void operationalEndpointsAnswer() {
        OperationalEndpoints.assertAnswered();
    }
}
