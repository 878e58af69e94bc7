package com.slaledger.ledger.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.events.EventJson;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.support.rest.Paging;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log of contract, service and calendar changes (operators and viewers). */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int MAX_LIMIT = 1000;
    /** How many entries verification reads at a time. */
    private static final int VERIFY_PAGE = 1000;

    private final AuditRepository audit;
    private final AuditAnchors anchors;
    private final String key;

    public AuditResource(AuditRepository audit, AuditAnchors anchors, LedgerConfig config) {
        this.audit = audit;
        this.anchors = anchors;
        this.key = config.auditKey();
    }

    /** An entry as listed; the documents as JSON, as they were stored. */
    public record AuditEntryView(
            long seq,
            String at,
            String actor,
            String action,
            String resource,
            JsonNode before,
            JsonNode after,
            String prevHash,
            String hash) {

        static AuditEntryView of(AuditChain.Stored e) {
            var f = e.fields();
            return new AuditEntryView(
                    f.seq(),
                    f.at(),
                    f.actor(),
                    f.action(),
                    f.resource(),
                    json(f.before()),
                    json(f.after()),
                    e.prevHash(),
                    e.hash());
        }

        private static JsonNode json(String text) {
            try {
                return text == null ? null : EventJson.mapper().readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException("stored audit document is unreadable", e);
            }
        }
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "Audit entries after sequence number `after`, oldest first; Link rel=next when more remain")
    public Uni<Response> list(
            @QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        Paging paging = Paging.of(limit, null);
        return audit.page(after, paging.fetch())
                .map(page -> paging.respond(
                        page,
                        AuditEntryView::of,
                        uri,
                        "after",
                        page.isEmpty()
                                ? after
                                : page.get(Math.min(page.size(), paging.limit()) - 1)
                                        .fields()
                                        .seq()));
    }

    @GET
    @Path("/verify")
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER})
    @Operation(
            summary = "Checks the log from the first entry: the hash chain, each entry's signature and the head"
                    + " anchored outside the database; valid, or the first entry that does not hold (or where"
                    + " entries are missing) and why")
    public Uni<AuditCheck.Verification> verify() {
        return anchors.latest().chain(anchor -> {
            AuditCheck check = new AuditCheck(key, anchor.orElse(null));
            return verifyFrom(0, check);
        });
    }

    private Uni<AuditCheck.Verification> verifyFrom(long after, AuditCheck check) {
        return audit.page(after, VERIFY_PAGE).chain(page -> {
            if (!check.add(page) || page.isEmpty()) {
                return Uni.createFrom().item(check.result());
            }
            return verifyFrom(page.get(page.size() - 1).fields().seq(), check);
        });
    }
}
