package com.slaledger.console.editing;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.client.SlaClient;
import com.slaledger.console.Pages;
import com.slaledger.console.Services;
import com.slaledger.console.session.Session;
import com.slaledger.console.session.Sessions;

/**
 * What people do from a contract's page (its maintenance windows have their own form,
 * MaintenanceEditor): operators decide exclusions and disputes, approve and apply credits, send a notice again; customers claim credits
 * and file disputes.
 * Each is put to the API as it is, so the API's validation is the only one and its problem details
 * are what the page shows.
 */
@Path("/contracts")
public class ContractActions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Services services;
    private final Sessions sessions;

    public ContractActions(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    /**
     * An operator proposes an exclusion (SPEC §16.1): start and end as local date-times in the
     * contract's time zone, a category, a reason, optionally the services (space- or
     * comma-separated) and a reference. The ledger validates it.
     */
    @POST
    @Path("{contractId}/exclusions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response proposeExclusion(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @FormParam("start") String start,
            @FormParam("end") String end,
            @FormParam("category") String category,
            @FormParam("reason") String reason,
            @FormParam("services") String servicesText,
            @FormParam("reference") String reference,
            @FormParam("period") String period,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, contractId);
        if (refused != null) {
            return refused;
        }
        SlaClient.Reply c = services.get(token, services.ledger("/api/v1/contracts/" + contractId));
        if (!c.ok()) {
            return problem(contractId, c);
        }
        java.time.ZoneId zone = Pages.zone(Services.json(c));
        ObjectNode body = JSON.createObjectNode();
        body.put("start", instant(start, zone));
        body.put("end", instant(end, zone));
        body.put("category", category);
        body.put("reason", reason);
        if (servicesText != null && !servicesText.isBlank()) {
            var list = body.putArray("services");
            for (String s : servicesText.trim().split("[\\s,]+")) {
                list.add(s);
            }
        }
        if (reference != null && !reference.isBlank()) {
            body.put("reference", reference.trim());
        }
        SlaClient.Reply r = services.send(
                token, "POST", services.ledger("/api/v1/contracts/" + contractId + "/exclusions"), body.toString());
        return answered(contractId, period, r);
    }

    /** An operator approves or rejects a proposed exclusion, with an optional note. */
    @POST
    @Path("{contractId}/exclusions/{exclusionId}/{decision:approve|reject}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decideExclusion(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @PathParam("exclusionId") String exclusionId,
            @PathParam("decision") String decision,
            @FormParam("note") String note,
            @FormParam("period") String period,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, contractId, exclusionId);
        if (refused != null) {
            return refused;
        }
        ObjectNode body = JSON.createObjectNode();
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        SlaClient.Reply r = services.send(
                token,
                "POST",
                services.ledger("/api/v1/contracts/" + contractId + "/exclusions/" + exclusionId + "/" + decision),
                body.toString());
        return answered(contractId, period, r);
    }

    /** The page with what the API answered (its problem detail), with the API's status. */
    private static Response problem(String contractId, SlaClient.Reply r) {
        return Response.status(r.status())
                .entity(Pages.problem(contractId, r.problem()))
                .build();
    }

    /** Back to the contract's page (at {@code period}), or the page with the API's problem. */
    private static Response answered(String contractId, String period, SlaClient.Reply r) {
        if (!r.ok()) {
            return problem(contractId, r);
        }
        String back = "/contracts/" + contractId
                + (period != null && Pages.PERIOD.matcher(period).matches() ? "?period=" + period : "");
        return Response.seeOther(URI.create(back)).build();
    }

    /**
     * A datetime-local field's value (2026-10-03T15:00) in the contract's zone as an instant; text
     * that is not one is passed on as it is, for the API to name it.
     */
    static String instant(String local, java.time.ZoneId zone) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(local.trim())
                    .atZone(zone)
                    .toInstant()
                    .toString();
        } catch (java.time.format.DateTimeParseException e) {
            return local.trim();
        }
    }

    /** The customer (or an operator for it) claims a period's credit (SPEC §17). */
    @POST
    @Path("{contractId}/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response claim(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @FormParam("period") String period,
            @FormParam("note") String note,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, contractId);
        if (refused != null) {
            return refused;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("period", period);
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        SlaClient.Reply r = services.send(
                token, "POST", services.ledger("/api/v1/contracts/" + contractId + "/claims"), body.toString());
        return answered(contractId, period, r);
    }

    /** An operator approves a DUE credit, or applies an APPROVED one on an invoice (SPEC §17). */
    @POST
    @Path("{contractId}/credits/{creditId}/{step:approve|apply}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response credit(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @PathParam("creditId") String creditId,
            @PathParam("step") String step,
            @FormParam("invoiceReference") String invoice,
            @FormParam("period") String period,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, contractId, creditId);
        if (refused != null) {
            return refused;
        }
        ObjectNode body = JSON.createObjectNode();
        if (invoice != null && !invoice.isBlank()) {
            body.put("invoiceReference", invoice.trim());
        }
        SlaClient.Reply r = services.send(
                token, "POST", services.ledger("/api/v1/credits/" + creditId + "/" + step), body.toString());
        return answered(contractId, period, r);
    }

    /**
     * The customer (or an operator) files a dispute of a period (SPEC §17): start and end as local
     * date-times in the contract's time zone; the ledger validates it.
     */
    @POST
    @Path("{contractId}/disputes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response fileDispute(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @FormParam("start") String start,
            @FormParam("end") String end,
            @FormParam("services") String servicesText,
            @FormParam("description") String description,
            @FormParam("reference") String reference,
            @FormParam("period") String period,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, contractId);
        if (refused != null) {
            return refused;
        }
        SlaClient.Reply c = services.get(token, services.ledger("/api/v1/contracts/" + contractId));
        if (!c.ok()) {
            return problem(contractId, c);
        }
        java.time.ZoneId zone = Pages.zone(Services.json(c));
        ObjectNode body = JSON.createObjectNode();
        body.put("period", period);
        body.put("start", instant(start, zone));
        body.put("end", instant(end, zone));
        body.put("description", description);
        if (servicesText != null && !servicesText.isBlank()) {
            var list = body.putArray("services");
            for (String s : servicesText.trim().split("[\\s,]+")) {
                list.add(s);
            }
        }
        if (reference != null && !reference.isBlank()) {
            body.put("reference", reference.trim());
        }
        SlaClient.Reply r = services.send(
                token, "POST", services.ledger("/api/v1/contracts/" + contractId + "/disputes"), body.toString());
        return answered(contractId, period, r);
    }

    /** An operator accepts or rejects an open dispute, with an optional note. */
    @POST
    @Path("{contractId}/disputes/{disputeId}/{decision:accept|reject}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decideDispute(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @PathParam("disputeId") String disputeId,
            @PathParam("decision") String decision,
            @FormParam("note") String note,
            @FormParam("period") String period,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, contractId, disputeId);
        if (refused != null) {
            return refused;
        }
        ObjectNode body = JSON.createObjectNode();
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        SlaClient.Reply r = services.send(
                token, "POST", services.ledger("/api/v1/disputes/" + disputeId + "/" + decision), body.toString());
        return answered(contractId, period, r);
    }

    /** The customer (or an operator) replaces the calendar feed's key: the old address stops working (SPEC §18). */
    @POST
    @Path("{contractId}/feed-key")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response replaceFeedKey(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @FormParam("period") String period,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, contractId);
        if (refused != null) {
            return refused;
        }
        SlaClient.Reply r =
                services.send(token, "POST", services.ledger("/api/v1/contracts/" + contractId + "/feed-key"), null);
        return answered(contractId, period, r);
    }

    /** An operator sends a notice again, to the contract's current recipients. */
    @POST
    @Path("{contractId}/notices/{noticeId}/resend")
    @Produces(MediaType.TEXT_HTML)
    public Response resend(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @PathParam("noticeId") String noticeId,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, contractId, noticeId);
        if (refused != null) {
            return refused;
        }
        SlaClient.Reply r =
                services.send(token, "POST", services.notification("/api/v1/notices/" + noticeId + "/resend"), null);
        return answered(contractId, null, r);
    }
}
