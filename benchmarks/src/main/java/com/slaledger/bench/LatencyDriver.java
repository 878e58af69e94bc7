package com.slaledger.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;

/**
 * End-to-end latencies under a steady background load of health observations:
 *
 * <ol>
 *   <li><b>DOWN → counted interval</b>: a DOWN observation is posted to monitor-service; the time
 *       until the ledger's REST API lists the counted (ongoing) interval it starts;
 *   <li><b>shortfall → e-mail</b>: contracts whose allowance a posted outage has already used up;
 *       the time from the ledger's {@code detectedAt} of the shortfall to the notice's
 *       {@code sentAt} (the SMTP server's acceptance), and from posting the DOWN to the mail.
 * </ol>
 *
 * <p>Usage: {@code LatencyDriver <monitor> <ledger> <notification> <mailApi> [rate/s] [samples]}
 */
public final class LatencyDriver {

    private LatencyDriver() {}

    public static void main(String[] args) throws Exception {
        SlaClient api = new SlaClient(
                new SlaClient.Endpoints(args[0], "", args[1], args[2], args[3]), System.getenv("SLA_TOKEN"));
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        int samples = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        String run = "lat-" + UUID.randomUUID().toString().substring(0, 6);

        // Ten contracts, one service each, no minimum, a target no outage here can miss.
        int lanes = 10;
        for (int i = 0; i < lanes; i++) {
            api.putContract(run + "-" + i, contract(run + "-s" + i, run + "-" + i + "@bench.example", 1.0));
        }

        Load load = new Load(args[0], run, rate);
        load.start();
        SlaClient.pause(Duration.ofSeconds(5)); // warm-up at the steady rate

        List<Double> interval = new ArrayList<>();
        Instant[] lastDown = new Instant[lanes];
        for (int k = 0; k < samples; k++) {
            int lane = k % lanes;
            String service = run + "-s" + lane;
            // A lane's outages never touch (each ends one second after it starts), and none starts
            // in the future: wait for the clock instead.
            Instant earliest = lastDown[lane] == null ? Instant.EPOCH : lastDown[lane].plusSeconds(3);
            while (Instant.now().isBefore(earliest)) {
                SlaClient.pause(Duration.ofMillis(20));
            }
            // observedAt one whole second back, as a probe reports a check it has just finished:
            // counting is exact to the second (SPEC §3), so an outage observed in the running
            // second has lasted 0 s and is listed once that second is over (up to 1 s later).
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
            lastDown[lane] = at;
            long t0 = System.nanoTime();
            api.postObservations(List.of(SlaClient.observation(null, service, "p1", "DOWN", at)), 10);
            String url = args[1] + "/api/v1/contracts/" + run + "-" + lane + "/downtime?from=" + at + "&to="
                    + at.plus(Duration.ofHours(1));
            while (!startsAt(api.get(url).json(), at)) {
                Thread.onSpinWait();
            }
            interval.add((System.nanoTime() - t0) / 1e6);
            api.postObservations(List.of(SlaClient.observation(null, service, "p1", "UP", at.plusSeconds(1))), 10);
            SlaClient.pause(Duration.ofMillis(100));
        }
        System.out.println(Stats.summary("latency-down-to-interval", interval) + " background_rate=" + load.rate());

        // Shortfalls: one contract each, 99.99% (about 4 minutes a month), an outage 10 minutes old.
        int mails = Math.max(20, samples / 5);
        for (int k = 0; k < mails; k++) {
            api.putContract(run + "-m" + k, contract(run + "-m" + k, run + "-m" + k + "@bench.example", 99.99));
        }
        SlaClient.pause(Duration.ofSeconds(3)); // the notification service learns the recipients
        Map<String, Long> posted = new LinkedHashMap<>();
        for (int k = 0; k < mails; k++) {
            Instant now = Instant.now();
            posted.put(run + "-m" + k, System.currentTimeMillis());
            api.postObservations(
                    List.of(
                            SlaClient.observation(null, run + "-m" + k, "p1", "UP", now.minus(Duration.ofMinutes(20))),
                            SlaClient.observation(
                                    null, run + "-m" + k, "p1", "DOWN", now.minus(Duration.ofMinutes(10)))),
                    10);
            SlaClient.pause(Duration.ofMillis(700));
        }
        List<Double> toMail = new ArrayList<>();
        List<Double> downToMail = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        for (Map.Entry<String, Long> e : posted.entrySet()) {
            JsonNode sent = null;
            while (sent == null && Instant.now().isBefore(deadline)) {
                for (JsonNode n : api.notices(e.getKey())) {
                    if ("SENT".equals(n.path("status").asText())) {
                        sent = n;
                    }
                }
                if (sent == null) {
                    SlaClient.pause(Duration.ofMillis(200));
                }
            }
            if (sent == null) {
                System.out.println("latency-shortfall-to-mail incomplete: no notice sent for " + e.getKey());
                break;
            }
            Instant sentAt = Instant.parse(sent.path("sentAt").asText());
            Instant detectedAt = Instant.parse(
                    api.shortfalls(e.getKey()).get(0).path("detectedAt").asText());
            toMail.add(Duration.between(detectedAt, sentAt).toNanos() / 1e6);
            downToMail.add((double) (sentAt.toEpochMilli() - e.getValue()));
        }
        load.stop();
        System.out.println(Stats.summary("latency-shortfall-to-mail", toMail));
        System.out.println(Stats.summary("latency-down-posted-to-mail", downToMail)
                + " (includes waiting for the evaluation round)");
    }

    private static boolean startsAt(JsonNode intervals, Instant at) {
        if (intervals == null) {
            return false;
        }
        for (JsonNode i : intervals) {
            if (i.path("start").asText().equals(at.toString())
                    && i.path("counted").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> contract(String service, String email, double target) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("customer", Map.of("name", "Bench " + service, "noticeEmails", List.of(email)));
        c.put("services", List.of(service));
        c.put("policy", "PROVIDER_MONITORED");
        c.put("uptimeTargetPercent", target);
        c.put("creditTiers", List.of(Map.of("belowPercent", target, "creditPercent", 10)));
        return c;
    }

    /** Posts {@code rate} UP observations a second for 50 services, in ten batches a second. */
    static final class Load {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI uri;
        private final String run;
        private final int perTick;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong sequence = new AtomicLong();
        private long started;

        Load(String monitor, String run, int rate) {
            this.uri = URI.create(monitor + "/api/v1/health-events");
            this.run = run;
            this.perTick = rate / 10;
        }

        void start() {
            started = System.nanoTime();
            timer.scheduleAtFixedRate(this::tick, 0, 100, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }

        String rate() {
            return String.format("%.0f/s", accepted.get() / ((System.nanoTime() - started) / 1e9));
        }

        private void tick() {
            StringBuilder body = new StringBuilder("[");
            String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            for (int i = 0; i < perTick; i++) {
                long n = sequence.incrementAndGet();
                if (i > 0) {
                    body.append(',');
                }
                body.append("{\"eventId\":\"")
                        .append(run)
                        .append('-')
                        .append(n)
                        .append("\",\"serviceId\":\"")
                        .append(run)
                        .append("-load")
                        .append(n % 50)
                        .append("\",\"probeId\":\"p")
                        .append(n % 3)
                        .append("\",\"status\":\"UP\",\"observedAt\":\"")
                        .append(at)
                        .append("\"}");
            }
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + System.getenv("SLA_TOKEN"))
                    .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString()))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
                if (r.statusCode() == 202) {
                    accepted.addAndGet(perTick);
                }
            });
        }
    }
}
