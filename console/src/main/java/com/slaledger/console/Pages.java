package com.slaledger.console;

import java.time.ZoneId;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** What every page family shares: the period and id forms, a contract's zone, the page that says what went wrong. */
public final class Pages {

    public static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private Pages() {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(String error);
    }

    /** A page with what a service answered (its problem detail), about contract {@code contractId}. */
    public static String problem(String contractId, String problem) {
        return Templates.problem("Contract " + contractId + ": " + problem).render();
    }

    /** A contract's time zone (UTC when it names none it can be read as). */
    public static ZoneId zone(JsonNode contract) {
        try {
            return ZoneId.of(contract.path("timezone").asText("UTC"));
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static final java.time.format.DateTimeFormatter LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", java.util.Locale.ENGLISH);

    /**
     * An ISO instant as people read it, in the contract's zone with its offset: {@code 1 Dec 2026,
     * 01:00 WET (UTC+0)}; empty for none, the text itself when it is not an instant.
     */
    public static String local(String instant, ZoneId zone) {
        if (instant == null || instant.isEmpty() || "null".equals(instant)) {
            return "";
        }
        try {
            var at = java.time.Instant.parse(instant).atZone(zone);
            int minutes = at.getOffset().getTotalSeconds() / 60;
            String offset = "UTC" + (minutes < 0 ? "-" : "+") + Math.abs(minutes) / 60
                    + (minutes % 60 == 0 ? "" : String.format(":%02d", Math.abs(minutes) % 60));
            return LOCAL.format(at) + " (" + offset + ")";
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }
}
