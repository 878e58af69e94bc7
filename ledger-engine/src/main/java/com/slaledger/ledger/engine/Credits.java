package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The life of a credit (SPEC §17), as a pure state machine: what an issued statement does to a
 * period's credits, and which of the people's transitions (claim, approve, apply) and the clock's
 * (expire) are legal. The ledger loads a period's credits, asks here, and records what it is told.
 *
 * <pre>
 *   statement final with a credit ─► DUE (claim AUTOMATIC) | PENDING_CLAIM (claim REQUIRED)
 *   PENDING_CLAIM ─claim before the deadline─► DUE          PENDING_CLAIM ─deadline─► EXPIRED
 *   DUE ─approve─► APPROVED ─apply(invoice)─► APPLIED
 *   an amended statement: an unsettled credit (PENDING_CLAIM, DUE, APPROVED) takes the new amount,
 *   or VOID when it is gone (and back when it returns); an APPLIED one is followed by an
 *   ADJUSTMENT credit for the difference, DUE
 * </pre>
 */
public final class Credits {

    private Credits() {}

    public enum Status {
        PENDING_CLAIM,
        DUE,
        APPROVED,
        APPLIED,
        EXPIRED,
        VOID;

        /** Not yet settled: the amount may still follow the statement. */
        public boolean unsettled() {
            return this == PENDING_CLAIM || this == DUE || this == APPROVED;
        }
    }

    public enum Kind {
        CREDIT,
        ADJUSTMENT
    }

    public enum ClaimMode {
        AUTOMATIC,
        REQUIRED
    }

    /** The contract's {@code credits} terms: how a credit is claimed, and in how long (seconds, REQUIRED only). */
    public record Claim(ClaimMode mode, long windowSeconds) {

        public static final Claim AUTOMATIC = new Claim(ClaimMode.AUTOMATIC, 0);

        /** The claim deadline of a period ending at {@code periodEnd}: its end + grace + the window; null when automatic. */
        public Long deadline(long periodEnd, long graceSeconds) {
            return mode == ClaimMode.REQUIRED ? periodEnd + graceSeconds + windowSeconds : null;
        }
    }

    /**
     * A credit as the ledger keeps it. {@code amount} is null without a monthly fee; {@code
     * percent} is the statement's credit percent (for an adjustment: the difference).
     */
    public record Credit(
            String creditId,
            Kind kind,
            Status status,
            BigDecimal percent,
            Money amount,
            int statementVersion,
            Long claimDeadline) {}

    /** What a statement's figures say is owed: its version, credit percent and amount (null without a fee). */
    public record Owed(int statementVersion, BigDecimal percent, Money amount) {

        boolean any() {
            return percent.signum() > 0;
        }
    }

    /** A change to record: a new credit ({@code creditId} null in {@code after}) or one credit's new state. */
    public record Change(Credit before, Credit after, String note) {

        public boolean created() {
            return before == null;
        }
    }

    /**
     * What an issued (final) statement does to the period's credits {@code existing} (any order).
     *
     * @param claimDeadline the period's claim deadline under the terms in force (null: automatic)
     */
    public static List<Change> onStatement(List<Credit> existing, Owed owed, Claim claim, Long claimDeadline) {
        Credit credit = null;
        for (Credit c : existing) {
            if (c.kind() == Kind.CREDIT) {
                credit = c;
            }
        }
        List<Change> out = new ArrayList<>();
        if (credit == null) {
            if (owed.any()) {
                Status first = claim.mode() == ClaimMode.REQUIRED ? Status.PENDING_CLAIM : Status.DUE;
                out.add(new Change(
                        null,
                        new Credit(
                                null,
                                Kind.CREDIT,
                                first,
                                owed.percent(),
                                owed.amount(),
                                owed.statementVersion(),
                                first == Status.PENDING_CLAIM ? claimDeadline : null),
                        "statement version " + owed.statementVersion() + " is final with a credit"));
            }
            return out;
        }
        if (credit.status() == Status.EXPIRED) {
            // not claimed in time: what the statement says later does not revive it
            return out;
        }
        if (credit.status().unsettled() || credit.status() == Status.VOID) {
            out.addAll(follow(credit, owed, claim));
            return out;
        }
        // APPLIED: the invoice stands; the difference is an adjustment (the unsettled one follows)
        BigDecimal settledPercent = BigDecimal.ZERO;
        Money settledAmount = null;
        Credit open = null;
        for (Credit c : existing) {
            if (c.status() == Status.APPLIED) {
                settledPercent = settledPercent.add(c.percent());
                settledAmount = plus(settledAmount, c.amount());
            } else if (c.kind() == Kind.ADJUSTMENT && c.status().unsettled()) {
                open = c;
            }
        }
        BigDecimal percentDiff = owed.percent().subtract(settledPercent);
        Money amountDiff = minus(owed.amount(), settledAmount);
        boolean none = amountDiff == null
                ? percentDiff.signum() == 0
                : amountDiff.amount().signum() == 0;
        if (open != null) {
            Credit moved = none
                    ? with(open, Status.VOID, open.percent(), open.amount(), owed.statementVersion())
                    : with(open, open.status(), percentDiff, amountDiff, owed.statementVersion());
            if (!same(moved, open)) {
                out.add(new Change(open, moved, "statement version " + owed.statementVersion() + " changed it"));
            }
        } else if (!none) {
            out.add(new Change(
                    null,
                    new Credit(
                            null, Kind.ADJUSTMENT, Status.DUE, percentDiff, amountDiff, owed.statementVersion(), null),
                    "statement version " + owed.statementVersion() + " changed an applied credit"));
        }
        return out;
    }

    private static List<Change> follow(Credit credit, Owed owed, Claim claim) {
        String note = "statement version " + owed.statementVersion() + " changed it";
        Credit next;
        if (!owed.any()) {
            next = with(credit, Status.VOID, credit.percent(), credit.amount(), owed.statementVersion());
        } else if (credit.status() == Status.VOID) {
            Status back = claim.mode() == ClaimMode.REQUIRED ? Status.PENDING_CLAIM : Status.DUE;
            next = with(credit, back, owed.percent(), owed.amount(), owed.statementVersion());
            note = "statement version " + owed.statementVersion() + " has a credit again";
        } else {
            next = with(credit, credit.status(), owed.percent(), owed.amount(), owed.statementVersion());
        }
        if (same(next, credit) || (credit.status() == Status.VOID && next.status() == Status.VOID)) {
            return List.of();
        }
        return List.of(new Change(credit, next, note));
    }

    /** Equal status, figures (by value, whatever their scale) and statement version. */
    static boolean same(Credit a, Credit b) {
        return a.status() == b.status()
                && a.percent().compareTo(b.percent()) == 0
                && (a.amount() == null
                        ? b.amount() == null
                        : b.amount() != null
                                && a.amount().amount().compareTo(b.amount().amount()) == 0)
                && a.statementVersion() == b.statementVersion();
    }

    private static Credit with(Credit c, Status status, BigDecimal percent, Money amount, int version) {
        return new Credit(c.creditId(), c.kind(), status, percent, amount, version, c.claimDeadline());
    }

    private static Money plus(Money a, Money b) {
        if (b == null) {
            return a;
        }
        return a == null ? b : new Money(a.amount().add(b.amount()), a.currency());
    }

    private static Money minus(Money owed, Money settled) {
        if (owed == null) {
            return null;
        }
        return settled == null ? owed : new Money(owed.amount().subtract(settled.amount()), owed.currency());
    }

    /** Why a transition may not happen: a conflict with the credit's status (409) or a rule of the claim (422). */
    public enum Refusal {
        CONFLICT,
        UNPROCESSABLE
    }

    /** A transition's outcome: the new status, or why not. */
    public record Step(Status to, Refusal refusal, String reason) {

        static Step to(Status s) {
            return new Step(s, null, null);
        }

        static Step refused(Refusal r, String reason) {
            return new Step(null, r, reason);
        }

        public boolean legal() {
            return refusal == null;
        }
    }

    /** The customer (or an operator for it) claims the credit at {@code now}. */
    public static Step claim(Credit c, long now) {
        if (c.status() == Status.EXPIRED
                || (c.status() == Status.PENDING_CLAIM && c.claimDeadline() != null && now >= c.claimDeadline())) {
            return Step.refused(Refusal.UNPROCESSABLE, "the claim deadline has passed");
        }
        if (c.status() == Status.VOID) {
            return Step.refused(Refusal.UNPROCESSABLE, "the period has no credit");
        }
        if (c.status() != Status.PENDING_CLAIM) {
            return Step.refused(Refusal.CONFLICT, "the credit is " + c.status() + ", not waiting for a claim");
        }
        return Step.to(Status.DUE);
    }

    /** An operator approves the credit. */
    public static Step approve(Credit c) {
        return c.status() == Status.DUE
                ? Step.to(Status.APPROVED)
                : Step.refused(Refusal.CONFLICT, "only a DUE credit can be approved; this one is " + c.status());
    }

    /** An operator records the invoice that settles the credit. */
    public static Step apply(Credit c) {
        return c.status() == Status.APPROVED
                ? Step.to(Status.APPLIED)
                : Step.refused(Refusal.CONFLICT, "only an APPROVED credit can be applied; this one is " + c.status());
    }

    /** Whether the clock expires the credit at {@code now}: unclaimed at its deadline. */
    public static boolean expires(Credit c, long now) {
        return c.status() == Status.PENDING_CLAIM && c.claimDeadline() != null && now >= c.claimDeadline();
    }

    /** The next instant after {@code now} at which one of {@code credits} expires, or null: the evaluator's due time. */
    public static Long nextExpiry(List<Credit> credits, long now) {
        Long next = null;
        for (Credit c : credits) {
            if (c.status() == Status.PENDING_CLAIM && c.claimDeadline() != null && c.claimDeadline() > now) {
                next = next == null ? c.claimDeadline() : Math.min(next, c.claimDeadline());
            }
        }
        return next;
    }
}
