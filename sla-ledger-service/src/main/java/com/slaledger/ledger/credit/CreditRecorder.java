package com.slaledger.ledger.credit;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.events.CreditChanged;
import com.slaledger.events.Money;
import com.slaledger.events.Topics;
import com.slaledger.ledger.audit.AuditRepository;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.Credits;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Records what the engine's {@link Credits} rules say of a contract's credits: when a statement
 * is issued (in the evaluation's transaction, under its lock: once, with several instances), when
 * a claim deadline passes, and when people move one (CreditService). Each change is a history
 * step, an audit entry and, for the statuses the customer is told of, a CreditChanged event.
 */
@ApplicationScoped
public class CreditRecorder {

    /** The actor of the ledger's own steps. */
    public static final String LEDGER = "ledger";

    /** The statuses the customer gets a notice for (SPEC §17). */
    static final Set<Credits.Status> NOTIFIED =
            EnumSet.of(Credits.Status.DUE, Credits.Status.APPROVED, Credits.Status.APPLIED, Credits.Status.EXPIRED);

    private final CreditRepository credits;
    private final AuditRepository audit;
    private final Outbox outbox;
    private final ObjectMapper json;

    public CreditRecorder(CreditRepository credits, AuditRepository audit, Outbox outbox, ObjectMapper json) {
        this.credits = credits;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Statement {@code version} of {@code s} was issued (it is final) under terms {@code c}: the
     * period's credits follow it. Call inside the evaluation's transaction.
     */
    public Uni<Void> onStatement(ContractVersion c, Statement s, int version, long graceSeconds, Instant now) {
        String period = s.period().toString();
        Credits.Claim claim = c.terms().claim();
        var f = s.figures();
        Credits.Owed owed = new Credits.Owed(version, f.creditPercent(), f.creditAmount());
        return credits.ofPeriod(c.contractId(), period).chain(existing -> {
            List<Credits.Change> changes = Credits.onStatement(
                    existing.stream().map(Credit::engine).toList(),
                    owed,
                    claim,
                    claim.deadline(s.periodEnd(), graceSeconds));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Credits.Change change : changes) {
                chain = chain.chain(() -> change.created()
                        ? create(c.contractId(), period, change, now)
                        : update(find(existing, change.before().creditId()), change, now));
            }
            return chain;
        });
    }

    /**
     * Expires the contract's credits whose claim deadline has passed by {@code now}; the next
     * deadline of those still pending (epoch seconds), or null: when the contract is next due.
     */
    public Uni<Long> expireDue(String contractId, Instant now) {
        long at = now.getEpochSecond();
        return credits.pending(contractId).chain(pending -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Credit credit : pending) {
                Credits.Credit e = credit.engine();
                if (Credits.expires(e, at)) {
                    Credits.Credit expired = new Credits.Credit(
                            e.creditId(),
                            e.kind(),
                            Credits.Status.EXPIRED,
                            e.percent(),
                            e.amount(),
                            e.statementVersion(),
                            e.claimDeadline());
                    chain = chain.chain(() ->
                            update(credit, new Credits.Change(e, expired, "not claimed by the claim deadline"), now));
                }
            }
            return chain.replaceWith(
                    Credits.nextExpiry(pending.stream().map(Credit::engine).toList(), at));
        });
    }

    private Uni<Void> create(String contractId, String period, Credits.Change change, Instant now) {
        Credits.Credit a = change.after();
        Credit row = new Credit();
        row.creditId = UUID.randomUUID().toString();
        row.contractId = contractId;
        row.period = period;
        row.kind = a.kind().name();
        row.claimDeadline = a.claimDeadline() == null ? null : Instant.ofEpochSecond(a.claimDeadline());
        row.createdAt = now;
        row.take(a, now);
        return credits.persist(row).chain(() -> step(row, LEDGER, change.note(), null, null, "CREDIT_CREATED", now));
    }

    private Uni<Void> update(Credit row, Credits.Change change, Instant now) {
        String before = write(row);
        String was = row.status;
        row.take(change.after(), now);
        return step(row, LEDGER, change.note(), before, was, "CREDIT_CHANGED", now);
    }

    /**
     * The history step, audit entry and (for a notified status that changed) the event of a change
     * to {@code row} already made; {@code before} is the credit as it was and {@code was} its
     * status (both null: new).
     */
    Uni<Void> step(Credit row, String actor, String note, String before, String was, String action, Instant now) {
        CreditEntry e = new CreditEntry();
        e.creditId = row.creditId;
        e.at = now;
        e.actor = actor;
        e.status = row.status;
        e.amount = row.amount;
        e.note = note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
        Credits.Status status = Credits.Status.valueOf(row.status);
        boolean statusChanged = !row.status.equals(was);
        Uni<Void> event = NOTIFIED.contains(status) && statusChanged
                ? outbox.add(Topics.CREDITS, row.contractId, event(row, now))
                : Uni.createFrom().voidItem();
        return credits.append(e)
                .chain(() -> audit.append(actor, action, resource(row), before, write(row)))
                .chain(() -> event);
    }

    private static CreditChanged event(Credit c, Instant now) {
        return new CreditChanged(
                c.creditId,
                c.contractId,
                c.period,
                c.kind,
                c.status,
                c.creditPercent,
                c.amount == null ? null : new Money(c.amount, c.currency),
                c.statementVersion,
                c.claimDeadline,
                c.invoiceReference,
                now);
    }

    private static Credit find(List<Credit> rows, String creditId) {
        return rows.stream()
                .filter(r -> r.creditId.equals(creditId))
                .findFirst()
                .orElseThrow();
    }

    static String resource(Credit c) {
        return "contract/" + c.contractId + "/credit/" + c.creditId;
    }

    String write(Credit c) {
        try {
            return json.writeValueAsString(CreditView.of(c, List.of()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
