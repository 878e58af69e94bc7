package com.slaledger.ticket.helpdesk;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.events.TicketKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented mapping of Zendesk and Jira webhooks onto ticket operations. */
class HelpdeskMapperTest {

    private final ZendeskMapper zendesk = new ZendeskMapper(HelpdeskTags.DEFAULT);
    private final JiraMapper jira = new JiraMapper(HelpdeskTags.DEFAULT);

    @Test
    void zendeskTicketCreatedRecordsAnOutage() throws IOException {
        var action = (HelpdeskAction.Open) zendesk.map(HelpdeskSamples.json("zendesk-created.json", "35436", "acme"));
        var t = action.ticket();
        assertThat(t.externalId()).isEqualTo("zendesk:35436");
        assertThat(t.contractId()).isEqualTo("acme");
        assertThat(t.serviceId()).isEqualTo("api");
        assertThat(t.kind()).isEqualTo(TicketKind.OUTAGE);
        assertThat(t.subject()).isEqualTo("API returns 503");
        assertThat(t.reportedAt()).isEqualTo(Instant.parse("2026-10-03T14:20:00Z"));
    }

    @Test
    void zendeskSolvedResolves() throws IOException {
        var action = (HelpdeskAction.Resolve) zendesk.map(HelpdeskSamples.json("zendesk-solved.json", "35436", "acme"));
        assertThat(action.externalId()).isEqualTo("zendesk:35436");
        assertThat(action.resolvedAt()).isEqualTo(Instant.parse("2026-10-03T16:00:00Z"));
    }

    @Test
    void jiraIssueCreatedRecordsARequestWithoutTheOutageLabel() throws IOException {
        var action = (HelpdeskAction.Open) jira.map(HelpdeskSamples.json("jira-created.json", "SUP-7", "acme"));
        assertThat(action.ticket().externalId()).isEqualTo("jira:SUP-7");
        assertThat(action.ticket().kind()).isEqualTo(TicketKind.REQUEST);
        assertThat(action.ticket().reportedAt()).isEqualTo(Instant.parse("2026-10-03T14:20:00Z"));
    }

    @Test
    void jiraDoneResolvesAtTheResolutionDate() throws IOException {
        var action = (HelpdeskAction.Resolve) jira.map(HelpdeskSamples.json("jira-resolved.json", "SUP-7", "acme"));
        assertThat(action.resolvedAt()).isEqualTo(Instant.parse("2026-10-03T16:00:00Z"));
    }

    @Test
    void unrelatedEventsAreIgnored() throws IOException {
        var json = new ObjectMapper();
        assertThat(zendesk.map(json.readTree(
                        "{\"type\":\"zen:event-type:ticket.priority_changed\",\"detail\":{\"id\":\"1\"}}")))
                .isInstanceOf(HelpdeskAction.Ignore.class);
        assertThat(zendesk.map(json.readTree(HelpdeskSamples.text("zendesk-created.json", "1", "acme")
                        .replace("sla_service_api", "other"))))
                .isInstanceOf(HelpdeskAction.Ignore.class);
        assertThat(jira.map(json.readTree("{\"webhookEvent\":\"jira:issue_deleted\",\"issue\":{\"key\":\"X-1\"}}")))
                .isInstanceOf(HelpdeskAction.Ignore.class);
        assertThat(jira.map(json.readTree("[]"))).isInstanceOf(HelpdeskAction.Ignore.class);
    }

    /** SPEC §16.4: Zendesk's PENDING (and HOLD) pause the resolution clock, any other open status unpauses. */
    @Test
    void zendeskPendingPausesAndOpenUnpauses() throws IOException {
        var pause = (HelpdeskAction.Pause) zendesk.map(HelpdeskSamples.json("zendesk-pending.json", "35436", "acme"));
        assertThat(pause.externalId()).isEqualTo("zendesk:35436");
        assertThat(pause.contractId()).isEqualTo("acme");
        assertThat(pause.paused()).isTrue();
        assertThat(pause.respond()).isFalse();
        assertThat(pause.at()).isEqualTo(Instant.parse("2026-11-06T17:30:00Z"));
        var hold = (HelpdeskAction.Pause) zendesk.map(new ObjectMapper()
                .readTree(HelpdeskSamples.text("zendesk-pending.json", "35436", "acme")
                        .replace("PENDING", "HOLD")));
        assertThat(hold.paused()).isTrue();
        var open = (HelpdeskAction.Pause) zendesk.map(new ObjectMapper()
                .readTree(HelpdeskSamples.text("zendesk-pending.json", "35436", "acme")
                        .replace("PENDING", "OPEN")));
        assertThat(open.paused()).isFalse();
    }

    /** Jira: a transition is the first response; into a status of jira-pause-statuses it also pauses. */
    @Test
    void jiraWaitingForCustomerPausesAndOtherTransitionsUnpause() throws IOException {
        var waiting = (HelpdeskAction.Pause) jira.map(HelpdeskSamples.json("jira-waiting.json", "SUP-7", "acme"));
        assertThat(waiting.externalId()).isEqualTo("jira:SUP-7");
        assertThat(waiting.paused()).isTrue();
        assertThat(waiting.respond()).isTrue();
        assertThat(waiting.at()).isEqualTo(Instant.ofEpochMilli(1791037800000L));
        var progress = (HelpdeskAction.Pause) jira.map(HelpdeskSamples.json("jira-transitioned.json", "SUP-7", "acme"));
        assertThat(progress.paused()).isFalse();
        assertThat(progress.respond()).isTrue();
        var custom = new JiraMapper(HelpdeskTags.DEFAULT, java.util.List.of("Pending vendor", "in progress"));
        assertThat(((HelpdeskAction.Pause) custom.map(HelpdeskSamples.json("jira-transitioned.json", "SUP-7", "acme")))
                        .paused())
                .as("status names compare in any case")
                .isTrue();
    }
}
