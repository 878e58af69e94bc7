package com.slaledger.console;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.document.Words;
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

    /** The notices' English words: one way of writing instants, durations and months. */
    private static final Words WORDS = Words.english();

    /**
     * An ISO instant as the notices write it: in the contract's zone with its offset, the UTC time
     * beside it ({@code 2026-11-03 01:00:00 +00:00 (01:00:00 UTC)}); empty for none, the text
     * itself when it is not an instant.
     */
    public static String local(String instant, ZoneId zone) {
        if (instant == null || instant.isEmpty() || "null".equals(instant)) {
            return "";
        }
        try {
            return WORDS.instant(Instant.parse(instant), zone);
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    /** Seconds as the notices write them: "45 s", "4 min 59 s", "1 h 05 min". */
    public static String duration(long seconds) {
        return WORDS.duration(seconds);
    }

    /** A period by name: "November 2026". */
    public static String month(YearMonth period) {
        return WORDS.month(period);
    }
}
