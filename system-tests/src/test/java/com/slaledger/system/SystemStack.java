package com.slaledger.system;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.slaledger.client.LocalTokens;
import com.slaledger.client.SlaClient;
import com.slaledger.client.SuiteClock;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system, started once for all system tests by the very script a user runs
 * ({@code deploy/local/stack up}), beside any stack or build broker already running: its own run
 * directory, Kafka port, mail-sink ports, service ports and databases (suffix {@code _system},
 * emptied at start). Stopped with {@code stack down} when the last test class has run.
 *
 * <p>The stack's clock: its services run with {@code SLA_CLOCK_OFFSET}, so that the whole system
 * lives at the suite's instant ({@link SuiteClock}, moved by the build on purpose), or, for a test
 * class marked {@link Pinned} (fixed-date data whose expectations depend on "now"), at {@link
 * SuiteClock#PINNED}. When a class needs the other clock the services are restarted with it
 * (databases and topics stay); {@link ByClock} runs the pinned classes first, so that happens once
 * and time only moves forward. A test's own "now" is {@link #now()}, never the system clock.
 */
public final class SystemStack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static final Path REPO =
            Path.of(System.getProperty("sla.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path RUN_DIR = Path.of(System.getProperty(
                    "sla.system.run-dir",
                    REPO.resolve("system-tests/target/stack").toString()))
            .toAbsolutePath();

    /** Settings for a stack that shares nothing with the default one (ports 8081.., 9092, 2525). */
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("SLA_RUN_DIR", RUN_DIR.toString()),
            Map.entry("SLA_KAFKA_PORT", "29092"),
            Map.entry("SLA_DB_SUFFIX", "_system"),
            Map.entry("MAIL_SMTP_PORT", "12525"),
            Map.entry("MAIL_IMAP_PORT", "13143"),
            Map.entry("MAIL_API_PORT", "18025"),
            Map.entry("MONITOR_SERVICE_PORT", "18081"),
            Map.entry("TICKET_SERVICE_PORT", "18082"),
            Map.entry("SLA_LEDGER_SERVICE_PORT", "18083"),
            Map.entry("NOTIFICATION_SERVICE_PORT", "18084"),
            Map.entry("CONSOLE_PORT", "18080"),
            // /q/metrics as in production: a bearer token (MonitoringIT's Prometheus sends one)
            Map.entry("SLA_METRICS_TOKEN_REQUIRED", "true"),
            // Quicker rounds than production, so that the tests wait seconds, not minutes.
            // A consumer killed with -9 holds its partitions until its session times out (Kafka's
            // default: 45 s); the restarted instance waits that long before it reads again.
            Map.entry("KAFKA_SESSION_TIMEOUT_MS", "10000"),
            Map.entry("NOTIFICATION_RETRY_INITIAL", "PT1S"),
            Map.entry("NOTIFICATION_RETRY_MAX", "PT2S"),
            Map.entry("NOTIFICATION_SEND_LEASE", "PT10S"));

    static final SlaClient.Endpoints ENDPOINTS = new SlaClient.Endpoints(
            "http://localhost:18081",
            "http://localhost:18082",
            "http://localhost:18083",
            "http://localhost:18084",
            "http://127.0.0.1:18025");

    /** The console of this stack. */
    static final String CONSOLE = "http://localhost:18080";

    /** Bearer tokens of this stack, signed with the key pair `stack up` made in its run directory. */
    static String token(LocalTokens.Grant grant) {
        return LocalTokens.of(RUN_DIR.resolve("keys")).token(grant);
    }

    /** A token of this stack's issuer for another audience (null: none), as another client would hold. */
    static String token(LocalTokens.Grant grant, String audience) {
        return LocalTokens.of(RUN_DIR.resolve("keys")).token(grant, audience);
    }

    /** The system as an operator sees it. */
    static SlaClient client() {
        return new SlaClient(ENDPOINTS, token(LocalTokens.Grant.of("operator")));
    }

    /**
     * A test class whose data has fixed dates and whose expectations depend on "now": the stack
     * runs at {@link SuiteClock#PINNED} for it, or at {@link #at()} when it names an instant.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Pinned {
        /** An ISO-8601 instant; empty: {@link SuiteClock#PINNED}. */
        String at() default "";
    }

    /**
     * The pinned classes first (the stack starts at their clock), those at {@link SuiteClock#PINNED}
     * before those at an instant of their own, then the others; by name in each.
     */
    public static final class ByClock implements ClassOrderer {
        @Override
        public void orderClasses(ClassOrdererContext context) {
            context.getClassDescriptors()
                    .sort(Comparator.comparing(
                                    (ClassDescriptor d) -> !d.getTestClass().isAnnotationPresent(Pinned.class))
                            .thenComparing(d -> pinnedAt(d.getTestClass()))
                            .thenComparing(d -> d.getTestClass().getName()));
        }
    }

    private static String pinnedAt(Class<?> testClass) {
        Pinned pinned = testClass.getAnnotation(Pinned.class);
        return pinned == null ? "" : pinned.at();
    }

    /** The instants classes are pinned at, and the offset each got when its first class started. */
    private static final Map<String, Duration> PINNED_AT = new java.util.concurrent.ConcurrentHashMap<>();

    /** The offset the services run with now (null: not started). */
    private static volatile Duration offset;

    /** Now on the stack's clock, to the second: what the services take as now. */
    static Instant now() {
        return clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Now on the stack's clock once at least {@code needed} of the current UTC month has passed:
     * waits (at most {@code needed}) right after a month begins, so that a test whose data must
     * lie in the current period runs at any instant instead of skipping itself near the start of a
     * month (where the build runs the system tests on purpose).
     */
    static Instant afterMonthStart(Duration needed) {
        Instant now = now();
        Instant monthStart = YearMonth.from(now.atZone(ZoneOffset.UTC))
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Duration wait = Duration.between(now, monthStart.plus(needed));
        if (!wait.isNegative()) {
            SlaClient.pause(wait.plusSeconds(1));
        }
        return now();
    }

    /** The stack's clock. */
    static Clock clock() {
        Duration o = offset == null ? SuiteClock.offset() : offset;
        return Clock.offset(Clock.systemUTC(), o);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        String at = pinnedAt(testClass);
        Duration wanted = !testClass.isAnnotationPresent(Pinned.class)
                ? SuiteClock.offset()
                : at.isEmpty()
                        ? SuiteClock.pinnedOffset()
                        : PINNED_AT.computeIfAbsent(at, a -> SuiteClock.offsetTo(Instant.parse(a)));
        // One stack for the whole run: the root store closes it after the last test class.
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SystemStack.class, k -> start(wanted), SystemStack.class);
        if (!wanted.equals(offset)) {
            restartServices(wanted);
        }
    }

    private static SystemStack start(Duration clockOffset) {
        offset = clockOffset;
        try {
            run(Duration.ofMinutes(6), true, "up");
        } catch (RuntimeException e) {
            // what did start must not outlive the failure: the next run's fresh databases would be
            // dropped under services that "already run"
            run(Duration.ofMinutes(2), false, "down");
            throw e;
        }
        return new SystemStack();
    }

    @Override
    public void close() {
        run(Duration.ofMinutes(2), false, "down");
    }

    /** kill -9 of one component (a crash); {@link #up()} starts exactly what is missing again. */
    static void crash(String component) {
        run(Duration.ofMinutes(1), false, "kill", component);
    }

    static void up() {
        run(Duration.ofMinutes(3), false, "up");
    }

    /**
     * The machine's PostgreSQL (the cluster on port 5432 the stack uses) stopped as a crash would
     * stop it ({@code pg_ctlcluster ... stop -m immediate}: no checkpoint, every connection cut).
     */
    static void stopDatabase() {
        shell("c=$(pg_lsclusters --no-header | awk '$3 == 5432 { print $1, $2; exit }'); "
                + "[ -n \"$c\" ] || { echo no cluster on 5432 >&2; exit 1; }; pg_ctlcluster $c stop -m immediate");
    }

    /** And started again: it recovers from its write-ahead log. */
    static void startDatabase() {
        shell("c=$(pg_lsclusters --no-header | awk '$3 == 5432 { print $1, $2; exit }'); pg_ctlcluster $c start");
    }

    private static void shell(String script) {
        try {
            Process p = new ProcessBuilder("bash", "-c", script)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(script + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts instance {@code n} (2..9) of a service beside the first, on its port + 100 × (n − 1). */
    static void instance(String service, int n) {
        run(Duration.ofMinutes(3), false, "instance", service, Integer.toString(n));
    }

    /** Stops one service instance cleanly (it leaves its consumer groups at once). */
    static void stop(String name) {
        run(Duration.ofMinutes(1), false, "stop", name);
    }

    /** The endpoints of the second instances (monitor, ledger, notification; ports + 100). */
    static final SlaClient.Endpoints SECOND = new SlaClient.Endpoints(
            "http://localhost:18181",
            "http://localhost:18082",
            "http://localhost:18183",
            "http://localhost:18184",
            "http://127.0.0.1:18025");

    /** The second instances as an operator sees them. */
    static SlaClient secondClient() {
        return new SlaClient(SECOND, token(LocalTokens.Grant.of("operator")));
    }

    /** The port of the system tests' Keycloak (management interface: the next port). */
    static final int KEYCLOAK_PORT = 18090;

    /**
     * Restarts the console and the services it calls with a local Keycloak as the identity
     * provider (started if it does not run): they trust its tokens only, and the console signs in
     * through it. {@link #withoutIdentityProvider()} puts the stack's own tokens back.
     */
    static void withIdentityProvider() {
        restartConsoleAndItsServices(Map.of("SLA_IDP", "keycloak", "KEYCLOAK_PORT", Integer.toString(KEYCLOAK_PORT)));
    }

    static void withoutIdentityProvider() {
        restartConsoleAndItsServices(Map.of());
        run(Duration.ofMinutes(1), false, Map.of(), "stop", "keycloak");
    }

    private static void restartConsoleAndItsServices(Map<String, String> settings) {
        for (String name : List.of("console", "sla-ledger-service", "ticket-service", "notification-service")) {
            stop(name);
        }
        run(Duration.ofMinutes(5), false, settings, "up");
    }

    /** Every service and the console again, their clock shifted by {@code clockOffset}. */
    private static void restartServices(Duration clockOffset) {
        for (String name :
                List.of("console", "sla-ledger-service", "ticket-service", "notification-service", "monitor-service")) {
            stop(name);
        }
        offset = clockOffset;
        run(Duration.ofMinutes(5), false, "up");
    }

    private static void run(Duration limit, boolean fresh, String... arguments) {
        run(limit, fresh, Map.of(), arguments);
    }

    private static void run(Duration limit, boolean fresh, Map<String, String> settings, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("deploy/local/stack").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile());
        Map<String, String> env = builder.environment();
        // Nothing from the calling shell may point this stack at other servers.
        env.keySet()
                .removeIf(k -> k.startsWith("QUARKUS_")
                        || k.startsWith("KAFKA_")
                        || k.equals("SLA_IDP")
                        || k.endsWith("_SERVICE_PORT"));
        env.putAll(ENVIRONMENT);
        env.put("SLA_CLOCK_OFFSET", (offset == null ? SuiteClock.offset() : offset).toString());
        env.put("SLA_FRESH", fresh ? "1" : "");
        env.putAll(settings);
        try {
            Files.createDirectories(RUN_DIR);
            Path log = RUN_DIR.resolve("stack-script.log");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/local/stack " + String.join(" ", arguments)
                        + " did not finish in " + limit + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/stack " + String.join(" ", arguments) + " failed ("
                        + process.exitValue() + "); see " + log + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
