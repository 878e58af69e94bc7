package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The period's audit checklist (SPEC §13.4): availability first, then every support target (by
 * priority, first response before resolution), then the duties in the contract's order; each with
 * what was agreed and what was measured as sentences for people, the figures, whether it is met,
 * and for support targets and duties the instant it fell short (null while met or while it still
 * can be met; availability falls short by credit tiers, Judgement.newShortfallTier).
 */
public final class Checklist {

    private Checklist() {}

    /** The element name of availability. */
    public static final String AVAILABILITY = "availability";

    /** A duty of the contract with the name people know it by. */
    public record NamedDuty(Duties.Duty duty, String name) {}

    /**
     * What a contract promises besides availability: support targets measured in {@code calendar}
     * (called {@code calendarName} in sentences) and duties in contract order.
     */
    public record Agreement(
            String calendarName,
            BusinessCalendar calendar,
            List<SupportTargets.Target> targets,
            List<NamedDuty> duties) {

        public static final Agreement NONE =
                new Agreement(BusinessCalendar.ALWAYS_ID, BusinessCalendar.ALWAYS, List.of(), List.of());

        public Agreement {
            targets = targets.stream()
                    .sorted(Comparator.comparing(SupportTargets.Target::priority))
                    .toList();
            duties = List.copyOf(duties);
        }

        public boolean isEmpty() {
            return targets.isEmpty() && duties.isEmpty();
        }
    }

    /**
     * One line of the checklist: its name, what people call it ({@code label}: "first response to
     * P1 tickets", a duty's name). {@code decided}/{@code metCount}/{@code pausedSeconds} (SPEC
     * §16.4: the business time the decided tickets spent paused, 0 unless the measure pauses) only for support targets,
     * {@code lapses}/{@code failures} only for duties (null otherwise).
     */
    public record Item(
            String element,
            String label,
            String agreed,
            String measured,
            boolean met,
            Integer decided,
            Integer metCount,
            List<Duties.Lapse> lapses,
            Integer failures,
            Long shortfallAt,
            Long pausedSeconds) {

        /** Not a support target: no paused time. */
        public Item(
                String element,
                String label,
                String agreed,
                String measured,
                boolean met,
                Integer decided,
                Integer metCount,
                List<Duties.Lapse> lapses,
                Integer failures,
                Long shortfallAt) {
            this(element, label, agreed, measured, met, decided, metCount, lapses, failures, shortfallAt, null);
        }

        public boolean isAvailability() {
            return AVAILABILITY.equals(element);
        }
    }

    /**
     * The checklist of statement {@code s} as of {@code now}: the contract's tickets (any kind; those
     * of priorities without a target are ignored) and the evidence of its duties by duty id (the
     * last SUCCESS before the period and everything after it is enough).
     */
    public static List<Item> elements(
            Statement s,
            BigDecimal uptimeTargetPercent,
            Agreement agreement,
            Collection<SupportTargets.Ticket> tickets,
            Map<String, List<Duties.Event>> evidence,
            long now) {
        List<Item> items = new ArrayList<>();
        PolicyFigures f = s.figures();
        items.add(new Item(
                AVAILABILITY,
                AVAILABILITY,
                percent(uptimeTargetPercent),
                percent(f.availabilityPercent()),
                f.met(),
                null,
                null,
                null,
                null,
                null));
        for (SupportTargets.Target target : agreement.targets()) {
            for (SupportTargets.Measure m : SupportTargets.Measure.values()) {
                Long seconds = target.seconds(m);
                if (seconds == null) {
                    continue;
                }
                SupportTargets.Element e = SupportTargets.element(
                        tickets, target, m, agreement.calendar(), s.periodStart(), s.periodEnd(), now);
                items.add(new Item(
                        e.name(),
                        (m == SupportTargets.Measure.FIRST_RESPONSE ? "first response to " : "resolution of ")
                                + target.priority() + " tickets",
                        percent(target.percentMet()) + " within " + duration(seconds, false) + " ("
                                + agreement.calendarName() + ")",
                        e.decided() == 0
                                ? "no ticket decided"
                                : percent(ratio(e.metCount(), e.decided())) + " (" + e.metCount() + " of " + e.decided()
                                        + ")",
                        e.met(),
                        e.decided(),
                        e.metCount(),
                        null,
                        null,
                        e.shortfallAt(),
                        e.pausedSeconds()));
            }
        }
        for (NamedDuty named : agreement.duties()) {
            Duties.Duty duty = named.duty();
            Duties.Element e = Duties.element(
                    duty, evidence.getOrDefault(duty.dutyId(), List.of()), s.periodStart(), s.periodEnd(), now);
            items.add(new Item(
                    "duty:" + duty.dutyId(),
                    named.name() == null ? duty.dutyId() : named.name(),
                    "every " + duration(duty.everySeconds(), true)
                            + (duty.graceSeconds() > 0 ? " (+" + duration(duty.graceSeconds(), true) + ")" : ""),
                    lapsed(e),
                    e.met(),
                    null,
                    null,
                    e.lapses(),
                    e.failures(),
                    e.shortfallAt()));
        }
        return List.copyOf(items);
    }

    /**
     * The first instant after {@code now} at which a support target or duty may fall short with
     * no new event (a pending ticket's deadline passes, a duty's next success is overdue), or null:
     * when the evaluator must look again although nothing arrives.
     */
    public static Long nextSilentDeadline(
            Agreement agreement,
            Collection<SupportTargets.Ticket> tickets,
            Map<String, List<Duties.Event>> evidence,
            long now) {
        Long next = null;
        for (SupportTargets.Target target : agreement.targets()) {
            for (SupportTargets.Measure m : SupportTargets.Measure.values()) {
                Long seconds = target.seconds(m);
                if (seconds == null) {
                    continue;
                }
                for (SupportTargets.Ticket t : tickets) {
                    if (!target.priority().equals(t.priority()) || t.reportedAt() > now) {
                        continue;
                    }
                    boolean pauses = target.pauses(m);
                    if (pauses && t.paused(now + 1).overlaps(now, now + 1)) {
                        continue; // paused now: its clock stands still, no deadline passes in silence
                    }
                    SupportTargets.Decision d = SupportTargets.decide(t, m, seconds, pauses, agreement.calendar(), now);
                    if (d.decidedAt() == null && d.deadline() != null && d.deadline() > now) {
                        next = earliest(next, d.deadline());
                    }
                }
            }
        }
        for (NamedDuty named : agreement.duties()) {
            Duties.Duty duty = named.duty();
            long last = duty.since();
            for (Duties.Event e : evidence.getOrDefault(duty.dutyId(), List.of())) {
                if (e.outcome() == Duties.Outcome.SUCCESS && e.completedAt() > last && e.completedAt() <= now) {
                    last = e.completedAt();
                }
            }
            long lapseStart = last + duty.everySeconds() + duty.graceSeconds();
            if (lapseStart > now) {
                next = earliest(next, lapseStart);
            }
        }
        return next;
    }

    /** The statement's own words for what a duty's period measured. */
    static String lapsed(Duties.Element e) {
        StringBuilder text = new StringBuilder();
        int n = e.lapses().size();
        if (n == 0) {
            text.append("no lapse");
        } else {
            text.append(n).append(n == 1 ? " lapse, " : " lapses, ").append(grouped(e.lapsedSeconds()) + " s");
            if (e.lapses().get(n - 1).ongoing()) {
                text.append(" (ongoing)");
            }
        }
        if (e.failures() > 0) {
            text.append("; ")
                    .append(e.failures())
                    .append(e.failures() == 1 ? " failure reported" : " failures reported");
        }
        return text.toString();
    }

    /** 99.9 → "99.9%", 100.0000 → "100%". */
    public static String percent(BigDecimal p) {
        return Decimals.plain(p).toPlainString() + "%";
    }

    /** metCount / decided in percent, half-up to 2 decimals. */
    static BigDecimal ratio(int metCount, int decided) {
        return BigDecimal.valueOf(metCount * 100L).divide(BigDecimal.valueOf(decided), 2, RoundingMode.HALF_UP);
    }

    /** 7200 → "7,200". */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * A duration for people: "30 min", "4 h", "1 h 30 min", "45 s"; with {@code days}, whole days
     * as "1 day" / "7 days" (a duty's cadence; support targets count business hours, never days).
     */
    public static String duration(long seconds, boolean days) {
        if (days && seconds > 0 && seconds % 86_400 == 0) {
            long d = seconds / 86_400;
            return d + (d == 1 ? " day" : " days");
        }
        long h = seconds / 3600;
        long min = seconds % 3600 / 60;
        long s = seconds % 60;
        List<String> parts = new ArrayList<>();
        if (h > 0) {
            parts.add(h + " h");
        }
        if (min > 0) {
            parts.add(min + " min");
        }
        if (s > 0 || parts.isEmpty()) {
            parts.add(s + " s");
        }
        return String.join(" ", parts);
    }

    private static Long earliest(Long a, long b) {
        return a == null || b < a ? b : a;
    }
}
