package com.slaledger.ledger.contract;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.Topics;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.audit.AuditRepository;
import com.slaledger.ledger.change.ChangeMarkRepository;
import com.slaledger.ledger.engine.BusinessCalendar;
import com.slaledger.outbox.Outbox;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.Violation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Creates and replaces contracts. Every new version is written to the outbox in the same
 * transaction, for the compacted contracts topic; putting the same terms again changes nothing
 * and publishes nothing.
 */
@ApplicationScoped
public class ContractService {

    private final ContractRepository contracts;
    private final Outbox outbox;
    private final AuditRepository audit;
    private final Clock clock;
    private final LedgerConfig config;
    private final ChangeMarkRepository changes;

    public ContractService(
            ContractRepository contracts,
            Outbox outbox,
            AuditRepository audit,
            Clock clock,
            LedgerConfig config,
            ChangeMarkRepository changes) {
        this.changes = changes;
        this.contracts = contracts;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** The contract as stored, and whether this call created it. */
    public record Saved(ContractVersion contract, boolean created) {}

    /** A support calendar other than the built-in 24x7 must exist: 422 otherwise (nothing is stored). */
    private static Uni<Void> calendarKnown(ContractTerms terms) {
        if (terms.support() == null
                || BusinessCalendar.ALWAYS_ID.equals(terms.support().calendar())) {
            return Uni.createFrom().voidItem();
        }
        String calendar = terms.support().calendar();
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(*) FROM calendar WHERE calendar_id = :id", Long.class)
                        .setParameter("id", calendar)
                        .getSingleResult())
                .invoke(n -> {
                    if (n == 0) {
                        throw ProblemException.unprocessable(
                                "calendar " + calendar + " is unknown",
                                List.of(new Violation(
                                        "support.calendar", "no such calendar; PUT /api/v1/calendars/" + calendar)));
                    }
                })
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Saved> put(String contractId, ContractRequest request, String actor) {
        ContractValidator.Result result =
                ContractValidator.validate(contractId, request, clock.instant(), config.lateHorizon());
        if (!result.violations().isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(result.violations()));
        }
        ContractTerms terms = result.contract();
        return calendarKnown(terms).chain(() -> contracts.findById(contractId)).chain(existing -> {
            if (existing != null) {
                ContractVersion current = contracts.version(existing);
                if (current.terms().equals(terms)) {
                    return Uni.createFrom().item(new Saved(current, false));
                }
            }
            Instant now = clock.instant();
            String before = existing == null ? null : existing.document;
            Contract row = existing == null ? new Contract() : existing;
            row.contractId = contractId;
            row.version = existing == null ? 1 : existing.version + 1;
            row.document = ContractRepository.write(terms);
            row.updatedAt = now;
            if (existing == null) {
                row.createdAt = now;
            }
            ContractVersion saved = ContractVersion.of(contractId, row.version, terms, row.createdAt, now);
            // in force from the start of the current period (the first version also serves every
            // earlier period); with startsOn, the periods from its period on are evaluated again,
            // so that their statements are issued
            Instant from = ContractHistory.validFrom(now, saved.zone());
            Instant since = from;
            if (terms.startsOn() != null) {
                Instant startsAt = ContractHistory.validFrom(
                        terms.startsOn().atStartOfDay(saved.zone()).toInstant(), saved.zone());
                since = startsAt.isBefore(since) ? startsAt : since;
            }
            Instant marked = since;
            return contracts
                    .persist(row)
                    .chain(() -> contracts.addVersion(saved, from, row.document))
                    // the periods from there on are evaluated again (and, with startsOn, issued)
                    .chain(() -> changes.contractChanged(
                            contractId, marked, existing == null ? "contract created" : "terms changed"))
                    .chain(() -> outbox.add(Topics.CONTRACTS, contractId, ContractEvents.changed(saved)))
                    .chain(() -> audit.append(
                            actor,
                            existing == null ? "CONTRACT_CREATED" : "CONTRACT_REPLACED",
                            "contract/" + contractId,
                            before,
                            row.document))
                    .replaceWith(new Saved(saved, existing == null));
        });
    }
}
