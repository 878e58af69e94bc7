package com.slaledger.notification.notice;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import com.slaledger.events.Topics;
import com.slaledger.testing.SmtpServerResource;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import org.junit.jupiter.api.Test;

import static com.slaledger.notification.notice.NoticeFixtures.contract;
import static com.slaledger.notification.notice.NoticeFixtures.mailTo;
import static com.slaledger.notification.notice.NoticeFixtures.saveSample;
import static com.slaledger.notification.notice.NoticeFixtures.shortfall;
import static com.slaledger.notification.notice.NoticeFixtures.statement;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Notices survive an SMTP outage, and a crash between sending and recording leaves a trace, never a silent copy. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(SmtpServerResource.class)
class SmtpTroubleTest {

    @Test
    void smtpDownThenUpDeliversEveryPendingNoticeOnceInOrder() throws Exception {
        String id = NoticeFixtures.newContractId();
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        SmtpServerResource.outage();
        try {
            TestKafka.send(Topics.SHORTFALLS, id, shortfall(id));
            TestKafka.send(Topics.STATEMENTS, id, statement(id, 1, false));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                    .get("/api/v1/notices?contractId={c}", id)
                    .then()
                    .body("size()", equalTo(2))
                    .body("[0].status", equalTo("PENDING"))
                    .body("[0].attempts", org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
            // Failing for longer than notification.smtp-failing-after: readiness says so.
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> given().when().get("/q/health/ready").then().statusCode(503));
        } finally {
            SmtpServerResource.recover();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() >= 2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailTo(email).size() == 2);
        List<MimeMessage> mails = mailTo(email);
        assertThat(mails).hasSize(2);
        // In the order the notices were created (the two events came on different topics, so
        // which was first is up to the broker); GET lists them oldest first.
        List<String> subjects = given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .body("status", org.hamcrest.Matchers.everyItem(equalTo("SENT")))
                .extract()
                .path("subject");
        assertThat(mails.get(0).getSubject()).isEqualTo(subjects.get(0));
        assertThat(mails.get(1).getSubject()).isEqualTo(subjects.get(1));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> given().when().get("/q/health/ready").then().statusCode(200));
    }

    @Inject
    Pool pool;

    /**
     * The crash window: the SMTP server accepted the mail, then the process died before SENT was
     * committed. The database then holds the state "attempted once, pending, lease running"; here
     * it is set back to that state by hand. After the lease the notice goes out again: a second
     * copy, but never without a trace: the same Message-ID and a second recorded attempt.
     */
    @Test
    void aCrashBetweenSendingAndRecordingLeavesATraceNotASilentCopy() throws Exception {
        String id = NoticeFixtures.newContractId();
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
        saveSample("shortfall.eml", mailTo(email).get(0));

        // attempted and accepted by the server, but neither the delivery nor SENT recorded
        pool.query("DELETE FROM notice_delivery WHERE notice_id IN (SELECT id FROM notice WHERE contract_id = '" + id
                        + "')")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10));
        pool.query("UPDATE notice SET status = 'PENDING', sent_at = NULL, next_attempt_at = now() WHERE contract_id = '"
                        + id + "'")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 2);
        List<MimeMessage> mails = mailTo(email);
        assertThat(mails.get(1).getMessageID()).isEqualTo(mails.get(0).getMessageID());
        given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("SENT"))
                .body("[0].attempts", equalTo(2));
    }
}
