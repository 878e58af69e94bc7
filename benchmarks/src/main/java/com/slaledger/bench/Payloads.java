package com.slaledger.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.slaledger.events.EventJson;
import com.slaledger.events.HealthObserved;
import com.slaledger.events.HealthStatus;

/**
 * The payload file for Kafka's {@code ProducerPerformance}, so that the ceiling sends what
 * monitor-service sends: real observation records (the JSON of {@link HealthObserved} as
 * monitor-service serialises it), one per line, each padded by as many bytes as the CloudEvents
 * headers monitor-service adds to a record ({@link #HEADER_BYTES}), which ProducerPerformance
 * cannot send as headers. Distinct lines, so compression sees what it would.
 *
 * <p>Usage: {@code Payloads <file> [lines]}
 */
public final class Payloads {

    /**
     * Header keys and values of one record in CloudEvents binary mode: ce_specversion "1.0", ce_id
     * (a UUID), ce_source "monitor-service", ce_type "com.slaledger.health.observed.v1", ce_time
     * (an instant), content-type "application/json".
     */
    static final int HEADER_BYTES = (14 + 3) + (5 + 36) + (9 + 15) + (7 + 32) + (7 + 24) + (12 + 16);

    private Payloads() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Instant base = Instant.parse("2026-10-01T00:00:00Z");
        long total = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < lines; i++) {
                String service = "payload-s" + (i % 12);
                String probe = "p" + (i / 12 % 3);
                Instant at = base.plusSeconds(i / 36);
                HealthStatus status = i % 10 < 2 ? HealthStatus.DOWN : HealthStatus.UP;
                String json = EventJson.mapper()
                        .writeValueAsString(new HealthObserved(
                                HealthObserved.dedupKey(null, service, probe, at, status),
                                null,
                                service,
                                probe,
                                status,
                                at,
                                (long) (i % 500),
                                null,
                                at.plusMillis(250)));
                // the headers' bytes as a field of the same size, so the line stays JSON
                String pad = ",\"_headers\":\"" + "h".repeat(Math.max(0, HEADER_BYTES - 15)) + "\"}";
                String line = json.substring(0, json.length() - 1) + pad;
                out.write(line);
                out.newLine();
                total += line.length();
            }
        }
        System.out.printf("payloads lines=%d mean_bytes=%d header_bytes=%d%n", lines, total / lines, HEADER_BYTES);
    }
}
