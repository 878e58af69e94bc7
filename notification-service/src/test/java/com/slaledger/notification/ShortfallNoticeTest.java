package com.slaledger.notification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.slaledger.events.ContractChanged;
import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.MeasurementPolicy;
import com.slaledger.events.Money;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.Topics;
import com.slaledger.testing.SmtpServerResource;
import com.slaledger.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
}
