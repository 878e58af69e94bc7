package com.slaledger.ticket.helpdesk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Help-desk webhook payloads from test resources helpdesk/*.json. */
final class HelpdeskSamples {

    private HelpdeskSamples() {}

    static String text(String name, String id, String contract) throws IOException {
        try (InputStream in = HelpdeskSamples.class.getResourceAsStream("/helpdesk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@ID@", id)
                    .replace("@CONTRACT@", contract);
        }
    }

    static JsonNode json(String name, String id, String contract) throws IOException {
        return new ObjectMapper().readTree(text(name, id, contract));
    }
}
