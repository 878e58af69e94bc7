package com.slaledger.document;

import java.time.YearMonth;
import java.time.ZoneId;

import com.slaledger.events.StatementIssued;

/**
 * What a statement document says: the statement as the ledger issues it ({@link StatementIssued}:
 * figures, intervals, the checklist) and who it is between, in which time zone.
 *
 * @param provider the provider's name, as configured
 * @param customer the customer's name in the contract
 * @param zone the contract's time zone: periods and instants are read in it
 * @param isFinal whether the period is over (and its grace time): false for a provisional document
 *     of the current period; {@code statement.version()} 0 for one computed on request before any
 *     was issued
 * @param words the language it is written in (the contract's locale, SPEC §18)
 */
public record StatementDocument(
        String provider, String customer, ZoneId zone, StatementIssued statement, boolean isFinal, Words words) {

    /** In English. */
    public StatementDocument(
            String provider, String customer, ZoneId zone, StatementIssued statement, boolean isFinal) {
        this(provider, customer, zone, statement, isFinal, Words.english());
    }

    /** The statement of a closed period, as issued, in English. */
    public StatementDocument(String provider, String customer, ZoneId zone, StatementIssued statement) {
        this(provider, customer, zone, statement, true);
    }

    public YearMonth period() {
        return YearMonth.parse(statement.period());
    }
}
