package com.slaledger.ledger.exclusion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.audit.AuditRepository;
import com.slaledger.ledger.change.ChangeMarkRepository;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.ExclusionApproval;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Proposes and decides exclusions (SPEC §16.1). An approval marks the contract changed from the
 * exclusion's start: the evaluator computes every period it touches again, and a final statement
 * that changes is amended and sent. Each step is in the audit log, in the same transaction.
 */
@ApplicationScoped
public class ExclusionService {

    private final ExclusionRepository exclusions;
    private final ContractRepository contracts;
    private final ChangeMarkRepository changes;
    private final AuditRepository audit;
    private final LedgerConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public ExclusionService(
            ExclusionRepository exclusions,
            ContractRepository contracts,
            ChangeMarkRepository changes,
            AuditRepository audit,
            LedgerConfig config,
            ObjectMapper json,
            Clock clock) {
        this.exclusions = exclusions;
        this.contracts = contracts;
        this.changes = changes;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** A new PROPOSED exclusion of contract {@code contractId} (404 unless {@code mayRead} it) by {@code actor}. */
    @WithTransaction
    public Uni<Exclusion> propose(
            String contractId, Predicate<String> mayRead, ExclusionRequest request, String actor) {
        return contracts.existing(contractId, mayRead).chain(c -> propose(c, request, actor));
    }

    private Uni<Exclusion> propose(ContractVersion contract, ExclusionRequest request, String actor) {
        ExclusionRules.Result result = ExclusionRules.validate(
                request,
                contract.terms().serviceNames(),
                contract.terms().monitoredServices(),
                clock.instant(),
                config.lateHorizon());
        if (!result.violations().isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(result.violations()));
        }
        ExclusionRules.Valid v = result.valid();
        return exclusions.countOf(contract.contractId()).chain(count -> {
            if (count >= ExclusionRules.MAX_PER_CONTRACT) {
                return Uni.createFrom()
                        .failure(ProblemException.unprocessable(
                                "a contract has at most " + ExclusionRules.MAX_PER_CONTRACT + " exclusions",
                                List.of(new Violation("", "the contract has " + count + " exclusions"))));
            }
            Exclusion e = new Exclusion();
            e.exclusionId = UUID.randomUUID().toString();
            e.contractId = contract.contractId();
            e.start = v.start();
            e.end = v.end();
            e.category = v.category();
            e.reason = v.reason();
            e.services = String.join(",", v.services());
            e.reference = v.reference();
            e.status = ExclusionApproval.Status.PROPOSED.name();
            e.proposedBy = actor;
            e.proposedAt = clock.instant();
            return exclusions
                    .persist(e)
                    .chain(() -> audit.append(actor, "EXCLUSION_PROPOSED", resource(e), null, write(e)))
                    .replaceWith(e);
        });
    }

    /** Approves ({@code approve}) or rejects a proposed exclusion; 409 when it may not be decided so. */
    @WithTransaction
    public Uni<Exclusion> decide(
            String contractId,
            Predicate<String> mayRead,
            String exclusionId,
            boolean approve,
            ExclusionRequest.Decision body,
            String actor) {
        List<Violation> note = ExclusionRules.note(body);
        if (!note.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(note));
        }
        return contracts
                .existing(contractId, mayRead)
                .chain(c -> exclusions.findById(exclusionId))
                .chain(e -> {
                    if (e == null || !e.contractId.equals(contractId)) {
                        return Uni.createFrom().failure(ProblemException.notFound("exclusion " + exclusionId));
                    }
                    String refusal = ExclusionApproval.refusal(
                            e.state(),
                            e.proposedBy,
                            actor,
                            approve,
                            config.exclusions().approval());
                    if (refusal != null) {
                        return Uni.createFrom().failure(ProblemException.conflict(refusal));
                    }
                    String before = write(e);
                    Instant now = clock.instant();
                    String status =
                            (approve ? ExclusionApproval.Status.APPROVED : ExclusionApproval.Status.REJECTED).name();
                    String text = body == null ? null : body.note();
                    return exclusions
                            .decide(exclusionId, status, actor, now, text)
                            .chain(done -> {
                                if (!done) {
                                    return Uni.createFrom()
                                            .failure(ProblemException.conflict(
                                                    "the exclusion was decided at the same time by another request"));
                                }
                                e.status = status;
                                e.decidedBy = actor;
                                e.decidedAt = now;
                                e.note = text;
                                Uni<Void> mark = approve
                                        ? changes.contractChanged(contractId, e.start, "exclusion approved")
                                        : Uni.createFrom().voidItem();
                                return mark.chain(() -> audit.append(
                                                actor,
                                                approve ? "EXCLUSION_APPROVED" : "EXCLUSION_REJECTED",
                                                resource(e),
                                                before,
                                                write(e)))
                                        .replaceWith(e);
                            });
                });
    }

    private static String resource(Exclusion e) {
        return "contract/" + e.contractId + "/exclusion/" + e.exclusionId;
    }

    private String write(Exclusion e) {
        try {
            return json.writeValueAsString(ExclusionView.of(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
