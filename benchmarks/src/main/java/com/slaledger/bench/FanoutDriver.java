package com.slaledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.slaledger.client.SlaClient;

/**
 * Fan-out: N contracts cover one shared service; one outage breaches them all. Reports the time
 * from posting the outage until the ledger has detected every shortfall, until the notification
 * service holds every notice, and until the SMTP server has accepted every one of them.
 *
 * <p>Usage: {@code FanoutDriver <monitor> <ledger> <notification> <mailApi> <ledgerJdbc>
 * <notificationJdbc> <user:password of ledger> <user:password of notification> [contracts]}
 */
public final class FanoutDriver {

    private FanoutDriver() {}

    public static void main(String[] args) throws Exception {
        SlaClient api = new SlaClient(
                new SlaClient.Endpoints(args[0], "", args[1], args[2], args[3]), System.getenv("SLA_TOKEN"));
        String ledgerJdbc = args[4];
        String notificationJdbc = args[5];
        String[] ledgerUser = args[6].split(":", 2);
        String[] notificationUser = args[7].split(":", 2);
        int n = args.length > 8 ? Integer.parseInt(args[8]) : 10_000;
        String run = "fan-" + UUID.randomUUID().toString().substring(0, 6);
        String service = run + "-shared";

        long setup = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> puts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String id = run + "-" + k;
            puts.add(pool.submit(
                    () -> api.putContract(id, LatencyDriver.contract(service, "c@" + id + ".example", 99.9))));
        }
        for (Future<?> f : puts) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("fanout-setup contracts=%d seconds=%.1f%n", n, (System.nanoTime() - setup) / 1e9);
        // The outage is posted once the ledger has evaluated every new contract (each has its next
        // due instant and no change mark left), so that the figure is the outage's fan-out and not
        // the creations' backlog; then every contract version has also reached the notification
        // service's view.
        long settle = System.nanoTime();
        String pattern = run + "-%";
        try (Connection ledger = DriverManager.getConnection(ledgerJdbc, ledgerUser[0], ledgerUser[1])) {
            Instant settleBy = Instant.now().plus(Duration.ofMinutes(10));
            while (Instant.now().isBefore(settleBy)
                    && (count(ledger, "SELECT count(*) FROM contract_due WHERE contract_id LIKE ?", pattern) < n
                            || count(ledger, "SELECT count(*) FROM contract_change WHERE contract_id LIKE ?", pattern)
                                    > 0)) {
                SlaClient.pause(Duration.ofMillis(500));
            }
        }
        System.out.printf("fanout-settled seconds=%.1f%n", (System.nanoTime() - settle) / 1e9);
        SlaClient.pause(Duration.ofSeconds(5));

        Instant now = Instant.now();
        long t0 = System.nanoTime();
        api.postObservations(
                List.of(
                        SlaClient.observation(null, service, "p1", "UP", now.minus(Duration.ofHours(2))),
                        SlaClient.observation(null, service, "p1", "DOWN", now.minus(Duration.ofHours(1)))),
                10);
        String like = run + "-%";
        double detected = -1, stored = -1, sent = -1;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        try (Connection ledger = DriverManager.getConnection(ledgerJdbc, ledgerUser[0], ledgerUser[1]);
                Connection notification =
                        DriverManager.getConnection(notificationJdbc, notificationUser[0], notificationUser[1])) {
            while (sent < 0 && Instant.now().isBefore(deadline)) {
                double t = (System.nanoTime() - t0) / 1e9;
                if (detected < 0
                        && count(ledger, "SELECT count(*) FROM shortfall WHERE contract_id LIKE ?", like) >= n) {
                    detected = t;
                }
                if (stored < 0
                        && count(notification, "SELECT count(*) FROM notice WHERE contract_id LIKE ?", like) >= n) {
                    stored = t;
                }
                if (count(
                                notification,
                                "SELECT count(*) FROM notice WHERE status = 'SENT' AND contract_id LIKE ?",
                                like)
                        >= n) {
                    sent = t;
                }
                SlaClient.pause(Duration.ofMillis(200));
            }
        }
        int sampled = 0, received = 0;
        for (int k = 0; k < n; k += Math.max(1, n / 100)) {
            sampled++;
            received += api.mails("c@" + run + "-" + k + ".example").size();
        }
        System.out.printf(
                "fanout contracts=%d all_shortfalls_detected=%.1fs all_notices_stored=%.1fs all_mails_accepted=%.1fs"
                        + " sink_check=%d/%d%n",
                n, detected, stored, sent, received, sampled);
    }

    private static long count(Connection c, String sql, String like) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, like);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
