package com.slaledger.ticket.helpdesk;

import java.util.List;
import java.util.Optional;

import com.slaledger.ticket.TicketConfig;

/**
 * How a help-desk ticket says which contract and service it is about: tags (Zendesk) or labels
 * (Jira) with configurable prefixes, by default {@code sla_contract_<contractId>},
 * {@code sla_service_<serviceId>}, and {@code sla_outage} for an outage report (without it the
 * ticket is a REQUEST). Tags work on every installation, where custom field ids differ.
 */
public record HelpdeskTags(String contractPrefix, String servicePrefix, String outageTag) {

    public static final HelpdeskTags DEFAULT = new HelpdeskTags("sla_contract_", "sla_service_", "sla_outage");

    public static HelpdeskTags of(TicketConfig.Helpdesk config) {
        return new HelpdeskTags(config.contractTagPrefix(), config.serviceTagPrefix(), config.outageTag());
    }

    public Optional<String> contract(List<String> tags) {
        return valueOf(tags, contractPrefix);
    }

    public Optional<String> service(List<String> tags) {
        return valueOf(tags, servicePrefix);
    }

    public boolean outage(List<String> tags) {
        return tags.contains(outageTag);
    }

    private static Optional<String> valueOf(List<String> tags, String prefix) {
        return tags.stream()
                .filter(t -> t.startsWith(prefix) && t.length() > prefix.length())
                .map(t -> t.substring(prefix.length()))
                .findFirst();
    }
}
