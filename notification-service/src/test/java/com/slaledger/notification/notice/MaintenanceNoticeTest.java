package com.slaledger.notification.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.slaledger.events.MaintenanceNoticed;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * SPEC §18: a maintenance window's notices (announced, changed, cancelled) are one e-mail each to
 * the customer's noticeEmails, kind MAINTENANCE, whatever redeliveries; times in the contract's
 * zone (Lisbon, on WEST, UTC+1, in June 2027).
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(SmtpServerResource.class)
class MaintenanceNoticeTest {

    private static final Instant START = Instant.parse("2027-06-10T01:00:00Z");

    private static MaintenanceNoticed notice(String id, String stage, String key, Instant start, Instant before) {
        return new MaintenanceNoticed(
                id,
                "w1-1812589200." + id + "@sla-ledger",
                stage,
                key,
                "2027-06",
                start,
                start.plus(Duration.ofMinutes(90)),
                "database upgrade",
                before,
                before == null ? null : before.plus(Duration.ofMinutes(90)),
                Instant.parse("2027-06-03T01:00:00Z"));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachNoticeOfAWindowIsOneEmail() {
        String id = NoticeFixtures.newContractId();
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.MAINTENANCE, id, notice(id, "ANNOUNCED", "ANNOUNCED", START, null));
        TestKafka.send(Topics.MAINTENANCE, id, notice(id, "ANNOUNCED", "ANNOUNCED", START, null));
        Instant moved = START.plus(Duration.ofDays(1));
        TestKafka.send(Topics.MAINTENANCE, id, notice(id, "CHANGED", "CHANGED:1", moved, START));
        TestKafka.send(Topics.MAINTENANCE, id, notice(id, "CANCELLED", "CANCELLED", moved, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() >= 3);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailTo(email).size() == 3);
        List<MimeMessage> mails = mailTo(email);
        List<String> subjects =
                mails.stream().map(MaintenanceNoticeTest::subject).toList();
        assertThat(subjects)
                .containsExactlyInAnyOrder(
                        "Planned maintenance: contract " + id + ", 2027-06-10 02:00:00 +01:00 (01:00:00 UTC)",
                        "Maintenance rescheduled: contract " + id + ", 2027-06-11 02:00:00 +01:00 (01:00:00 UTC)",
                        "Maintenance cancelled: contract " + id + ", 2027-06-11 02:00:00 +01:00 (01:00:00 UTC)");
        String changed = GreenMailUtil.getBody(mails.get(subjects.indexOf(
                "Maintenance rescheduled: contract " + id + ", 2027-06-11 02:00:00 +01:00 (01:00:00 UTC)")));
        assertThat(changed)
                .contains("has been rescheduled")
                .contains("Ends:                 2027-06-11 03:30:00 +01:00 (02:30:00 UTC)")
                .contains("Duration:             1 h 30 min")
                .contains("Reason:               database upgrade")
                .contains("Previously planned:   2027-06-10 02:00:00 +01:00 (01:00:00 UTC) to 2027-06-10 03:30:00"
                        + " +01:00 (02:30:00 UTC)");
        given().when()
                .get("/api/v1/notices?contractId={c}", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(3))
                .body("kind", everyItem(equalTo("MAINTENANCE")))
                .body("period", everyItem(equalTo("2027-06")));
    }
}
