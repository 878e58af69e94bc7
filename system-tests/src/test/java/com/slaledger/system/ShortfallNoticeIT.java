package com.slaledger.system;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A shortfall in the running period reaches the customer by e-mail at once, exactly once. */
@ExtendWith(SystemStack.class)
class ShortfallNoticeIT {

    private final SlaClient api = SystemStack.client();

    @Test
    void anOngoingOutageBreachingTheCurrentPeriodSendsExactlyOneNotice() {
        // at least six minutes of this month: an outage inside it already longer than its allowance
        Instant now = SystemStack.afterMonthStart(Duration.ofMinutes(6));
        YearMonth period = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Instant periodStart = period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant down = now.minus(Duration.ofMinutes(30));
        if (down.isBefore(periodStart.plusSeconds(30))) {
            down = periodStart.plusSeconds(30);
        }

        String contract = "alert-now";
        List<String> recipients = List.of("ops@alert-now.example", "finance@alert-now.example");
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", "Alert Now Ltd", "noticeEmails", recipients));
        terms.put("services", List.of("sys-alert"));
        terms.put("policy", "PROVIDER_MONITORED");
        // 99.99% of a month allows about 4 minutes; the outage below has run for 30 (at least 5) and goes on.
        terms.put("uptimeTargetPercent", 99.99);
        terms.put("creditTiers", List.of(Map.of("belowPercent", 99.99, "creditPercent", 10)));
        terms.put("monthlyFee", Map.of("amount", 500, "currency", "USD"));
        api.putContract(contract, terms);
        api.postObservations(
                List.of(
                        SlaClient.observation(null, "sys-alert", "p1", "UP", down.minus(Duration.ofMinutes(10))),
                        SlaClient.observation(null, "sys-alert", "p1", "DOWN", down)),
                100);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (String r : recipients) {
                        assertThat(api.mails(r)).as("mails to " + r).hasSize(1);
                    }
                });
        SlaClient.Mail mail = api.mails(recipients.get(0)).get(0);
        assertThat(mail.subject()).contains(contract).contains(period.toString());
        assertThat(mail.message()).contains("99.99");

        JsonNode shortfalls = api.shortfalls(contract);
        assertThat(shortfalls).hasSize(1);
        assertThat(shortfalls.get(0).path("period").asText()).isEqualTo(period.toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode notices = api.notices(contract);
            assertThat(notices).hasSize(1);
            JsonNode n = notices.get(0);
            assertThat(n.path("kind").asText()).isEqualTo("SHORTFALL");
            assertThat(n.path("status").asText()).isEqualTo("SENT");
            assertThat(n.path("period").asText()).isEqualTo(period.toString());
            assertThat(n.path("attempts").asInt()).isEqualTo(1);
            assertThat(n.path("subject").asText()).isEqualTo(mail.subject());
            assertThat(n.path("recipients")).hasSize(2);
        });

        // The outage goes on and the ledger keeps evaluating each second: still exactly one.
        SlaClient.pause(Duration.ofSeconds(5));
        for (String r : recipients) {
            assertThat(api.mails(r)).as("mails to " + r + " a while later").hasSize(1);
        }
        assertThat(api.notices(contract)).hasSize(1);
        assertThat(api.shortfalls(contract)).hasSize(1);
    }
}
