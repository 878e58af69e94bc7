package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The evaluator's decisions, as plain functions of plain values (SPEC §7): which periods to
 * evaluate, what a period is judged on, whether a shortfall is new, and whether a closed period's
 * statement is to be issued.
 */
public final class Judgement {

    /** How far back late data is followed: older periods are left as they were issued. */
    public static final int LOOKBACK_MONTHS = 24;

    /**
     * When another instance holds a contract's evaluation (a rebalance), the contract is asked for
     * again this many seconds later, after that instance is done.
     */
    public static final long BUSY_RETRY_SECONDS = 1;

    private Judgement() {}

    /**
     * The current and previous period, and every period from the earliest instant that changed
     * data touched ({@code marks}, epoch seconds), at most {@code maxLookbackMonths} back.
     */
    public static List<YearMonth> periodsToEvaluate(
            long now, ZoneId zone, Collection<Long> marks, int maxLookbackMonths) {
        YearMonth current = Periods.of(now, zone);
        YearMonth earliest = current.minusMonths(1);
        for (long mark : marks) {
            YearMonth touched = Periods.of(mark, zone);
            if (touched.isBefore(earliest)) {
                earliest = touched;
            }
        }
        if (earliest.isBefore(current.minusMonths(maxLookbackMonths))) {
            earliest = current.minusMonths(maxLookbackMonths);
        }
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth p = current; !p.isBefore(earliest); p = p.minusMonths(1)) {
            out.add(p);
        }
        return out;
    }

    /**
     * What must be read to compute periods {@code first} to {@code last} exactly (SPEC §11, cost
     * independent of history): the observations and tickets in [start(first) − minimum,
     * end(last) + minimum], plus each probe's last observation before that. The margin of the
     * contract's minimum downtime decides rule 5 for intervals that cross the periods' edges: one
     * down throughout the margin is at least the minimum long, whatever came before or after.
     */
    public static Interval inputWindow(YearMonth first, YearMonth last, ZoneId zone, long minimumSeconds) {
        // + 1: an observation at the very end instant ends an interval there rather than leaving it open
        return new Interval(Periods.start(first, zone) - minimumSeconds, Periods.end(last, zone) + minimumSeconds + 1);
    }

    /**
     * The figures a shortfall or warning may rest on. When the ledger has folded everything that
     * had been acknowledged to its senders ({@code caughtUp}), the statement as of now; otherwise
     * only the intervals that have ended: an outage still "ongoing" may have an end that is not
     * folded yet, and a notice, once sent, cannot be taken back.
     */
    public static PolicyFigures judged(Statement s, boolean caughtUp) {
        return caughtUp ? s.figures() : s.endedFigures();
    }

    /**
     * The intervals an availability shortfall rests on, as its notice lists them: the counted
     * ones, and while the ledger is not caught up only those that have ended (the others may
     * have an end not folded yet).
     */
    public static List<StatementInterval> restsOn(List<StatementInterval> intervals, boolean caughtUp) {
        return intervals.stream()
                .filter(StatementInterval::counted)
                .filter(i -> caughtUp || !i.ongoing())
                .toList();
    }

    /**
     * The elements besides availability to publish short now (SPEC §13): those whose shortfall
     * instant has come and that were not published short in the period, and only when the ledger
     * has folded everything acknowledged (a response or a backup may still be on its way, and a
     * notice cannot be taken back).
     */
    public static List<Checklist.Item> elementsToPublish(
            List<Checklist.Item> items, Set<String> publishedShort, boolean caughtUp, long now) {
        if (!caughtUp) {
            return List.of();
        }
        return items.stream()
                .filter(i -> !i.isAvailability())
                .filter(i -> i.shortfallAt() != null && i.shortfallAt() <= now)
                .filter(i -> !publishedShort.contains(i.element()))
                .toList();
    }

    /**
     * The statement version to issue for a period whose statement reads {@code fingerprint} now:
     * 1 when none was issued, the next one when what it says changed (an amendment), null when it
     * is what the latest version said.
     */
    public static Integer nextStatementVersion(Published.Issued latest, String fingerprint) {
        if (latest == null) {
            return 1;
        }
        return latest.fingerprint().equals(fingerprint) ? null : latest.version() + 1;
    }

    /**
     * The first instant something is owed with no new data: the earlier of a new tier or warning
     * due as time passes ({@code change}) and a support deadline or duty passing in silence
     * ({@code silent}); null when neither comes.
     */
    public static Long firstOwed(Long change, Long silent) {
        if (silent == null) {
            return change;
        }
        return change == null || silent < change ? silent : change;
    }

    /**
     * The credit tier to publish a shortfall for, or null: the period is not met and its credit is
     * above every tier already published ({@code published} null when none was). Compared by value,
     * so 10 and 10.0000 are one tier.
     */
    public static BigDecimal newShortfallTier(PolicyFigures judged, BigDecimal published) {
        if (judged.met()) {
            return null;
        }
        BigDecimal tier = judged.creditPercent();
        return published == null || published.compareTo(tier) < 0 ? tier : null;
    }

    /**
     * Whether a period's statement is issued to the customer: once the period is final, for a
     * period that ends after the contract was first stored ({@code createdAt}) or, with {@code
     * startsOn}, after its first instant ({@code startsAt}, null without).
     */
    public static boolean issues(Statement s, long createdAt, Long startsAt) {
        if (!s.isFinal()) {
            return false;
        }
        long from = startsAt == null ? createdAt : Math.min(createdAt, startsAt);
        return s.periodEnd() > from;
    }

    /**
     * What a customer is told, as text: both policies' figures in a fixed order, the intervals and
     * the no-data intervals, the approved exclusions, the accepted disputes. Equal text, equal statement: an amendment is issued only when it
     * changes.
     */
    public static String fingerprintText(Statement s) {
        StringBuilder text = new StringBuilder();
        for (MeasurementPolicy p : MeasurementPolicy.values()) {
            text.append(p).append('=').append(s.policies().get(p)).append('\n');
        }
        text.append(s.intervals());
        if (!s.noData().isEmpty()) {
            text.append('\n').append(s.noData());
        }
        // added only when there are any, so that a statement without exclusions keeps its fingerprint
        if (!s.exclusions().isEmpty()) {
            text.append("\nexclusions=").append(s.exclusions());
        }
        if (!s.disputes().isEmpty()) {
            text.append("\ndisputes=").append(s.disputes());
        }
        return text.toString();
    }

    /**
     * The same with the period's checklist: the elements besides availability are added (when the
     * contract has any), so that a late response or backup that changes them amends the statement,
     * while a statement of availability alone keeps the text (and fingerprint) it always had.
     */
    public static String fingerprintText(Statement s, List<Checklist.Item> elements) {
        StringBuilder text = new StringBuilder(fingerprintText(s));
        for (Checklist.Item i : elements) {
            if (!i.isAvailability()) {
                text.append('\n')
                        .append(i.element())
                        .append(i.met() ? " met: " : " not met: ")
                        .append(i.measured())
                        .append(i.lapses() == null ? "" : " " + i.lapses());
            }
        }
        return text.toString();
    }

    /**
     * The first second in ({@code now}, {@code limit}] at which {@code holds} is true, or null if
     * it is still false at {@code limit}. {@code holds} must stay true once true (within a period,
     * counted downtime and no-data time only grow as time passes, so "a new tier or warning is
     * due" does): a binary search, about 22 evaluations for a month.
     */
    public static Long firstInstant(long now, long limit, LongPredicate holds) {
        if (limit <= now || !holds.test(limit)) {
            return null;
        }
        long lo = now;
        long hi = limit;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (holds.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * When a contract is next due for evaluation with no new data: the earliest of the first
     * instant something new is owed in the current period ({@code change}, null if nothing will
     * be by its end), the current period's end (the next one starts), and each period's end plus
     * the grace time (its statement becomes final) that is still ahead. Never {@code now} or
     * earlier.
     */
    public static long nextDue(
            long now, Long change, long currentPeriodEnd, long previousPeriodEnd, long graceSeconds) {
        long due = currentPeriodEnd;
        if (change != null) {
            due = Math.min(due, change);
        }
        if (previousPeriodEnd + graceSeconds > now) {
            due = Math.min(due, previousPeriodEnd + graceSeconds);
        }
        return Math.max(due, now + 1);
    }
}
