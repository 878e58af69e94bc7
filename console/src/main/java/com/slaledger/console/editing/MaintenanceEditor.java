package com.slaledger.console.editing;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.client.SlaClient;
import com.slaledger.console.Pages;
import com.slaledger.console.Services;
import com.slaledger.console.session.Session;
import com.slaledger.console.session.Sessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A contract's one-off maintenance windows as rows of a form (SPEC §4): start and end as local
 * date-times in the contract's zone, a reason; rows are removed by ticking them and one blank row
 * adds a window. Recurring windows are listed and kept as they are (the terms editor changes them).
 * The ledger validates what is put; its problem details appear in the row and beside the field
 * they name, and the operator's values stay in the form.
 */
@Path("/edit/contracts/{contractId}/maintenance")
public class MaintenanceEditor {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A one-off window's row: local date-times for the fields, each field's problem (empty: none). */
    public record Row(
            int index,
            String start,
            String end,
            String reason,
            String startError,
            String endError,
            String reasonError,
            String rowError) {

        public boolean hasError() {
            return !(startError.isEmpty() && endError.isEmpty() && reasonError.isEmpty() && rowError.isEmpty());
        }
    }

    /** A recurring window as people read it, kept by this form. */
    public record Recurring(String rule, String startTime, String length, String from, String until, String reason) {}

    /** The form: its rows, the recurring windows, the zone, what the API said as a whole. */
    public record Form(
            String contractId,
            String customer,
            String zone,
            List<Row> rows,
            Row blank,
            List<Recurring> recurring,
            String error,
            String period) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance maintenance(Form form);
    }

    private final Services services;
    private final Sessions sessions;

    public MaintenanceEditor(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @QueryParam("period") String period) {
        String token = sessions.token(session);
        if (token == null || token.isEmpty()) {
            return Session.toSignIn();
        }
        if (!Session.ID.matcher(contractId).matches()) {
            return Response.status(404).build();
        }
        SlaClient.Reply c = services.get(token, services.ledger("/api/v1/contracts/" + contractId));
        if (!c.ok()) {
            return Response.status(c.status() == 401 ? 401 : 404)
                    .entity(Pages.problem(contractId, c.problem()))
                    .build();
        }
        JsonNode contract = Services.json(c);
        ZoneId zone = Pages.zone(contract);
        List<Row> rows = new ArrayList<>();
        for (JsonNode w : contract.path("maintenanceWindows")) {
            if (!w.has("recurrence")) {
                rows.add(row(
                        rows.size(),
                        field(w.path("start").asText(), zone),
                        field(w.path("end").asText(), zone),
                        w.path("reason").asText("")));
            }
        }
        String back = period != null && Pages.PERIOD.matcher(period).matches() ? period : null;
        return Response.ok(render(contractId, contract, rows, row(rows.size(), "", "", ""), null, back))
                .build();
    }

    /**
     * The rows as sent: {@code start}, {@code end} and {@code reason} once per row in order (the
     * last row the blank one), {@code remove} the indexes ticked.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @FormParam("start") List<String> starts,
            @FormParam("end") List<String> ends,
            @FormParam("reason") List<String> reasons,
            @FormParam("remove") List<String> removed,
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
        ObjectNode contract = (ObjectNode) Services.json(c);
        ZoneId zone = Pages.zone(contract);
        int n = Math.min(starts.size(), Math.min(ends.size(), reasons.size()));
        Set<Integer> remove = new HashSet<>();
        for (String r : removed) {
            try {
                remove.add(Integer.parseInt(r));
            } catch (NumberFormatException e) {
                // not one of the form's boxes: nothing to remove
            }
        }
        // the windows as they will be put: recurring ones where they were, the one-off ones in the
        // slots one-offs had (and one more for a new row) in time order, as the ledger wants them;
        // for each slot, the form row it came from (-1: the new row), to put problems beside it
        List<JsonNode> slots = new ArrayList<>();
        List<Integer> oneOffSlots = new ArrayList<>();
        List<Candidate> oneOffs = new ArrayList<>();
        List<Row> kept = new ArrayList<>();
        int oneOff = 0;
        for (JsonNode w : contract.path("maintenanceWindows")) {
            if (w.has("recurrence")) {
                slots.add(w);
                continue;
            }
            int i = oneOff++;
            if (remove.contains(i)) {
                continue;
            }
            oneOffSlots.add(slots.size());
            slots.add(null);
            if (i >= n - 1) {
                oneOffs.add(new Candidate(w, null)); // added since the form was read: kept as it is
                continue;
            }
            oneOffs.add(new Candidate(window(starts.get(i), ends.get(i), reasons.get(i), zone), kept.size()));
            kept.add(row(kept.size(), starts.get(i), ends.get(i), reasons.get(i)));
        }
        Row blank = n == 0
                ? row(kept.size(), "", "", "")
                : row(kept.size(), starts.get(n - 1), ends.get(n - 1), reasons.get(n - 1));
        boolean adds = !(blank.start().isBlank()
                && blank.end().isBlank()
                && blank.reason().isBlank());
        if (adds) {
            oneOffSlots.add(slots.size());
            slots.add(null);
            oneOffs.add(new Candidate(window(blank.start(), blank.end(), blank.reason(), zone), -1));
        }
        oneOffs.sort(java.util.Comparator.comparing(Candidate::startOrLast));
        Map<Integer, Integer> rowOf = new LinkedHashMap<>();
        for (int k = 0; k < oneOffs.size(); k++) {
            slots.set(oneOffSlots.get(k), oneOffs.get(k).window());
            if (oneOffs.get(k).row() != null) {
                rowOf.put(oneOffSlots.get(k), oneOffs.get(k).row());
            }
        }
        ArrayNode windows = JSON.createArrayNode();
        slots.forEach(windows::add);
        contract.set("maintenanceWindows", windows);
        contract.remove(List.of("contractId", "version", "changedAt"));
        SlaClient.Reply put =
                services.send(token, "PUT", services.ledger("/api/v1/contracts/" + contractId), contract.toString());
        if (put.ok()) {
            String back = "/contracts/" + contractId
                    + (period != null && Pages.PERIOD.matcher(period).matches() ? "?period=" + period : "");
            return Response.seeOther(URI.create(back)).build();
        }
        // each violation beside its field: maintenanceWindows[k].end is row rowOf(k)'s end, keyed
        // "row.field" (row -1: the new one; field empty: the window as a whole)
        FieldProblems problems = FieldProblems.of(
                put,
                path -> {
                    java.util.regex.Matcher m = WINDOW_FIELD.matcher(path);
                    Integer at = m.matches() ? rowOf.get(Integer.parseInt(m.group(1))) : null;
                    return at == null ? null : at + "." + (m.group(2) == null ? "" : m.group(2));
                },
                false);
        List<Row> shown = new ArrayList<>();
        for (Row r : kept) {
            shown.add(withErrors(r, r.index(), problems));
        }
        Row shownBlank = withErrors(blank, -1, problems);
        String error = problems.summary();
        String back = period != null && Pages.PERIOD.matcher(period).matches() ? period : null;
        return Response.status(put.status() == 401 || put.status() == 403 ? put.status() : 400)
                .entity(render(contractId, contract, shown, shownBlank, error, back))
                .build();
    }

    /** A one-off window to put, and its form row (-1: the new row; null: not on the form). */
    private record Candidate(JsonNode window, Integer row) {

        /** Its start, for time order; one the ledger will refuse sorts last, where it is named. */
        String startOrLast() {
            String start = window.path("start").asText("");
            try {
                return Instant.parse(start).toString();
            } catch (DateTimeParseException e) {
                return "~" + start;
            }
        }
    }

    private static final java.util.regex.Pattern WINDOW_FIELD =
            java.util.regex.Pattern.compile("maintenanceWindows\\[(\\d+)\\](?:\\.(\\w+))?");

    private static String render(
            String contractId, JsonNode contract, List<Row> rows, Row blank, String error, String period) {
        List<Recurring> recurring = new ArrayList<>();
        for (JsonNode w : contract.path("maintenanceWindows")) {
            if (w.has("recurrence")) {
                recurring.add(new Recurring(
                        w.path("recurrence").asText(),
                        w.path("startTime").asText(),
                        Pages.duration(
                                java.time.Duration.parse(w.path("duration").asText("PT0S"))
                                        .getSeconds()),
                        w.path("from").asText(""),
                        w.path("until").asText(""),
                        w.path("reason").asText("")));
            }
        }
        return Templates.maintenance(new Form(
                        contractId,
                        contract.path("customer").path("name").asText(),
                        Pages.zone(contract).getId(),
                        rows,
                        blank,
                        recurring,
                        error,
                        period))
                .render();
    }

    private static Row row(int index, String start, String end, String reason) {
        return new Row(index, start, end, reason, "", "", "", "");
    }

    private static Row withErrors(Row r, int at, FieldProblems problems) {
        return new Row(
                r.index(),
                r.start(),
                r.end(),
                r.reason(),
                problems.of(at + ".start"),
                problems.of(at + ".end"),
                problems.of(at + ".reason"),
                problems.of(at + "."));
    }

    /** One window as the API takes it: the local date-times as instants in the contract's zone. */
    private static ObjectNode window(String start, String end, String reason, ZoneId zone) {
        ObjectNode w = JSON.createObjectNode();
        w.put("start", ContractActions.instant(start, zone));
        w.put("end", ContractActions.instant(end, zone));
        if (reason != null && !reason.isBlank()) {
            w.put("reason", reason.trim());
        }
        return w;
    }

    /** An instant as a datetime-local field's value in {@code zone} (2026-10-10T02:00). */
    static String field(String instant, ZoneId zone) {
        try {
            LocalDateTime local = LocalDateTime.ofInstant(Instant.parse(instant), zone);
            // LocalDateTime writes no seconds when they are zero: 2026-10-10T02:00
            return local.truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
