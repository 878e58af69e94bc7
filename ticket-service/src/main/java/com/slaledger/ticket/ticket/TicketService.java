package com.slaledger.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.Limits;
import com.slaledger.events.Topics;
import com.slaledger.ledger.engine.TicketMerge;
import com.slaledger.outbox.Outbox;
import com.slaledger.support.persistence.Failures;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.Violation;
import com.slaledger.ticket.contract.ContractViewRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records and resolves tickets (SPEC §5.2); every change is written to the outbox in the same
 * transaction. Contracts are checked against ticket-service's own view of the contracts topic.
 */
@ApplicationScoped
public class TicketService {

    private final TicketRepository tickets;
    private final ContractViewRepository contracts;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration lateHorizon;

    public TicketService(
            TicketRepository tickets,
            ContractViewRepository contracts,
            Outbox outbox,
            Clock clock,
            @ConfigProperty(name = "ledger.late-horizon", defaultValue = Limits.DEFAULT_LATE_HORIZON)
                    Duration lateHorizon) {
        this.tickets = tickets;
        this.contracts = contracts;
        this.outbox = outbox;
        this.clock = clock;
        this.lateHorizon = lateHorizon;
    }

    /** The stored ticket, and whether this call changed it (false: known externalId, or already resolved). */
    public record Recorded(Ticket ticket, boolean changed) {}

    /**
     * Records a ticket from {@code source} unless one with its identity (source, contract,
     * externalId) exists. Two deliveries of one new ticket at once (a help desk retrying, two API
     * calls): the loser of the unique key retries in a transaction of its own and finds the
     * winner's ticket, so neither gets an error.
     */
    public Uni<Recorded> open(TicketSource source, NewTicket request) {
        return Panache.withTransaction(() -> openOnce(source, request))
                .onFailure(Failures::isUniqueViolation)
                .recoverWithUni(() -> Panache.withTransaction(() -> openOnce(source, request)));
    }

    private Uni<Recorded> openOnce(TicketSource source, NewTicket request) {
        return tickets.findByIdentity(source, request.contractId(), request.externalId())
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(new Recorded(existing, false));
                    }
                    Instant now = clock.instant();
                    Instant reportedAt = request.reportedAt() == null ? now : request.reportedAt();
                    if (reportedAt.isAfter(now)) {
                        throw ProblemException.invalid("reportedAt", "must not be in the future");
                    }
                    String range = Limits.instantProblem(reportedAt, now, lateHorizon);
                    if (range != null) {
                        throw ProblemException.invalid("reportedAt", range);
                    }
                    return contracts.findById(request.contractId()).chain(contract -> {
                        if (contract == null) {
                            throw ProblemException.unprocessable(
                                    "contract " + request.contractId() + " is unknown",
                                    List.of(new Violation("contractId", "no such contract")));
                        }
                        if (!contract.serviceList().contains(request.serviceId())) {
                            throw ProblemException.unprocessable(
                                    "contract " + request.contractId() + " does not cover service "
                                            + request.serviceId(),
                                    List.of(new Violation(
                                            "serviceId", "not covered by contract " + request.contractId())));
                        }
                        Ticket ticket = new Ticket();
                        ticket.id = UUID.randomUUID().toString();
                        ticket.source = source;
                        ticket.externalId = request.externalId();
                        ticket.contractId = request.contractId();
                        ticket.serviceId = request.serviceId();
                        ticket.kind = request.kind();
                        ticket.subject = request.subject();
                        ticket.priority = TicketMerge.priority(request.priority());
                        ticket.reportedAt = reportedAt.truncatedTo(ChronoUnit.SECONDS);
                        ticket.createdAt = now;
                        return tickets.persist(ticket)
                                .chain(t -> outbox.add(Topics.TICKETS, t.id, TicketEvents.opened(t)))
                                .replaceWith(new Recorded(ticket, true));
                    });
                });
    }

    /** Resolves at {@code resolvedAt} (default now); resolving a resolved ticket changes nothing. */
    @WithTransaction
    public Uni<Recorded> resolve(String ticketId, Instant resolvedAt, Predicate<String> mayActOnContract) {
        // a ticket of a contract the caller may not act on is answered as if it did not exist
        return tickets.findById(ticketId)
                .chain(t ->
                        resolve(t == null || !mayActOnContract.test(t.contractId) ? null : t, ticketId, resolvedAt));
    }

    /**
     * The same, for the ticket a help desk knows by its own id, under the contract the event
     * names; without a contract, the one ticket with that id (none is resolved when two contracts'
     * tickets share it). Null when there is no such ticket, or it is of a contract the caller may
     * not act on (SPEC §12: a token's limits hold on every operation).
     */
    @WithTransaction
    public Uni<Recorded> resolveExternal(
            TicketSource source,
            String contractId,
            String externalId,
            Instant resolvedAt,
            Predicate<String> mayActOnContract) {
        return external(source, contractId, externalId, mayActOnContract)
                .chain(t -> t == null ? Uni.createFrom().nullItem() : resolve(t, t.id, resolvedAt));
    }

    /**
     * Records the provider's first response at {@code respondedAt} (default now); only the first
     * counts: a later one changes nothing (SPEC §5.2).
     */
    @WithTransaction
    public Uni<Recorded> respond(String ticketId, Instant respondedAt, Predicate<String> mayActOnContract) {
        return tickets.findById(ticketId).chain(t -> {
            if (t == null || !mayActOnContract.test(t.contractId)) {
                throw ProblemException.notFound("ticket " + ticketId);
            }
            return respond(t, respondedAt);
        });
    }

    /**
     * The same, for the ticket a help desk knows by its own id (found as {@link #resolveExternal}
     * finds it). Null when there is no such ticket.
     */
    @WithTransaction
    public Uni<Recorded> respondExternal(
            TicketSource source,
            String contractId,
            String externalId,
            Instant respondedAt,
            Predicate<String> mayActOnContract) {
        return external(source, contractId, externalId, mayActOnContract)
                .chain(t -> t == null ? Uni.createFrom().nullItem() : respond(t, respondedAt));
    }

    /** A help desk's ticket; one of a contract the caller may not act on is, for it, not there. */
    private Uni<Ticket> external(
            TicketSource source, String contractId, String externalId, Predicate<String> mayActOnContract) {
        Uni<Ticket> found = contractId != null
                ? tickets.findByIdentity(source, contractId, externalId)
                : tickets.findBySourceId(source, externalId).map(list -> list.size() == 1 ? list.get(0) : null);
        return found.map(t -> t == null || !mayActOnContract.test(t.contractId) ? null : t);
    }

    private Uni<Recorded> respond(Ticket t, Instant respondedAt) {
        Instant at = checked("respondedAt", t, respondedAt);
        Long first = TicketMerge.firstResponse(seconds(t.respondedAt), at.getEpochSecond());
        if (t.respondedAt != null && first == t.respondedAt.getEpochSecond()) {
            return Uni.createFrom().item(new Recorded(t, false));
        }
        t.respondedAt = Instant.ofEpochSecond(first);
        return outbox.add(Topics.TICKETS, t.id, TicketEvents.responded(t)).replaceWith(new Recorded(t, true));
    }

    /**
     * Records a pause ({@code paused}) or unpause at {@code at} (default now, not before
     * reportedAt) of a ticket (SPEC §16.4); the same event again changes nothing.
     */
    @WithTransaction
    public Uni<Recorded> pause(String ticketId, boolean paused, Instant at, Predicate<String> mayActOnContract) {
        return tickets.findById(ticketId).chain(t -> {
            if (t == null || !mayActOnContract.test(t.contractId)) {
                throw ProblemException.notFound("ticket " + ticketId);
            }
            return pause(t, paused, at, false);
        });
    }

    /**
     * The same for the ticket a help desk knows by its own id (found as {@link #resolveExternal}
     * finds it); an unpause of a ticket never paused is not recorded. Null when there is no such ticket.
     */
    @WithTransaction
    public Uni<Recorded> pauseExternal(
            TicketSource source,
            String contractId,
            String externalId,
            boolean paused,
            Instant at,
            Predicate<String> mayActOnContract) {
        return external(source, contractId, externalId, mayActOnContract)
                .chain(t -> t == null ? Uni.createFrom().nullItem() : pause(t, paused, at, true));
    }

    private Uni<Recorded> pause(Ticket t, boolean paused, Instant given, boolean onlyIfEverPaused) {
        Instant at = checked("at", t, given);
        if (!paused && onlyIfEverPaused && TicketPauses.read(t.pauses).isEmpty()) {
            return Uni.createFrom().item(new Recorded(t, false));
        }
        String next = TicketPauses.with(t.pauses, new com.slaledger.events.TicketPause(at, paused));
        if (next == null) {
            return Uni.createFrom().item(new Recorded(t, false));
        }
        if (TicketPauses.read(next).size() > TicketPauses.MAX_EVENTS) {
            throw ProblemException.unprocessable(
                    "a ticket keeps at most " + TicketPauses.MAX_EVENTS + " pauses and unpauses",
                    List.of(new Violation("at", "ticket " + t.id + " has " + TicketPauses.MAX_EVENTS + " already")));
        }
        t.pauses = next;
        return outbox.add(Topics.TICKETS, t.id, TicketEvents.pauseChanged(t)).replaceWith(new Recorded(t, true));
    }

    private static Long seconds(Instant i) {
        return i == null ? null : i.getEpochSecond();
    }

    /** An instant given for a ticket (default now): whole seconds, not in the future, not before reportedAt. */
    private Instant checked(String field, Ticket t, Instant given) {
        Instant now = clock.instant();
        Instant at = (given == null ? now : given).truncatedTo(ChronoUnit.SECONDS);
        if (at.isAfter(now)) {
            throw ProblemException.invalid(field, "must not be in the future");
        }
        String range = Limits.instantProblem(at, now, lateHorizon);
        if (range != null) {
            throw ProblemException.invalid(field, range);
        }
        if (at.isBefore(t.reportedAt)) {
            throw ProblemException.invalid(field, "must not be before reportedAt (" + t.reportedAt + ")");
        }
        return at;
    }

    private Uni<Recorded> resolve(Ticket t, String ticketId, Instant resolvedAt) {
        if (t == null) {
            throw ProblemException.notFound("ticket " + ticketId);
        }
        if (t.resolvedAt != null) {
            // a resolution once known is kept (TicketMerge.resolution): resolving again changes nothing
            return Uni.createFrom().item(new Recorded(t, false));
        }
        t.resolvedAt = checked("resolvedAt", t, resolvedAt);
        return outbox.add(Topics.TICKETS, t.id, TicketEvents.resolved(t)).replaceWith(new Recorded(t, true));
    }
}
