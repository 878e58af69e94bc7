package com.slaledger.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, through its chromedriver (both installed by deploy/local/build-infra). */
final class Browsers {

    /** axe-core as npm ci put it (system-tests/package-lock.json pins it; the build installs it). */
    private static final Path AXE =
            Path.of(System.getProperty("sla.repo.root", "..")).resolve("system-tests/node_modules/axe-core/axe.min.js");

    /** The rules of WCAG 2.0 and 2.1, levels A and AA. */
    private static final String AXE_RUN =
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(r => done(JSON.stringify(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))))
              .catch(e => done(JSON.stringify({error: String(e)})));
            """;

    private Browsers() {}

    static WebDriver chromium() {
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
        return new ChromeDriver(service, options);
    }

    /**
     * What axe-core finds against WCAG 2.1 A and AA on the page the browser shows, one line per
     * rule broken (its id, impact, and each element with axe's summary); empty when none.
     */
    static List<String> accessibilityViolations(WebDriver browser) {
        String axe;
        try {
            axe = Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is not installed (the build's npm ci puts it at " + AXE + ")", e);
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(axe);
        String result = (String) js.executeAsyncScript(AXE_RUN);
        JsonNode found;
        try {
            found = SlaClient.JSON.readTree(result);
        } catch (IOException e) {
            throw new AssertionError("axe answered " + result, e);
        }
        if (found.has("error")) {
            throw new AssertionError("axe failed on " + browser.getCurrentUrl() + ": "
                    + found.path("error").asText());
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : found) {
            out.add(v.path("id").asText() + " (" + v.path("impact").asText() + "): "
                    + v.path("help").asText() + " " + v.path("nodes"));
        }
        return out;
    }
}
