package com.slaledger.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import com.slaledger.document.PdfText;
import com.slaledger.document.Words;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (SPEC §14): Debian's Chromium, headless, through its
 * chromedriver (both installed by deploy/local/build-infra when missing), against the real stack.
 * An operator signs in with a token, reads the home page and a contract whose figures match the
 * API's, edits a maintenance window (a wrong one refused with the API's words; a right one takes the
 * outage out of the statement), downloads the PDF and CSV; a customer sees its own contract only. Screenshots of both
 * pages go to target/screenshots/ (the ones in docs/ come from there).
 */
@ExtendWith(SystemStack.class)
class ConsoleIT {

    private static final String CONTRACT = "console-acme";
    private static final String OTHER = "console-globex";
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

    @Test
    void anOperatorReadsTheFiguresOfTheApiAndACustomerOnlyItsOwnContract() throws Exception {
        Instant now = SystemStack.now();
        YearMonth period = YearMonth.from(now.atZone(ZoneOffset.UTC));
        // a 30-minute outage that ended 10 minutes ago; in the first 50 minutes of a month (the build
        // runs the system tests there on purpose) a shorter one inside what has passed of the month:
        // the console shows the current period, and a new maintenance window counts only in it
        Instant periodStart = period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long elapsed = Duration.between(periodStart, now).toSeconds();
        long seconds = Math.min(1800, elapsed * 3 / 5);
        Instant down = elapsed >= 3000 ? now.minus(Duration.ofMinutes(40)) : periodStart.plusSeconds(elapsed / 5);
        Instant upBefore = elapsed >= 3000 ? down.minus(Duration.ofMinutes(10)) : periodStart;
        Duration outage = Duration.ofSeconds(seconds);
        contract(CONTRACT, "Acme Console Ltd", "sys-console");
        contract(OTHER, "Globex Console Corp", "sys-console-other");
        api.postObservations(
                List.of(
                        SlaClient.observation(null, "sys-console", "p1", "UP", upBefore),
                        SlaClient.observation(null, "sys-console", "p1", "DOWN", down),
                        SlaClient.observation(null, "sys-console", "p1", "UP", down.plus(outage))),
                100);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.statement(CONTRACT, period.toString())
                                .path("downtimeSeconds")
                                .asLong()
                        == seconds);
        JsonNode statement = api.statement(CONTRACT, period.toString());

        signIn(SystemStack.token(LocalTokens.Grant.of("operator")));
        browser.get(SystemStack.CONSOLE + "/");
        WebElement row = browser.findElement(By.cssSelector("tr[data-contract='" + CONTRACT + "']"));
        assertThat(row.getText())
                .contains(CONTRACT)
                .contains("Acme Console Ltd")
                .contains(statement.path("availabilityPercent").asText() + "%");
        assertThat(browser.findElements(By.cssSelector("tr[data-contract='" + OTHER + "']")))
                .hasSize(1);
        // the filter narrows the table in place (other tests' contracts share this stack)
        browser.findElement(By.id("filter")).sendKeys("console-");
        assertThat(row.isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#contracts tbody tr")).stream()
                        .filter(WebElement::isDisplayed)
                        .allMatch(r -> r.getAttribute("data-contract").startsWith("console-")))
                .isTrue();
        screenshot("console-home.png");

        row.findElement(By.linkText(CONTRACT)).click();
        assertThat(browser.getTitle()).contains(CONTRACT);
        WebElement availability = browser.findElement(By.cssSelector("#checklist tr[data-element='availability']"));
        assertThat(availability.getText())
                .contains(statement.at("/elements/0/agreed").asText())
                .contains(statement.at("/elements/0/measured").asText());
        assertThat(browser.findElements(By.cssSelector("svg.timeline rect.counted")))
                .hasSize(1);
        // lengths as the notices write them: 1800 s is "30 min"
        assertThat(browser.findElement(By.id("intervals")).getText())
                .contains(Words.english().duration(seconds));
        screenshot("console-contract.png");
        // Back finds the list as it was left: the filter is kept in the address
        browser.navigate().back();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Contracts"));
        assertThat(browser.getCurrentUrl()).endsWith("/?filter=console-");
        assertThat(browser.findElement(By.id("filter")).getAttribute("value")).isEqualTo("console-");
        assertThat(browser.findElements(By.cssSelector("#contracts tbody tr")).stream()
                        .filter(WebElement::isDisplayed)
                        .allMatch(r -> r.getAttribute("data-contract").startsWith("console-")))
                .isTrue();
        browser.get(SystemStack.CONSOLE + "/contracts/" + CONTRACT);

        // an operator adds a maintenance window in the form (the contract is in UTC): one ending
        // before it starts is refused with the API's words beside the row, the values kept; one over
        // the outage takes it out of the statement
        browser.findElement(By.id("edit-maintenance")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.titleContains("Maintenance windows"));
        setLocal("new-start", down.plus(outage), ZoneOffset.UTC);
        setLocal("new-end", down, ZoneOffset.UTC);
        type(By.id("new-reason"), "backwards");
        submit(By.cssSelector("#maintenance-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector("tr[data-window=new] .field-error"))
                        .getText())
                .isNotBlank();
        assertThat(browser.findElement(By.id("new-reason")).getAttribute("value"))
                .isEqualTo("backwards");
        setLocal("new-start", down, ZoneOffset.UTC);
        setLocal("new-end", down.plus(outage), ZoneOffset.UTC);
        type(By.id("new-reason"), "planned failover");
        submit(By.cssSelector("#maintenance-form button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains(CONTRACT + " ("));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = api.statement(CONTRACT, period.toString());
            assertThat(after.path("downtimeSeconds").asLong()).isZero();
            assertThat(after.path("eligibleSeconds").asLong())
                    .isEqualTo(statement.path("eligibleSeconds").asLong() - seconds);
        });
        browser.get(SystemStack.CONSOLE + "/contracts/" + CONTRACT);
        assertThat(browser.findElement(By.id("maintenance")).getText()).contains("planned failover");
        assertThat(browser.findElements(By.cssSelector("svg.timeline rect.maintenance")))
                .hasSize(1);

        // the exports, with the browser's own session
        String cookie = browser.manage().getCookieNamed("sla_session").getValue();
        byte[] pdf = download("/contracts/" + CONTRACT + "/statements/" + period + ".pdf", cookie);
        assertThat(PdfText.of(pdf))
                .contains("statement for Acme Console Ltd (contract " + CONTRACT + ")")
                // the window covers the outage: nothing is counted any more
                .contains("Measured availability: 100% (met)")
                .containsPattern("Downtime intervals\\R+none");
        String csv = new String(download("/contracts/" + CONTRACT + "/statements/" + period + ".csv", cookie));
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("record,contractId,period,start,end,seconds");
        assertThat(csv)
                .contains("element," + CONTRACT + "," + period)
                .contains("availability,availability,99.9%,100%,true");

        // a customer sees its own contract, and the other one does not exist for it
        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sign-in"));
        assertThat(browser.manage().getCookieNamed("sla_session")).isNull();
        signIn(SystemStack.token(LocalTokens.Grant.customer(CONTRACT)));
        browser.get(SystemStack.CONSOLE + "/");
        assertThat(browser.findElements(By.cssSelector("tr[data-contract='" + CONTRACT + "']")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("tr[data-contract='" + OTHER + "']")))
                .isEmpty();
        browser.get(SystemStack.CONSOLE + "/contracts/" + OTHER);
        assertThat(browser.getPageSource())
                .doesNotContain("Globex Console Corp")
                .contains("Contract " + OTHER);

        // the customer copies its maintenance calendar's address: it opens the feed without a token
        // (a calendar program sends none); replacing the key ends the old address
        browser.get(SystemStack.CONSOLE + "/contracts/" + CONTRACT);
        String feed = browser.findElement(By.id("feed-address")).getAttribute("value");
        assertThat(feed)
                .startsWith(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/" + CONTRACT + "/maintenance.ics?key=");
        SlaClient.Reply calendar = api.as(null).get(feed);
        assertThat(calendar.status()).as(SlaClient.describe(calendar)).isEqualTo(200);
        assertThat(calendar.contentType()).startsWith("text/calendar");
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR").contains("END:VCALENDAR");
        submit(By.id("replace-feed-key"));
        String replaced = browser.findElement(By.id("feed-address")).getAttribute("value");
        assertThat(replaced).isNotEqualTo(feed);
        assertThat(api.as(null).get(feed).status()).isEqualTo(404);
        assertThat(api.as(null).get(replaced).status()).isEqualTo(200);
    }

    /**
     * Maintenance windows typed in Lisbon's local time are kept as UTC instants: 02:00 on 10 July
     * 2027 is 01:00Z (WEST, UTC+1), 02:00 on 16 January 2027 is 02:00Z (WET, UTC+0). A window whose
     * end comes first is refused beside its row; ticking Remove takes one away.
     */
    @Test
    void maintenanceWindowsAreTypedInTheContractsLocalTime() throws Exception {
        String id = "console-lisbon";
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", "Lisbon Console Lda", "noticeEmails", List.of("sla@lisbon.example")));
        terms.put("services", List.of("sys-console-lisbon"));
        terms.put("policy", "PROVIDER_MONITORED");
        terms.put("uptimeTargetPercent", 99.9);
        terms.put("timezone", "Europe/Lisbon");
        SlaClient.expect(api.putContract(id, terms), 200, 201);
        signIn(SystemStack.token(LocalTokens.Grant.of("operator")));
        String ledger = SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/" + id;

        browser.get(SystemStack.CONSOLE + "/edit/contracts/" + id + "/maintenance");
        assertThat(browser.getPageSource()).contains("Europe/Lisbon");
        js("new-start", "2027-07-10T02:00");
        js("new-end", "2027-07-10T01:00");
        type(By.id("new-reason"), "summer upgrade");
        submit(By.cssSelector("#maintenance-form button[type=submit]"));
        WebElement refused = browser.findElement(By.cssSelector("tr[data-window=new]"));
        assertThat(refused.findElement(By.cssSelector(".field-error")).getText())
                .isNotBlank();
        assertThat(browser.findElement(By.id("new-start")).getAttribute("value"))
                .startsWith("2027-07-10T02:00");
        assertThat(api.get(ledger).json().path("maintenanceWindows")).isEmpty();
        screenshot("console-maintenance.png");

        js("new-end", "2027-07-10T04:00");
        submit(By.cssSelector("#maintenance-form button[type=submit]"));
        JsonNode windows = api.get(ledger).json().path("maintenanceWindows");
        assertThat(windows).hasSize(1);
        assertThat(windows.at("/0/start").asText()).isEqualTo("2027-07-10T01:00:00Z");
        assertThat(windows.at("/0/end").asText()).isEqualTo("2027-07-10T03:00:00Z");
        assertThat(windows.at("/0/reason").asText()).isEqualTo("summer upgrade");

        browser.get(SystemStack.CONSOLE + "/edit/contracts/" + id + "/maintenance");
        assertThat(browser.findElement(By.id("start-0")).getAttribute("value")).startsWith("2027-07-10T02:00");
        js("new-start", "2027-01-16T02:00");
        js("new-end", "2027-01-16T03:00");
        type(By.id("new-reason"), "winter upgrade");
        submit(By.cssSelector("#maintenance-form button[type=submit]"));
        // put in time order, as the ledger keeps them: January's first
        windows = api.get(ledger).json().path("maintenanceWindows");
        assertThat(windows).hasSize(2);
        assertThat(windows.at("/0/start").asText()).isEqualTo("2027-01-16T02:00:00Z");
        assertThat(windows.at("/1/reason").asText()).isEqualTo("summer upgrade");

        browser.get(SystemStack.CONSOLE + "/edit/contracts/" + id + "/maintenance");
        assertThat(browser.findElement(By.id("reason-0")).getAttribute("value")).isEqualTo("winter upgrade");
        browser.findElement(By.id("remove-0")).click();
        submit(By.cssSelector("#maintenance-form button[type=submit]"));
        windows = api.get(ledger).json().path("maintenanceWindows");
        assertThat(windows).hasSize(1);
        assertThat(windows.at("/0/reason").asText()).isEqualTo("summer upgrade");
    }

    private static void js(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }

    /**
     * An operator creates a contract, changes its terms, registers and changes a service and
     * writes a calendar, all from the console; what the API refuses is shown in its own words and
     * the operator's text stays in the form.
     */
    @Test
    void anOperatorEditsContractsServicesAndCalendars() throws Exception {
        String ledger = SystemStack.ENDPOINTS.ledger();
        signIn(SystemStack.token(LocalTokens.Grant.of("operator")));

        // a new contract through the form: a target the API refuses (beside the field, the rest of
        // what was typed kept), then right
        browser.findElement(By.id("new-contract-id")).sendKeys("console-initech");
        submit(By.cssSelector("#new-contract button"));
        assertThat(browser.getTitle()).startsWith("New contract console-initech");
        type(By.id("customer"), "Initech Console");
        type(By.id("emails"), "sla@initech.example, billing@initech.example");
        type(By.id("services"), "sys-console-new");
        type(By.id("target"), "150");
        type(By.id("minimumMinutes"), "5");
        type(By.id("timezone"), "Asia/Tokyo");
        type(By.id("tier-below-0"), "99.5");
        type(By.id("tier-credit-0"), "10");
        type(By.id("feeAmount"), "800");
        type(By.id("feeCurrency"), "gbp");
        submit(By.cssSelector("#contract-form button[type=submit]"));
        assertThat(browser.findElement(By.id("target-error")).getText()).contains("uptimeTargetPercent");
        assertThat(browser.findElement(By.id("target")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("customer")).getAttribute("value")).isEqualTo("Initech Console");
        assertThat(browser.findElement(By.id("timezone")).getAttribute("value")).isEqualTo("Asia/Tokyo");
        screenshot("console-contract-form.png");
        assertThat(api.get(ledger + "/api/v1/contracts/console-initech").status())
                .isEqualTo(404);
        type(By.id("target"), "99.5");
        submit(By.cssSelector("#contract-form button[type=submit]"));
        assertThat(browser.getTitle()).contains("console-initech");
        JsonNode created = api.get(ledger + "/api/v1/contracts/console-initech").json();
        assertThat(created.path("uptimeTargetPercent").asDouble()).isEqualTo(99.5);
        assertThat(created.path("minimumDowntime").asText()).isEqualTo("PT5M");
        assertThat(created.path("timezone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(created.at("/customer/noticeEmails")).hasSize(2);
        assertThat(created.at("/creditTiers/0/creditPercent").asInt()).isEqualTo(10);
        assertThat(created.at("/monthlyFee/currency").asText()).isEqualTo("GBP");

        // the JSON editor, for every term: not JSON is refused with the text kept
        browser.findElement(By.id("edit-json")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Edit contract"));
        type(By.id("document"), "{\"customer\": ");
        submit(By.cssSelector("form[action='/edit/contracts/console-initech'] button"));
        assertThat(error()).contains("Not JSON");
        assertThat(browser.findElement(By.id("document")).getAttribute("value")).isEqualTo("{\"customer\": ");
        browser.get(SystemStack.CONSOLE + "/contracts/console-initech");
        // its terms changed: a second version
        browser.findElement(By.id("edit-json")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Edit contract"));
        String current = browser.findElement(By.id("document")).getAttribute("value");
        assertThat(current).contains("Initech Console").contains("99.5");
        type(By.id("document"), current.replace("99.5", "99.0"));
        submit(By.cssSelector("form[action='/edit/contracts/console-initech'] button"));
        assertThat(api.get(ledger + "/api/v1/contracts/console-initech/versions")
                        .json()
                        .size())
                .isEqualTo(2);

        // and through the form again, which shows the stored terms: a third version
        browser.get(SystemStack.CONSOLE + "/contracts/console-initech");
        browser.findElement(By.id("edit-terms")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Edit contract"));
        assertThat(browser.findElement(By.id("minimumMinutes")).getAttribute("value"))
                .isEqualTo("5");
        assertThat(browser.findElement(By.id("feeCurrency")).getAttribute("value"))
                .isEqualTo("GBP");
        type(By.id("minimumMinutes"), "10");
        submit(By.cssSelector("#contract-form button[type=submit]"));
        assertThat(api.get(ledger + "/api/v1/contracts/console-initech")
                        .json()
                        .path("minimumDowntime")
                        .asText())
                .isEqualTo("PT10M");
        assertThat(api.get(ledger + "/api/v1/contracts/console-initech/versions")
                        .json()
                        .size())
                .isEqualTo(3);

        // a service: a staleAfter the API refuses, then a right one; then its quorum in its row
        browser.get(SystemStack.CONSOLE + "/edit/services");
        browser.findElement(By.id("new-id")).sendKeys("sys-console-new");
        type(By.id("new-quorum"), "2");
        browser.findElement(By.id("new-stale")).sendKeys("5 minutes");
        submit(By.cssSelector("#new-service button"));
        assertThat(error()).contains("staleAfter");
        assertThat(api.get(ledger + "/api/v1/services/sys-console-new").status())
                .isEqualTo(404);
        browser.findElement(By.id("new-id")).sendKeys("sys-console-new");
        type(By.id("new-quorum"), "2");
        browser.findElement(By.id("new-stale")).sendKeys("PT5M");
        submit(By.cssSelector("#new-service button"));
        assertThat(browser.findElement(By.cssSelector(".saved")).getText()).contains("sys-console-new");
        WebElement row = browser.findElement(By.cssSelector("tr[data-service='sys-console-new']"));
        WebElement quorum = row.findElement(By.cssSelector("input[name=downQuorum]"));
        assertThat(quorum.getAttribute("value")).isEqualTo("2");
        quorum.clear();
        quorum.sendKeys("3");
        submit(By.cssSelector("tr[data-service='sys-console-new'] button"));
        JsonNode service = api.get(ledger + "/api/v1/services/sys-console-new").json();
        assertThat(service.path("downQuorum").asInt()).isEqualTo(3);
        assertThat(service.path("staleAfter").asText()).isEqualTo("PT5M");

        // a calendar from the header's form: office hours as offered, Friday afternoon off and a
        // holiday; then a time zone and a Tuesday refused beside their fields, the values kept
        type(By.id("nav-calendar"), "console-office");
        submit(By.cssSelector("header form[action='/edit/calendars'] button"));
        assertThat(browser.getTitle()).startsWith("New calendar console-office");
        assertThat(browser.findElement(By.id("day-MON")).getAttribute("value")).isEqualTo("09:00-18:00");
        type(By.id("day-FRI"), "09:00-13:00");
        type(By.id("holidays"), "2026-12-25\n2027-01-01");
        submit(By.cssSelector("#calendar-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".saved")).getText()).contains("console-office");
        JsonNode office = api.get(ledger + "/api/v1/calendars/console-office").json();
        assertThat(office.path("timezone").asText()).isEqualTo("Europe/Lisbon");
        assertThat(office.at("/weekly/FRI/0/1").asText()).isEqualTo("13:00");
        assertThat(office.path("weekly").has("SAT")).isFalse();
        assertThat(office.path("holidays")).hasSize(2);
        type(By.id("timezone"), "Mars/Olympus_Mons");
        type(By.id("day-TUE"), "18:00-09:00");
        submit(By.cssSelector("#calendar-form button[type=submit]"));
        assertThat(browser.findElement(By.id("timezone-error")).getText()).contains("timezone");
        assertThat(browser.findElement(By.id("day-TUE-error")).getText()).contains("weekly.TUE");
        assertThat(browser.findElement(By.id("day-TUE")).getAttribute("value")).isEqualTo("18:00-09:00");
        assertThat(api.get(ledger + "/api/v1/calendars/console-office")
                        .json()
                        .path("timezone")
                        .asText())
                .isEqualTo("Europe/Lisbon");
    }

    /**
     * SPEC §16.1 from the contract page: one operator proposes an exclusion with local date-time
     * fields, cannot approve it itself (the API's words on the page), a second operator approves
     * it from the same table; the customer then sees it with its category and reason, not who
     * decided it.
     */
    @Test
    void oneOperatorProposesAnExclusionAndAnotherApprovesIt() {
        String id = "console-exclusion";
        contract(id, "Exclusion Console Ltd", "sys-console-exclusion");
        YearMonth period =
                YearMonth.from(SystemStack.now().atZone(ZoneOffset.UTC)).minusMonths(1);
        String page = SystemStack.CONSOLE + "/contracts/" + id + "?period=" + period;
        signIn(SystemStack.token(LocalTokens.Grant.of("operator")));
        browser.get(page);
        js("x-start", period.atDay(3) + "T14:00");
        js("x-end", period.atDay(3) + "T15:00");
        type(By.id("x-reason"), "customer's firewall change blocked all traffic");
        submit(By.cssSelector("#propose-exclusion button[type=submit]"));
        WebElement row = browser.findElement(By.cssSelector("#exclusions tbody tr[data-exclusion]"));
        assertThat(row.getText())
                .contains("CUSTOMER_CAUSED")
                .contains("PROPOSED")
                .contains("1 h 00 min")
                .contains("proposed by operator");
        submit(By.cssSelector("#exclusions tbody tr[data-exclusion] form button[type=submit]"));
        assertThat(error()).contains("second operator");

        browser.get(SystemStack.CONSOLE + "/");
        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sign-in"));
        signIn(SystemStack.token(new LocalTokens.Grant("second-operator", "operator", null, null, null)));
        browser.get(page);
        type(By.cssSelector("#exclusions tbody tr[data-exclusion] input[name=note]"), "firewall log checked");
        submit(By.cssSelector("#exclusions tbody tr[data-exclusion] form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector("#exclusions tbody tr[data-exclusion]"))
                        .getText())
                .contains("APPROVED")
                .contains("decided by second-operator");
        assertThat(browser.findElements(By.cssSelector("svg.timeline rect.excluded")))
                .hasSize(1);

        browser.get(SystemStack.CONSOLE + "/");
        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sign-in"));
        signIn(SystemStack.token(LocalTokens.Grant.customer(id)));
        browser.get(page);
        String seen = browser.findElement(By.cssSelector("#exclusions tbody tr[data-exclusion]"))
                .getText();
        assertThat(seen)
                .contains("CUSTOMER_CAUSED")
                .contains("customer's firewall change blocked all traffic")
                .contains("APPROVED")
                .doesNotContain("proposed by");
        // and none of the operators' controls, which the API would refuse it anyway
        assertThat(browser.findElements(By.id("propose-exclusion"))).isEmpty();
        assertThat(browser.findElements(By.id("windows"))).isEmpty();
        assertThat(browser.findElements(By.id("edit-terms"))).isEmpty();
        browser.get(SystemStack.CONSOLE + "/");
        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sign-in"));
    }

    /**
     * An operator subscribes a webhook from the console (events as checkboxes, the secret
     * write-only), sees what the API refuses with the typed address kept, opens its delivery log
     * and deletes it.
     */
    @Test
    void anOperatorManagesWebhooksFromTheConsole() throws Exception {
        signIn(SystemStack.token(LocalTokens.Grant.of("operator")));
        browser.get(SystemStack.CONSOLE + "/webhooks");
        type(By.id("webhook-id"), "console-billing");
        // plain http to an address not among the allowed hosts: the API's problem, the text kept
        type(By.id("webhook-url"), "http://127.0.0.3:9/hook");
        browser.findElement(By.cssSelector("input[name=events][value=CREDIT]")).click();
        type(By.id("webhook-secret"), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        submit(By.cssSelector("#webhook-form button[type=submit]"));
        assertThat(error()).contains("url").contains("allowed-hosts");
        assertThat(browser.findElement(By.id("webhook-url")).getAttribute("value"))
                .isEqualTo("http://127.0.0.3:9/hook");
        assertThat(browser.findElement(By.cssSelector("input[name=events][value=CREDIT]"))
                        .isSelected())
                .isTrue();

        try (var receiver = com.slaledger.client.WebhookReceiver.start("127.0.0.1")) {
            type(By.id("webhook-url"), receiver.url());
            type(By.id("webhook-secret"), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            submit(By.cssSelector("#webhook-form button[type=submit]"));
            WebElement row = browser.findElement(By.cssSelector("#webhooks tr[data-webhook='console-billing']"));
            assertThat(row.getText())
                    .contains(receiver.url())
                    .contains("SHORTFALL, STATEMENT, CREDIT")
                    .contains("every contract")
                    .contains("enabled")
                    .doesNotContain("whsec_");
            row.findElement(By.linkText("console-billing")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(ExpectedConditions.urlContains("/webhooks/console-billing"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("console-billing");
            assertThat(browser.findElement(By.id("deliveries")).isDisplayed()).isTrue();
            browser.get(SystemStack.CONSOLE + "/webhooks");
            submit(By.cssSelector("#webhooks tr[data-webhook='console-billing'] button"));
            assertThat(browser.findElements(By.cssSelector("#webhooks tr[data-webhook='console-billing']")))
                    .isEmpty();
        }
        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sign-in"));
    }

    /** Every page names an icon, and it is there (no 404 on each page view). */
    @Test
    void theFaviconIsServed() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(SystemStack.CONSOLE + "/favicon.ico"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        // an ICO file: reserved 0, type 1 (icon), one image
        assertThat(java.util.Arrays.copyOf(r.body(), 6)).containsExactly(0, 0, 1, 0, 1, 0);
    }

    /** Clicks a form's button and waits for the page it leads to. */
    private static void submit(By button) {
        WebElement html = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> gone(html));
    }

    /** The element belongs to a page that has been left (chromedriver says so in two ways). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** A datetime-local field set to {@code at} in {@code zone}, to the second (as a date picker would). */
    private static void setLocal(String id, Instant at, java.time.ZoneId zone) {
        js(id, java.time.LocalDateTime.ofInstant(at, zone).withNano(0).toString());
    }

    private static void type(By field, String text) {
        WebElement e = browser.findElement(field);
        e.clear();
        e.sendKeys(text);
    }

    private static String error() {
        return browser.findElement(By.cssSelector(".error")).getText();
    }

    private void signIn(String token) {
        browser.get(SystemStack.CONSOLE + "/sign-in");
        WebElement field = browser.findElement(By.id("token"));
        assertThat(browser.findElement(By.cssSelector("label[for=token]")).getText())
                .isEqualTo("Bearer token");
        field.sendKeys(token);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Contracts"));
    }

    private void contract(String id, String customer, String service) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", customer, "noticeEmails", List.of("sla@" + id + ".example")));
        terms.put("services", List.of(service));
        terms.put("policy", "PROVIDER_MONITORED");
        terms.put("uptimeTargetPercent", 99.9);
        api.putContract(id, terms);
    }

    private static byte[] download(String path, String cookie) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(SystemStack.CONSOLE + path))
                                .header("Cookie", "sla_session=" + cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
