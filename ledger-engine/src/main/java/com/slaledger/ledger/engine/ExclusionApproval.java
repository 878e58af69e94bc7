package com.slaledger.ledger.engine;

/**
 * Who may decide an exclusion (SPEC §16.1): only a proposed one can be decided, and with {@link
 * Mode#SECOND_OPERATOR} (the default) not by the operator who proposed it.
 */
public final class ExclusionApproval {

    private ExclusionApproval() {}

    /** Whether a proposer may approve its own exclusion. */
    public enum Mode {
        SECOND_OPERATOR,
        SELF
    }

    /** An exclusion's state: proposed, then approved or rejected once. */
    public enum Status {
        PROPOSED,
        APPROVED,
        REJECTED
    }

    /**
     * Why {@code decidedBy} may not decide (approve, or reject with {@code approve} false) an
     * exclusion in {@code status} proposed by {@code proposedBy}, or null when it may. Rejecting
     * one's own proposal is always allowed: it withdraws it.
     */
    public static String refusal(Status status, String proposedBy, String decidedBy, boolean approve, Mode mode) {
        if (status != Status.PROPOSED) {
            return "the exclusion is " + status + ": only a PROPOSED exclusion can be decided";
        }
        if (approve && mode == Mode.SECOND_OPERATOR && proposedBy.equals(decidedBy)) {
            return "the operator who proposed an exclusion cannot approve it: a second operator must";
        }
        return null;
    }
}
