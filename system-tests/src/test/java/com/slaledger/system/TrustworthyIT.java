package com.slaledger.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The defects of issue 13 as an outside client meets them, each failing before its fix: through
 * HTTP and the mail sink's SMTP only (the mail sink refuses addresses starting with "bounce" for
 * good, as a real server refuses an unknown mailbox), and the new rules of SPEC §6 rule 1a, §7
 * (warnings, startsOn, contract versions) and §11.
 */
@ExtendWith(SystemStack.class)
class TrustworthyIT {

    private final SlaClient api = SystemStack.client();

    private static Instant now() {
        return SystemStack.now();
    }

    private static YearMonth currentPeriod() {
        return YearMonth.from(SystemStack.now().atZone(ZoneOffset.UTC));
    }

    private static Map<String, Object> terms(
            String customer, List<String> emails, List<String> services, double target) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("customer", Map.of("name", customer, "noticeEmails", emails));
        t.put("services", services);
        t.put("policy", "PROVIDER_MONITORED");
        t.put("uptimeTargetPercent", target);
        return t;
    }

    /** Defect 1: a percentage with 5 decimals was accepted, stored rounded, and then halted every evaluation. */
    @Test
    void percentagesWithMoreThanFourDecimalsAreRefused() {
        Map<String, Object> t = terms("Five Decimals", List.of("a@five.example"), List.of("five-api"), 99.9);
        t.put("creditTiers", List.of(Map.of("belowPercent", 99.9, "creditPercent", 33.33333)));
        t.put("creditCapPercent", 50.00001);
        SlaClient.Reply reply = api.putJson(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/five-decimals", t);
        assertThat(reply.status()).as(SlaClient.describe(reply)).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("violations").findValuesAsText("field"))
                .containsExactlyInAnyOrder("creditTiers[0].creditPercent", "creditCapPercent");
    }

    /** Defect 4: instants PostgreSQL cannot store, or before 2000, were answered 202 and then stopped the fold. */
    @Test
    void instantsOutOfRangeAreRefused() {
        for (String at : List.of("-5000-01-01T00:00:00Z", "1999-12-31T23:59:59Z")) {
            SlaClient.Reply reply = api.postJson(
                    SystemStack.ENDPOINTS.monitor() + "/api/v1/health-events",
                    List.of(Map.of("serviceId", "range-api", "probeId", "p1", "status", "DOWN", "observedAt", at)));
            assertThat(reply.status()).as(at + ": " + SlaClient.describe(reply)).isEqualTo(400);
            assertThat(reply.json().path("violations").path(0).path("field").asText())
                    .isEqualTo("[0].observedAt");
        }
        // the fold goes on: a good observation after them is stored
        Instant at = now().minusSeconds(30);
        api.postObservations(List.of(SlaClient.observation(null, "range-api", "p1", "UP", at)), 10);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.observations("range-api", at.minusSeconds(1)).size() == 1);
    }

    /** Defect 5: a 19 MB body got no answer at all; SPEC §11 wants a 413 problem. */
    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String body = "[" + " ".repeat(19 * 1024 * 1024) + "]";
        for (String url : List.of(
                SystemStack.ENDPOINTS.monitor() + "/api/v1/health-events",
                SystemStack.ENDPOINTS.ticket() + "/api/v1/tickets",
                SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/too-large")) {
            SlaClient.Reply reply = api.send(url.endsWith("too-large") ? "PUT" : "POST", url, "application/json", body);
            assertThat(reply.status()).as(url).isEqualTo(413);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("status").asInt()).isEqualTo(413);
        }
    }

    /**
     * Defect 3: one refused recipient blocked every notice of the contract for ever. Now the other
     * recipient gets the notice, the next tier's notice goes out, and after the address is
     * corrected a resend reaches it.
     */
    @Test
    void aRefusedRecipientBlocksNothing() {
        // last month, complete whatever the instant: its shortfalls are noticed at once from late data
        YearMonth period = currentPeriod().minusMonths(1);
        Instant early = period.atDay(10).atTime(9, 0).toInstant(ZoneOffset.UTC);
        String good = "ops@refused.example";
        String bounce = "bounce@refused.example";
        Map<String, Object> t = terms("Refused Ltd", List.of(bounce, good), List.of("refused-api"), 99.99);
        // 99.99% of a month allows 241-267 s (28-31 days), 99.95% 1,209-1,339 s
        t.put(
                "creditTiers",
                List.of(
                        Map.of("belowPercent", 99.99, "creditPercent", 10),
                        Map.of("belowPercent", 99.95, "creditPercent", 25)));
        api.putContract("refused", t);
        // 300 s of downtime: the 10% tier
        Instant down = early.plus(Duration.ofMinutes(40));
        api.postObservations(
                List.of(
                        SlaClient.observation(null, "refused-api", "p1", "DOWN", down),
                        SlaClient.observation(null, "refused-api", "p1", "UP", down.plus(Duration.ofMinutes(5)))),
                10);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(api.mails(good)).hasSize(1));
        // 1,800 s more, reported late: 2,100 s, the 25% tier; its notice is not held behind the refused address
        api.postObservations(
                List.of(
                        SlaClient.observation(null, "refused-api", "p1", "DOWN", early),
                        SlaClient.observation(null, "refused-api", "p1", "UP", early.plus(Duration.ofMinutes(30)))),
                10);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(api.mails(good)).hasSize(2));
        // the mail is in the sink a moment before its outcome is recorded (one mail per recipient,
        // the notice settled after the last): the outcomes are awaited, not assumed
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode listed = api.notices("refused");
            assertThat(listed).hasSize(2);
            for (JsonNode n : listed) {
                assertThat(n.path("status").asText()).isEqualTo("SENT");
                Map<String, String> byRecipient = new LinkedHashMap<>();
                n.path("deliveries")
                        .forEach(d -> byRecipient.put(
                                d.path("recipient").asText(), d.path("status").asText()));
                assertThat(byRecipient).containsEntry(good, "SENT").containsEntry(bounce, "FAILED");
            }
        });
        JsonNode notices = api.notices("refused");
        assertThat(api.mails(bounce)).isEmpty();

        // the address is corrected; a resend goes to the contract's current recipients
        String fixed = "fixed@refused.example";
        t.put("customer", Map.of("name", "Refused Ltd", "noticeEmails", List.of(fixed, good)));
        api.putContract("refused", t);
        String first = notices.get(0).path("id").asText();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    if (api.mails(fixed).isEmpty()) {
                        SlaClient.Reply r = api.postJson(
                                SystemStack.ENDPOINTS.notification() + "/api/v1/notices/" + first + "/resend",
                                Map.of());
                        assertThat(r.status()).isIn(202, 429);
                    }
                    assertThat(api.mails(fixed)).isNotEmpty();
                });
    }

    /**
     * Defect 7: a contract replaced today recomputed last month under the new terms. Now each
     * period is computed with the version in force in it, and the versions are listed.
     */
    @Test
    void pastPeriodsKeepTheTermsInForceThen() {
        YearMonth previous = currentPeriod().minusMonths(1);
        Instant start = previous.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Object> t = terms("Versions Ltd", List.of("a@versions.example"), List.of("versions-api"), 99.9);
        api.putContract("versions", t);
        api.postObservations(
                List.of(
                        SlaClient.observation(null, "versions-api", "p1", "DOWN", start),
                        SlaClient.observation(null, "versions-api", "p1", "UP", start.plus(Duration.ofHours(2)))),
                10);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.statement("versions", previous.toString())
                                .path("downtimeSeconds")
                                .asLong()
                        == 7200);
        assertThat(api.statement("versions", previous.toString()).path("met").asBoolean())
                .isFalse();

        t.put("uptimeTargetPercent", 50);
        api.putContract("versions", t);
        JsonNode last = api.statement("versions", previous.toString());
        assertThat(last.path("uptimeTargetPercent").asDouble()).isEqualTo(99.9);
        assertThat(last.path("met").asBoolean()).isFalse();
        assertThat(api.statement("versions", currentPeriod().toString())
                        .path("uptimeTargetPercent")
                        .asDouble())
                .isEqualTo(50.0);
        JsonNode versions = SlaClient.expect(
                        api.get(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/versions/versions"), 200)
                .json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).path("validFrom").asText())
                .isEqualTo(currentPeriod()
                        .atDay(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toString());
    }

    /** SPEC §6 rule 1a: a probe silent for longer than staleAfter after DOWN counts staleAfter of downtime, and no data after. */
    @Test
    void aSilentProbeCountsStaleAfterNotTheWholeSilence() {
        Instant down = SystemStack.afterMonthStart(Duration.ofMinutes(8)).minus(Duration.ofMinutes(7));
        SlaClient.expect(
                api.putJson(
                        SystemStack.ENDPOINTS.ledger() + "/api/v1/services/stale-api",
                        Map.of("name", "Stale API", "staleAfter", "PT5M")),
                200,
                201);
        Map<String, Object> t = terms("Stale Ltd", List.of("a@stale.example"), List.of("stale-api"), 99.0);
        api.putContract("stale", t);
        api.postObservations(List.of(SlaClient.observation(null, "stale-api", "p1", "DOWN", down)), 10);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode s = api.statement("stale", currentPeriod().toString());
            assertThat(s.path("downtimeSeconds").asLong()).isEqualTo(300);
            assertThat(s.path("noData")).hasSize(1);
            assertThat(s.path("noData").get(0).path("start").asText())
                    .isEqualTo(down.plus(Duration.ofMinutes(5)).toString());
            assertThat(s.path("noData").get(0).path("ongoing").asBoolean()).isTrue();
        });
    }

    /** SPEC §7: warnings go to the provider's alert addresses, once per threshold; the customer hears nothing before a breach. */
    @Test
    void aWarningBeforeTheBreach() {
        Instant down = SystemStack.afterMonthStart(Duration.ofMinutes(13)).minus(Duration.ofMinutes(12));
        Map<String, Object> t = terms("Warned Ltd", List.of("customer@warned.example"), List.of("warned-api"), 99.9);
        t.put("alerts", Map.of("emails", List.of("noc@provider.example"), "allowanceUsedPercent", List.of(10, 95)));
        api.putContract("warned", t);
        // ten minutes of downtime: 600 s of an allowance of 2,419-2,678 s (28-31 days): more than 10%,
        // far from 95%
        api.postObservations(
                List.of(
                        SlaClient.observation(null, "warned-api", "p1", "DOWN", down),
                        SlaClient.observation(null, "warned-api", "p1", "UP", down.plus(Duration.ofMinutes(10)))),
                10);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.mails("noc@provider.example"))
                .hasSize(1));
        assertThat(api.mails("noc@provider.example").get(0).subject())
                .contains("warned")
                .contains("10%");
        assertThat(api.mails("customer@warned.example")).isEmpty();
        JsonNode s = api.statement("warned", currentPeriod().toString());
        assertThat(s.path("allowanceUsedPercent").asDouble()).isBetween(10.0, 95.0);
        assertThat(s.path("allowanceSeconds").asLong()).isPositive();
    }

    /**
     * SPEC §4 startsOn: a contract entered today for a relationship that began two months ago gets
     * the statement of the month before last (final whatever the instant; last month's follows an
     * hour into this one).
     */
    @Test
    void startsOnIssuesThePeriodsThatEndedBeforeTheContractWasEntered() {
        YearMonth previous = currentPeriod().minusMonths(2);
        Map<String, Object> t = terms("Since Ltd", List.of("billing@since.example"), List.of("since-api"), 99.9);
        t.put("startsOn", previous.atDay(1).toString());
        api.putContract("since", t);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.mails("billing@since.example"))
                .anySatisfy(m -> assertThat(m.subject()).contains(previous.toString())));
        // without startsOn, nothing for last month
        Map<String, Object> without = terms("Later Ltd", List.of("billing@later.example"), List.of("since-api"), 99.9);
        api.putContract("later", without);
        SlaClient.pause(Duration.ofSeconds(5));
        assertThat(api.mails("billing@later.example")).isEmpty();
    }

    /** SPEC §11: lists are paged with Link rel=next. */
    @Test
    void listsArePaged() {
        for (int i = 0; i < 3; i++) {
            api.putContract("paged-" + i, terms("Paged", List.of("a@paged.example"), List.of("paged-api"), 99.9));
        }
        SlaClient.Reply page = api.get(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts?limit=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json()).hasSize(2);
        SlaClient.Reply bad = api.get(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts?limit=1001");
        assertThat(bad.status()).isEqualTo(400);
    }

    /**
     * Defect 2: after a backlog, an outage whose DOWN was folded and whose UP was not was taken as
     * ongoing up to now, and customers were mailed false shortfalls. The ledger is killed, twelve
     * hours of probe data for 24 services (every 10 s, each with one 2-hour outage, target 99%: no
     * contract breaches) are posted oldest first, and the ledger is started again.
     */
    @Test
    void noFalseShortfallAfterABacklog() {
        // twelve hours of last month's 10th: complete whatever the instant, and a DOWN folded before
        // its UP would be ongoing to the month's end, far beyond the allowance
        YearMonth period = currentPeriod().minusMonths(1);
        Instant begin = period.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = begin.plus(Duration.ofHours(12));
        int services = 24;
        for (int s = 0; s < services; s++) {
            api.putContract(
                    "backlog-" + s,
                    terms(
                            "Backlog " + s,
                            List.of("backlog-" + s + "@backlog.example"),
                            List.of("backlog-api-" + s),
                            99.0));
        }
        SystemStack.crash("sla-ledger-service");
        List<Map<String, Object>> observations = new ArrayList<>();
        Instant outageStart = begin.plus(Duration.ofHours(3));
        Instant outageEnd = outageStart.plus(Duration.ofHours(2));
        for (Instant at = begin; !at.isAfter(end); at = at.plusSeconds(10)) {
            boolean down = !at.isBefore(outageStart) && at.isBefore(outageEnd);
            for (int s = 0; s < services; s++) {
                observations.add(SlaClient.observation(null, "backlog-api-" + s, "p1", down ? "DOWN" : "UP", at));
            }
        }
        api.postObservations(observations, 5000);
        SystemStack.up();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    for (int s = 0; s < services; s++) {
                        assertThat(api.statement("backlog-" + s, period.toString())
                                        .path("downtimeSeconds")
                                        .asLong())
                                .as("backlog-" + s)
                                .isGreaterThanOrEqualTo(7200);
                    }
                });
        // a few more rounds: a false shortfall, if any were judged, would be out by now
        SlaClient.pause(Duration.ofSeconds(5));
        for (int s = 0; s < services; s++) {
            assertThat(api.shortfalls("backlog-" + s))
                    .as("shortfalls of backlog-" + s)
                    .isEmpty();
            assertThat(api.mails("backlog-" + s + "@backlog.example"))
                    .as("mail to backlog-" + s)
                    .isEmpty();
        }
    }

    /** Defect 6: the largest contract SPEC §11 allows still reaches the other services through the broker. */
    @Test
    void theLargestContractAllowedIsPublished() {
        List<String> services = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            services.add("big-" + i);
        }
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            emails.add("n" + i + "@big.example");
        }
        List<Map<String, Object>> windows = new ArrayList<>();
        Instant first = LocalDate.ofInstant(SystemStack.now(), ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        for (int i = 0; i < 500; i++) {
            Instant s = first.plus(Duration.ofHours(2L * i));
            windows.add(
                    Map.of("start", s.toString(), "end", s.plusSeconds(3600).toString(), "reason", "x".repeat(1000)));
        }
        Map<String, Object> t = terms("y".repeat(200), emails, services, 99.9);
        t.put("maintenanceWindows", windows);
        api.putContract("biggest", t);
        // ticket-service learns contracts only through the broker: a ticket on it is accepted
        String ticket = api.openTicket(
                Map.of(
                        "externalId", "BIG-1",
                        "contractId", "biggest",
                        "serviceId", "big-99",
                        "kind", "REQUEST",
                        "subject", "z".repeat(1000)),
                Duration.ofSeconds(60));
        assertThat(ticket).isNotBlank();
    }
}
