package com.slaledger.ledger.exclusion;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.slaledger.events.Limits;
import com.slaledger.support.rest.Violation;

/** The rules of SPEC §16.1 for a proposed exclusion, naming every offending field. Plain Java. */
public final class ExclusionRules {

    /** The categories an exclusion may have. */
    public static final List<String> CATEGORIES =
            List.of("CUSTOMER_CAUSED", "THIRD_PARTY", "FORCE_MAJEURE", "EMERGENCY_MAINTENANCE", "OTHER");

    /** Most exclusions of one contract, whatever their status. */
    public static final int MAX_PER_CONTRACT = 500;

    private ExclusionRules() {}

    /** A valid proposal: [start, end), the category, and the services it names (resolved: never empty). */
    public record Valid(
            Instant start, Instant end, String category, String reason, List<String> services, String reference) {}

    public record Result(Valid valid, List<Violation> violations) {}

    /**
     * @param covered the contract's covered services by name (service ids and groups' names), and
     *     the groups' members
     */
    public static Result validate(
            ExclusionRequest r, List<String> covered, List<String> members, Instant now, Duration lateHorizon) {
        List<Violation> v = new ArrayList<>();
        if (r == null) {
            return new Result(null, List.of(new Violation("", "a JSON body is required")));
        }
        Instant start = instant(r.start(), "start", now, lateHorizon, v);
        Instant end = instant(r.end(), "end", now, lateHorizon, v);
        if (start != null && end != null && !end.isAfter(start)) {
            v.add(new Violation("end", "must be after start"));
        }
        if (r.category() == null) {
            v.add(new Violation("category", "is required: one of " + String.join(", ", CATEGORIES)));
        } else if (!CATEGORIES.contains(r.category())) {
            v.add(new Violation("category", "must be one of " + String.join(", ", CATEGORIES)));
        }
        if (r.reason() == null || r.reason().isBlank()) {
            v.add(new Violation("reason", "is required: why the time is excluded"));
        } else if (r.reason().length() > Limits.MAX_TEXT) {
            v.add(new Violation("reason", "must be at most " + Limits.MAX_TEXT + " characters"));
        }
        if (r.reference() != null && r.reference().length() > Limits.MAX_NAME) {
            v.add(new Violation("reference", "must be at most " + Limits.MAX_NAME + " characters"));
        }
        List<String> services = services(r.services(), covered, members, v);
        if (!v.isEmpty()) {
            return new Result(null, v);
        }
        return new Result(new Valid(start, end, r.category(), r.reason(), services, r.reference()), List.of());
    }

    /** At most {@link Limits#MAX_TEXT} characters, or the violation. */
    public static List<Violation> note(ExclusionRequest.Decision d) {
        if (d != null && d.note() != null && d.note().length() > Limits.MAX_TEXT) {
            return List.of(new Violation("note", "must be at most " + Limits.MAX_TEXT + " characters"));
        }
        return List.of();
    }

    /**
     * The services a span names (an exclusion's or a dispute's): covered services or groups'
     * members, each once; {@code named} null is every covered service.
     */
    public static List<String> services(
            List<String> named, List<String> covered, List<String> members, List<Violation> v) {
        if (named == null) {
            return covered;
        }
        if (named.isEmpty()) {
            v.add(new Violation("services", "must name at least one covered service, or be left out for all"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < named.size(); i++) {
            String s = named.get(i);
            if (s == null || !(covered.contains(s) || members.contains(s))) {
                v.add(new Violation("services[" + i + "]", "is not a service the contract covers"));
            } else if (!seen.add(s)) {
                v.add(new Violation("services[" + i + "]", "is named twice"));
            }
        }
        return List.copyOf(seen);
    }

    /** An instant of a span, to the second, within the late horizon; null and a violation when not. */
    public static Instant instant(String text, String field, Instant now, Duration lateHorizon, List<Violation> v) {
        if (text == null) {
            v.add(new Violation(field, "is required: an ISO-8601 instant"));
            return null;
        }
        Instant at;
        try {
            at = com.slaledger.events.Instants.parse(text).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            v.add(new Violation(field, "must be an ISO-8601 instant with an offset, e.g. 2026-10-03T14:00:00Z"));
            return null;
        }
        String problem = Limits.instantProblem(at, now, lateHorizon);
        if (problem != null) {
            v.add(new Violation(field, problem));
            return null;
        }
        return at;
    }
}
