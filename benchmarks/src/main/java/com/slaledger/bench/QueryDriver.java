package com.slaledger.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;

/**
 * The statement query over HTTP: a contract-month with 10,000 counted intervals (one probe,
 * DOWN for two minutes in every four of October 2026), asked for again and again by one client.
 *
 * <p>Then the same requests again while {@code rate} observations a second of other services are
 * posted to monitor-service (LatencyDriver's load), so the statement is read while the ledger folds.
 *
 * <p>Usage: {@code QueryDriver <monitor> <ledger> [intervals] [requests] [rate/s]}
 */
public final class QueryDriver {

    private QueryDriver() {}

    public static void main(String[] args) throws Exception {
        SlaClient api =
                new SlaClient(new SlaClient.Endpoints(args[0], "", args[1], "", ""), System.getenv("SLA_TOKEN"));
        int intervals = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        String run = "query-" + UUID.randomUUID().toString().substring(0, 6);
        api.putContract(run, LatencyDriver.contract(run, "q@" + run + ".example", 99.0));
        Instant october = Instant.parse("2026-10-01T00:00:00Z");
        List<Map<String, Object>> observations = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            Instant down = october.plus(Duration.ofMinutes(4L * i));
            observations.add(SlaClient.observation(run + "-d" + i, run, "p1", "DOWN", down));
            observations.add(SlaClient.observation(run + "-u" + i, run, "p1", "UP", down.plus(Duration.ofMinutes(2))));
        }
        api.postObservations(observations, 5000);
        String url = args[1] + "/api/v1/contracts/" + run + "/statements/2026-10";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        int listed = 0;
        while (listed < intervals && Instant.now().isBefore(deadline)) {
            JsonNode st = api.get(url).json();
            listed = st == null ? 0 : st.path("intervals").size();
            SlaClient.pause(Duration.ofMillis(200));
        }
        if (listed < intervals) {
            System.out.println("query incomplete: the statement lists " + listed + " intervals");
            return;
        }
        int bytes = api.get(url).body().length();
        for (int i = 0; i < 100; i++) {
            api.get(url); // warm-up
        }
        // Timed with a plain client that reads the body as bytes: the client's own JSON parsing is
        // not the server's latency.
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + System.getenv("SLA_TOKEN"))
                .build();
        System.out.println(
                Stats.summary("query-statement-10k-intervals", time(http, request, requests)) + " body_bytes=" + bytes);
        // the same while observations of other services are posted, and folded, at a steady rate
        LatencyDriver.Load load = new LatencyDriver.Load(args[0], run, rate);
        load.start();
        SlaClient.pause(Duration.ofSeconds(5));
        List<Double> loaded = time(http, request, requests);
        String achieved = load.rate();
        load.stop();
        System.out.println(Stats.summary("query-statement-10k-intervals-under-load", loaded) + " body_bytes=" + bytes
                + " background_rate=" + achieved);
        exports(http, url, args[1] + "/q/health/live", 50);
    }

    /**
     * {@code clients} PDF exports of the same statement asked at once, and meanwhile the liveness
     * check asked every 20 ms: what the rest of the service sees while exports render (they run on
     * a bounded pool of their own, StatementExports; beyond its queue a 503).
     */
    private static void exports(HttpClient http, String url, String live, int clients) throws Exception {
        HttpRequest pdf = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + System.getenv("SLA_TOKEN"))
                .header("Accept", "application/pdf")
                .build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(live)).build();
        http.send(pdf, HttpResponse.BodyHandlers.ofByteArray()); // warm-up
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<double[]>> asked = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            asked.add(pool.submit(() -> {
                long start = System.nanoTime();
                HttpResponse<byte[]> r = http.send(pdf, HttpResponse.BodyHandlers.ofByteArray());
                return new double[] {(System.nanoTime() - start) / 1e6, r.statusCode(), r.body().length};
            }));
        }
        List<Double> healthMillis = new ArrayList<>();
        while (asked.stream().anyMatch(f -> !f.isDone())) {
            long start = System.nanoTime();
            http.send(health, HttpResponse.BodyHandlers.discarding());
            healthMillis.add((System.nanoTime() - start) / 1e6);
            Thread.sleep(20);
        }
        double all = (System.nanoTime() - t0) / 1e6;
        List<Double> pdfMillis = new ArrayList<>();
        int refused = 0;
        long bytes = 0;
        for (Future<double[]> f : asked) {
            double[] r = f.get();
            if (r[1] == 200) {
                pdfMillis.add(r[0]);
                bytes = (long) r[2];
            } else if (r[1] == 503) {
                refused++;
            } else {
                throw new IllegalStateException("a PDF export answered " + (int) r[1]);
            }
        }
        pool.shutdown();
        System.out.println(Stats.summary("export-pdf-10k-intervals-" + clients + "-at-once", pdfMillis)
                + " refused_503=" + refused + " pdf_bytes=" + bytes + " all_done_ms=" + Math.round(all));
        System.out.println(Stats.summary("health-live-during-" + clients + "-pdf-exports", healthMillis));
    }

    private static List<Double> time(HttpClient http, HttpRequest request, int requests) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("statement answered " + r.statusCode());
            }
        }
        return millis;
    }
}
