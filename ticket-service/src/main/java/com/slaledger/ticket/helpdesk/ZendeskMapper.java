package com.slaledger.ticket.helpdesk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.events.TicketKind;
import com.slaledger.ledger.engine.TicketMerge;
import com.slaledger.ticket.TicketConfig;
import com.slaledger.ticket.ticket.NewTicket;

/**
 * Zendesk ticket event webhooks onto ticket operations:
 * <ul>
 *   <li>{@code zen:event-type:ticket.created}: record a ticket with externalId
 *       {@code zendesk:<detail.id>}, contract and service from {@code detail.tags}
 *       ({@link HelpdeskTags}), subject {@code detail.subject}, reportedAt {@code detail.created_at},
 *       priority from {@code detail.priority} ({@link #priority}: URGENT P1, HIGH P2, NORMAL P3, LOW
 *       P4; none P3);
 *   <li>{@code zen:event-type:ticket.comment_added} of a public comment by an agent
 *       ({@code event.comment.is_public} and {@code event.comment.author.is_staff}): the first
 *       response, at the event's {@code time} (the earliest one counts; private notes and the
 *       requester's own comments are not responses);
 *   <li>{@code zen:event-type:ticket.status_changed} to SOLVED or CLOSED: resolve it at the
 *       event's {@code time}; to PENDING or HOLD: pause its resolution clock then (SPEC §16.4);
 *       to any other status: unpause it (when it was ever paused);
 *   <li>anything else, or a ticket without the contract and service tags: ignored.
 * </ul>
 */
@Singleton
public final class ZendeskMapper {

    private final HelpdeskTags tags;

    @Inject
    public ZendeskMapper(TicketConfig config) {
        this(HelpdeskTags.of(config.helpdesk()));
    }

    public ZendeskMapper(HelpdeskTags tags) {
        this.tags = tags;
    }

    public HelpdeskAction map(JsonNode body) {
        String type = body == null ? "" : body.path("type").asText("");
        JsonNode detail = body == null ? null : body.path("detail");
        if (detail == null || !detail.hasNonNull("id")) {
            return new HelpdeskAction.Ignore("not a Zendesk ticket event");
        }
        String externalId = "zendesk:" + detail.path("id").asText();
        switch (type) {
            case "zen:event-type:ticket.created" -> {
                List<String> tagList = texts(detail.path("tags"));
                var contract = tags.contract(tagList);
                var service = tags.service(tagList);
                if (contract.isEmpty() || service.isEmpty()) {
                    return new HelpdeskAction.Ignore("ticket has no contract and service tags");
                }
                return new HelpdeskAction.Open(new NewTicket(
                        externalId,
                        contract.get(),
                        service.get(),
                        tags.outage(tagList) ? TicketKind.OUTAGE : TicketKind.REQUEST,
                        NewTicket.clipSubject(detail.path("subject").asText(null)),
                        instant(detail.path("created_at").asText(null)),
                        priority(detail.path("priority").asText(null))));
            }
            case "zen:event-type:ticket.comment_added" -> {
                JsonNode comment = body.path("event").path("comment");
                if (!comment.path("is_public").asBoolean(false)
                        || !comment.path("author").path("is_staff").asBoolean(false)) {
                    return new HelpdeskAction.Ignore("not a public reply by an agent");
                }
                String contract = tags.contract(texts(detail.path("tags"))).orElse(null);
                return new HelpdeskAction.Respond(
                        externalId, contract, instant(body.path("time").asText(null)));
            }
            case "zen:event-type:ticket.status_changed" -> {
                String status = body.path("event")
                        .path("current")
                        .asText(detail.path("status").asText(""));
                String normalised = status.toUpperCase(Locale.ROOT);
                String contract = tags.contract(texts(detail.path("tags"))).orElse(null);
                Instant at = instant(body.path("time").asText(null));
                if (normalised.isEmpty()) {
                    return new HelpdeskAction.Ignore("status change without a status");
                }
                if (!normalised.equals("SOLVED") && !normalised.equals("CLOSED")) {
                    boolean pauses = normalised.equals("PENDING") || normalised.equals("HOLD");
                    return new HelpdeskAction.Pause(externalId, contract, at, pauses, false);
                }
                return new HelpdeskAction.Resolve(externalId, contract, at);
            }
            default -> {
                return new HelpdeskAction.Ignore("event type " + type + " is not used");
            }
        }
    }

    /**
     * Zendesk's priorities onto SPEC §5.2's: {@code URGENT} P1, {@code HIGH} P2, {@code NORMAL} P3,
     * {@code LOW} P4 (any case); none, or anything else, the default P3.
     */
    static String priority(String zendesk) {
        if (zendesk == null) {
            return TicketMerge.DEFAULT_PRIORITY;
        }
        return switch (zendesk.toUpperCase(Locale.ROOT)) {
            case "URGENT" -> "P1";
            case "HIGH" -> "P2";
            case "LOW" -> "P4";
            default -> TicketMerge.DEFAULT_PRIORITY;
        };
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
