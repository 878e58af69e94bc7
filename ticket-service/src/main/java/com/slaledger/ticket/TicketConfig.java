package com.slaledger.ticket;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ticket-service's settings (ticket.*); every key is documented in docs/operations.md. */
@ConfigMapping(prefix = "ticket")
public interface TicketConfig {

    Helpdesk helpdesk();

    /** How help-desk tickets name their contract, service and kind (see HelpdeskTags). */
    interface Helpdesk {

        @WithDefault("sla_contract_")
        String contractTagPrefix();

        @WithDefault("sla_service_")
        String serviceTagPrefix();

        @WithDefault("sla_outage")
        String outageTag();

        /**
         * Zendesk's signing secret for the webhook; when set, every Zendesk request must carry a
         * valid X-Zendesk-Webhook-Signature (401 otherwise).
         */
        Optional<String> zendeskSecret();

        /** Jira's webhook secret; when set, every Jira request must carry a valid X-Hub-Signature. */
        Optional<String> jiraSecret();

        /**
         * How long a signed Jira delivery is remembered (by X-Atlassian-Webhook-Identifier, else the
         * body's SHA-256): the same delivery again within it is a 409 and changes nothing.
         */
        @WithDefault("P7D")
        Duration replayWindow();

        /**
         * The Jira statuses (by name, any case) that pause a ticket's resolution clock while the
         * provider waits on the customer (SPEC §16.4); any other status unpauses it.
         */
        @WithDefault("Waiting for customer")
        List<String> jiraPauseStatuses();
    }
}
