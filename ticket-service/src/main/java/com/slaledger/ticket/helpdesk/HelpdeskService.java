package com.slaledger.ticket.helpdesk;

import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.RequestValidator;
import com.slaledger.ticket.ticket.Ticket;
import com.slaledger.ticket.ticket.TicketService;
import com.slaledger.ticket.ticket.TicketSource;
import io.smallrye.mutiny.Uni;

/**
 * Does what a help desk's webhook asks (HelpdeskAction) through the ticket feature, with the
 * caller's limits on every operation (SPEC §12): a help-desk token limited to some contracts
 * cannot open, respond to or resolve another contract's ticket. An event that names a contract
 * the caller may not act on is refused (403); a ticket found by the help desk's own id under a
 * contract the caller may not act on is, for it, not there.
 */
@ApplicationScoped
public class HelpdeskService {

    /** What became of an action: the ticket and the HTTP status to answer with, or why nothing was done. */
    public record Done(Ticket ticket, int status, String ignored) {

        static Done ignored(String why) {
            return new Done(null, 200, why);
        }
    }

    private final TicketService tickets;
    private final RequestValidator validator;

    public HelpdeskService(TicketService tickets, RequestValidator validator) {
        this.tickets = tickets;
        this.validator = validator;
    }

    public Uni<Done> perform(TicketSource source, HelpdeskAction action, Predicate<String> mayActOn) {
        if (action instanceof HelpdeskAction.Open open) {
            permitted(open.ticket().contractId(), mayActOn);
            return tickets.open(source, validator.valid(open.ticket()))
                    .map(r -> new Done(r.ticket(), r.changed() ? 201 : 200, null));
        }
        if (action instanceof HelpdeskAction.Resolve resolve) {
            permitted(resolve.contractId(), mayActOn);
            return tickets.resolveExternal(
                            source, resolve.contractId(), resolve.externalId(), resolve.resolvedAt(), mayActOn)
                    .map(r -> r == null ? notRecorded(resolve.externalId()) : new Done(r.ticket(), 200, null));
        }
        if (action instanceof HelpdeskAction.Respond respond) {
            permitted(respond.contractId(), mayActOn);
            return tickets.respondExternal(
                            source, respond.contractId(), respond.externalId(), respond.respondedAt(), mayActOn)
                    .map(r -> r == null ? notRecorded(respond.externalId()) : new Done(r.ticket(), 200, null));
        }
        if (action instanceof HelpdeskAction.Pause pause) {
            permitted(pause.contractId(), mayActOn);
            Uni<TicketService.Recorded> responded = pause.respond()
                    ? tickets.respondExternal(source, pause.contractId(), pause.externalId(), pause.at(), mayActOn)
                    : Uni.createFrom().nullItem();
            return responded
                    .chain(() -> tickets.pauseExternal(
                            source, pause.contractId(), pause.externalId(), pause.paused(), pause.at(), mayActOn))
                    .map(r -> r == null ? notRecorded(pause.externalId()) : new Done(r.ticket(), 200, null));
        }
        return Uni.createFrom().item(Done.ignored(((HelpdeskAction.Ignore) action).reason()));
    }

    /** An event naming a contract the caller may not act on: 403, as for opening one of its tickets. */
    private static void permitted(String contractId, Predicate<String> mayActOn) {
        if (contractId != null && !mayActOn.test(contractId)) {
            throw ProblemException.forbidden("this token may not act on tickets of contract " + contractId);
        }
    }

    private static Done notRecorded(String externalId) {
        return Done.ignored("no ticket " + externalId + " was recorded");
    }
}
