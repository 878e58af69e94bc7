package com.slaledger.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake throughput of monitor-service: POSTs N observations in batches, a few requests in
 * flight, and counts only what was answered 202 (every record acknowledged by Kafka, acks=all).
 *
 * <p>Usage: {@code IntakeDriver <baseUrl> <count> [batchSize] [concurrency]}
 */
public final class IntakeDriver {

    private IntakeDriver() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String run = "intake-" + UUID.randomUUID().toString().substring(0, 6);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + "/api/v1/health-events");
        Instant at = Instant.now().minus(Duration.ofDays(2));

        List<String> bodies = new ArrayList<>();
        for (int sent = 0; sent < count; sent += batch) {
            StringBuilder body = new StringBuilder("[");
            int n = Math.min(batch, count - sent);
            for (int i = 0; i < n; i++) {
                int k = sent + i;
                if (i > 0) {
                    body.append(',');
                }
                body.append("{\"serviceId\":\"")
                        .append(run)
                        .append("-s")
                        .append(k % 12)
                        .append("\",\"probeId\":\"p")
                        // probe and second chosen so that every observation is distinct (twelve
                        // services, three probes, one observation each per second): the drain
                        // waits for all of them in the ledger
                        .append(k / 12 % 3)
                        .append("\",\"status\":\"")
                        .append(k % 10 < 2 ? "DOWN" : "UP")
                        .append("\",\"observedAt\":\"")
                        .append(at.plusSeconds(k / 36))
                        .append("\",\"latencyMs\":")
                        .append(k % 500)
                        .append('}');
            }
            bodies.add(body.append(']').toString());
        }

        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<?>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (String body : bodies) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + System.getenv("SLA_TOKEN"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            all.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, e) -> {
                        inFlight.release();
                        if (e == null && response.statusCode() == 202) {
                            accepted.addAndGet(Long.parseLong(response.body().replaceAll("\\D", "")));
                        } else {
                            failed.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "intake run=%s records=%d accepted=%d failed_requests=%d batch=%d concurrency=%d seconds=%.2f rate=%.0f%n",
                run, count, accepted.get(), failed.get(), batch, concurrency, seconds, accepted.get() / seconds);
        if (accepted.get() < count) {
            System.exit(1);
        }
    }
}
