package com.slaledger.console.editing;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.client.SlaClient;
import com.slaledger.console.Pages;
import com.slaledger.console.Services;
import com.slaledger.console.session.Session;
import com.slaledger.console.session.Sessions;

/**
 * What operators do from a contract's page: replace its maintenance windows, send a notice again.
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
     * An operator replaces a contract's maintenance windows (a JSON array as the API takes it): the
     * contract is read, its windows replaced and the whole put back.
     */
    @POST
    @Path("{contractId}/maintenance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response maintenance(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @FormParam("windows") String windows,
            @FormParam("period") String period,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, contractId);
        if (refused != null) {
            return refused;
        }
        SlaClient.Reply c = services.get(token, services.ledger("/api/v1/contracts/" + contractId));
        if (!c.ok()) {
            return Response.status(c.status())
                    .entity(Pages.problem(contractId, c.problem()))
                    .build();
        }
        ObjectNode terms = (ObjectNode) Services.json(c);
        try {
            terms.set("maintenanceWindows", JSON.readTree(windows == null || windows.isBlank() ? "[]" : windows));
        } catch (JsonProcessingException e) {
            return Response.status(400)
                    .entity(Pages.problem(
                            contractId, "maintenance windows: not a JSON array: " + e.getOriginalMessage()))
                    .build();
        }
        terms.remove(List.of("contractId", "version", "changedAt"));
        SlaClient.Reply put =
                services.send(token, "PUT", services.ledger("/api/v1/contracts/" + contractId), terms.toString());
        if (!put.ok()) {
            return Response.status(put.status())
                    .entity(Pages.problem(contractId, put.problem()))
                    .build();
        }
        String back = "/contracts/" + contractId
                + (period != null && Pages.PERIOD.matcher(period).matches() ? "?period=" + period : "");
        return Response.seeOther(URI.create(back)).build();
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
        if (!r.ok()) {
            return Response.status(r.status())
                    .entity(Pages.problem(contractId, r.problem()))
                    .build();
        }
        return Response.seeOther(URI.create("/contracts/" + contractId)).build();
    }
}
