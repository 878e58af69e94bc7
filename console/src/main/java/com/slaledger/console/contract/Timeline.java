package com.slaledger.console.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.console.Pages;

/**
 * A period's timeline as SVG rectangles: one row per covered service with its downtime (counted,
 * or not counted and why), and rows for maintenance windows, no-data time and the time customers'
 * tickets were open. Positions are fractions of the period's width, so the page's SVG scales.
 */
public record Timeline(List<Row> rows, List<Tick> ticks) {

    /** The SVG's user units: labels on the left, the period across the rest, a row each 28. */
    static final double LEFT = 150;

    static final double WIDTH = 850;
    static final int ROW = 28;

    /** One labelled row of bars; {@code index} places it. */
    public record Row(String label, List<Bar> bars, int index) {

        public int y() {
            return index * ROW + 4;
        }

        public int labelY() {
            return index * ROW + 16;
        }
    }

    /** A bar: where it starts and how wide it is, in percent of the period; what it is, for people. */
    public record Bar(double x, double width, String kind, String title) {

        public String left() {
            return String.format(Locale.ROOT, "%.2f", LEFT + x * WIDTH / 100);
        }

        public String span() {
            return String.format(Locale.ROOT, "%.2f", width * WIDTH / 100);
        }
    }

    /** A week mark on the axis. */
    public record Tick(double x, String label) {

        public String left() {
            return String.format(Locale.ROOT, "%.2f", LEFT + x * WIDTH / 100);
        }
    }

    /** The SVG's height, and where the axis labels sit. */
    public int height() {
        return rows.size() * ROW + 24;
    }

    public int axisY() {
        return rows.size() * ROW + 18;
    }

    public static Timeline of(JsonNode contract, JsonNode statement, JsonNode tickets, Instant now) {
        Instant start = Instant.parse(statement.path("periodStart").asText());
        Instant end = Instant.parse(statement.path("periodEnd").asText());
        Scale scale = new Scale(start, end, now, Pages.zone(contract));
        List<Row> rows = new ArrayList<>();
        for (JsonNode service : contract.path("services")) {
            String id = service.isObject() ? service.path("name").asText() : service.asText();
            List<Bar> bars = new ArrayList<>();
            for (JsonNode i : statement.path("intervals")) {
                boolean hits = false;
                for (JsonNode s : i.path("services")) {
                    hits |= s.asText().equals(id);
                }
                if (hits) {
                    boolean counted = i.path("counted").asBoolean();
                    bars.add(scale.bar(
                            i.path("start").asText(),
                            i.path("end").isNull() ? null : i.path("end").asText(),
                            counted ? "counted" : "uncounted",
                            (counted
                                            ? "counted downtime"
                                            : "not counted (" + i.path("reason").asText() + ")") + ", "
                                    + Pages.duration(i.path("seconds").asLong())));
                }
            }
            for (JsonNode n : statement.path("noData")) {
                for (JsonNode s : n.path("services")) {
                    if (s.asText().equals(id)) {
                        bars.add(scale.bar(
                                n.path("start").asText(),
                                n.path("end").isNull() ? null : n.path("end").asText(),
                                "nodata",
                                "no data, " + Pages.duration(n.path("seconds").asLong())));
                    }
                }
            }
            rows.add(new Row(id, bars.stream().filter(b -> b != null).toList(), rows.size()));
        }
        // the statement's maintenance: one-off windows and recurring occurrences, merged (SPEC §16.3)
        List<Bar> maintenance = new ArrayList<>();
        for (JsonNode w : statement.path("maintenance")) {
            maintenance.add(scale.bar(
                    w.path("start").asText(),
                    w.path("end").asText(),
                    "maintenance",
                    "maintenance: " + w.path("reason").asText("")));
        }
        rows.add(new Row(
                "maintenance", maintenance.stream().filter(b -> b != null).toList(), rows.size()));
        List<Bar> excluded = new ArrayList<>();
        for (JsonNode x : statement.path("exclusions")) {
            excluded.add(scale.bar(
                    x.path("start").asText(),
                    x.path("end").asText(),
                    "excluded",
                    "excluded (" + x.path("category").asText() + "): "
                            + x.path("reason").asText("")));
        }
        rows.add(new Row("exclusions", excluded.stream().filter(b -> b != null).toList(), rows.size()));
        List<Bar> open = new ArrayList<>();
        for (JsonNode t : tickets) {
            if ("OUTAGE".equals(t.path("kind").asText())) {
                open.add(scale.bar(
                        t.path("reportedAt").asText(),
                        t.path("resolvedAt").isNull()
                                ? null
                                : t.path("resolvedAt").asText(),
                        "ticket",
                        "ticket " + t.path("externalId").asText() + " open"));
            }
        }
        rows.add(new Row("tickets open", open.stream().filter(b -> b != null).toList(), rows.size()));
        return new Timeline(rows, scale.ticks());
    }

    /** Instants onto percent of the period; an open end runs to now (or the period's end). */
    private record Scale(Instant start, Instant end, Instant now, java.time.ZoneId zone) {

        private static final java.time.format.DateTimeFormatter DAY =
                java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH);

        double x(Instant at) {
            long span = end.getEpochSecond() - start.getEpochSecond();
            long off = Math.max(0, Math.min(span, at.getEpochSecond() - start.getEpochSecond()));
            return Math.round(off * 100_000.0 / span) / 1000.0;
        }

        Bar bar(String from, String to, String kind, String title) {
            if (from == null || from.isEmpty()) {
                return null;
            }
            Instant a = Instant.parse(from);
            Instant b = to == null || to.isEmpty() ? (now.isBefore(end) ? now : end) : Instant.parse(to);
            if (!b.isAfter(start) || !a.isBefore(end)) {
                return null;
            }
            double x = x(a);
            return new Bar(x, Math.max(0.15, x(b) - x), kind, title);
        }

        List<Tick> ticks() {
            List<Tick> out = new ArrayList<>();
            long day = 86_400;
            for (long t = start.getEpochSecond(); t < end.getEpochSecond(); t += 7 * day) {
                Instant i = Instant.ofEpochSecond(t);
                out.add(new Tick(x(i), DAY.format(i.atZone(zone))));
            }
            return out;
        }
    }
}
