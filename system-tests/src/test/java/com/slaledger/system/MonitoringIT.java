package com.slaledger.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.LocalTokens;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provider's own monitoring as real peers (SPEC §5.1, §14): Debian's Prometheus Alertmanager
 * sends its webhooks to monitor-service (firing, then resolved), and the ledger counts exactly the
 * alert's span; Debian's Prometheus scrapes all four services' {@code /q/metrics} and sees the
 * per-contract series. Both binaries come from the packages deploy/local/build-infra installs when
 * they are missing; each runs on a port of its own (19490, 19493: clear of the build's Kafka on
 * 19092/19093 and the stack's) and is stopped after the test.
 */
@ExtendWith(SystemStack.class)
@SystemStack.Pinned
class MonitoringIT {

    private static final List<Process> started = new ArrayList<>();

    private final SlaClient api = SystemStack.client();

    @AfterAll
    static void stopPeers() {
        started.forEach(Process::destroy);
    }

    /**
     * An alert posted to Alertmanager with {@code startsAt} 20 minutes back and resolved 10
     * minutes later becomes, through Alertmanager's own webhooks, exactly that interval.
     */
    @Test
    void alertmanagersFiringAndResolvedWebhooksBecomeTheCountedInterval() throws Exception {
        Path dir = Files.createTempDirectory("alertmanager");
        String token = SystemStack.token(LocalTokens.Grant.of("probe"));
        Files.writeString(
                dir.resolve("alertmanager.yml"),
                """
                route:
                  receiver: sla-ledger
                  group_by: ['service']
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: sla-ledger
                    webhook_configs:
                      - url: %s/api/v1/alertmanager
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: %s
                """
                        .formatted(SystemStack.ENDPOINTS.monitor(), token));
        start(
                dir,
                "prometheus-alertmanager",
                "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:19493",
                "--cluster.listen-address=");
        String alertmanager = "http://127.0.0.1:19493";
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> api.get(alertmanager + "/-/ready").status() == 200);

        String contract = "monitoring-am";
        String service = "sys-alertmanager";
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", "Alerting Ltd", "noticeEmails", List.of("sla@alerting.example")));
        terms.put("services", List.of(service));
        terms.put("policy", "PROVIDER_MONITORED");
        terms.put("uptimeTargetPercent", 99.0);
        api.putContract(contract, terms);

        // the stack's clock: the alert's times are the system's (the stack runs at the pinned instant,
        // in Alertmanager's past); only the firing alert's end must lie in Alertmanager's own future
        Instant startsAt = SystemStack.now().minus(Duration.ofMinutes(20));
        Instant endsAt = startsAt.plus(Duration.ofMinutes(10));
        Map<String, Object> labels = Map.of("alertname", "ProbeFailure", "service", service, "instance", "am-probe");
        SlaClient.expect(
                api.postJson(
                        alertmanager + "/api/v2/alerts",
                        List.of(Map.of(
                                "labels",
                                labels,
                                "startsAt",
                                startsAt.toString(),
                                "endsAt",
                                Instant.now().plus(Duration.ofHours(1)).toString()))),
                200);
        String from = URLEncoder.encode(startsAt.minusSeconds(60).toString(), StandardCharsets.UTF_8);
        String to = URLEncoder.encode(SystemStack.now().plusSeconds(60).toString(), StandardCharsets.UTF_8);
        String downtime = SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/" + contract + "/downtime?from=" + from
                + "&to=" + to;
        // firing: DOWN from startsAt on, still going on
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode intervals = SlaClient.expect(api.get(downtime), 200).json();
            assertThat(intervals).hasSize(1);
            assertThat(intervals.at("/0/start").asText()).isEqualTo(startsAt.toString());
            assertThat(intervals.at("/0/ongoing").asBoolean()).isTrue();
        });

        // resolved: Alertmanager sends the resolution; UP at endsAt
        SlaClient.expect(
                api.postJson(
                        alertmanager + "/api/v2/alerts",
                        List.of(Map.of(
                                "labels", labels, "startsAt", startsAt.toString(), "endsAt", endsAt.toString()))),
                200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode intervals = SlaClient.expect(api.get(downtime), 200).json();
            assertThat(intervals).hasSize(1);
            assertThat(intervals.at("/0/start").asText()).isEqualTo(startsAt.toString());
            assertThat(intervals.at("/0/end").asText()).isEqualTo(endsAt.toString());
            assertThat(intervals.at("/0/seconds").asLong()).isEqualTo(600);
            assertThat(intervals.at("/0/ongoing").asBoolean()).isFalse();
        });
    }

    /** A real Prometheus scrapes the four services and sees every contract's current period. */
    @Test
    void prometheusScrapesEveryServiceAndThePerContractSeries() throws Exception {
        String contract = "monitoring-prom";
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", "Scraped Ltd", "noticeEmails", List.of("sla@scraped.example")));
        terms.put("services", List.of("sys-scraped"));
        terms.put("policy", "PROVIDER_MONITORED");
        terms.put("uptimeTargetPercent", 99.9);
        api.putContract(contract, terms);

        Path dir = Files.createTempDirectory("prometheus");
        SlaClient.Endpoints e = SystemStack.ENDPOINTS;
        // SPEC §12: the per-contract series need a token (role metrics); Prometheus sends one
        for (String base : List.of(e.monitor(), e.ticket(), e.ledger(), e.notification())) {
            assertThat(api.as(null).get(base + "/q/metrics").status()).as(base).isEqualTo(401);
        }
        Files.writeString(dir.resolve("metrics.token"), SystemStack.token(LocalTokens.Grant.of("metrics")));
        Files.writeString(
                dir.resolve("prometheus.yml"),
                """
                global:
                  scrape_interval: 2s
                scrape_configs:
                  - job_name: sla-ledger
                    metrics_path: /q/metrics
                    authorization:
                      type: Bearer
                      credentials_file: metrics.token
                    static_configs:
                      - targets: ['%s', '%s', '%s', '%s']
                """
                        .formatted(
                                hostPort(e.monitor()),
                                hostPort(e.ticket()),
                                hostPort(e.ledger()),
                                hostPort(e.notification())));
        start(
                dir,
                "prometheus",
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:19490");
        String prometheus = "http://127.0.0.1:19490";
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    JsonNode up = query(prometheus, "sum(up{job=\"sla-ledger\"})");
                    assertThat(up.at("/0/value/1").asText()).isEqualTo("4");
                });
        // the contract's series, once the ledger has evaluated it and its metrics refreshed (15 s)
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    JsonNode availability = query(
                            prometheus,
                            "max by (contract) (sla_contract_availability_percent{contract=\"" + contract + "\"})");
                    assertThat(availability).hasSize(1);
                    assertThat(availability.at("/0/value/1").asText()).isEqualTo("100");
                    JsonNode notMet =
                            query(prometheus, "max(sla_contract_elements_not_met{contract=\"" + contract + "\"})");
                    assertThat(notMet.at("/0/value/1").asText()).isEqualTo("0");
                });
        JsonNode series = query(prometheus, "count({job=\"sla-ledger\"})");
        assertThat(Long.parseLong(series.at("/0/value/1").asText())).isGreaterThan(1000);

        // every query of the Grafana dashboard, as Grafana would send it with this contract chosen:
        // Prometheus accepts each, and each of the contract panels has the contract's series
        JsonNode dashboard = SlaClient.JSON.readTree(
                Path.of(System.getProperty("sla.repo.root", ".."), "deploy/grafana/sla-ledger-dashboard.json")
                        .toFile());
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText().replace("$contract", contract);
                JsonNode result = query(prometheus, expr);
                queries++;
                if (expr.contains("sla_contract_")) {
                    assertThat(result)
                            .as(panel.path("title").asText() + ": " + expr)
                            .isNotEmpty();
                    assertThat(result.toString()).contains(contract);
                }
            }
        }
        assertThat(queries).isGreaterThanOrEqualTo(10);
    }

    private JsonNode query(String prometheus, String promql) {
        SlaClient.Reply reply = SlaClient.expect(
                api.as(null)
                        .get(prometheus + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)),
                200);
        return reply.json().path("data").path("result");
    }

    private static String hostPort(String url) {
        return url.replaceFirst("^https?://", "");
    }

    private static void start(Path dir, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile());
        started.add(builder.start());
    }
}
