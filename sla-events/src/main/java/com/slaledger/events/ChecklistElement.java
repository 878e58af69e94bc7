package com.slaledger.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One element of a period's audit checklist (SPEC §13.4) as events carry it: its name
 * ({@code availability}, {@code firstResponse:P1}, {@code resolution:P2}, {@code duty:db-backup}), what people call it ({@code label}: "first
 * response to P1 tickets", the duty's name),
 * what was agreed and what was measured as sentences for people, whether it was met, and the
 * figures: {@code decided}/{@code metCount} for support targets, {@code lapses}/{@code failures}
 * for duties (null where they do not apply); {@code pausedSeconds} for support targets: the
 * business time the decided tickets spent paused, 0 unless the measure pauses (SPEC §16.4).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChecklistElement(
        String element,
        String label,
        String agreed,
        String measured,
        boolean met,
        Integer decided,
        Integer metCount,
        List<Lapse> lapses,
        Integer failures,
        Long pausedSeconds) {

    /** Without paused time (availability, duties). */
    public ChecklistElement(
            String element,
            String label,
            String agreed,
            String measured,
            boolean met,
            Integer decided,
            Integer metCount,
            List<Lapse> lapses,
            Integer failures) {
        this(element, label, agreed, measured, met, decided, metCount, lapses, failures, null);
    }

    /** The element name of availability. */
    public static final String AVAILABILITY = "availability";

    /** A duty's lapse, clipped to the period; {@code end} null while ongoing ({@code seconds} up to then). */
    public record Lapse(Instant start, Instant end, long seconds, boolean ongoing) {}

    /** Whether this is availability. */
    @JsonIgnore
    public boolean isAvailability() {
        return AVAILABILITY.equals(element);
    }

    /** Whether this is a support target ({@code firstResponse:} or {@code resolution:}). */
    @JsonIgnore
    public boolean isSupport() {
        return element != null && (element.startsWith("firstResponse:") || element.startsWith("resolution:"));
    }

    /** Whether this is a duty ({@code duty:}). */
    @JsonIgnore
    public boolean isDuty() {
        return element != null && element.startsWith("duty:");
    }
}
