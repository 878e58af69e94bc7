package com.slaledger.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.LocalTokens;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Credits from statement to invoice (SPEC §17), over HTTP, SMTP and the console in a real browser.
 *
 * <p>Hand-computed, on the month before last (P: over, final, and its claim deadline with a 90-day
 * window still ahead whatever today is: P ended at most 62 days ago), in UTC, target 99.9%, tiers
 * 99.9 → 10% and 99.0 → 25%, fee 1,000 EUR. api down on P's 3rd 10:00–11:00: 3,600 s. P has 28–31
 * days (2,419,200–2,678,400 s): 3,600 s is more than 0.1% (at most 2,678 s) and less than 1% (at
 * least 24,192 s): 10% = 100.00 EUR.
 *
 * <ul>
 *   <li>credits-claimed (claim REQUIRED, P90D): PENDING_CLAIM, claimed by the customer in the
 *       console (DUE), approved and applied on invoice INV-CREDITS-1 by an operator (APPLIED, in the
 *       CSV). The customer then disputes P's 12th 10:00–18:00 (28,800 s); accepted after the
 *       statement was issued: 32,400 s ≥ 1% of any month (at most 26,784 s): 25% = 250.00 EUR,
 *       statement version 2; the applied credit stays, an ADJUSTMENT of +150.00 EUR (15%) is DUE.
 *   <li>credits-expiring (claim REQUIRED, its window chosen so that the deadline falls 45 s after
 *       the contract is stored): nobody claims it; at the deadline it is EXPIRED (the evaluator is
 *       due then: nothing else happens to the contract), and a late claim is a 422 naming the
 *       deadline.
 * </ul>
 *
 * Notices, each once: credits-claimed DUE, APPROVED, APPLIED, the adjustment's DUE, the dispute
 * received and accepted; credits-expiring EXPIRED.
 */
@ExtendWith(SystemStack.class)
class CreditsIT {

    private static final String CLAIMED = "credits-claimed";
    private static final String EXPIRING = "credits-expiring";
    private static final long GRACE = 3600;

    private static WebDriver browser;

    private final SlaClient api = SystemStack.client();

    @BeforeAll
    static void openBrowser() {
        browser = Browsers.chromium();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String email(String contract) {
        return "billing@" + contract + ".example";
    }

    private static Map<String, Object> terms(String contract, String service, String claimWindow) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("customer", Map.of("name", contract + " Ltd", "noticeEmails", List.of(email(contract))));
        t.put("services", List.of(service));
        t.put("policy", "PROVIDER_MONITORED");
        t.put("uptimeTargetPercent", 99.9);
        t.put("timezone", "UTC");
        t.put(
                "creditTiers",
                List.of(
                        Map.of("belowPercent", 99.9, "creditPercent", 10),
                        Map.of("belowPercent", 99.0, "creditPercent", 25)));
        t.put("monthlyFee", Map.of("amount", 1000, "currency", "EUR"));
        t.put("credits", Map.of("claim", "REQUIRED", "claimWindow", claimWindow));
        return t;
    }

    @Test
    void aClaimedCreditIsApprovedAppliedAndAdjusted_anUnclaimedOneExpires() {
        Instant now = SystemStack.now();
        YearMonth p = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(2);
        String period = p.toString();
        Instant periodEnd =
                p.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant down = p.atDay(3).atTime(10, 0).toInstant(ZoneOffset.UTC);
        // the expiring contract's deadline: the period's end + grace + window = 45 s after now
        Instant deadline = now.plusSeconds(45);
        long window = deadline.getEpochSecond() - periodEnd.getEpochSecond() - GRACE;

        Map<String, Object> claimed = terms(CLAIMED, "sys-credits-claimed", "P90D");
        Map<String, Object> expiring = terms(EXPIRING, "sys-credits-expiring", "PT" + window + "S");
        api.putContract(CLAIMED, claimed);
        api.putContract(EXPIRING, expiring);
        for (String service : List.of("sys-credits-claimed", "sys-credits-expiring")) {
            api.postObservations(
                    List.of(
                            SlaClient.observation(
                                    null,
                                    service,
                                    "p1",
                                    "UP",
                                    p.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                            SlaClient.observation(null, service, "p1", "DOWN", down),
                            SlaClient.observation(null, service, "p1", "UP", down.plusSeconds(3600))),
                    100);
        }
        for (String contract : List.of(CLAIMED, EXPIRING)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.statement(contract, period)
                            .path("downtimeSeconds")
                            .asLong())
                    .isEqualTo(3600));
        }
        // no credit before a statement is issued; with startsOn P's statement is issued now
        assertThat(credits(CLAIMED)).isEmpty();
        claimed.put("startsOn", p.atDay(1).toString());
        expiring.put("startsOn", p.atDay(1).toString());
        SlaClient.expect(api.putContract(CLAIMED, claimed), 200);
        SlaClient.expect(api.putContract(EXPIRING, expiring), 200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(credits(CLAIMED)).hasSize(1);
            assertThat(credits(EXPIRING)).hasSize(1);
        });
        JsonNode pending = credits(CLAIMED).get(0);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING_CLAIM");
        assertThat(pending.path("kind").asText()).isEqualTo("CREDIT");
        assertThat(pending.path("creditPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(pending.at("/amount/amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(pending.path("statementVersion").asInt()).isEqualTo(1);
        assertThat(Instant.parse(pending.path("claimDeadline").asText()))
                .isEqualTo(periodEnd.plusSeconds(GRACE).plus(Duration.ofDays(90)));
        String creditId = pending.path("creditId").asText();

        // a customer claims only its own contract's credit and never approves
        String customer = SystemStack.token(LocalTokens.Grant.customer(CLAIMED));
        SlaClient asCustomer = api.as(customer);
        assertThat(asCustomer.claimCredit(EXPIRING, period, null).status()).isEqualTo(404);
        assertThat(asCustomer.approveCredit(creditId).status()).isEqualTo(403);
        SlaClient.Reply noCredit =
                asCustomer.claimCredit(CLAIMED, p.minusMonths(1).toString(), null);
        assertThat(noCredit.status()).isEqualTo(422);
        assertThat(noCredit.problem()).contains(p.minusMonths(1).toString());

        // the customer claims it in the console
        signIn(customer);
        browser.get(SystemStack.CONSOLE + "/contracts/" + CLAIMED + "?period=" + period);
        WebElement row = browser.findElement(By.cssSelector("#credits tr[data-credit='" + creditId + "']"));
        assertThat(row.getText()).contains("PENDING_CLAIM").contains("100.00 EUR");
        row.findElement(By.cssSelector("input[name=note]")).sendKeys("checkout outage on the 3rd");
        row.findElement(By.cssSelector("button[type=submit]")).click();
        // the row is read while the page it is on is being replaced: a stale row is read again
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(
                        By.cssSelector("#credits tr[data-credit='" + creditId + "']"), "data-status", "DUE"));
        assertThat(browser.findElements(By.cssSelector("#credits tr[data-credit] form[action$='/approve']")))
                .as("a customer has no approve button")
                .isEmpty();
        assertThat(api.claimCredit(CLAIMED, period, null).status())
                .as("claimed already")
                .isEqualTo(409);

        // an operator approves and applies it; a second apply is a conflict
        SlaClient.expect(api.applyCredit(creditId, "INV-CREDITS-1"), 409);
        SlaClient.expect(api.approveCredit(creditId), 200);
        SlaClient.Reply applied = SlaClient.expect(api.applyCredit(creditId, "INV-CREDITS-1"), 200);
        assertThat(applied.json().path("status").asText()).isEqualTo("APPLIED");
        assertThat(applied.json().path("history").findValuesAsText("status"))
                .containsExactly("PENDING_CLAIM", "DUE", "APPROVED", "APPLIED");
        assertThat(api.applyCredit(creditId, "INV-CREDITS-2").status()).isEqualTo(409);
        SlaClient.Download csv = api.creditsCsv("contractId=" + CLAIMED + "&status=APPLIED");
        assertThat(csv.ok()).isTrue();
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("creditId,contractId,period,kind,status");
        assertThat(text).contains(creditId + "," + CLAIMED + "," + period + ",CREDIT,APPLIED,10,100.00,EUR,1,");
        assertThat(text).contains("INV-CREDITS-1");

        // the customer disputes eight hours the statement does not count; an operator accepts
        Map<String, Object> dispute = new LinkedHashMap<>();
        dispute.put("period", period);
        dispute.put("start", p.atDay(12).atTime(10, 0).toInstant(ZoneOffset.UTC).toString());
        dispute.put("end", p.atDay(12).atTime(18, 0).toInstant(ZoneOffset.UTC).toString());
        dispute.put("description", "checkout answered 502 all afternoon");
        dispute.put("reference", "CS-77");
        SlaClient.Reply filed = SlaClient.expect(asCustomer.fileDispute(CLAIMED, dispute), 201);
        assertThat(filed.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(asCustomer.fileDispute(EXPIRING, dispute).status()).isEqualTo(404);
        String disputeId = filed.json().path("disputeId").asText();
        assertThat(asCustomer.decideDispute(disputeId, true, "mine").status()).isEqualTo(403);
        SlaClient.expect(api.decideDispute(disputeId, true, "load balancer log confirms it"), 200);
        assertThat(api.decideDispute(disputeId, false, "again").status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(credits(CLAIMED)).hasSize(2));
        JsonNode statement = api.statement(CLAIMED, period);
        assertThat(statement.path("downtimeSeconds").asLong()).isEqualTo(32_400);
        assertThat(statement.path("creditPercent").decimalValue()).isEqualByComparingTo("25");
        assertThat(statement.at("/disputes/0/disputeId").asText()).isEqualTo(disputeId);
        assertThat(statement.at("/disputes/0/seconds").asLong()).isEqualTo(28_800);
        JsonNode adjustment = only(credits(CLAIMED), "ADJUSTMENT");
        assertThat(adjustment.path("status").asText()).isEqualTo("DUE");
        assertThat(adjustment.at("/amount/amount").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(adjustment.path("statementVersion").asInt()).isEqualTo(2);
        assertThat(only(credits(CLAIMED), "CREDIT").path("status").asText())
                .as("the applied credit stays applied")
                .isEqualTo("APPLIED");

        // the unclaimed credit expires at its deadline, with nothing else happening to its contract
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                        credits(EXPIRING).get(0).path("status").asText())
                .isEqualTo("EXPIRED"));
        assertThat(SystemStack.now()).isAfterOrEqualTo(deadline.minusSeconds(1));
        SlaClient.Reply late =
                api.as(SystemStack.token(LocalTokens.Grant.customer(EXPIRING))).claimCredit(EXPIRING, period, null);
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.problem()).contains("deadline");

        // every notice once
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(subjects(CLAIMED, "SLA service credit"))
                    .containsExactlyInAnyOrder(
                            "SLA service credit: contract " + CLAIMED + ", period " + period + ": due",
                            "SLA service credit: contract " + CLAIMED + ", period " + period + ": approved",
                            "SLA service credit: contract " + CLAIMED + ", period " + period + ": applied",
                            "SLA service credit adjustment: contract " + CLAIMED + ", period " + period + ": due");
            assertThat(subjects(CLAIMED, "SLA dispute"))
                    .containsExactlyInAnyOrder(
                            "SLA dispute received: contract " + CLAIMED + ", period " + period,
                            "SLA dispute accepted: contract " + CLAIMED + ", period " + period);
            assertThat(subjects(EXPIRING, "SLA service credit"))
                    .containsExactly(
                            "SLA service credit: contract " + EXPIRING + ", period " + period + ": expired unclaimed");
        });
        SlaClient.pause(Duration.ofSeconds(5));
        assertThat(subjects(CLAIMED, "SLA service credit")).hasSize(4);
        assertThat(subjects(CLAIMED, "SLA dispute")).hasSize(2);
        assertThat(subjects(CLAIMED, "SLA statement").stream().filter(x -> x.contains("period " + period)))
                .as("the statement and its amendment")
                .hasSize(2);
        SlaClient.Mail applyMail = api.mails(email(CLAIMED)).stream()
                .filter(m -> m.subject().endsWith(": applied"))
                .findFirst()
                .orElseThrow();
        assertThat(applyMail.message()).contains("INV-CREDITS-1").contains("100.00 EUR");
    }

    private JsonNode credits(String contract) {
        return SlaClient.expect(api.credits("contractId=" + contract), 200).json();
    }

    private static JsonNode only(JsonNode list, String kind) {
        JsonNode found = null;
        for (JsonNode c : list) {
            if (c.path("kind").asText().equals(kind)) {
                assertThat(found).as("one " + kind).isNull();
                found = c;
            }
        }
        assertThat(found).as(kind).isNotNull();
        return found;
    }

    private List<String> subjects(String contract, String prefix) {
        return api.mails(email(contract)).stream()
                .map(SlaClient.Mail::subject)
                .filter(s -> s.startsWith(prefix))
                .toList();
    }

    private static void signIn(String token) {
        browser.get(SystemStack.CONSOLE + "/sign-in");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Contracts"));
    }
}
