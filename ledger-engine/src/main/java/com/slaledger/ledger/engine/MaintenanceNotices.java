package com.slaledger.ledger.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When the customer hears of maintenance (SPEC §18), decided from the calendar's events
 * ({@link MaintenanceCalendar}), what was already sent and the time:
 *
 * <ul>
 *   <li>{@code ANNOUNCED} once a window that has not started is within {@code announceAhead} of
 *       its start (at once when it is planned closer than that), with its times as they are then;
 *   <li>{@code REMINDER} {@code reminderBefore} its start, when it was announced before that
 *       moment (an announcement that comes within the reminder's time is its own reminder);
 *   <li>{@code CHANGED} when its times change after it was announced and before it starts, once
 *       per change ({@code revision});
 *   <li>{@code CANCELLED} when it was announced and a version removed it before it started.
 * </ul>
 *
 * Nothing is said of a window before it is announced: its announcement carries its times as they
 * are by then. The next instant something becomes due is the evaluator's due time.
 */
public final class MaintenanceNotices {

    private MaintenanceNotices() {}

    /** The contract's notice terms, seconds; {@code reminderBeforeSeconds} null: no reminder. */
    public record Terms(long announceAheadSeconds, Long reminderBeforeSeconds) {}

    public enum Stage {
        ANNOUNCED,
        REMINDER,
        CHANGED,
        CANCELLED
    }

    /** A notice sent before: its stage, the window's revision it told of, and when (epoch seconds). */
    public record Sent(Stage stage, int revision, long sentAt) {}

    /** A notice to send now about {@code event}. */
    public record Notice(Stage stage, MaintenanceCalendar.Event event) {

        /** What makes it once per window: the stage, and for a change the revision it tells of. */
        public String key() {
            return stage == Stage.CHANGED ? "CHANGED:" + event.revision() : stage.name();
        }
    }

    /** The notices due now, and the next instant another becomes due (null: none ahead in the events). */
    public record Decision(List<Notice> notices, Long nextDue) {}

    /**
     * The notices due at {@code now} for {@code events}, given those already {@code sent} (per
     * event uid).
     */
    public static Decision decide(
            List<MaintenanceCalendar.Event> events, Terms terms, Map<String, List<Sent>> sent, long now) {
        List<Notice> out = new ArrayList<>();
        Long next = null;
        for (MaintenanceCalendar.Event e : events) {
            List<Sent> told = sent.getOrDefault(e.uid(), List.of());
            Sent announced = find(told, Stage.ANNOUNCED);
            if (e.cancelled()) {
                if (announced != null && find(told, Stage.CANCELLED) == null && e.cancelledAt() < e.start()) {
                    out.add(new Notice(Stage.CANCELLED, e));
                }
                continue;
            }
            if (e.start() <= now) {
                continue;
            }
            long announceAt = e.start() - terms.announceAheadSeconds();
            Long remindAt = terms.reminderBeforeSeconds() == null ? null : e.start() - terms.reminderBeforeSeconds();
            if (announced == null) {
                if (now >= announceAt) {
                    out.add(new Notice(Stage.ANNOUNCED, e));
                } else {
                    next = earlier(next, announceAt);
                    if (remindAt != null && remindAt > announceAt) {
                        next = earlier(next, remindAt);
                    }
                }
                continue;
            }
            int toldRevision = told.stream()
                    .filter(s -> s.stage() == Stage.ANNOUNCED || s.stage() == Stage.CHANGED)
                    .mapToInt(Sent::revision)
                    .max()
                    .orElse(0);
            if (e.revision() > toldRevision) {
                out.add(new Notice(Stage.CHANGED, e));
            }
            if (remindAt != null && find(told, Stage.REMINDER) == null && announced.sentAt() < remindAt) {
                if (now >= remindAt) {
                    out.add(new Notice(Stage.REMINDER, e));
                } else {
                    next = earlier(next, remindAt);
                }
            }
        }
        return new Decision(out, next);
    }

    private static Sent find(List<Sent> told, Stage stage) {
        return told.stream().filter(s -> s.stage() == stage).findFirst().orElse(null);
    }

    private static Long earlier(Long a, long b) {
        return a == null || b < a ? b : a;
    }
}
