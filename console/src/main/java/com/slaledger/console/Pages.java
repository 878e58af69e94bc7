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
}
