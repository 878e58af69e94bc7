package com.slaledger.ticket;

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
    }
}
