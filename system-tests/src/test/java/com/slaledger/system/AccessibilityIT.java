package com.slaledger.system;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slaledger.client.LocalTokens;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's pages checked by axe-core (WCAG 2.1 A and AA) as an operator and a customer see
 * them, with a contract that has downtime, maintenance and a statement; and the sign-in form used
 * with the keyboard alone.
 */
@ExtendWith(SystemStack.class)
class AccessibilityIT {

    private static final String CONTRACT = "a11y-acme";
    private static final String SERVICE = "sys-a11y-api";
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

    private void contract() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", "Acme A11y", "noticeEmails", List.of("sla@a11y.example")));
        terms.put("services", List.of(SERVICE));
        terms.put("policy", "PROVIDER_MONITORED");
        terms.put("uptimeTargetPercent", 99.9);
        terms.put("timezone", "Europe/Lisbon");
        terms.put("creditTiers", List.of(Map.of("belowPercent", 99.9, "creditPercent", 10)));
        terms.put(
                "maintenanceWindows",
                List.of(Map.of(
                        "recurrence", "FREQ=WEEKLY;BYDAY=SU",
                        "startTime", "02:00",
                        "duration", "PT2H",
                        "from", "2026-01-01",
                        "reason", "weekly patching")));
        SlaClient.expect(api.putContract(CONTRACT, terms), 200, 201);
        Instant now = SystemStack.now();
        api.postObservations(
                List.of(
                        SlaClient.observation(null, SERVICE, "p1", "DOWN", now.minus(Duration.ofMinutes(50))),
                        SlaClient.observation(null, SERVICE, "p1", "UP", now.minus(Duration.ofMinutes(20)))),
                10);
    }

    private static void check(String page) {
        assertThat(Browsers.accessibilityViolations(browser))
                .as("axe-core on %s (%s)", page, browser.getCurrentUrl())
                .isEmpty();
    }

    @Test
    void everyPageMeetsWcag21AA() {
        contract();
        browser.get(SystemStack.CONSOLE + "/sign-in");
        check("sign-in");

        signInWithTheKeyboard(SystemStack.token(LocalTokens.Grant.of("operator")));
        check("home (operator)");
        browser.get(SystemStack.CONSOLE + "/contracts/" + CONTRACT);
        check("contract (operator)");
        browser.get(SystemStack.CONSOLE + "/edit/contracts/" + CONTRACT);
        check("contract editor");
        browser.get(SystemStack.CONSOLE + "/edit/contracts/" + CONTRACT + "/terms");
        check("contract form");
        browser.findElement(By.id("target")).clear();
        browser.findElement(By.id("target")).sendKeys("150");
        browser.findElement(By.cssSelector("#contract-form button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("target-error")));
        check("contract form, refused");
        browser.get(SystemStack.CONSOLE + "/edit/contracts/" + CONTRACT + "/maintenance");
        check("maintenance windows");
        // with a problem beside a field
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("document.getElementById('new-start').value = '2027-07-10T02:00'");
        js.executeScript("document.getElementById('new-end').value = '2027-07-10T01:00'");
        browser.findElement(By.cssSelector("#maintenance-form button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
        check("maintenance windows, refused");
        browser.get(SystemStack.CONSOLE + "/edit/services");
        check("services editor");
        browser.get(SystemStack.CONSOLE + "/edit/calendars/a11y-office");
        check("calendar editor (JSON)");
        browser.get(SystemStack.CONSOLE + "/edit/calendars/a11y-office/hours");
        check("calendar form");
        browser.get(SystemStack.CONSOLE + "/webhooks");
        check("webhooks");

        browser.manage().deleteAllCookies();
        signInWithTheKeyboard(SystemStack.token(LocalTokens.Grant.customer(CONTRACT)));
        check("home (customer)");
        browser.get(SystemStack.CONSOLE + "/contracts/" + CONTRACT);
        check("contract (customer)");

        // the check can fail: an image without a text alternative and a field without a label
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.querySelector('main').insertAdjacentHTML('beforeend',"
                        + " '<img src=\"/favicon.ico\"><input type=\"text\" name=\"unlabelled\">')");
        assertThat(Browsers.accessibilityViolations(browser))
                .anyMatch(v -> v.startsWith("image-alt"))
                .anyMatch(v -> v.startsWith("label"));
    }

    /** Tab to the token field, type it, Tab to the button, Enter: no mouse. */
    private static void signInWithTheKeyboard(String token) {
        browser.get(SystemStack.CONSOLE + "/sign-in");
        Actions keys = new Actions(browser);
        for (int i = 0;
                i < 20 && !"token".equals(browser.switchTo().activeElement().getAttribute("id"));
                i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement().getAttribute("id"))
                .as("the token field is reached with Tab")
                .isEqualTo("token");
        keys.sendKeys(token).perform();
        // the field is a text area (a token is long): Tab on to the button, Enter presses it
        keys.sendKeys(Keys.TAB).perform();
        for (int i = 0;
                i < 5 && !"button".equals(browser.switchTo().activeElement().getTagName());
                i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Sign in");
        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Contracts"));
        assertThat(browser.findElements(By.cssSelector("main"))).isNotEmpty();
    }
}
