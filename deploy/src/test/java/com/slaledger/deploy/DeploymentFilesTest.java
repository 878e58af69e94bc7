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
        assertThat(list(s.get("ports"))).containsExactly("${SLA_BIND_ADDRESS:-127.0.0.1}:" + port + ":" + port);
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

    /**
     * The services' ports (their /q/metrics and APIs) and the console are published on loopback
     * unless SLA_BIND_ADDRESS (SLA_CONSOLE_BIND_ADDRESS) says otherwise; before, on all interfaces.
     */
    @Test
    void composePublishesTheServicesOnLoopbackUnlessToldOtherwise() throws IOException {
        var services = map(compose().get("services"));
        for (String service :
                List.of("monitor-service", "ticket-service", "sla-ledger-service", "notification-service")) {
            assertThat(list(map(services.get(service)).get("ports")))
                    .as(service + "'s published ports")
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat((String) p).startsWith("${SLA_BIND_ADDRESS:-127.0.0.1}:"));
        }
        assertThat(list(map(services.get("console")).get("ports")))
                .allSatisfy(p -> assertThat((String) p).startsWith("${SLA_CONSOLE_BIND_ADDRESS:-127.0.0.1}:"));
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
                "sla.credits",
                "sla.disputes",
                "sla.maintenance",
                "sla.evaluations",
                "sla.audit-heads",
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
        assertThat(producers.get("sla.credits")).containsExactly("ledger");
        assertThat(producers.get("sla.disputes")).containsExactly("ledger");
        assertThat(producers.get("sla.maintenance")).containsExactly("ledger");
        assertThat(producers.get("sla.contracts")).containsExactly("ledger");
        assertThat(producers.get("sla.evaluations")).containsExactly("ledger");
        assertThat(producers.get("sla.audit-heads")).containsExactly("ledger");
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

    private static Map<String, Object> k8s(String kind, String name) throws IOException {
        return k8sDocuments().stream()
                .filter(d -> kind.equals(d.get("kind"))
                        && name.equals(map(d.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> podLabels(String kind, String name) throws IOException {
        return map(map(map(map(k8s(kind, name).get("spec")).get("template")).get("metadata"))
                .get("labels"));
    }

    /**
     * The controller listener is no door for clients: not in the Service, authenticated (no
     * PLAINTEXT, no User:ANONYMOUS super user), and only the Kafka pods may reach it. Before, any pod
     * could connect to 9093 through the Service as a super user and rewrite the ACLs.
     */
    @Test
    void kubernetesKafkaControllerIsAuthenticatedAndReachableOnlyByKafka() throws IOException {
        var ports = list(map(k8s("Service", "kafka").get("spec")).get("ports"));
        assertThat(ports).extracting(p -> map(p).get("port")).containsExactly(9092);
        String server =
                (String) map(k8s("ConfigMap", "kafka-config").get("data")).get("server.properties");
        assertThat(server)
                .doesNotContain("ANONYMOUS")
                .doesNotContain(":PLAINTEXT")
                .contains("CONTROLLER:SASL_PLAINTEXT")
                .contains("sasl.mechanism.controller.protocol=PLAIN")
                .contains("super.users=User:admin;User:controller")
                .contains("password=\"@CONTROLLER_PASSWORD@\"");
        var controller = map(k8s("NetworkPolicy", "kafka-controller").get("spec"));
        var rules = list(controller.get("ingress"));
        assertThat(rules).hasSize(1);
        assertThat(list(map(rules.get(0)).get("from")))
                .containsExactly(Map.of("podSelector", Map.of("matchLabels", Map.of("app", "kafka"))));
        assertThat(list(map(rules.get(0)).get("ports")))
                .extracting(p -> map(p).get("port"))
                .containsExactly(9093);
    }

    /**
     * Nothing in the namespace is reachable unless a policy says so; Kafka's clients and
     * PostgreSQL's are exactly the services that need them (by label), the mail sink only
     * notification-service's.
     */
    @Test
    void kubernetesNetworkPoliciesAdmitOnlyWhatIsNeeded() throws IOException {
        var deny = map(k8s("NetworkPolicy", "default-deny-ingress").get("spec"));
        assertThat(deny.get("podSelector")).isEqualTo(Map.of());
        assertThat(list(deny.get("policyTypes"))).containsExactly("Ingress");
        assertThat(deny).doesNotContainKey("ingress");
        for (String service :
                List.of("monitor-service", "ticket-service", "sla-ledger-service", "notification-service")) {
            assertThat(podLabels("Deployment", service)).containsEntry("sla-ledger/kafka-client", "true");
            assertThat(podLabels("Deployment", service).containsKey("sla-ledger/database-client"))
                    .as(service + " reaches PostgreSQL")
                    .isEqualTo(!service.equals("monitor-service"));
        }
        assertThat(podLabels("Deployment", "console"))
                .doesNotContainKeys("sla-ledger/kafka-client", "sla-ledger/database-client");
        assertThat(podLabels("Job", "kafka-setup")).containsEntry("sla-ledger/kafka-client", "true");
        var postgres = list(map(k8s("NetworkPolicy", "postgres").get("spec")).get("ingress"));
        assertThat(list(map(postgres.get(0)).get("from")))
                .containsExactly(
                        Map.of("podSelector", Map.of("matchLabels", Map.of("sla-ledger/database-client", "true"))));
        var mail = list(map(k8s("NetworkPolicy", "mailsink").get("spec")).get("ingress"));
        assertThat(list(map(mail.get(0)).get("from")))
                .containsExactly(Map.of("podSelector", Map.of("matchLabels", Map.of("app", "notification-service"))));
        var http = list(map(k8s("NetworkPolicy", "services-http").get("spec")).get("ingress"));
        assertThat(list(map(http.get(0)).get("from")))
                .contains(Map.of("podSelector", Map.of("matchLabels", Map.of("app", "console"))));
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
