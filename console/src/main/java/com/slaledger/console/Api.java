package com.slaledger.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The services' public APIs, called with the signed-in person's own bearer token: the console
 * sees and may do exactly what that token may (a customer's token reads its own contracts only).
 */
@ApplicationScoped
public class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsoleConfig config;
    private final HttpClient http;

    public Api(ConsoleConfig config) {
        this.config = config;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What a service answered. */
    public record Reply(int status, String contentType, byte[] body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return body.length == 0 ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        /** The problem's detail and each offending field (RFC 9457), for a page to show. */
        public String problem() {
            JsonNode p = json();
            StringBuilder b =
                    new StringBuilder(p.path("detail").asText(p.path("title").asText("HTTP " + status)));
            for (JsonNode v : p.path("violations")) {
                b.append("\n")
                        .append(v.path("field").asText())
                        .append(": ")
                        .append(v.path("message").asText());
            }
            return b.toString();
        }
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

    public Reply get(String token, String url) {
        return send(token, "GET", url, "application/json", null);
    }

    public Reply get(String token, String url, String accept) {
        return send(token, "GET", url, accept, null);
    }

    public Reply send(String token, String method, String url, String accept, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("Accept", accept)
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            return new Reply(
                    503,
                    "text/plain",
                    ("cannot reach " + url + ": " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(503, "text/plain", "interrupted".getBytes(StandardCharsets.UTF_8));
        }
    }
}
