package com.slaledger.notification.notice;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.slaledger.events.Topics;
import com.slaledger.testing.SmtpServerResource;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.slaledger.notification.notice.NoticeFixtures.contract;
import static com.slaledger.notification.notice.NoticeFixtures.mailTo;
import static com.slaledger.notification.notice.NoticeFixtures.saveSample;
import static com.slaledger.notification.notice.NoticeFixtures.statement;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A period statement and its amendment become one e-mail each; an operator can resend one. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(SmtpServerResource.class)
class StatementNoticeTest {

    @Test
    void aStatementAndItsAmendmentAreOneEmailEach() throws Exception {
        String id = NoticeFixtures.newContractId();
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.STATEMENTS, id, statement(id, 1, true));
        TestKafka.send(Topics.STATEMENTS, id, statement(id, 1, true));
        TestKafka.send(Topics.STATEMENTS, id, statement(id, 2, false));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() >= 2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailTo(email).size() == 2);
        List<MimeMessage> mails = mailTo(email);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).getSubject()).contains(id).contains("2026-10").contains("agreement met");
        assertThat(GreenMailUtil.getBody(mails.get(0))).contains("The agreed availability was met");
        assertThat(mails.get(1).getSubject()).contains("amended, version 2").contains("not met");
        saveSample("statement.eml", mails.get(0));
        saveSample("statement-amended.eml", mails.get(1));

        String noticeId = given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("kind[0]", equalTo("STATEMENT"))
                .extract()
                .path("[0].id");
        given().when()
                .get("/api/v1/notices/{n}", noticeId)
                .then()
                .statusCode(200)
                .body("bodyText", org.hamcrest.Matchers.containsString("Agreed availability:  99.9%"))
                .body("bodyHtml", org.hamcrest.Matchers.containsString("<table>"))
                .body("idempotencyKey", equalTo(id + "/2026-10/STATEMENT/v1"));

        // An operator asks for it again: one more copy, one more recorded attempt.
        given().when()
                .post("/api/v1/notices/{n}/resend", noticeId)
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 3);
        given().when()
                .get("/api/v1/notices/{n}", noticeId)
                .then()
                .body("status", equalTo("SENT"))
                .body("attempts", equalTo(2));
        // Asked again at once: refused for the rest of notification.resend-interval (1 minute),
        // and nothing more goes out.
        given().when()
                .post("/api/v1/notices/{n}/resend", noticeId)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailTo(email).size() == 3);
        given().when().get("/api/v1/notices/{n}", "no-such").then().statusCode(404);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("sla_notices_sent_total"))
                .body(org.hamcrest.Matchers.containsString("sla_notices_pending"));
    }

    /**
     * The statement mail is the period's audit checklist (SPEC §8, §13.4): every element, met or
     * not, with what was agreed and measured; availability met does not make the agreement met.
     */
    @Test
    void theStatementMailIsTheChecklist() throws Exception {
        String id = NoticeFixtures.newContractId();
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.STATEMENTS, id, NoticeFixtures.checklistStatement(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
        MimeMessage mail = mailTo(email).get(0);
        assertThat(mail.getSubject()).contains(id).contains("agreement not met").doesNotContain("credit");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body)
                .contains("The agreement was NOT met in every element.")
                .contains("The agreed availability was met.")
                .contains("[met] availability (availability)")
                .contains("[NOT MET] first response to P1 tickets (firstResponse:P1)")
                .contains("95% within 30 min (EU business hours)")
                .contains("90% (18 of 20)")
                .contains("[NOT MET] Nightly database backup (duty:db-backup)")
                .contains("lapse:    2026-10-10 04:00:00 +01:00 (03:00:00 UTC) to 2026-10-10 06:00:00 +01:00"
                        + " (05:00:00 UTC): 2 h 00 min (7200 s)")
                // notices that read well: the customer's time with its offset, durations for people,
                // signed and sent by the provider (notification.provider-name), no empty Cc
                .contains("(2026-10-01 01:00:00 +01:00 (00:00:00 UTC) to 2026-11-01 00:00:00 +00:00 (00:00:00 UTC))")
                .contains("Eligible time:        744 h 00 min (2,678,400 s")
                .contains("Example Hosting Ltd");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Example Hosting Ltd <notices@sla-ledger.example>");
        assertThat(mail.getHeader("Cc")).isNull();
        saveSample("statement-checklist.eml", mail);

        // the statement to file is attached as a PDF (SPEC §14)
        byte[] pdf = attachment(mail, "application/pdf");
        assertThat(pdf).as("a PDF attachment").isNotNull();
        {
            String text = com.slaledger.document.PdfText.of(pdf);
            assertThat(text)
                    .contains("statement for Acme Ltd (contract " + id + ")")
                    .contains("October 2026")
                    .contains("[NOT MET] first response to P1 tickets (firstResponse:P1)")
                    .contains("agreed: 95% within 30 min (EU business hours); measured: 90% (18 of 20)")
                    .contains("Service credit: 0% = 0.00 EUR");
        }
    }

    /** The first part of a mail with this content type, as bytes; null without one. */
    static byte[] attachment(MimeMessage mail, String type) throws Exception {
        if (!(mail.getContent() instanceof jakarta.mail.Multipart multipart)) {
            return null;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return part.getInputStream().readAllBytes();
            }
        }
        return null;
    }
}
