package com.slaledger.console;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.slaledger.client.SlaClient;

/**
 * The services' public APIs through the system's own client ({@link SlaClient}), called with the
 * signed-in person's own bearer token: the console sees and may do exactly what that token may (a
 * customer's token reads its own contracts only). A service that cannot be reached is a 503 reply,
 * for the page to say so.
 */
@ApplicationScoped
public class Services {

    private final SlaClient client;
    private final ConsoleConfig config;

    public Services(ConsoleConfig config) {
        this.config = config;
        this.client = new SlaClient(
                        new SlaClient.Endpoints(
                                "", config.ticketUrl(), config.ledgerUrl(), config.notificationUrl(), ""),
                        null)
                .withTimeout(config.timeout());
    }

    /**
     * Where calendar programs reach the ledger's maintenance feed: {@code console.feed-base-url},
     * or the ledger's own address when the console reaches it the way customers do.
     */
    public String feedBase() {
        return config.feedBaseUrl().orElse(config.ledgerUrl());
    }

    public String ledger(String path) {
        return config.ledgerUrl() + path;
    }

    public String ticket(String path) {
        return config.ticketUrl() + path;
    }

    public String notification(String path) {
        return config.notificationUrl() + path;
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A reply's JSON; missing (every path empty) when it has none. */
    public static JsonNode json(SlaClient.Reply reply) {
        return reply.json() == null ? MissingNode.getInstance() : reply.json();
    }

    public SlaClient.Reply get(String token, String url) {
        return send(token, "GET", url, null);
    }

    /** GET's JSON, or missing when the service said no. */
    public JsonNode read(String token, String url) {
        return json(get(token, url));
    }

    public SlaClient.Reply send(String token, String method, String url, String json) {
        try {
            return client.as(token).send(method, url, "application/json", json);
        } catch (UncheckedIOException e) {
            return unreachable(url, e);
        }
    }

    public SlaClient.Download download(String token, String url, String accept) {
        try {
            return client.as(token).download(url, accept);
        } catch (UncheckedIOException e) {
            SlaClient.Reply r = unreachable(url, e);
            return new SlaClient.Download(r.status(), r.contentType(), r.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static SlaClient.Reply unreachable(String url, UncheckedIOException e) {
        return new SlaClient.Reply(
                503, "text/plain", "cannot reach " + url + ": " + e.getCause().getMessage(), null);
    }
}
