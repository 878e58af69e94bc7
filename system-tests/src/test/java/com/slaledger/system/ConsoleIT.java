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
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.LocalTokens;
import com.slaledger.client.SlaClient;
import com.slaledger.document.PdfText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorReadsTheFiguresOfTheApiAndACustomerOnlyItsOwnContract() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        YearMonth period = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Instant down = now.minus(Duration.ofMinutes(40));
        Assumptions.assumeTrue(
                !down.minus(Duration.ofMinutes(10))
                        .isBefore(period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                "the last 50 minutes must lie in this month");
        contract(CONTRACT, "Acme Console Ltd", "sys-console");
        contract(OTHER, "Globex Console Corp", "sys-console-other");
        api.postObservations(
                List.of(
                        SlaClient.observation(null, "sys-console", "p1", "UP", down.minus(Duration.ofMinutes(10))),
                        SlaClient.observation(null, "sys-console", "p1", "DOWN", down),
                        SlaClient.observation(null, "sys-console", "p1", "UP", down.plus(Duration.ofMinutes(30)))),
                100);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.statement(CONTRACT, period.toString())
                                .path("downtimeSeconds")
                                .asLong()
                        == 1800);
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
        screenshot("console-home.png");

        row.findElement(By.linkText(CONTRACT)).click();
        assertThat(browser.getTitle()).contains(CONTRACT);
        WebElement availability = browser.findElement(By.cssSelector("#checklist tr[data-element='availability']"));
        assertThat(availability.getText())
                .contains(statement.at("/elements/0/agreed").asText())
                .contains(statement.at("/elements/0/measured").asText());
        assertThat(browser.findElements(By.cssSelector("svg.timeline rect.counted")))
                .hasSize(1);
        assertThat(browser.findElement(By.id("intervals")).getText()).contains("1800");
        screenshot("console-contract.png");

        // an operator edits the maintenance windows: a wrong one is refused with the API's words, a
        // window over the outage takes it out of the statement
        WebElement windows = browser.findElement(By.id("windows"));
        windows.clear();
        windows.sendKeys("[{\"start\": \"" + down.plus(Duration.ofMinutes(30)) + "\", \"end\": \"" + down
                + "\", \"reason\": \"backwards\"}]");
        browser.findElement(By.cssSelector("form[action$='/maintenance'] button"))
                .click();
        // the submit navigates: wait for the answer page rather than read the one being left
        assertThat(new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error")))
                        .getText())
                .contains("maintenanceWindows");
        browser.get(SystemStack.CONSOLE + "/contracts/" + CONTRACT);
        windows = browser.findElement(By.id("windows"));
        windows.clear();
        windows.sendKeys("[{\"start\": \"" + down + "\", \"end\": \"" + down.plus(Duration.ofMinutes(30))
                + "\", \"reason\": \"planned failover\"}]");
        browser.findElement(By.cssSelector("form[action$='/maintenance'] button"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(windows));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = api.statement(CONTRACT, period.toString());
            assertThat(after.path("downtimeSeconds").asLong()).isZero();
            assertThat(after.path("eligibleSeconds").asLong())
                    .isEqualTo(statement.path("eligibleSeconds").asLong() - 1800);
        });
        browser.get(SystemStack.CONSOLE + "/contracts/" + CONTRACT);
        assertThat(browser.findElement(By.id("windows")).getAttribute("value")).contains("planned failover");
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
        browser.findElement(By.cssSelector("header form button")).click();
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
