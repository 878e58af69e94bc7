package com.slaledger.console.editing;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.client.SlaClient;
import com.slaledger.console.Services;
import com.slaledger.console.session.Session;
import com.slaledger.console.session.Sessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * What operators change from the console (SPEC §14): a contract's whole terms, a new contract,
 * monitored services (name, down quorum, staleAfter) and business calendars. Each form is put to
 * the API as it is, so the API's validation is the only one, and its problem details (each field
 * named) are shown above the operator's own text, which is kept for correcting. Anyone may open
 * these pages; what the token may not change, the API refuses, and the page says so.
 */
@Path("/edit")
public class Editors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTRACT_TEMPLATE =
            """
            {
              "customer": {"name": "", "noticeEmails": []},
              "services": [],
              "policy": "PROVIDER_MONITORED",
              "uptimeTargetPercent": 99.9,
              "timezone": "UTC"
            }""";
    private static final String CALENDAR_TEMPLATE =
            """
            {
              "name": "Office hours",
              "timezone": "Europe/Lisbon",
              "weekly": {
                "MON": [["09:00", "18:00"]], "TUE": [["09:00", "18:00"]], "WED": [["09:00", "18:00"]],
                "THU": [["09:00", "18:00"]], "FRI": [["09:00", "18:00"]]
              },
              "holidays": []
            }""";

    /** A JSON document being edited: what it is, where it goes, the text, what the API said. */
    public record Document(
            String kind, String id, String action, String text, boolean exists, String error, String saved) {}

    /** One monitored service's row; {@code staleAfter} empty when observations hold until the next. */
    public record ServiceRow(String serviceId, String name, int downQuorum, String staleAfter) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance document(Document document);

        static native TemplateInstance services(List<ServiceRow> services, String error, String saved);
    }

    private final Services services;
    private final Sessions sessions;

    public Editors(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    /**
     * What is edited as one JSON document: its name, where the API keeps it, the text a new one
     * starts from, the fields the API adds that are not part of the document, and whether saving
     * goes back to the thing's own page (a contract) or stays in the editor (a calendar).
     */
    private record Kind(String name, String api, String template, List<String> serverFields, String savedPage) {

        Document document(String id, String text, boolean exists, String error, String saved) {
            return new Document(name, id, "/edit/" + api + "/" + id, text, exists, error, saved);
        }
    }

    private static final Kind CONTRACT = new Kind(
            "contract", "contracts", CONTRACT_TEMPLATE, List.of("contractId", "version", "changedAt"), "/contracts/");
    private static final Kind CALENDAR =
            new Kind("calendar", "calendars", CALENDAR_TEMPLATE, List.of("calendarId"), null);

    /** The "open or create" forms send an id as a query parameter. */
    @GET
    @Path("contracts")
    public Response openContract(@CookieParam(Session.COOKIE) String session, @QueryParam("id") String id) {
        String token = sessions.token(session);
        return open(CONTRACT, token, id);
    }

    @GET
    @Path("contracts/{contractId}")
    @Produces(MediaType.TEXT_HTML)
    public Response contract(@CookieParam(Session.COOKIE) String session, @PathParam("contractId") String contractId) {
        String token = sessions.token(session);
        return show(CONTRACT, token, contractId);
    }

    /** Puts the terms as typed; a new version of the contract from now on (or its first). */
    @POST
    @Path("contracts/{contractId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveContract(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @FormParam("document") String text,
            @FormParam("exists") boolean exists,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        return save(CONTRACT, token, contractId, text, exists);
    }

    @GET
    @Path("calendars")
    public Response openCalendar(@CookieParam(Session.COOKIE) String session, @QueryParam("id") String id) {
        String token = sessions.token(session);
        return open(CALENDAR, token, id);
    }

    @GET
    @Path("calendars/{calendarId}")
    @Produces(MediaType.TEXT_HTML)
    public Response calendar(@CookieParam(Session.COOKIE) String session, @PathParam("calendarId") String calendarId) {
        String token = sessions.token(session);
        return show(CALENDAR, token, calendarId);
    }

    @POST
    @Path("calendars/{calendarId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveCalendar(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("calendarId") String calendarId,
            @FormParam("document") String text,
            @FormParam("exists") boolean exists,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        return save(CALENDAR, token, calendarId, text, exists);
    }

    /** A contract opens in its form (ContractForm), a calendar in its (CalendarForm). */
    private static Response open(Kind kind, String token, String id) {
        Response refused = Session.refused(token, id);
        return refused != null
                ? refused
                : Response.seeOther(
                                URI.create("/edit/" + kind.api() + "/" + id + (kind == CONTRACT ? "/terms" : "/hours")))
                        .build();
    }

    /** The document as the API has it (without the fields it adds), or the template for a new one. */
    private Response show(Kind kind, String token, String id) {
        Response refused = Session.refused(token, id);
        if (refused != null) {
            return refused;
        }
        SlaClient.Reply c = services.get(token, services.ledger("/api/v1/" + kind.api() + "/" + id));
        if (c.status() == 401) {
            return Session.toSignIn();
        }
        if (c.status() == 404) {
            return page(200, kind.document(id, kind.template(), false, null, null));
        }
        if (!c.ok()) {
            return page(c.status(), kind.document(id, "", false, c.problem(), null));
        }
        return page(200, kind.document(id, withoutServerFields(kind, Services.json(c)), true, null, null));
    }

    /** Puts the document as typed; what the API refuses is shown above the text, which stays. */
    private Response save(Kind kind, String token, String id, String text, boolean exists) {
        Response refused = Session.refused(token, id);
        if (refused != null) {
            return refused;
        }
        String parseError = notAnObject(text);
        if (parseError != null) {
            return page(400, kind.document(id, text, exists, parseError, null));
        }
        SlaClient.Reply put = services.send(token, "PUT", services.ledger("/api/v1/" + kind.api() + "/" + id), text);
        if (put.status() == 401) {
            return Session.toSignIn();
        }
        if (!put.ok()) {
            return page(put.status(), kind.document(id, text, exists, put.problem(), null));
        }
        if (kind.savedPage() != null) {
            return Response.seeOther(URI.create(kind.savedPage() + id)).build();
        }
        String shown = Services.json(put).isObject() ? withoutServerFields(kind, Services.json(put)) : text;
        return page(200, kind.document(id, shown, true, null, "Saved " + kind.name() + " " + id + "."));
    }

    @GET
    @Path("services")
    @Produces(MediaType.TEXT_HTML)
    public Response services(@CookieParam(Session.COOKIE) String session) {
        String token = sessions.token(session);
        Response refused = Session.refused(token);
        return refused != null ? refused : servicesPage(token, 200, null, null);
    }

    /** Registers a service or changes its name, down quorum or staleAfter (empty: none). */
    @POST
    @Path("services")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveService(
            @CookieParam(Session.COOKIE) String session,
            @FormParam("serviceId") String serviceId,
            @FormParam("name") String name,
            @FormParam("downQuorum") String downQuorum,
            @FormParam("staleAfter") String staleAfter,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, serviceId);
        if (refused != null) {
            return refused;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null && !name.isBlank()) {
            body.put("name", name.strip());
        }
        if (downQuorum != null && !downQuorum.isBlank()) {
            try {
                body.put("downQuorum", Integer.parseInt(downQuorum.strip()));
            } catch (NumberFormatException e) {
                return servicesPage(token, 400, serviceId + ": downQuorum: must be a whole number", null);
            }
        }
        if (staleAfter != null && !staleAfter.isBlank()) {
            body.put("staleAfter", staleAfter.strip());
        }
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        SlaClient.Reply put = services.send(token, "PUT", services.ledger("/api/v1/services/" + serviceId), json);
        if (put.status() == 401) {
            return Session.toSignIn();
        }
        if (!put.ok()) {
            return servicesPage(token, put.status(), serviceId + ": " + put.problem(), null);
        }
        return servicesPage(token, 200, null, "Saved service " + serviceId + ".");
    }

    private Response servicesPage(String token, int status, String error, String saved) {
        SlaClient.Reply list = services.get(token, services.ledger("/api/v1/services"));
        if (list.status() == 401) {
            return Session.toSignIn();
        }
        List<ServiceRow> rows = new ArrayList<>();
        for (JsonNode s : Services.json(list)) {
            rows.add(new ServiceRow(
                    s.path("serviceId").asText(),
                    s.path("name").asText(""),
                    s.path("downQuorum").asInt(1),
                    s.path("staleAfter").asText("")));
        }
        String problem = error != null ? error : list.ok() ? null : "Services: " + list.problem();
        return Response.status(error == null && !list.ok() ? list.status() : status)
                .entity(Templates.services(rows, problem, saved).render())
                .type(MediaType.TEXT_HTML)
                .build();
    }

    private static Response page(int status, Document document) {
        return Response.status(status)
                .entity(Templates.document(document).render())
                .type(MediaType.TEXT_HTML)
                .build();
    }

    /** Null when the text is a JSON object, else what is wrong with it. */
    private static String notAnObject(String text) {
        try {
            JsonNode node = JSON.readTree(text == null ? "" : text);
            return node != null && node.isObject() ? null : "The document must be one JSON object { … }.";
        } catch (JsonProcessingException e) {
            return "Not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
        }
    }

    private static String withoutServerFields(Kind kind, JsonNode node) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(kind.serverFields());
        return copy.toPrettyString();
    }
}
