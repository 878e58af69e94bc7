package com.slaledger.notification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.slaledger.events.ContractChanged;
import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.MeasurementPolicy;
import com.slaledger.events.Money;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.events.Topics;
import com.slaledger.testing.OperationalEndpoints;
import com.slaledger.testing.SmtpServerResource;
import com.slaledger.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A shortfall event becomes exactly one e-mail at a real SMTP server. */
@QuarkusTest
@QuarkusTestResource(SmtpServerResource.class)
class ShortfallNoticeTest {

    private static final Instant T = Instant.parse("2026-10-03T14:05:00Z");

    private static ContractChanged contract(String id, String email) {
        return new ContractChanged(
                id,
                1,
                new ContractChanged.Customer("Acme Ltd", List.of(email)),
                List.of("api"),
                MeasurementPolicy.PROVIDER_MONITORED,
                new BigDecimal("99.9"),
                Duration.ZERO,
                "UTC",
                List.of(),
                new BigDecimal("100"),
                null,
                List.of(),
                T);
    }

    private static ShortfallDetected shortfall(String id) {
        return shortfall(id, 0);
    }

    private static ShortfallDetected shortfall(String id, int omittedIntervals) {
        return new ShortfallDetected(
                id,
                "2026-10",
                MeasurementPolicy.PROVIDER_MONITORED,
                2678400,
                2678,
                3600,
                new BigDecimal("99.8656"),
                new BigDecimal("99.9"),
                new BigDecimal("10"),
                new Money(new BigDecimal("100.00"), "EUR"),
                List.of(new DowntimeInterval(T, T.plusSeconds(3600), 3600, List.of("api"), true, null, false)),
                omittedIntervals,
                T);
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SmtpServerResource.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void aShortfallTwiceIsOneEmail() throws Exception {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
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
        Thread.sleep(2000); // a second e-mail, if any were due, would have gone out in this time
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

    @Test
    void intervalsLeftOutOfTheEventAreCountedAndPointedTo() throws Exception {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id, 9000));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
        String body = GreenMailUtil.getBody(mailTo(email).get(0));
        assertThat(body).contains("and 9000 more").contains("/api/v1/contracts/" + id + "/statements/2026-10");
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheConsumerGoesOn() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
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

    private static StatementIssued statement(String id, int version, boolean met) {
        return new StatementIssued(
                id,
                "2026-10",
                version,
                Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"),
                MeasurementPolicy.PROVIDER_MONITORED,
                2678400,
                met ? 0 : 3600,
                new BigDecimal(met ? "100.0000" : "99.8656"),
                new BigDecimal("99.9"),
                met,
                met ? BigDecimal.ZERO : BigDecimal.TEN,
                new Money(new BigDecimal(met ? "0.00" : "100.00"), "EUR"),
                met
                        ? List.of()
                        : List.of(
                                new DowntimeInterval(T, T.plusSeconds(3600), 3600, List.of("api"), true, null, false)),
                0,
                T);
    }

    @Test
    void aStatementAndItsAmendmentAreOneEmailEach() throws Exception {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.STATEMENTS, id, statement(id, 1, true));
        TestKafka.send(Topics.STATEMENTS, id, statement(id, 1, true));
        TestKafka.send(Topics.STATEMENTS, id, statement(id, 2, false));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() >= 2);
        Thread.sleep(2000);
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
        given().when().get("/api/v1/notices/{n}", "no-such").then().statusCode(404);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("sla_notices_sent_total"))
                .body(org.hamcrest.Matchers.containsString("sla_notices_pending"));
    }

    @Test
    void smtpDownThenUpDeliversEveryPendingNoticeOnceInOrder() throws Exception {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
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
        Thread.sleep(2000);
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
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String email = id + "@customer.example";
        TestKafka.send(Topics.CONTRACTS, id, contract(id, email));
        TestKafka.send(Topics.SHORTFALLS, id, shortfall(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 1);
        saveSample("shortfall.eml", mailTo(email).get(0));

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

    /** Keeps what the SMTP server received, for docs/notices.md. */
    static void saveSample(String name, MimeMessage mail) throws Exception {
        Path dir = Path.of("target", "mail-samples");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), GreenMailUtil.getWholeMessage(mail));
    }

    @Test
    void operationalEndpointsAnswer() {
        OperationalEndpoints.assertAnswered();
    }
}
