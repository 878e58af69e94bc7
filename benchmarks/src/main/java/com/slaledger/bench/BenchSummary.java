package com.slaledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code deploy/local/stack bench} printed over its rounds and prints each throughput
 * stage as the median of the rounds with min and max, its ceiling from the same rounds, the ratio
 * (fair: the ceiling doing monitor-service's work; old: the earlier 220-byte uncompressed ceiling
 * and the fold timed from the first send) and its target.
 *
 * <p>Usage: {@code BenchSummary <bench output file>}
 */
public final class BenchSummary {

    private static final Pattern PERF = Pattern.compile("^(\\S+): \\d+ records sent, ([\\d.]+) records/sec");
    private static final Pattern RATE = Pattern.compile("\\b(?:rate|fold_rate)=(\\d+)");

    private BenchSummary() {}

    public static void main(String[] args) throws Exception {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher perf = PERF.matcher(line);
            if (perf.find()) {
                add(rates, perf.group(1), Double.parseDouble(perf.group(2)));
            } else if (line.startsWith("raw-consumer: ") && line.contains("nMsg.sec") && i + 1 < lines.size()) {
                String[] header = line.substring(14).split(",\\s*");
                String[] values = lines.get(i + 1).substring(14).split(",\\s*");
                for (int c = 0; c < header.length && c < values.length; c++) {
                    // nMsg.sec counts the group join too (the old ceiling); fetch.nMsg.sec does not,
                    // like the drain, which is timed from its first record stored
                    if (header[c].trim().equals("nMsg.sec")) {
                        add(rates, "raw-consumer", Double.parseDouble(values[c].trim()));
                    } else if (header[c].trim().equals("fetch.nMsg.sec")) {
                        add(rates, "fair-consumer", Double.parseDouble(values[c].trim()));
                    }
                }
            } else if (line.startsWith("intake ") || line.startsWith("drain ") || line.startsWith("fold ")) {
                Matcher m = RATE.matcher(line);
                if (line.startsWith("fold ")) {
                    m = Pattern.compile("\\bfold_rate=(\\d+)").matcher(line);
                }
                if (m.find()) {
                    add(rates, line.substring(0, line.indexOf(' ')), Double.parseDouble(m.group(1)));
                }
            }
        }
        System.out.println("summary: stage | median (min..max) over " + rounds(rates) + " rounds | ceiling median"
                + " | ratio fair | ratio old | target");
        row(rates, "intake", "fair-producer", "raw-producer", 0.5);
        row(rates, "drain", "fair-consumer", "raw-consumer", 0.5);
        Map<String, Double> figures = figures(lines);
        target(figures, "query-statement-10k-intervals-under-load p99 (ms)", 10, true);
        target(figures, "query-statement-10k-intervals p99 (ms)", 10, true);
        target(figures, "latency-down-posted-to-mail p99 (ms)", 1000, true);
        target(figures, "fanout all_mails_accepted (s)", 20, true);
        figures.keySet().stream().filter(k -> k.startsWith("rss peak ")).forEach(k -> target(figures, k, 256, true));
        figures.keySet().stream().filter(k -> k.startsWith("startup ")).forEach(k -> target(figures, k, 3, true));
        if (args.length > 1) {
            chart(Path.of(args[1]), rates, figures);
        }
        if (rates.containsKey("fold")) {
            System.out.printf(
                    "summary: fold from the first send (old measure) | %s | %.0f | | %.2f |%n",
                    spread(rates.get("fold")),
                    median(rates.get("raw-consumer")),
                    median(rates.get("fold")) / median(rates.get("raw-consumer")));
        }
    }

    private static final Pattern P99 = Pattern.compile("^(\\S+) samples=\\d+ p50=([\\d.]+)ms p99=([\\d.]+)ms");
    private static final Pattern FANOUT = Pattern.compile("all_mails_accepted=([\\d.-]+)s");
    private static final Pattern RSS = Pattern.compile("^rss: (\\S+) now .* peak (\\d+) MB");
    private static final Pattern STARTUP = Pattern.compile("^startup: (\\S+) ([\\d.]+) s");

    /** The single figures of the run: latencies, the fan-out, peak memory, start-up (the last of each). */
    static Map<String, Double> figures(List<String> lines) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m;
            if ((m = P99.matcher(line)).find()) {
                f.put(m.group(1) + " p99 (ms)", Double.parseDouble(m.group(3)));
                f.put(m.group(1) + " p50 (ms)", Double.parseDouble(m.group(2)));
            } else if (line.startsWith("fanout ") && (m = FANOUT.matcher(line)).find()) {
                f.put("fanout all_mails_accepted (s)", Double.parseDouble(m.group(1)));
            } else if ((m = RSS.matcher(line)).find()) {
                if (!m.group(1).equals("kafka")) {
                    f.put("rss peak " + m.group(1) + " (MB)", Double.parseDouble(m.group(2)));
                }
            } else if ((m = STARTUP.matcher(line)).find()) {
                f.put("startup " + m.group(1) + " (s)", Double.parseDouble(m.group(2)));
            }
        }
        return f;
    }

    private static void target(Map<String, Double> figures, String name, double limit, boolean atMost) {
        Double v = figures.get(name);
        if (v == null) {
            System.out.println("summary: " + name + " | not measured");
            return;
        }
        boolean met = atMost ? v >= 0 && v <= limit : v >= limit;
        System.out.printf(
                "summary: %s | %.1f | target %s %.0f %s%n",
                name, v, atMost ? "<=" : ">=", limit, met ? "met" : "MISSED");
    }

    /** A bar chart of the run: each throughput against its ceiling, each latency against its target. */
    static void chart(Path out, Map<String, List<Double>> rates, Map<String, Double> figures) throws IOException {
        List<String[]> bars = new ArrayList<>();
        bars.add(new String[] {"intake", "intake", "fair-producer"});
        bars.add(new String[] {"fold (drain)", "drain", "fair-consumer"});
        StringBuilder svg = new StringBuilder(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"330\" font-family=\"sans-serif\" font-size=\"12\">\n"
                        + "<text x=\"10\" y=\"18\" font-size=\"14\">Throughput against Kafka's own client (median of the rounds)"
                        + " and latency against its target</text>\n");
        int y = 40;
        for (String[] b : bars) {
            if (!rates.containsKey(b[1]) || !rates.containsKey(b[2])) {
                continue;
            }
            double stage = median(rates.get(b[1]));
            double ceiling = median(rates.get(b[2]));
            svg.append(bar(b[0] + " " + Math.round(stage) + "/s", stage / ceiling, y, "#0b5cad"));
            svg.append(bar(b[2] + " " + Math.round(ceiling) + "/s", 1.0, y + 18, "#9aa5b1"));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#b3261e\" stroke-dasharray=\"4\"/>%n",
                    220 + 0.5 * 500,
                    220 + 0.5 * 500,
                    y - 4,
                    y + 34));
            y += 56;
        }
        String[][] latencies = {
            {"query-statement-10k-intervals-under-load p99 (ms)", "10", "statement p99 ms, 10k/s folded"},
            {"query-statement-10k-intervals p99 (ms)", "10", "statement p99 ms, idle"},
            {"latency-down-posted-to-mail p99 (ms)", "1000", "DOWN to mail p99 ms"},
            {"fanout all_mails_accepted (s)", "20", "fan-out 10k s"}
        };
        for (String[] l : latencies) {
            Double v = figures.get(l[0]);
            if (v == null) {
                continue;
            }
            double limit = Double.parseDouble(l[1]);
            // the target at the middle of the scale: twice the target fills the bar
            svg.append(bar(
                    l[2] + " " + Math.round(v) + " (target " + l[1] + ")",
                    Math.min(2.0, v / limit) / 2,
                    y,
                    v <= limit ? "#1a7f37" : "#b3261e"));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"470\" x2=\"470\" y1=\"%d\" y2=\"%d\" stroke=\"#1b1f24\" stroke-dasharray=\"4\"/>%n",
                    y - 4,
                    y + 16));
            y += 28;
        }
        svg.append("<text x=\"10\" y=\"")
                .append(y + 10)
                .append("\" fill=\"#4a5360\">dashed: the target (half of the ceiling for throughput)</text>\n</svg>\n");
        Files.writeString(out, svg);
    }

    private static String bar(String label, double fraction, int y, String colour) {
        return String.format(
                Locale.ROOT,
                "<text x=\"10\" y=\"%d\">%s</text><rect x=\"220\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>%n",
                y + 11,
                label.length() > 34 ? label.substring(0, 34) : label,
                y,
                Math.max(1, 500 * Math.min(1.0, fraction)),
                colour);
    }

    private static void row(Map<String, List<Double>> rates, String stage, String fair, String old, double target) {
        List<Double> values = rates.get(stage);
        List<Double> ceiling = rates.get(fair);
        if (values == null || ceiling == null) {
            System.out.println("summary: " + stage + " | not measured");
            return;
        }
        double ratio = median(values) / median(ceiling);
        String oldRatio = old != null && rates.containsKey(old)
                ? String.format("%.2f", median(values) / median(rates.get(old)))
                : "";
        System.out.printf(
                "summary: %s | %s | %s %.0f | %.2f | %s | >= %.1f %s%n",
                stage,
                spread(values),
                fair,
                median(ceiling),
                ratio,
                oldRatio,
                target,
                ratio >= target ? "met" : "MISSED");
    }

    private static int rounds(Map<String, List<Double>> rates) {
        return rates.values().stream().mapToInt(List::size).max().orElse(0);
    }

    private static void add(Map<String, List<Double>> rates, String stage, double value) {
        rates.computeIfAbsent(stage, k -> new ArrayList<>()).add(value);
    }

    static double median(List<Double> values) {
        return Stats.percentile(values, 50);
    }

    private static String spread(List<Double> values) {
        return String.format(
                "%.0f /s (%.0f..%.0f)",
                median(values), Stats.percentile(values, 0.0001), Stats.percentile(values, 100));
    }
}
