package com.slaledger.notification.notice;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.slaledger.events.CreditChanged;
import com.slaledger.events.DisputeChanged;
import com.slaledger.events.Money;
import com.slaledger.events.Topics;
import com.slaledger.testing.SmtpServerResource;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.slaledger.notification.notice.NoticeFixtures.contract;
import static com.slaledger.notification.notice.NoticeFixtures.mailTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

/** SPEC §17: a credit's and a dispute's changes become one e-mail per (credit or dispute, status). */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(SmtpServerResource.class)
class CreditNoticeTest {

    private static CreditChanged credit(String contractId, String status, String invoice) {
        return new CreditChanged(
                "c-" + contractId,
                contractId,
                "2026-10",
                "CREDIT",
                status,
                new BigDecimal("10"),
                new Money(new BigDecimal("100.00"), "EUR"),
                1,
                Instant.parse("2026-12-01T01:00:00Z"),
                invoice,
                Instant.parse("2026-11-02T09:00:00Z"));
    }

    @Test
    void eachCreditAndDisputeStatusIsOneEmail() throws Exception {
        String id = NoticeFixtures.newContractId();
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.CREDITS, id, credit(id, "DUE", null));
        TestKafka.send(Topics.CREDITS, id, credit(id, "DUE", null));
        TestKafka.send(Topics.CREDITS, id, credit(id, "APPLIED", "INV-2026-11-0042"));
        DisputeChanged dispute = new DisputeChanged(
                "d-" + id,
                id,
                "2026-10",
                Instant.parse("2026-10-07T09:00:00Z"),
                Instant.parse("2026-10-07T09:40:00Z"),
                List.of("api"),
                "checkout answered 502",
                "CS-1",
                "ACCEPTED",
                "load balancer log confirms it",
                Instant.parse("2026-11-02T10:00:00Z"));
        TestKafka.send(Topics.DISPUTES, id, dispute);
        TestKafka.send(Topics.DISPUTES, id, dispute);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() >= 3);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailTo(email).size() == 3);
        List<MimeMessage> mails = mailTo(email);
        List<String> subjects = mails.stream()
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(subjects)
                .containsExactlyInAnyOrder(
                        "SLA service credit: contract " + id + ", period 2026-10: due",
                        "SLA service credit: contract " + id + ", period 2026-10: applied",
                        "SLA dispute accepted: contract " + id + ", period 2026-10");
        MimeMessage applied =
                mails.get(subjects.indexOf("SLA service credit: contract " + id + ", period 2026-10: applied"));
        assertThat(GreenMailUtil.getBody(applied))
                .contains("has been applied on invoice INV-2026-11-0042")
                .contains("10% = 100.00 EUR");
        MimeMessage accepted = mails.get(subjects.indexOf("SLA dispute accepted: contract " + id + ", period 2026-10"));
        assertThat(GreenMailUtil.getBody(accepted))
                .contains("has been accepted")
                .contains("load balancer log confirms it")
                .contains("checkout answered 502");
        given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .statusCode(200)
                .body("kind", hasItems("CREDIT", "DISPUTE"));
    }
}
