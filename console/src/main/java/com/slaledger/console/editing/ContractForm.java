package com.slaledger.console.editing;

import java.math.BigDecimal;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.client.SlaClient;
import com.slaledger.console.Services;
import com.slaledger.console.session.Session;
import com.slaledger.console.session.Sessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A contract's common terms as a form (SPEC §4): customer, notice e-mails, services, policy,
 * target, minimum downtime, time zone, credit tiers, monthly fee and the provider's alerts. What
 * the form has no field for (support targets, duties, maintenance, redundant groups, claims,
 * language…) is kept from the stored terms as it is; the JSON editor (Editors) remains for those.
 * The ledger validates what is put; each of its problems is shown beside the field it names, and
 * what the operator typed stays in the form.
 */
@Path("/edit/contracts/{contractId}/terms")
public class ContractForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rows of credit tiers the form offers (the API takes up to ten; more in the JSON editor). */
    static final int TIER_ROWS = 4;

    /** One credit tier's row; blank fields: no tier. */
    public record Tier(int index, String below, String credit) {}

    /** The form's values, as typed or as stored, and each field's problem (by the form's field names). */
    public record Terms(
            String contractId,
            boolean exists,
            String customer,
            String emails,
            String services,
            String policy,
            String target,
            String minimumMinutes,
            String timezone,
            List<Tier> tiers,
            String feeAmount,
            String feeCurrency,
            String alertEmails,
            String alertPercents,
            Map<String, String> errors,
            String error) {

        public String errorOf(String field) {
            return errors.getOrDefault(field, "");
        }

        /** The same values as typed, with what the API said of them. */
        Terms refused(boolean stored, FieldProblems problems) {
            return new Terms(
                    contractId,
                    stored,
                    customer,
                    emails,
                    services,
                    policy,
                    target,
                    minimumMinutes,
                    timezone,
                    tiers,
                    feeAmount,
                    feeCurrency,
                    alertEmails,
                    alertPercents,
                    problems.byField(),
                    problems.summary());
        }

        public boolean monitored() {
            return !"CUSTOMER_TICKET".equals(policy);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance terms(Terms terms);
    }

    private final Services services;
    private final Sessions sessions;

    public ContractForm(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@CookieParam(Session.COOKIE) String session, @PathParam("contractId") String contractId) {
        String token = sessions.token(session);
        Response refused = Session.refused(token, contractId);
        if (refused != null) {
            return refused;
        }
        SlaClient.Reply c = services.get(token, services.ledger("/api/v1/contracts/" + contractId));
        if (c.status() == 401) {
            return Session.toSignIn();
        }
        Terms terms = c.ok() ? stored(contractId, Services.json(c)) : blank(contractId);
        return Response.ok(Templates.terms(terms).render()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @FormParam("customer") String customer,
            @FormParam("emails") String emails,
            @FormParam("services") String servicesText,
            @FormParam("policy") String policy,
            @FormParam("target") String target,
            @FormParam("minimumMinutes") String minimumMinutes,
            @FormParam("timezone") String timezone,
            @FormParam("tierBelow") List<String> tierBelow,
            @FormParam("tierCredit") List<String> tierCredit,
            @FormParam("feeAmount") String feeAmount,
            @FormParam("feeCurrency") String feeCurrency,
            @FormParam("alertEmails") String alertEmails,
            @FormParam("alertPercents") String alertPercents,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, contractId);
        if (refused != null) {
            return refused;
        }
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < TIER_ROWS; i++) {
            tiers.add(new Tier(i, at(tierBelow, i), at(tierCredit, i)));
        }
        Terms typed = new Terms(
                contractId,
                false,
                text(customer),
                text(emails),
                text(servicesText),
                text(policy),
                text(target),
                text(minimumMinutes),
                text(timezone),
                tiers,
                text(feeAmount),
                text(feeCurrency),
                text(alertEmails),
                text(alertPercents),
                Map.of(),
                null);
        SlaClient.Reply c = services.get(token, services.ledger("/api/v1/contracts/" + contractId));
        if (c.status() == 401) {
            return Session.toSignIn();
        }
        boolean exists = c.ok();
        ObjectNode document = exists ? (ObjectNode) Services.json(c) : JSON.createObjectNode();
        document.remove(List.of("contractId", "version", "changedAt"));
        apply(typed, document);
        SlaClient.Reply put =
                services.send(token, "PUT", services.ledger("/api/v1/contracts/" + contractId), document.toString());
        if (put.status() == 401) {
            return Session.toSignIn();
        }
        if (put.ok()) {
            return Response.seeOther(URI.create("/contracts/" + contractId)).build();
        }
        FieldProblems problems = FieldProblems.of(
                put,
                path -> FIELDS.entrySet().stream()
                        .filter(e -> path.startsWith(e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null),
                true);
        Terms shown = typed.refused(exists, problems);
        return Response.status(put.status() == 403 ? 403 : 400)
                .entity(Templates.terms(shown).render())
                .build();
    }

    /** The API's field paths, longest first, and the form field each belongs beside. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("customer.noticeEmails", "emails");
        FIELDS.put("customer", "customer");
        FIELDS.put("services", "services");
        FIELDS.put("policy", "policy");
        FIELDS.put("uptimeTargetPercent", "target");
        FIELDS.put("minimumDowntime", "minimumMinutes");
        FIELDS.put("timezone", "timezone");
        FIELDS.put("creditTiers", "tiers");
        FIELDS.put("creditCapPercent", "tiers");
        FIELDS.put("monthlyFee", "fee");
        FIELDS.put("alerts.allowanceUsedPercent", "alertPercents");
        FIELDS.put("alerts", "alertEmails");
    }

    /** The form's fields written into the contract's document; a blank optional field takes its term away. */
    static void apply(Terms t, ObjectNode doc) {
        ObjectNode customer = doc.putObject("customer");
        customer.put("name", t.customer());
        ArrayNode to = customer.putArray("noticeEmails");
        words(t.emails()).forEach(to::add);
        // a redundant group is kept as it was: the form lists it by name and writes it back whole
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        for (JsonNode s : doc.path("services")) {
            if (s.isObject()) {
                groups.put(s.path("name").asText(), s);
            }
        }
        ArrayNode services = doc.putArray("services");
        for (String s : words(t.services())) {
            if (groups.containsKey(s)) {
                services.add(groups.get(s));
            } else {
                services.add(s);
            }
        }
        doc.put("policy", t.policy());
        number(doc, "uptimeTargetPercent", t.target());
        if (t.minimumMinutes().isEmpty()) {
            doc.remove("minimumDowntime");
        } else {
            doc.put("minimumDowntime", minutes(t.minimumMinutes()));
        }
        doc.put("timezone", t.timezone().isEmpty() ? "UTC" : t.timezone());
        ArrayNode tiers = doc.putArray("creditTiers");
        for (Tier tier : t.tiers()) {
            if (tier.below().isEmpty() && tier.credit().isEmpty()) {
                continue;
            }
            ObjectNode row = tiers.addObject();
            number(row, "belowPercent", tier.below());
            number(row, "creditPercent", tier.credit());
        }
        if (t.feeAmount().isEmpty() && t.feeCurrency().isEmpty()) {
            doc.remove("monthlyFee");
        } else {
            ObjectNode fee = doc.putObject("monthlyFee");
            number(fee, "amount", t.feeAmount());
            fee.put("currency", t.feeCurrency().toUpperCase(java.util.Locale.ROOT));
        }
        if (t.alertEmails().isEmpty() && t.alertPercents().isEmpty()) {
            doc.remove("alerts");
        } else {
            ObjectNode alerts = doc.putObject("alerts");
            ArrayNode emails = alerts.putArray("emails");
            words(t.alertEmails()).forEach(emails::add);
            ArrayNode percents = alerts.putArray("allowanceUsedPercent");
            for (String p : words(t.alertPercents())) {
                try {
                    percents.add(new BigDecimal(p.replace("%", "")));
                } catch (NumberFormatException e) {
                    percents.add(p); // the API names it
                }
            }
        }
    }

    /** Minutes as the API's ISO-8601 duration; other text passed on for the API to name. */
    static String minutes(String text) {
        try {
            return java.time.Duration.ofSeconds(new BigDecimal(text)
                            .multiply(BigDecimal.valueOf(60))
                            .longValueExact())
                    .toString();
        } catch (ArithmeticException | NumberFormatException e) {
            return text;
        }
    }

    /** A decimal field: as a JSON number when it is one, as text (for the API to refuse) when not. */
    private static void number(ObjectNode node, String field, String text) {
        if (text.isEmpty()) {
            node.remove(field);
            return;
        }
        try {
            node.put(field, new BigDecimal(text.replace(',', '.')));
        } catch (NumberFormatException e) {
            node.put(field, text);
        }
    }

    private static Terms stored(String contractId, JsonNode c) {
        List<String> serviceNames = new ArrayList<>();
        for (JsonNode s : c.path("services")) {
            serviceNames.add(s.isObject() ? s.path("name").asText() : s.asText());
        }
        List<Tier> tiers = new ArrayList<>();
        JsonNode stored = c.path("creditTiers");
        for (int i = 0; i < TIER_ROWS; i++) {
            JsonNode tier = stored.path(i);
            tiers.add(new Tier(
                    i,
                    tier.path("belowPercent").asText(""),
                    tier.path("creditPercent").asText("")));
        }
        String minimum = "";
        if (c.hasNonNull("minimumDowntime")) {
            long seconds =
                    java.time.Duration.parse(c.path("minimumDowntime").asText()).getSeconds();
            minimum = seconds % 60 == 0
                    ? Long.toString(seconds / 60)
                    : BigDecimal.valueOf(seconds)
                            .divide(BigDecimal.valueOf(60), 4, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString();
        }
        List<String> alertPercents = new ArrayList<>();
        c.path("alerts").path("allowanceUsedPercent").forEach(p -> alertPercents.add(p.asText()));
        return new Terms(
                contractId,
                true,
                c.path("customer").path("name").asText(),
                join(c.path("customer").path("noticeEmails")),
                String.join(" ", serviceNames),
                c.path("policy").asText("PROVIDER_MONITORED"),
                c.path("uptimeTargetPercent").asText(""),
                minimum,
                c.path("timezone").asText("UTC"),
                tiers,
                c.path("monthlyFee").path("amount").asText(""),
                c.path("monthlyFee").path("currency").asText(""),
                join(c.path("alerts").path("emails")),
                String.join(" ", alertPercents),
                Map.of(),
                null);
    }

    private static Terms blank(String contractId) {
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < TIER_ROWS; i++) {
            tiers.add(new Tier(i, "", ""));
        }
        return new Terms(
                contractId,
                false,
                "",
                "",
                "",
                "PROVIDER_MONITORED",
                "99.9",
                "",
                "UTC",
                tiers,
                "",
                "",
                "",
                "",
                Map.of(),
                null);
    }

    private static String join(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.asText()));
        return String.join(" ", out);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("[\\s,;]+"));
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() ? text(values.get(i)) : "";
    }
}
