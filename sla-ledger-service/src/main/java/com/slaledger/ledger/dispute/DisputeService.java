package com.slaledger.ledger.dispute;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.events.DisputeChanged;
import com.slaledger.events.Limits;
import com.slaledger.events.Topics;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.audit.AuditRepository;
import com.slaledger.ledger.change.ChangeMarkRepository;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.Periods;
import com.slaledger.ledger.exclusion.ExclusionRules;
import com.slaledger.outbox.Outbox;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Files and decides disputes (SPEC §17). Acceptance marks the contract changed from the dispute's
 * start: the evaluator computes the periods it touches again (rule 4b), and a final statement that
 * changes is amended and sent, its credit following. Each step is in the audit log and published
 * (DisputeChanged, for the customer's notice) in the same transaction.
 */
@ApplicationScoped
public class DisputeService {

    /** Most disputes of one contract, whatever their status. */
    public static final int MAX_PER_CONTRACT = 500;

    private final DisputeRepository disputes;
    private final ContractRepository contracts;
    private final ChangeMarkRepository changes;
    private final AuditRepository audit;
    private final Outbox outbox;
    private final LedgerConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public DisputeService(
            DisputeRepository disputes,
            ContractRepository contracts,
            ChangeMarkRepository changes,
            AuditRepository audit,
            Outbox outbox,
            LedgerConfig config,
            ObjectMapper json,
            Clock clock) {
        this.disputes = disputes;
        this.contracts = contracts;
        this.changes = changes;
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** A new OPEN dispute of contract {@code contractId} (404 unless {@code mayRead} it) filed by {@code actor}. */
    @WithTransaction
    public Uni<Dispute> file(String contractId, Predicate<String> mayRead, DisputeRequest request, String actor) {
        return contracts.existing(contractId, mayRead).chain(c -> file(c, request, actor));
    }

    private Uni<Dispute> file(ContractVersion contract, DisputeRequest r, String actor) {
        Instant now = clock.instant();
        List<Violation> v = new ArrayList<>();
        if (r == null) {
            return Uni.createFrom()
                    .failure(ProblemException.invalid(List.of(new Violation("", "a JSON body is required"))));
        }
        YearMonth period = null;
        if (r.period() == null) {
            v.add(new Violation("period", "is required: YYYY-MM"));
        } else {
            try {
                period = YearMonth.parse(r.period());
            } catch (DateTimeParseException e) {
                v.add(new Violation("period", "must be YYYY-MM"));
            }
        }
        Instant start = ExclusionRules.instant(r.start(), "start", now, config.lateHorizon(), v);
        Instant end = ExclusionRules.instant(r.end(), "end", now, config.lateHorizon(), v);
        if (start != null && end != null && !end.isAfter(start)) {
            v.add(new Violation("end", "must be after start"));
        }
        if (start != null && start.isAfter(now)) {
            v.add(new Violation("start", "must not be in the future: a dispute is about time that has passed"));
        }
        if (period != null && start != null && end != null && end.isAfter(start)) {
            long from = Periods.start(period, contract.zone());
            long to = Periods.end(period, contract.zone());
            if (start.getEpochSecond() >= to || end.getEpochSecond() <= from) {
                v.add(new Violation("start", "[start, end) must touch the period " + period));
            }
        }
        if (r.description() == null || r.description().isBlank()) {
            v.add(new Violation("description", "is required: what the customer saw"));
        } else if (r.description().length() > Limits.MAX_TEXT) {
            v.add(new Violation("description", "must be at most " + Limits.MAX_TEXT + " characters"));
        }
        if (r.reference() != null && r.reference().length() > Limits.MAX_NAME) {
            v.add(new Violation("reference", "must be at most " + Limits.MAX_NAME + " characters"));
        }
        List<String> services = r.services() == null
                ? List.of()
                : ExclusionRules.services(
                        r.services(),
                        contract.terms().serviceNames(),
                        contract.terms().monitoredServices(),
                        v);
        if (!v.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(v));
        }
        String p = period.toString();
        return disputes.countOf(contract.contractId()).chain(count -> {
            if (count >= MAX_PER_CONTRACT) {
                return Uni.createFrom()
                        .failure(ProblemException.unprocessable(
                                "a contract has at most " + MAX_PER_CONTRACT + " disputes",
                                List.of(new Violation("", "the contract has " + count + " disputes"))));
            }
            Dispute d = new Dispute();
            d.disputeId = UUID.randomUUID().toString();
            d.contractId = contract.contractId();
            d.period = p;
            d.start = start;
            d.end = end;
            d.services = String.join(",", services);
            d.description = r.description();
            d.reference = r.reference();
            d.status = Dispute.OPEN;
            d.filedBy = actor;
            d.filedAt = now;
            return disputes.persist(d)
                    .chain(() -> audit.append(actor, "DISPUTE_FILED", resource(d), null, write(d)))
                    .chain(() -> publish(d, now))
                    .replaceWith(d);
        });
    }

    /** Accepts ({@code accept}) or rejects an open dispute; 409 when it is no longer open. */
    @WithTransaction
    public Uni<Dispute> decide(String disputeId, boolean accept, DisputeRequest.Decision body, String actor) {
        String text = body == null ? null : body.note();
        if (text != null && text.length() > Limits.MAX_TEXT) {
            return Uni.createFrom()
                    .failure(ProblemException.invalid("note", "must be at most " + Limits.MAX_TEXT + " characters"));
        }
        return disputes.findById(disputeId).chain(d -> {
            if (d == null) {
                return Uni.createFrom().failure(ProblemException.notFound("dispute " + disputeId));
            }
            if (!Dispute.OPEN.equals(d.status)) {
                return Uni.createFrom().failure(ProblemException.conflict("the dispute is " + d.status + ", not OPEN"));
            }
            String before = write(d);
            Instant now = clock.instant();
            String status = accept ? Dispute.ACCEPTED : Dispute.REJECTED;
            return disputes.decide(disputeId, status, actor, now, text).chain(done -> {
                if (!done) {
                    return Uni.createFrom()
                            .failure(ProblemException.conflict(
                                    "the dispute was decided at the same time by another request"));
                }
                d.status = status;
                d.decidedBy = actor;
                d.decidedAt = now;
                d.note = text;
                Uni<Void> mark = accept
                        ? changes.contractChanged(d.contractId, d.start, "dispute accepted")
                        : Uni.createFrom().voidItem();
                return mark.chain(() -> audit.append(
                                actor, accept ? "DISPUTE_ACCEPTED" : "DISPUTE_REJECTED", resource(d), before, write(d)))
                        .chain(() -> publish(d, now))
                        .replaceWith(d);
            });
        });
    }

    private Uni<Void> publish(Dispute d, Instant at) {
        return outbox.add(
                Topics.DISPUTES,
                d.contractId,
                new DisputeChanged(
                        d.disputeId,
                        d.contractId,
                        d.period,
                        d.start,
                        d.end,
                        d.serviceList(),
                        d.description,
                        d.reference,
                        d.status,
                        d.note,
                        at));
    }

    private static String resource(Dispute d) {
        return "contract/" + d.contractId + "/dispute/" + d.disputeId;
    }

    private String write(Dispute d) {
        try {
            return json.writeValueAsString(DisputeView.of(d));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
