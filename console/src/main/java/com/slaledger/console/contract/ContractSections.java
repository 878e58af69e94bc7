package com.slaledger.console.contract;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.console.Pages;

/**
 * The sections of a contract's page, each from the JSON its API answered, as plain rows for the
 * template: instants in the contract's zone and durations in hours and minutes, as the notices
 * write them (Pages), the seconds kept beside for sorting and machines.
 */
public final class ContractSections {

    private ContractSections() {}

    public record Policy(
            String name,
            boolean chosen,
            long downtimeSeconds,
            String downtime,
            String availability,
            boolean met,
            String credit) {}

    public record Element(String element, String label, String agreed, String measured, boolean met) {}

    public record Interval(
            String start, String end, long seconds, String length, String services, boolean counted, String reason) {}

    public record Ticket(
            String externalId,
            String kind,
            String priority,
            String reportedAt,
            String respondedAt,
            String resolvedAt) {}

    /** A notice with how sending it went for each recipient ("ops@acme.example: SENT"). */
    public record Notice(
            String id,
            String kind,
            String element,
            String status,
            String subject,
            String createdAt,
            String deliveries) {}

    public record Version(long version, String validFrom) {}

    /** An exclusion as the page lists it (SPEC §16.1); {@code proposedBy} empty for a customer's view. */
    public record Exclusion(
            String exclusionId,
            String start,
            String end,
            long seconds,
            String length,
            String category,
            String reason,
            String services,
            String status,
            String proposedBy,
            String decidedBy,
            boolean proposed) {}

    /** A credit of the contract (SPEC §17), its deadline in the contract's zone. */
    public record Credit(
            String creditId,
            String period,
            String kind,
            String status,
            String percent,
            String amount,
            String deadline,
            String invoice,
            boolean pending,
            boolean due,
            boolean approved) {}

    static List<Credit> credits(JsonNode list, ZoneId zone) {
        List<Credit> out = new ArrayList<>();
        list.forEach(c -> {
            String status = c.path("status").asText();
            JsonNode amount = c.path("amount");
            out.add(new Credit(
                    c.path("creditId").asText(),
                    c.path("period").asText(),
                    c.path("kind").asText(),
                    status,
                    c.path("creditPercent").asText(),
                    amount.isObject()
                            ? amount.path("amount").asText() + " "
                                    + amount.path("currency").asText()
                            : "",
                    Pages.local(c.path("claimDeadline").asText(""), zone),
                    c.path("invoiceReference").asText(""),
                    "PENDING_CLAIM".equals(status),
                    "DUE".equals(status),
                    "APPROVED".equals(status)));
        });
        return out;
    }

    /** A dispute of the contract (SPEC §17), its times in the contract's zone. */
    public record Dispute(
            String disputeId,
            String period,
            String start,
            String end,
            long seconds,
            String length,
            String services,
            String description,
            String status,
            String note,
            boolean open) {}

    static List<Dispute> disputes(JsonNode list, ZoneId zone) {
        List<Dispute> out = new ArrayList<>();
        list.forEach(d -> {
            List<String> services = new ArrayList<>();
            d.path("services").forEach(x -> services.add(x.asText()));
            out.add(new Dispute(
                    d.path("disputeId").asText(),
                    d.path("period").asText(),
                    Pages.local(d.path("start").asText(), zone),
                    Pages.local(d.path("end").asText(), zone),
                    d.path("seconds").asLong(),
                    Pages.duration(d.path("seconds").asLong()),
                    services.isEmpty() ? "all" : String.join(", ", services),
                    d.path("description").asText(),
                    d.path("status").asText(),
                    d.path("note").asText(""),
                    "OPEN".equals(d.path("status").asText())));
        });
        return out;
    }

    /** A maintenance window or occurrence of the period (SPEC §16.3). */
    public record Planned(String start, String end, long seconds, String length, String reason) {}

    static List<Exclusion> exclusions(JsonNode list, ZoneId zone) {
        List<Exclusion> out = new ArrayList<>();
        list.forEach(x -> {
            List<String> services = new ArrayList<>();
            x.path("services").forEach(s -> services.add(s.asText()));
            out.add(new Exclusion(
                    x.path("exclusionId").asText(),
                    Pages.local(x.path("start").asText(), zone),
                    Pages.local(x.path("end").asText(), zone),
                    x.path("seconds").asLong(),
                    Pages.duration(x.path("seconds").asLong()),
                    x.path("category").asText(),
                    x.path("reason").asText(),
                    String.join(", ", services),
                    x.path("status").asText(),
                    x.path("proposedBy").asText(""),
                    x.path("decidedBy").asText(""),
                    "PROPOSED".equals(x.path("status").asText())));
        });
        return out;
    }

    static List<Planned> maintenance(JsonNode statement, ZoneId zone) {
        List<Planned> out = new ArrayList<>();
        statement
                .path("maintenance")
                .forEach(m -> out.add(new Planned(
                        Pages.local(m.path("start").asText(), zone),
                        Pages.local(m.path("end").asText(), zone),
                        m.path("seconds").asLong(),
                        Pages.duration(m.path("seconds").asLong()),
                        m.path("reason").asText(""))));
        return out;
    }

    /** Both policies side by side, the contract's own marked. */
    static List<Policy> policies(JsonNode statement) {
        List<Policy> out = new ArrayList<>();
        statement
                .path("policies")
                .fields()
                .forEachRemaining(e -> out.add(new Policy(
                        e.getKey(),
                        e.getKey().equals(statement.path("policy").asText()),
                        e.getValue().path("downtimeSeconds").asLong(),
                        Pages.duration(e.getValue().path("downtimeSeconds").asLong()),
                        e.getValue().path("availabilityPercent").asText(),
                        e.getValue().path("met").asBoolean(),
                        e.getValue().path("creditPercent").asText())));
        return out;
    }

    /** The checklist: every element agreed against measured. */
    static List<Element> elements(JsonNode statement) {
        List<Element> out = new ArrayList<>();
        statement
                .path("elements")
                .forEach(e -> out.add(new Element(
                        e.path("element").asText(),
                        e.path("label").asText(),
                        e.path("agreed").asText(),
                        e.path("measured").asText(),
                        e.path("met").asBoolean())));
        return out;
    }

    static List<Interval> intervals(JsonNode statement, ZoneId zone) {
        List<Interval> out = new ArrayList<>();
        statement.path("intervals").forEach(i -> {
            List<String> services = new ArrayList<>();
            i.path("services").forEach(x -> services.add(x.asText()));
            out.add(new Interval(
                    Pages.local(i.path("start").asText(), zone),
                    i.path("end").isNull()
                            ? "ongoing"
                            : Pages.local(i.path("end").asText(), zone),
                    i.path("seconds").asLong(),
                    Pages.duration(i.path("seconds").asLong()),
                    String.join(", ", services),
                    i.path("counted").asBoolean(),
                    i.path("reason").asText("")));
        });
        return out;
    }

    static List<Ticket> tickets(JsonNode tickets, ZoneId zone) {
        List<Ticket> out = new ArrayList<>();
        tickets.forEach(t -> out.add(new Ticket(
                t.path("externalId").asText(),
                t.path("kind").asText(),
                t.path("priority").asText(),
                Pages.local(t.path("reportedAt").asText(), zone),
                Pages.local(t.path("respondedAt").asText(""), zone),
                Pages.local(t.path("resolvedAt").asText(""), zone))));
        return out;
    }

    static List<Notice> notices(JsonNode notices, ZoneId zone) {
        List<Notice> out = new ArrayList<>();
        notices.forEach(n -> {
            List<String> deliveries = new ArrayList<>();
            n.path("deliveries")
                    .forEach(d -> deliveries.add(d.path("recipient").asText() + ": "
                            + d.path("status").asText()));
            out.add(new Notice(
                    n.path("id").asText(),
                    n.path("kind").asText(),
                    n.path("element").asText(""),
                    n.path("status").asText(),
                    n.path("subject").asText(""),
                    Pages.local(n.path("createdAt").asText(), zone),
                    String.join("; ", deliveries)));
        });
        return out;
    }

    static List<Version> versions(JsonNode versions, ZoneId zone) {
        List<Version> out = new ArrayList<>();
        versions.forEach(v -> out.add(new Version(
                v.path("version").asLong(), Pages.local(v.path("validFrom").asText(), zone))));
        return out;
    }
}
