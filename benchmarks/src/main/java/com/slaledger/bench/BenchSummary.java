package com.slaledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        if (rates.containsKey("fold")) {
            System.out.printf(
                    "summary: fold from the first send (old measure) | %s | %.0f | | %.2f |%n",
                    spread(rates.get("fold")),
                    median(rates.get("raw-consumer")),
                    median(rates.get("fold")) / median(rates.get("raw-consumer")));
        }
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
