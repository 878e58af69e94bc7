package com.slaledger.notification.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.slaledger.events.ShortfallDetected;
import com.slaledger.notification.NotificationConfig;
import com.slaledger.support.rest.Paging;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The notices sent or owed (SPEC §8). */
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    private final NoticeRepository notices;
    private final DeliveryRepository deliveries;
    private final ResendPolicy resends;
    private final Clock clock;

    private final Caller caller;

    public NoticeResource(
            NoticeRepository notices,
            DeliveryRepository deliveries,
            NotificationConfig config,
            Clock clock,
            Caller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
        this.notices = notices;
        this.resends = new ResendPolicy(config.resendInterval());
        this.clock = clock;
    }

    /** The SPEC §8 fields. */
    public record NoticeView(
            String id,
            String contractId,
            String period,
            NoticeKind kind,
            String element,
            List<String> recipients,
            List<Delivery> deliveries,
            String subject,
            NoticeStatus status,
            int attempts,
            Instant createdAt,
            Instant sentAt) {

        static NoticeView of(Notice n, List<Delivery> deliveries) {
            return new NoticeView(
                    n.id,
                    n.contractId,
                    n.period,
                    n.kind,
                    NoticeResource.element(n),
                    recipientList(n),
                    deliveries,
                    n.subject,
                    n.status,
                    n.attempts,
                    n.createdAt,
                    n.sentAt);
        }
    }

    /**
     * The element a shortfall or warning is about: a warning is about availability, a shortfall
     * names its element (SPEC §13); none for a statement.
     */
    static String element(Notice n) {
        if (n.kind == NoticeKind.STATEMENT) {
            return null;
        }
        if (n.kind == NoticeKind.SHORTFALL && n.payload != null) {
            return NoticePayload.read(n.payload, ShortfallDetected.class).elementName();
        }
        return "availability";
    }

    /** One notice with what it says and how sending it went. */
    public record NoticeDetail(
            String id,
            String contractId,
            String period,
            NoticeKind kind,
            String element,
            String idempotencyKey,
            List<String> recipients,
            List<Delivery> deliveries,
            String subject,
            NoticeStatus status,
            int attempts,
            String lastError,
            Instant nextAttemptAt,
            Instant createdAt,
            Instant sentAt,
            String bodyText,
            String bodyHtml) {

        static NoticeDetail of(Notice n, List<Delivery> deliveries) {
            return new NoticeDetail(
                    n.id,
                    n.contractId,
                    n.period,
                    n.kind,
                    NoticeResource.element(n),
                    n.idempotencyKey,
                    recipientList(n),
                    deliveries,
                    n.subject,
                    n.status,
                    n.attempts,
                    n.lastError,
                    n.status == NoticeStatus.PENDING ? n.nextAttemptAt : null,
                    n.createdAt,
                    n.sentAt,
                    n.bodyText,
                    n.bodyHtml);
        }
    }

    @GET
    @WithSession
    @Operation(summary = "A contract's notices, oldest first; paged (limit, offset, Link rel=next)")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<Response> list(
            @QueryParam("contractId") String contractId,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            @Context UriInfo uri) {
        caller.listedContract(contractId);
        Paging paging = Paging.of(limit, offset);
        return notices.ofContract(contractId, caller.readsAll(), paging.offset(), paging.fetch())
                .chain(list -> deliveries
                        .of(list.stream().map(n -> n.id).toList())
                        .map(known -> paging.respond(
                                list, n -> NoticeView.of(n, DeliveryRepository.list(known.get(n.id))), uri)));
    }

    /** At most this many contracts in one ask for their latest notices. */
    static final int MAX_LATEST = 1000;

    @GET
    @Path("/latest")
    @WithSession
    @Operation(
            summary = "The latest notice of each contract named (contractId, repeated; at most 1,000): the console's"
                    + " overview in one request; contracts the caller may not read are left out")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<List<NoticeView>> latest(@QueryParam("contractId") List<String> contractIds) {
        if (contractIds == null || contractIds.isEmpty()) {
            throw ProblemException.invalid("contractId", "is required (one or more)");
        }
        if (contractIds.size() > MAX_LATEST) {
            throw ProblemException.invalid("contractId", "at most " + MAX_LATEST + " contracts");
        }
        List<String> readable =
                contractIds.stream().filter(caller::mayRead).distinct().toList();
        // WARNING notices are the provider's own (SPEC §12): never a customer's to read
        return notices.latestOf(readable, caller.readsAll()).chain(list -> deliveries
                .of(list.stream().map(n -> n.id).toList())
                .map(known -> list.stream()
                        .map(n -> NoticeView.of(n, DeliveryRepository.list(known.get(n.id))))
                        .toList()));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One notice, with its rendered text and HTML bodies")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<NoticeDetail> get(@PathParam("id") String id) {
        // a WARNING is the provider's own (SPEC §12): to a customer it does not exist
        return notices.findById(id)
                .map(n -> found(
                        n == null
                                        || (caller.mayRead(n.contractId)
                                                && (caller.readsAll() || n.kind != NoticeKind.WARNING))
                                ? n
                                : null,
                        id))
                .chain(n -> deliveries
                        .of(List.of(n.id))
                        .map(known -> NoticeDetail.of(n, DeliveryRepository.list(known.get(n.id)))));
    }

    @POST
    @Path("/{id}/resend")
    @WithTransaction
    @Operation(
            summary =
                    "Send a notice again (operators), to the contract's current recipients: it goes back to PENDING and out with the next round")
    @APIResponse(responseCode = "202", description = "Queued: the notice goes out again with the next round")
    @APIResponse(
            responseCode = "429",
            description = "Resent less than notification.resend-interval ago; Retry-After says when it may be")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<Response> resend(@PathParam("id") String id) {
        return notices.findById(id)
                .call(n -> n == null ? Uni.createFrom().voidItem() : deliveries.forget(n.id))
                .map(n -> {
                    found(n, id);
                    Instant now = clock.instant();
                    resends.waitBeforeResend(n.lastResendAt, now).ifPresent(wait -> {
                        throw ProblemException.tooManyRequests(
                                "notice " + id + " was resent at " + n.lastResendAt + "; it may be resent again in "
                                        + Math.max(1, wait.toSeconds()) + " s",
                                wait);
                    });
                    n.status = NoticeStatus.PENDING;
                    n.nextAttemptAt = now;
                    n.lastResendAt = now;
                    return Response.accepted(NoticeDetail.of(n, List.of())).build();
                });
    }

    private static Notice found(Notice n, String id) {
        if (n == null) {
            throw ProblemException.notFound("notice " + id);
        }
        return n;
    }

    private static List<String> recipientList(Notice n) {
        return n.recipients == null ? List.of() : List.of(n.recipients.split(","));
    }
}
