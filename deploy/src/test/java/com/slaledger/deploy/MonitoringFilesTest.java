package com.slaledger.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files for the provider's Prometheus and Grafana (SPEC §14): Prometheus' own promtool checks
 * the alert rules and runs their unit tests (sla-ledger-alerts.test.yml: which alert fires when,
 * with which labels and words); the Grafana dashboard is valid JSON whose panels query only the
 * metrics the services expose. promtool comes from Debian's prometheus package, which
 * deploy/local/build-infra installs when it is missing.
 */
class MonitoringFilesTest {

    private static final Path DEPLOY = Path.of(System.getProperty("user.dir"));

    /** What the services expose on /q/metrics that the rules and the dashboard may use. */
    static final Set<String> EXPOSED = Set.of(
            "sla_contract_availability_percent",
            "sla_contract_allowance_seconds",
            "sla_contract_allowance_left_seconds",
            "sla_contract_elements_not_met",
            "sla_contract_shortfalls",
            "sla_notices_oldest_pending_seconds",
            "sla_dead_letter_records",
            "sla_evaluation_failures_total",
            "sla_ledger_fold_lag_records");

    private static final Pattern METRIC = Pattern.compile("\\bsla_[a-z_]+");

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        Path rules = DEPLOY.resolve("prometheus");
        assertThat(run(rules, "promtool", "check", "rules", "sla-ledger-alerts.yml"))
                .contains("SUCCESS: 6 rules found");
        assertThat(run(rules, "promtool", "test", "rules", "sla-ledger-alerts.test.yml"))
                .contains("SUCCESS");
    }

    /**
     * SPEC §12: the shipped scrape config sends a bearer token to every service, and Prometheus
     * accepts it (promtool, with the token file in place and the rules beside it).
     */
    @Test
    void theScrapeConfigSendsATokenAndPromtoolAcceptsIt() throws Exception {
        String config = Files.readString(DEPLOY.resolve("prometheus/prometheus.yml"));
        Map<String, Object> doc = new Yaml(new LoaderOptions()).load(config);
        List<?> jobs = (List<?>) doc.get("scrape_configs");
        assertThat(jobs).isNotEmpty();
        for (Object job : jobs) {
            Map<?, ?> auth = (Map<?, ?>) ((Map<?, ?>) job).get("authorization");
            assertThat(auth).as("authorization of " + job).isNotNull();
            assertThat(auth.get("type")).isEqualTo("Bearer");
            assertThat(String.valueOf(auth.get("credentials_file"))).endsWith(".token");
        }
        Path dir = Files.createTempDirectory("scrape");
        Files.writeString(dir.resolve("metrics.token"), "a-token");
        Files.copy(DEPLOY.resolve("prometheus/sla-ledger-alerts.yml"), dir.resolve("sla-ledger-alerts.yml"));
        Files.writeString(
                dir.resolve("prometheus.yml"),
                config.replace("/etc/prometheus/secrets/sla-ledger-metrics.token", "metrics.token"));
        assertThat(run(dir, "promtool", "check", "config", "prometheus.yml")).contains("SUCCESS");
    }

    @Test
    void theRulesUseOnlyExposedMetrics() throws IOException {
        try (Reader r = Files.newBufferedReader(DEPLOY.resolve("prometheus/sla-ledger-alerts.yml"))) {
            Map<String, Object> doc = new Yaml(new LoaderOptions()).load(r);
            List<String> exprs = new ArrayList<>();
            for (Object group : (List<?>) doc.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    exprs.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
                }
            }
            assertThat(metricsIn(exprs)).isSubsetOf(EXPOSED).contains("sla_contract_allowance_left_seconds");
        }
    }

    @Test
    void theDashboardIsValidAndQueriesOnlyExposedMetrics() throws IOException {
        String json = Files.readString(DEPLOY.resolve("grafana/sla-ledger-dashboard.json"));
        // JSON is YAML: snakeyaml reads it strictly enough to refuse a broken file
        Map<String, Object> dashboard = new Yaml(new LoaderOptions()).load(json);
        assertThat(dashboard).containsKeys("title", "uid", "schemaVersion", "panels", "templating", "__inputs");
        assertThat(((Number) dashboard.get("schemaVersion")).intValue()).isGreaterThanOrEqualTo(39);
        List<String> exprs = new ArrayList<>();
        Set<Object> ids = new TreeSet<>();
        for (Object p : (List<?>) dashboard.get("panels")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> panel = (Map<String, Object>) p;
            assertThat(panel).containsKeys("id", "type", "title", "gridPos", "datasource", "targets");
            assertThat(ids.add(panel.get("id"))).as("panel ids are unique").isTrue();
            for (Object t : (List<?>) panel.get("targets")) {
                exprs.add(String.valueOf(((Map<?, ?>) t).get("expr")));
            }
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(5);
        assertThat(metricsIn(exprs))
                .isSubsetOf(EXPOSED)
                .contains(
                        "sla_contract_availability_percent",
                        "sla_contract_allowance_left_seconds",
                        "sla_contract_elements_not_met",
                        "sla_contract_shortfalls");
    }

    private static Set<String> metricsIn(List<String> exprs) {
        Set<String> found = new TreeSet<>();
        for (String e : exprs) {
            Matcher m = METRIC.matcher(e);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
