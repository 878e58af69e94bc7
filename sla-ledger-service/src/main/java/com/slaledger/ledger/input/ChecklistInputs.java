package com.slaledger.ledger.input;

import java.util.List;
import java.util.Map;

import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.Duties;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.ledger.engine.SupportTargets;

/**
 * What a contract's checklist is computed from besides availability: its support calendars (as
 * agreements holding only the calendar, by calendar id), tickets, and duty evidence by duty id.
 */
public record ChecklistInputs(
        Map<String, Checklist.Agreement> calendars,
        List<SupportTargets.Ticket> tickets,
        Map<String, List<Duties.Event>> evidence) {

    public static final ChecklistInputs NONE = new ChecklistInputs(Map.of(), List.of(), Map.of());

    public ChecklistInputs {
        calendars = Map.copyOf(calendars);
        tickets = List.copyOf(tickets);
        evidence = Map.copyOf(evidence);
    }

    /** The agreement of a contract version: its targets in its calendar, its duties. */
    public Checklist.Agreement agreement(ContractVersion v) {
        List<SupportTargets.Target> targets = v.terms().engineTargets();
        List<Checklist.NamedDuty> duties = v.terms().engineDuties();
        if (targets.isEmpty() && duties.isEmpty()) {
            return Checklist.Agreement.NONE;
        }
        Checklist.Agreement base = targets.isEmpty()
                ? Checklist.Agreement.NONE
                : calendars.getOrDefault(v.terms().supportCalendar(), Checklist.Agreement.NONE);
        return new Checklist.Agreement(base.calendarName(), base.calendar(), targets, duties);
    }

    /** The checklist of a statement computed with {@code v}'s terms, as of {@code now}. */
    public List<Checklist.Item> elements(Statement s, ContractVersion v, long now) {
        return Checklist.elements(s, v.terms().uptimeTargetPercent(), agreement(v), tickets, evidence, now);
    }
}
