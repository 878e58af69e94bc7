package com.slaledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.slaledger.client.SlaClient;

/**
 * Cost against the length of history (SPEC §11): 2,000 services and 10,000 contracts (five per
 * service), a constant recent part (every service observed every 6 hours, all UP, in the previous
 * and the current month: what an evaluation and a statement read) and older history in the twelve
 * months before that, grown to 1, 10 and 100 million stored observations. At each size: one
 * contract's statement over HTTP (p50/p99 over 200 contracts of different services, each asked
 * once with the service's cached down-time invalidated: every answer reads the database), a full
 * evaluation of all 10,000 contracts and one of 1% of them (from "due" to every contract evaluated
 * again, caches invalidated), and bytes on disk per observation. The history is generated inside
 * PostgreSQL ({@code INSERT ... SELECT FROM generate_series}) into the very table the fold writes,
 * with the fold's row shape; the recent part too, so every size reads exactly the same recent data.
 *
 * <p>Usage: {@code HistoryDriver setup <ledger> <jdbc> <user> <password>}, {@code HistoryDriver fill
 * <jdbc> <user> <password> <total>}, {@code HistoryDriver measure <ledger> <jdbc> <user> <password>
 * <size>} (prints one line), {@code HistoryDriver plot <results> <svg>}.
 */
public final class HistoryDriver {

    static final int SERVICES = 2_000;
    static final int CONTRACTS = 10_000;
    static final long RECENT_STEP = 6 * 3600;
    static final int HISTORY_MONTHS = 12;

    private HistoryDriver() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> setup(args[1], args[2], args[3], args[4]);
            case "fill" -> fill(args[1], args[2], args[3], Long.parseLong(args[4]));
            case "measure" -> measure(args[1], args[2], args[3], args[4], Long.parseLong(args[5]));
            case "plot" -> plot(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("setup | fill | measure | plot");
        }
    }

    static String service(int i) {
        return String.format("hist-s%04d", i);
    }

    static String contract(int i) {
        return String.format("hist-c%05d", i);
    }

    private static YearMonth current() {
        return YearMonth.now(ZoneOffset.UTC);
    }

    private static Instant start(YearMonth m) {
        return m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The 10,000 contracts through the API (eight at a time), and the recent part of the data. */
    static void setup(String ledger, String jdbc, String user, String password) throws Exception {
        SlaClient api = new SlaClient(new SlaClient.Endpoints("", "", ledger, "", ""), System.getenv("SLA_TOKEN"));
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CONTRACTS; c++) {
            int i = c;
            work.add(pool.submit(() -> {
                Map<String, Object> terms = new LinkedHashMap<>();
                terms.put(
                        "customer", Map.of("name", "History customer " + i, "noticeEmails", List.of("h@hist.example")));
                terms.put("services", List.of(service(i % SERVICES)));
                terms.put("policy", "PROVIDER_MONITORED");
                terms.put("uptimeTargetPercent", 99.9);
                terms.put("creditTiers", List.of(Map.of("belowPercent", 99.9, "creditPercent", 10)));
                terms.put("monthlyFee", Map.of("amount", 1000, "currency", "EUR"));
                SlaClient.expect(api.putContract(contract(i), terms), 200, 201);
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "setup contracts=%d s=%.1f%n", CONTRACTS, (System.nanoTime() - started) / 1e9);
        try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("INSERT INTO probe (service_id, probe_id) SELECT 'hist-s' || lpad(i::text, 4, '0'), 'p1'"
                        + " FROM generate_series(0, " + (SERVICES - 1) + ") i ON CONFLICT DO NOTHING");
            }
            YearMonth previous = current().minusMonths(1);
            partitions(db, previous, current());
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM observation o JOIN probe p"
                            + " ON p.probe_key = o.probe_key WHERE p.service_id = 'hist-s0000' AND o.observed_at >= '"
                            + start(previous) + "'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    System.out.println("setup recent=already");
                    return;
                }
            }
            long from = start(previous).getEpochSecond();
            long steps = (Instant.now().minusSeconds(3600).getEpochSecond() - from) / RECENT_STEP;
            long inserted = generate(db, "to_timestamp(" + from + " + g * " + RECENT_STEP + ")", "0", steps);
            System.out.printf(Locale.ROOT, "setup recent=%d%n", inserted);
        }
    }

    /** Grows the older history (before the previous month) until the table holds {@code total}. */
    static void fill(String jdbc, String user, String password, long total) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
            db.setAutoCommit(true);
            long have = count(db);
            if (have >= total) {
                System.out.printf(Locale.ROOT, "fill total=%d have=%d%n", total, have);
                return;
            }
            YearMonth first = current().minusMonths(1 + HISTORY_MONTHS);
            YearMonth last = current().minusMonths(2);
            partitions(db, first, last);
            long missing = total - have;
            long perMonthPerService = Math.max(1, missing / HISTORY_MONTHS / SERVICES);
            long started = System.nanoTime();
            long inserted = 0;
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                long from = start(m).getEpochSecond();
                long seconds = start(m.plusMonths(1)).getEpochSecond() - from;
                // random instants in the month, 1% DOWN
                inserted += generate(
                        db,
                        "to_timestamp(" + from + " + floor(random() * " + seconds + "))",
                        "CASE WHEN random() < 0.01 THEN 1 ELSE 0 END",
                        perMonthPerService);
                System.out.printf(Locale.ROOT, "fill month=%s inserted=%d%n", m, inserted);
            }
            double s = (System.nanoTime() - started) / 1e9;
            try (Statement st = db.createStatement()) {
                st.execute("ANALYZE observation");
            }
            System.out.printf(
                    Locale.ROOT,
                    "fill total=%d inserted=%d s=%.1f rate=%.0f%n",
                    have + inserted,
                    inserted,
                    s,
                    inserted / s);
        }
    }

    private static long generate(Connection db, String at, String status, long perService) throws SQLException {
        try (Statement s = db.createStatement()) {
            return s.executeUpdate("INSERT INTO observation (probe_key, observed_at, status, dedup_hash)"
                    + " SELECT p.probe_key, " + at + ", (" + status + ")::smallint,"
                    + " (random() * 9.2e18 - 4.6e18)::bigint"
                    + " FROM probe p CROSS JOIN generate_series(0, " + (perService - 1) + ") AS g"
                    + " WHERE p.service_id LIKE 'hist-s%' ON CONFLICT DO NOTHING");
        }
    }

    private static void partitions(Connection db, YearMonth first, YearMonth last) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT observation_partition(?)")) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                p.setTimestamp(1, Timestamp.from(start(m)));
                p.execute();
            }
        }
    }

    private static long count(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM observation")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One line of figures at the current size. */
    static void measure(String ledger, String jdbc, String user, String password, long size) throws Exception {
        String token = System.getenv("SLA_TOKEN");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String period = current().toString();
        try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
            db.setAutoCommit(true);
            long rows = count(db);
            long bytes;
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits"
                            + " WHERE inhparent = 'observation'::regclass")) {
                rs.next();
                bytes = rs.getLong(1);
            }

            // statements: 200 contracts of 200 different services, caches invalidated first
            invalidate(db);
            for (int w = 0; w < 20; w++) {
                get(http, ledger + "/api/v1/contracts/" + contract(SERVICES - 1 - w) + "/statements/" + period, token);
            }
            invalidate(db);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long t0 = System.nanoTime();
                get(http, ledger + "/api/v1/contracts/" + contract(i * 7 % SERVICES) + "/statements/" + period, token);
                times.add((System.nanoTime() - t0) / 1e6);
            }
            times.sort(Double::compare);
            double p50 = times.get(times.size() / 2);
            double p99 = times.get((int) Math.ceil(times.size() * 0.99) - 1);

            double full = evaluation(db, CONTRACTS);
            double onePercent = evaluation(db, CONTRACTS / 100);
            System.out.printf(
                    Locale.ROOT,
                    "history size=%d rows=%d bytes_per_observation=%.1f statement_p50_ms=%.1f statement_p99_ms=%.1f"
                            + " full_evaluation_s=%.2f one_percent_evaluation_s=%.2f%n",
                    size,
                    rows,
                    (double) bytes / rows,
                    p50,
                    p99,
                    full,
                    onePercent);
        }
    }

    /** Waits until no contract is marked as changed (the evaluations of the set-up are done). */
    private static void settle(Connection db) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        try (Statement s = db.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM contract_change)"
                        + " + (SELECT count(*) FROM outbox_message WHERE published_at IS NULL)")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        Thread.sleep(2000); // the last triggers' evaluations
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    /** Every service's cached down-time is stale: the next read goes to the database. */
    private static void invalidate(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO service_state (service_id, version)"
                    + " SELECT 'hist-s' || lpad(i::text, 4, '0'), 1 FROM generate_series(0, " + (SERVICES - 1) + ") i"
                    + " ON CONFLICT (service_id) DO UPDATE SET version = service_state.version + 1");
        }
    }

    /**
     * Makes {@code n} contracts due now and waits until each was evaluated again (its next due
     * instant, which an evaluation always stores, lies in the future); seconds from due to done.
     */
    private static double evaluation(Connection db, int n) throws Exception {
        settle(db);
        invalidate(db);
        String last = contract(n - 1);
        long started = System.nanoTime();
        try (Statement s = db.createStatement()) {
            // due long ago: the next scan hands them on, each evaluation stores a future instant
            s.execute("INSERT INTO contract_due (contract_id, due_at) SELECT 'hist-c' || lpad(i::text, 5, '0'),"
                    + " TIMESTAMPTZ '2000-01-01T00:00:00Z' FROM generate_series(0, " + (n - 1) + ") i"
                    + " ON CONFLICT (contract_id) DO UPDATE SET due_at = EXCLUDED.due_at");
        }
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM contract_due WHERE contract_id"
                + " BETWEEN 'hist-c00000' AND '" + last + "' AND due_at > now()")) {
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= n) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the evaluation of " + n + " contracts did not finish in 30 minutes");
    }

    private static void get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }

    /** An SVG chart of the "history" lines of a results file: time against stored observations. */
    static void plot(Path results, Path svg) throws IOException {
        List<Map<String, Double>> points = new ArrayList<>();
        for (String line : Files.readAllLines(results)) {
            if (!line.startsWith("history ")) {
                continue;
            }
            Map<String, Double> p = new LinkedHashMap<>();
            for (String kv : line.substring(8).split(" ")) {
                String[] parts = kv.split("=");
                p.put(parts[0], Double.parseDouble(parts[1]));
            }
            points.add(p);
        }
        String[][] series = {
            {"statement_p50_ms", "statement p50", "#1f77b4", "ms"},
            {"statement_p99_ms", "statement p99", "#17becf", "ms"},
            {"full_evaluation_s", "full evaluation (10,000 contracts)", "#d62728", "s"},
            {"one_percent_evaluation_s", "1% evaluation (100 contracts)", "#2ca02c", "s"}
        };
        int w = 720;
        int h = 420;
        int left = 70;
        int right = 330;
        int top = 40;
        int bottom = 60;
        double max = 2.0; // times the figure at the smallest size
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(w + right)
                .append("\" height=\"")
                .append(h)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        out.append("<text x=\"")
                .append(left)
                .append("\" y=\"20\" font-size=\"14\">Time at each history size, relative to the smallest"
                        + " (target: at most 1.5)</text>\n");
        int plotW = w - left - 20;
        int plotH = h - top - bottom;
        out.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left,
                top + plotH,
                left + plotW,
                top + plotH));
        out.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left,
                top,
                left,
                top + plotH));
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            int y = top + plotH - (int) (plotH * i / 4.0);
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.1f×</text>"
                            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    left - 6,
                    y + 4,
                    v,
                    left,
                    y,
                    left + plotW,
                    y));
        }
        int target = top + plotH - (int) (plotH * 1.5 / max);
        out.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"6 4\"/>%n",
                left,
                target,
                left + plotW,
                target));
        double minLog = 6;
        double maxLog = 8;
        for (int e = 6; e <= 8; e++) {
            int x = left + (int) (plotW * (e - minLog) / (maxLog - minLog));
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    top + plotH + 18,
                    e == 6 ? "1 million" : e == 7 ? "10 million" : "100 million"));
        }
        out.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">stored observations (log scale)</text>%n",
                left + plotW / 2,
                top + plotH + 40));
        int legend = top + 10;
        for (String[] s : series) {
            double first = points.isEmpty() ? 1 : points.get(0).getOrDefault(s[0], 1.0);
            StringBuilder path = new StringBuilder();
            StringBuilder figures = new StringBuilder();
            for (Map<String, Double> p : points) {
                double v = p.getOrDefault(s[0], 0.0);
                double x = left + plotW * (Math.log10(p.get("size")) - minLog) / (maxLog - minLog);
                double y = top + plotH - plotH * Math.min(max, v / first) / max;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                out.append(String.format(
                        Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, s[2]));
                figures.append(figures.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.1f", v));
            }
            out.append("<path d=\"")
                    .append(path)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(s[2])
                    .append("\" stroke-width=\"2\"/>\n");
            out.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\" fill=\"#555\">%s %s</text>%n",
                    w,
                    legend,
                    s[2],
                    w + 18,
                    legend + 10,
                    s[1],
                    w + 18,
                    legend + 26,
                    figures,
                    s[3]));
            legend += 40;
        }
        out.append("</svg>\n");
        Files.writeString(svg, out.toString());
    }
}
