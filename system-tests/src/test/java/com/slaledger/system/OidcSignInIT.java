package com.slaledger.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through a real OIDC provider (SPEC §12, §14): Keycloak from Maven Central, with the
 * realm of deploy/local/conf/keycloak-realm.json, the console configured for the authorization code
 * flow and the services trusting the provider's keys and issuer only. In a real browser, an
 * operator signs in on Keycloak's own login page and sees every contract; signing out ends the
 * provider's session too (the next sign-in asks for a password again); the customer "acme", whose
 * contracts come from the provider's claim, sees its own contract and not another one. The stack's
 * own tokens are refused while the provider is the issuer.
 */
@ExtendWith(SystemStack.class)
class OidcSignInIT {

    private static final String KEYCLOAK = "http://localhost:" + SystemStack.KEYCLOAK_PORT;
    private static WebDriver browser;

    @BeforeAll
    static void providerAndBrowser() {
        // the realm's customer user "acme" reads the contract "acme" (its group's "contracts")
        SlaClient api = SystemStack.client();
        api.putContract("acme", terms("Acme Identity plc", "sys-oidc-acme"));
        api.putContract("globex", terms("Globex Identity Corp", "sys-oidc-globex"));
        SystemStack.withIdentityProvider();
        browser = Browsers.chromium();
    }

    @AfterAll
    static void ownTokensAgain() {
        if (browser != null) {
            browser.quit();
        }
        SystemStack.withoutIdentityProvider();
    }

    @Test
    void anOperatorAndACustomerSignInAtTheProviderAndSeeWhatTheirClaimsAllow() {
        // the stack's own tokens are not the provider's: refused
        SlaClient local = SystemStack.client();
        assertThat(local.get(local.endpoints().ledger() + "/api/v1/contracts").status())
                .isEqualTo(401);

        signIn("operator", "operator");
        assertThat(browser.findElements(By.cssSelector("tr[data-contract='acme']")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("tr[data-contract='globex']")))
                .hasSize(1);

        // signing out ends the provider's session as well: Keycloak asks for a password again
        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        // back from the provider's logout (it adds its state to the post-logout address)
        wait(ExpectedConditions.urlMatches("^" + SystemStack.CONSOLE + "/sign-in(\\?state=.+)?$"));
        assertThat(browser.manage().getCookieNamed("sla_session")).isNull();
        browser.findElement(By.id("oidc")).click();
        wait(ExpectedConditions.urlContains(KEYCLOAK + "/realms/sla-ledger/"));
        assertThat(browser.findElement(By.id("password")).isDisplayed()).isTrue();

        login("acme", "acme");
        assertThat(browser.findElements(By.cssSelector("tr[data-contract='acme']")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("tr[data-contract='globex']")))
                .isEmpty();
        browser.get(SystemStack.CONSOLE + "/contracts/acme");
        assertThat(browser.getTitle()).contains("acme");
        assertThat(browser.getPageSource()).contains("Acme Identity plc");
        browser.get(SystemStack.CONSOLE + "/contracts/globex");
        assertThat(browser.getPageSource()).doesNotContain("Globex Identity Corp");
    }

    private static void signIn(String user, String password) {
        browser.get(SystemStack.CONSOLE + "/sign-in");
        browser.findElement(By.id("oidc")).click();
        wait(ExpectedConditions.urlContains(KEYCLOAK + "/realms/sla-ledger/"));
        login(user, password);
    }

    private static void login(String user, String password) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        wait(ExpectedConditions.titleContains("Contracts"));
        assertThat(browser.getCurrentUrl()).isEqualTo(SystemStack.CONSOLE + "/");
    }

    private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    private static Map<String, Object> terms(String customer, String service) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", customer, "noticeEmails", List.of("sla@" + service + ".example")));
        terms.put("services", List.of(service));
        terms.put("policy", "PROVIDER_MONITORED");
        terms.put("uptimeTargetPercent", 99.9);
        return terms;
    }
}
