package com.slaledger.monitor.alertmanager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Alertmanager v4 webhook payloads from test resources alertmanager/*.json, for a given service label. */
public final class AlertmanagerSamples {

    private AlertmanagerSamples() {}

    public static JsonNode sample(String name, String service) throws IOException {
        try (InputStream in = AlertmanagerSamples.class.getResourceAsStream("/alertmanager/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@SERVICE@", service);
            return new ObjectMapper().readTree(text);
        }
    }
}
