package com.slaledger.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker Compose file and Kubernetes manifests cannot run here (no Docker, no cluster), so
 * this holds them to what can be checked: they parse, and they agree with the ports and
 * configuration keys the services actually read.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of(System.getProperty("user.dir"));
    private static final Path ROOT = DEPLOY.getParent();
    private static final List<String> SERVICES =
            List.of("monitor-service", "ticket-service", "sla-ledger-service", "notification-service");

    private static Properties applicationProperties(String service) throws IOException {
        var props = new Properties();
        try (Reader r =
                Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            props.load(r);
        }
        return props;
    }

    private static int httpPort(String service) throws IOException {
        return Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port"));
    }

    /** The database a service uses in production: the last path segment of its default reactive URL. */
    private static String database(String service) throws IOException {
        String url = applicationProperties(service).getProperty("%prod.quarkus.datasource.reactive.url");
        return url == null ? null : url.substring(url.lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static Map<String, Object> compose() throws IOException {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try (Reader r = Files.newBufferedReader(DEPLOY.resolve("docker-compose.yml"))) {
            return map(new Yaml(options).load(r));
        }
    }

    private static List<Map<String, Object>> k8sDocuments() throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader r = Files.newBufferedReader(file)) {
                    for (Object doc : new Yaml().loadAll(r)) {
                        if (doc != null) {
                            docs.add(map(doc));
                        }
                    }
                }
            }
        }
        return docs;
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor-service", "ticket-service", "sla-ledger-service", "notification-service"})
    void composeRunsEachServiceOnItsPortWithHealthChecksAndHealthyDependencies(String service) throws IOException {
        var s = map(map(compose().get("services")).get(service));
        int port = httpPort(service);
        assertThat(list(s.get("ports"))).containsExactly(port + ":" + port);
        assertThat(list(map(s.get("healthcheck")).get("test")).toString())
                .contains("/dev/tcp/127.0.0.1/" + port)
                .contains("/q/health/ready");
        var dependsOn = map(s.get("depends_on"));
        assertThat(dependsOn).containsKey("kafka");
        dependsOn.values().forEach(d -> assertThat(map(d)).containsEntry("condition", "service_healthy"));

        var env = map(s.get("environment"));
        assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        String db = database(service);
        if (db != null) {
            assertThat(dependsOn).containsKey("postgres");
            assertThat(env).containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://postgres:5432/" + db);
            assertThat(env).containsEntry("QUARKUS_DATASOURCE_USERNAME", db);
            assertThat(Files.readString(DEPLOY.resolve("docker/postgres-init.sql")))
                    .contains("CREATE DATABASE " + db + " OWNER " + db);
        } else {
            assertThat(env).doesNotContainKey("QUARKUS_DATASOURCE_REACTIVE_URL");
        }
        boolean sendsMail = applicationProperties(service).getProperty("quarkus.mailer.host") != null;
        assertThat(env.containsKey("QUARKUS_MAILER_HOST")).isEqualTo(sendsMail);
    }

    @Test
    void composeInfrastructureHasHealthChecks() throws IOException {
        var services = map(compose().get("services"));
        for (String infra : List.of("kafka", "postgres", "mailsink")) {
            assertThat(map(services.get(infra))).containsKey("healthcheck");
        }
    }

    @Test
    void everyKubernetesDocumentIsWellFormed() throws IOException {
        var docs = k8sDocuments();
        assertThat(docs).hasSizeGreaterThan(10);
        for (var doc : docs) {
            assertThat(doc).containsKeys("apiVersion", "kind", "metadata");
            assertThat(map(doc.get("metadata"))).containsKey("name");
        }
    }

    @Test
    void kubernetesRunsEachServiceOnItsPortWithProbesAndConfig() throws IOException {
        var docs = k8sDocuments();
        for (String service : SERVICES) {
            var deployment = docs.stream()
                    .filter(d -> "Deployment".equals(d.get("kind"))
                            && service.equals(map(d.get("metadata")).get("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Deployment for " + service));
            var container = map(
                    list(map(map(map(deployment.get("spec")).get("template")).get("spec"))
                                    .get("containers"))
                            .get(0));
            int port = httpPort(service);
            assertThat(map(list(container.get("ports")).get(0))).containsEntry("containerPort", port);
            assertThat(map(map(container.get("readinessProbe")).get("httpGet")))
                    .containsEntry("path", "/q/health/ready")
                    .containsEntry("port", port);
            assertThat(map(map(container.get("livenessProbe")).get("httpGet"))).containsEntry("path", "/q/health/live");
            var env = list(container.get("env")).stream()
                    .map(e -> (String) map(e).get("name"))
                    .toList();
            assertThat(env).contains("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_HTTP_PORT");
            if (database(service) != null) {
                assertThat(env)
                        .contains(
                                "QUARKUS_DATASOURCE_REACTIVE_URL",
                                "QUARKUS_DATASOURCE_USERNAME",
                                "QUARKUS_DATASOURCE_PASSWORD");
            }
            var svc = docs.stream()
                    .filter(d -> "Service".equals(d.get("kind"))
                            && service.equals(map(d.get("metadata")).get("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Service for " + service));
            assertThat(map(list(map(svc.get("spec")).get("ports")).get(0))).containsEntry("port", port);
        }
    }

    /** Production settings (SPEC §12): nothing secret committed, nothing exposed beyond this host. */
    @Test
    void composePublishesTheBrokerDatabaseAndMailSinkOnLoopbackOnly() throws IOException {
        var services = map(compose().get("services"));
        for (String infra : List.of("kafka", "postgres", "mailsink")) {
            assertThat(list(map(services.get(infra)).get("ports")))
                    .as(infra + "'s published ports")
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat((String) p).startsWith("127.0.0.1:"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor-service", "ticket-service", "sla-ledger-service", "notification-service"})
    void everyServiceIsToldWhichTokensToTrust(String service) throws IOException {
        var env = map(map(map(compose().get("services")).get(service)).get("environment"));
        assertThat(env).containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        var container = container(service);
        var names = list(container.get("env")).stream()
                .map(e -> (String) map(e).get("name"))
                .toList();
        assertThat(names).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER");
    }

    @Test
    void noServiceShipsADefaultPasswordAndMailRequiresStartTls() throws IOException {
        for (String service : SERVICES) {
            Properties props = applicationProperties(service);
            for (String key : props.stringPropertyNames()) {
                if (key.endsWith("password") && !key.startsWith("%test.")) {
                    throw new AssertionError(service + " sets " + key + " in its application.properties");
                }
            }
        }
        assertThat(applicationProperties("notification-service").getProperty("quarkus.mailer.start-tls"))
                .isEqualTo("REQUIRED");
    }

    @Test
    void kubernetesCommitsNoSecretValuesAndReadsPasswordsFromSecrets() throws IOException {
        var docs = k8sDocuments();
        assertThat(docs)
                .noneMatch(
                        d -> "Secret".equals(d.get("kind")) && (d.containsKey("data") || d.containsKey("stringData")));
        for (String service : SERVICES) {
            if (database(service) == null) {
                continue;
            }
            var password = list(container(service).get("env")).stream()
                    .map(e -> map(e))
                    .filter(e -> "QUARKUS_DATASOURCE_PASSWORD".equals(e.get("name")))
                    .findFirst()
                    .orElseThrow();
            assertThat(password).doesNotContainKey("value");
            assertThat(map(password.get("valueFrom"))).containsKey("secretKeyRef");
        }
    }

    /** Who may produce each topic in Kubernetes: the kafka-setup Job's producer ACLs. */
    private static Map<String, List<String>> producers() throws IOException {
        String script = kafkaSetupScript();
        Map<String, List<String>> producers = new java.util.TreeMap<>();
        var acl = java.util.regex.Pattern.compile("acl --allow-principal User:(\\w+) --producer --topic ([\\w.-]+)");
        var m = acl.matcher(script);
        while (m.find()) {
            producers.computeIfAbsent(m.group(2), t -> new ArrayList<>()).add(m.group(1));
        }
        return producers;
    }

    private static String kafkaSetupScript() throws IOException {
        var job = k8sDocuments().stream()
                .filter(d -> "Job".equals(d.get("kind"))
                        && "kafka-setup".equals(map(d.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no kafka-setup Job"));
        var container = map(
                list(map(map(map(job.get("spec")).get("template")).get("spec")).get("containers"))
                        .get(0));
        return String.join(
                "\n",
                list(container.get("command")).stream().map(String::valueOf).toList());
    }

    @Test
    void kubernetesKafkaAuthenticatesAuthorisesAndReplicates() throws IOException {
        var docs = k8sDocuments();
        var kafka = docs.stream()
                .filter(d -> "StatefulSet".equals(d.get("kind"))
                        && "kafka".equals(map(d.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(map(kafka.get("spec"))).containsEntry("replicas", 3);
        String server = (String) map(docs.stream()
                        .filter(d -> "ConfigMap".equals(d.get("kind"))
                                && "kafka-config".equals(map(d.get("metadata")).get("name")))
                        .findFirst()
                        .orElseThrow()
                        .get("data"))
                .get("server.properties");
        assertThat(server)
                .contains("listeners=SASL_PLAINTEXT://:9092")
                .contains("sasl.enabled.mechanisms=SCRAM-SHA-512")
                .contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .contains("allow.everyone.if.no.acl.found=false")
                .contains("default.replication.factor=3")
                .contains("min.insync.replicas=2");
        String setup = kafkaSetupScript();
        for (String topic : List.of(
                "sla.health-observed",
                "sla.tickets",
                "sla.duties",
                "sla.contracts",
                "sla.shortfalls",
                "sla.warnings",
                "sla.statements",
                "sla.evaluations",
                "sla.dead-letters")) {
            assertThat(setup).contains(topic);
        }
        assertThat(setup).contains("--replication-factor 3 --config min.insync.replicas=2");
        // retention as the services create topics themselves (Topics.ALL): 7 days for observations, 30 for the rest
        assertThat(setup).contains("sla.health-observed:604800000").contains("sla.shortfalls:2592000000");
    }

    @Test
    void kubernetesLetsEachServiceWriteOnlyItsOwnTopics() throws IOException {
        var producers = producers();
        assertThat(producers.get("sla.shortfalls")).containsExactly("ledger");
        assertThat(producers.get("sla.warnings")).containsExactly("ledger");
        assertThat(producers.get("sla.statements")).containsExactly("ledger");
        assertThat(producers.get("sla.contracts")).containsExactly("ledger");
        assertThat(producers.get("sla.evaluations")).containsExactly("ledger");
        assertThat(producers.get("sla.health-observed")).containsExactly("monitor");
        assertThat(producers.get("sla.duties")).containsExactly("monitor");
        assertThat(producers.get("sla.tickets")).containsExactly("ticket");
        assertThat(producers.get("sla.dead-letters")).doesNotContain("monitor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor-service", "ticket-service", "sla-ledger-service", "notification-service"})
    void kubernetesServicesUseTheirOwnKafkaUserFromASecret(String service) throws IOException {
        var env = list(container(service).get("env")).stream().map(e -> map(e)).toList();
        var byName = new java.util.HashMap<String, Map<String, Object>>();
        env.forEach(e -> byName.put((String) e.get("name"), e));
        assertThat(byName.get("KAFKA_SECURITY_PROTOCOL")).containsEntry("value", "SASL_PLAINTEXT");
        assertThat(byName.get("KAFKA_SASL_MECHANISM")).containsEntry("value", "SCRAM-SHA-512");
        assertThat(byName.get("SLA_TOPICS_PROVISION")).containsEntry("value", "false");
        var jaas = byName.get("KAFKA_SASL_JAAS_CONFIG");
        assertThat(jaas).doesNotContainKey("value");
        String user = service.equals("sla-ledger-service") ? "ledger" : service.replace("-service", "");
        assertThat(map(map(jaas.get("valueFrom")).get("secretKeyRef"))).containsEntry("key", user + "-jaas");
    }

    private static Map<String, Object> container(String service) throws IOException {
        var deployment = k8sDocuments().stream()
                .filter(d -> "Deployment".equals(d.get("kind"))
                        && service.equals(map(d.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment for " + service));
        return map(list(map(map(map(deployment.get("spec")).get("template")).get("spec"))
                        .get("containers"))
                .get(0));
    }
}
