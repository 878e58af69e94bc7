package com.slaledger.ledger.evaluation;

/** What evaluations published, and how many contracts failed. */
public record Outcome(int shortfalls, int statements, int warnings, int failures) {

    public static final Outcome NONE = new Outcome(0, 0, 0, 0);

    static final Outcome FAILED = new Outcome(0, 0, 0, 1);

    public Outcome plus(Outcome o) {
        return new Outcome(
                shortfalls + o.shortfalls, statements + o.statements, warnings + o.warnings, failures + o.failures);
    }
}
