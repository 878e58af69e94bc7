package com.slaledger.ledger.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.Limits;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.engine.Credits;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The people's transitions of a credit (SPEC §17): the customer's claim, the operator's approval
 * and application. The engine ({@link Credits}) says whether each is legal, asked on the credit
 * as locked for the transaction, so that two requests at once (on one instance or two) move it once.
 */
@ApplicationScoped
public class CreditService {

    private final CreditRepository credits;
    private final CreditRecorder recorder;
    private final ContractRepository contracts;
    private final Clock clock;

    public CreditService(CreditRepository credits, CreditRecorder recorder, ContractRepository contracts, Clock clock) {
        this.credits = credits;
        this.recorder = recorder;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** The claim of a period's credit by {@code actor}; 422 without a credit or after the deadline, 409 when not pending. */
    @WithTransaction
    public Uni<ClaimView> claim(String contractId, Predicate<String> mayRead, ClaimRequest request, String actor) {
        if (request == null || request.period() == null) {
            return Uni.createFrom().failure(ProblemException.invalid("period", "is required: YYYY-MM"));
        }
        String period;
        try {
            period = YearMonth.parse(request.period()).toString();
        } catch (DateTimeParseException e) {
            return Uni.createFrom().failure(ProblemException.invalid("period", "must be YYYY-MM"));
        }
        List<Violation> note = note(request.note());
        if (!note.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(note));
        }
        Instant now = clock.instant();
        return contracts
                .existing(contractId, mayRead)
                .chain(c -> credits.ofPeriod(contractId, period))
                .chain(rows -> {
                    Credit credit = rows.stream()
                            .filter(r -> Credits.Kind.CREDIT.name().equals(r.kind))
                            .findFirst()
                            .orElse(null);
                    if (credit == null) {
                        return Uni.createFrom().failure(noCredit(period));
                    }
                    Credits.Step step = Credits.claim(credit.engine(), now.getEpochSecond());
                    if (!step.legal()) {
                        if (step.refusal() == Credits.Refusal.CONFLICT) {
                            return Uni.createFrom().failure(ProblemException.conflict(step.reason()));
                        }
                        if (Credits.Status.VOID.name().equals(credit.status)) {
                            return Uni.createFrom().failure(noCredit(period));
                        }
                        return Uni.createFrom()
                                .failure(ProblemException.unprocessable(
                                        "the claim deadline of " + period + " was " + credit.claimDeadline,
                                        List.of(new Violation(
                                                "period",
                                                "the claim deadline " + credit.claimDeadline + " has passed"))));
                    }
                    return move(credit, step.to(), null, actor, request.note(), "CREDIT_CLAIMED", now)
                            .chain(moved -> view(moved))
                            .map(v -> new ClaimView(contractId, period, actor, now, request.note(), v));
                });
    }

    /** DUE → APPROVED, by an operator; 409 otherwise. */
    @WithTransaction
    public Uni<Credit> approve(String creditId, String note, String actor) {
        List<Violation> v = note(note);
        if (!v.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(v));
        }
        return found(creditId).chain(c -> {
            Credits.Step step = Credits.approve(c.engine());
            if (!step.legal()) {
                return Uni.createFrom().failure(ProblemException.conflict(step.reason()));
            }
            return move(c, step.to(), null, actor, note, "CREDIT_APPROVED", clock.instant());
        });
    }

    /** APPROVED → APPLIED on invoice {@code invoiceReference}, by an operator; 409 otherwise. */
    @WithTransaction
    public Uni<Credit> apply(String creditId, ClaimRequest.Apply body, String actor) {
        String invoice = body == null ? null : body.invoiceReference();
        if (invoice == null || invoice.isBlank()) {
            return Uni.createFrom()
                    .failure(ProblemException.invalid("invoiceReference", "is required: the invoice that settles it"));
        }
        if (invoice.length() > Limits.MAX_NAME) {
            return Uni.createFrom()
                    .failure(ProblemException.invalid(
                            "invoiceReference", "must be at most " + Limits.MAX_NAME + " characters"));
        }
        List<Violation> v = note(body.note());
        if (!v.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(v));
        }
        return found(creditId).chain(c -> {
            Credits.Step step = Credits.apply(c.engine());
            if (!step.legal()) {
                return Uni.createFrom().failure(ProblemException.conflict(step.reason()));
            }
            String note = body.note() == null ? "invoice " + invoice : body.note();
            return move(c, step.to(), invoice, actor, note, "CREDIT_APPLIED", clock.instant());
        });
    }

    /** The credit with its history, as the API shows it. */
    public Uni<CreditView> view(Credit c) {
        return credits.history(List.of(c.creditId)).map(h -> CreditView.of(c, h));
    }

    private Uni<Credit> found(String creditId) {
        return credits.locked(creditId)
                .chain(c -> c == null
                        ? Uni.createFrom().failure(ProblemException.notFound("credit " + creditId))
                        : Uni.createFrom().item(c));
    }

    private Uni<Credit> move(
            Credit c, Credits.Status to, String invoice, String actor, String note, String action, Instant now) {
        // c is locked (SELECT ... FOR UPDATE) and was checked after the lock: the move is this request's
        String before = recorder.write(c);
        String was = c.status;
        c.status = to.name();
        if (invoice != null) {
            c.invoiceReference = invoice;
        }
        c.updatedAt = now;
        return recorder.step(c, actor, note, before, was, action, now).replaceWith(c);
    }

    private static ProblemException noCredit(String period) {
        return ProblemException.unprocessable(
                "the period " + period + " has no credit",
                List.of(new Violation("period", "has no credit to claim (its statement is not final or owes none)")));
    }

    private static List<Violation> note(String note) {
        return note != null && note.length() > Limits.MAX_TEXT
                ? List.of(new Violation("note", "must be at most " + Limits.MAX_TEXT + " characters"))
                : List.of();
    }
}
