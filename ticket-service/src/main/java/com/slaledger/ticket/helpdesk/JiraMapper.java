package com.slaledger.ticket.helpdesk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.events.TicketKind;
import com.slaledger.ledger.engine.TicketMerge;
import com.slaledger.ticket.TicketConfig;
import com.slaledger.ticket.ticket.NewTicket;

/**
 * Jira Service Management issue webhooks onto ticket operations:
 * <ul>
 *   <li>{@code jira:issue_created}: record a ticket with externalId {@code jira:<issue.key>},
 *       contract and service from {@code issue.fields.labels} ({@link HelpdeskTags}), subject
 *       {@code fields.summary}, reportedAt {@code fields.created}, priority from
 *       {@code fields.priority.name} ({@link #priority});
 *   <li>{@code jira:issue_updated} whose status category is {@code done}: resolve it at
 *       {@code fields.resolutiondate} (else the webhook's {@code timestamp});
 *   <li>any other {@code jira:issue_updated} whose changelog moves the status: the first response,
 *       at the webhook's {@code timestamp} (the earliest counts, so the first transition out of the
 *       initial status is the one that stays); and a pause of the resolution clock when the new
 *       status is one of {@code ticket.helpdesk.jira-pause-statuses}, an unpause otherwise (SPEC §16.4);
 *   <li>anything else, or an issue without the labels: ignored.
 * </ul>
 */
@Singleton
public final class JiraMapper {

    /** Jira writes offsets without a colon: 2026-10-03T14:20:00.000+0000. */
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** Jira Service Management's status for waiting on the customer. */
    public static final List<String> DEFAULT_PAUSE_STATUSES = List.of("Waiting for customer");

    private final HelpdeskTags tags;
    private final Set<String> pauseStatuses;

    @Inject
    public JiraMapper(TicketConfig config) {
        this(HelpdeskTags.of(config.helpdesk()), config.helpdesk().jiraPauseStatuses());
    }

    public JiraMapper(HelpdeskTags tags) {
        this(tags, DEFAULT_PAUSE_STATUSES);
    }

    public JiraMapper(HelpdeskTags tags, List<String> pauseStatuses) {
        this.tags = tags;
        this.pauseStatuses = pauseStatuses.stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public HelpdeskAction map(JsonNode body) {
        String event = body == null ? "" : body.path("webhookEvent").asText("");
        JsonNode issue = body == null ? null : body.path("issue");
        if (issue == null || !issue.hasNonNull("key")) {
            return new HelpdeskAction.Ignore("not a Jira issue event");
        }
        String externalId = "jira:" + issue.path("key").asText();
        JsonNode fields = issue.path("fields");
        switch (event) {
            case "jira:issue_created" -> {
                List<String> labels = ZendeskMapper.texts(fields.path("labels"));
                var contract = tags.contract(labels);
                var service = tags.service(labels);
                if (contract.isEmpty() || service.isEmpty()) {
                    return new HelpdeskAction.Ignore("issue has no contract and service labels");
                }
                return new HelpdeskAction.Open(new NewTicket(
                        externalId,
                        contract.get(),
                        service.get(),
                        tags.outage(labels) ? TicketKind.OUTAGE : TicketKind.REQUEST,
                        NewTicket.clipSubject(fields.path("summary").asText(null)),
                        instant(fields.path("created").asText(null)),
                        priority(fields.path("priority").path("name").asText(null))));
            }
            case "jira:issue_updated" -> {
                String category =
                        fields.path("status").path("statusCategory").path("key").asText("");
                String contractOfIssue = tags.contract(ZendeskMapper.texts(fields.path("labels")))
                        .orElse(null);
                if (!category.equals("done")) {
                    if (!movesStatus(body.path("changelog")) || !body.hasNonNull("timestamp")) {
                        return new HelpdeskAction.Ignore("status category " + category + " does not resolve");
                    }
                    String status = fields.path("status").path("name").asText("");
                    return new HelpdeskAction.Pause(
                            externalId,
                            contractOfIssue,
                            Instant.ofEpochMilli(body.path("timestamp").asLong()),
                            pauseStatuses.contains(status.strip().toLowerCase(Locale.ROOT)),
                            true);
                }
                Instant at = instant(fields.path("resolutiondate").asText(null));
                if (at == null && body.hasNonNull("timestamp")) {
                    at = Instant.ofEpochMilli(body.path("timestamp").asLong());
                }
                return new HelpdeskAction.Resolve(externalId, contractOfIssue, at);
            }
            default -> {
                return new HelpdeskAction.Ignore("event " + event + " is not used");
            }
        }
    }

    /** Whether a changelog moves the issue's status (a transition). */
    static boolean movesStatus(JsonNode changelog) {
        for (JsonNode item : changelog.path("items")) {
            if ("status".equals(item.path("field").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Jira's priority names onto SPEC §5.2's: {@code Highest}, {@code Blocker}, {@code Critical} P1;
     * {@code High}, {@code Major} P2; {@code Medium} P3; {@code Low}, {@code Lowest}, {@code Minor},
     * {@code Trivial} P4; a scheme that already names them {@code P1}..{@code P4} as is; anything
     * else, or none, the default P3.
     */
    static String priority(String jira) {
        if (jira == null) {
            return TicketMerge.DEFAULT_PRIORITY;
        }
        String name = jira.strip().toUpperCase(Locale.ROOT);
        if (name.matches("P[1-4]")) {
            return name;
        }
        return switch (name) {
            case "HIGHEST", "BLOCKER", "CRITICAL" -> "P1";
            case "HIGH", "MAJOR" -> "P2";
            case "LOW", "LOWEST", "MINOR", "TRIVIAL" -> "P4";
            default -> TicketMerge.DEFAULT_PRIORITY;
        };
    }

    static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, JIRA_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return ZendeskMapper.instant(text);
        }
    }
}
