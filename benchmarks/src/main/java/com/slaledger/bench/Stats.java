package com.slaledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of measured durations (nearest rank), printed as one line the harness collects. */
final class Stats {

    private Stats() {}

    /** The value at percentile {@code p} (0 < p ≤ 100) by nearest rank. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static String summary(String name, List<Double> millis) {
        return String.format(
                "%s samples=%d p50=%.1fms p99=%.1fms max=%.1fms",
                name, millis.size(), percentile(millis, 50), percentile(millis, 99), percentile(millis, 100));
    }
}
