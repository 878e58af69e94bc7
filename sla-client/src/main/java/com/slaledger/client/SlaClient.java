package com.slaledger.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The system as its outside clients see it: the four services' HTTP APIs and the mail sink's
 * (GreenMail) REST API for what arrived by SMTP. Nothing here knows how the services work inside.
 */
public final class SlaClient {

    /** One HTTP exchange: the status, the Content-Type and the body (parsed when it is JSON). */
    public record Reply(int status, String contentType, String body, JsonNode json) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** An RFC 9457 problem as people read it: its detail, then each offending field. */
        public String problem() {
            if (json == null) {
                return body == null || body.isBlank() ? "HTTP " + status : body;
            }
            StringBuilder b = new StringBuilder(
                    json.path("detail").asText(json.path("title").asText("HTTP " + status)));
            for (JsonNode v : json.path("violations")) {
                b.append("\n")
                        .append(v.path("field").asText())
                        .append(": ")
                        .append(v.path("message").asText());
            }
            return b.toString();
        }
    }

    /** A document as the service sent it (a statement's CSV or PDF): status, Content-Type, bytes. */
    public record Download(int status, String contentType, byte[] body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** One e-mail as the mail sink stored it. */
    public record Mail(String recipient, String subject, String message) {}

    /** Where each part of the system answers. */
    public record Endpoints(String monitor, String ticket, String ledger, String notification, String mailApi) {
        public static Endpoints localDefaults() {
            return new Endpoints(
                    "http://localhost:8081",
                    "http://localhost:8082",
                    "http://localhost:8083",
                    "http://localhost:8084",
                    "http://127.0.0.1:8025");
        }
    }

    /** Decimals exactly as sent (100.00 stays 100.00, never 1E+2). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final Endpoints endpoints;
    /** The bearer token sent with every request to the services; null sends none. */
    private final String token;

    /** How long a request may take. */
    private final Duration timeout;

    /** One HTTP client for every caller of this JVM (thread-safe; a client per caller would be a pool each). */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public SlaClient(Endpoints endpoints, String token) {
        this(endpoints, token, Duration.ofSeconds(60));
    }

    private SlaClient(Endpoints endpoints, String token, Duration timeout) {
        this.endpoints = endpoints;
        this.token = token;
        this.timeout = timeout;
    }

    /** The same system, as another caller: every request carries {@code otherToken} (or none when null). */
    public SlaClient as(String otherToken) {
        return new SlaClient(endpoints, otherToken, timeout);
    }

    /** The same, with requests that may take at most {@code limit}. */
    public SlaClient withTimeout(Duration limit) {
        return new SlaClient(endpoints, token, limit);
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    // ---- raw exchanges --------------------------------------------------------------------

    private HttpRequest.Builder request(String method, String url, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (token != null && (endpoints.mailApi().isEmpty() || !url.startsWith(endpoints.mailApi()))) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            request.header("Content-Type", contentType);
        }
        return request;
    }

    /** A document in the form {@code accept} names, as bytes. */
    public Download download(String url, String accept) {
        try {
            HttpResponse<byte[]> response = HTTP.send(
                    request("GET", url, null, null).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + url, e);
        }
    }

    public Reply send(String method, String url, String contentType, String body) {
        HttpRequest.Builder request = request(method, url, contentType, body);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Reply(response.statusCode(), type, response.body(), parse(type, response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }

    public Reply get(String url) {
        return send("GET", url, null, null);
    }

    public Reply postJson(String url, Object body) {
        return send("POST", url, "application/json", write(body));
    }

    public Reply putJson(String url, Object body) {
        return send("PUT", url, "application/json", write(body));
    }

    // ---- the services ---------------------------------------------------------------------

    public Reply putService(String serviceId, String name, int downQuorum) {
        return expect(
                putJson(
                        endpoints.ledger() + "/api/v1/services/" + serviceId,
                        Map.of("name", name, "downQuorum", downQuorum)),
                200,
                201);
    }

    public Reply putContract(String contractId, Map<String, Object> contract) {
        return expect(putJson(endpoints.ledger() + "/api/v1/contracts/" + contractId, contract), 200, 201);
    }

    /** Posts observations in batches; each batch must be acknowledged with 202. */
    public int postObservations(List<Map<String, Object>> observations, int batchSize) {
        int accepted = 0;
        for (int from = 0; from < observations.size(); from += batchSize) {
            List<Map<String, Object>> batch =
                    observations.subList(from, Math.min(observations.size(), from + batchSize));
            Reply reply = expect(postJson(endpoints.monitor() + "/api/v1/health-events", batch), 202);
            accepted += reply.json().path("accepted").asInt();
        }
        return accepted;
    }

    /**
     * Opens a ticket, waiting while ticket-service does not know the contract yet (its view of the
     * contracts follows the ledger's compacted topic, so a contract just stored may take a moment).
     * Returns the ticket's id.
     */
    public String openTicket(Map<String, Object> ticket, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Reply reply = postJson(endpoints.ticket() + "/api/v1/tickets", ticket);
            if (reply.status() == 201 || reply.status() == 200) {
                return reply.json().path("id").asText();
            }
            if (reply.status() != 422 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("opening ticket " + ticket + ": " + describe(reply));
            }
            pause(Duration.ofMillis(300));
        }
    }

    public Reply resolveTicket(String ticketId, Instant resolvedAt) {
        return expect(
                postJson(
                        endpoints.ticket() + "/api/v1/tickets/" + ticketId + "/resolve",
                        Map.of("resolvedAt", resolvedAt.toString())),
                200);
    }

    /** Records the provider's first response to a ticket (SPEC §5.2); only the first counts. */
    public Reply respondTicket(String ticketId, Instant respondedAt) {
        return expect(
                postJson(
                        endpoints.ticket() + "/api/v1/tickets/" + ticketId + "/respond",
                        Map.of("respondedAt", respondedAt.toString())),
                200);
    }

    /** Pauses ({@code paused}) or unpauses a ticket's resolution clock at {@code at} (SPEC §16.4). */
    public Reply pauseTicket(String ticketId, boolean paused, Instant at) {
        return expect(
                postJson(
                        endpoints.ticket() + "/api/v1/tickets/" + ticketId + (paused ? "/pause" : "/unpause"),
                        Map.of("at", at.toString())),
                200);
    }

    /** Proposes an exclusion (SPEC §16.1); returns the answer (201 with its exclusionId). */
    public Reply proposeExclusion(String contractId, Map<String, Object> exclusion) {
        return postJson(endpoints.ledger() + "/api/v1/contracts/" + contractId + "/exclusions", exclusion);
    }

    /** Approves ({@code approve}) or rejects an exclusion, with a note. */
    public Reply decideExclusion(String contractId, String exclusionId, boolean approve, String note) {
        return postJson(
                endpoints.ledger() + "/api/v1/contracts/" + contractId + "/exclusions/" + exclusionId
                        + (approve ? "/approve" : "/reject"),
                Map.of("note", note));
    }

    /** Claims a period's credit (SPEC §17); returns the answer (201 with the claim, 422, 409). */
    public Reply claimCredit(String contractId, String period, String note) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("period", period);
        if (note != null) {
            body.put("note", note);
        }
        return postJson(endpoints.ledger() + "/api/v1/contracts/" + contractId + "/claims", body);
    }

    /** The credits the query selects ({@code query} like {@code contractId=acme&status=DUE}, or empty). */
    public Reply credits(String query) {
        return get(endpoints.ledger() + "/api/v1/credits" + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** The credits as CSV for billing. */
    public Download creditsCsv(String query) {
        return download(
                endpoints.ledger() + "/api/v1/credits" + (query == null || query.isEmpty() ? "" : "?" + query),
                "text/csv");
    }

    /** Approves a DUE credit. */
    public Reply approveCredit(String creditId) {
        return postJson(endpoints.ledger() + "/api/v1/credits/" + creditId + "/approve", Map.of());
    }

    /** Applies an APPROVED credit on an invoice. */
    public Reply applyCredit(String creditId, String invoiceReference) {
        return postJson(
                endpoints.ledger() + "/api/v1/credits/" + creditId + "/apply",
                Map.of("invoiceReference", invoiceReference));
    }

    /** Files a dispute (SPEC §17); returns the answer (201 with its disputeId). */
    public Reply fileDispute(String contractId, Map<String, Object> dispute) {
        return postJson(endpoints.ledger() + "/api/v1/contracts/" + contractId + "/disputes", dispute);
    }

    /** Accepts ({@code accept}) or rejects a dispute, with a note. */
    public Reply decideDispute(String disputeId, boolean accept, String note) {
        return postJson(
                endpoints.ledger() + "/api/v1/disputes/" + disputeId + (accept ? "/accept" : "/reject"),
                Map.of("note", note));
    }

    /** Stores a business calendar (SPEC §13.1). */
    public Reply putCalendar(String calendarId, Map<String, Object> calendar) {
        return expect(putJson(endpoints.ledger() + "/api/v1/calendars/" + calendarId, calendar), 200, 201);
    }

    /** Posts duty evidence (SPEC §13.3), one batch, which must be acknowledged with 202. */
    public Reply postDutyEvents(List<Map<String, Object>> events) {
        return expect(postJson(endpoints.monitor() + "/api/v1/duty-events", events), 202);
    }

    /** One piece of duty evidence as an agent posts it (SPEC §13.3). */
    public static Map<String, Object> dutyEvent(String dutyId, String outcome, Instant completedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dutyId", dutyId);
        m.put("outcome", outcome);
        m.put("completedAt", completedAt.toString());
        return m;
    }

    public JsonNode statement(String contractId, String period) {
        return expect(get(endpoints.ledger() + "/api/v1/contracts/" + contractId + "/statements/" + period), 200)
                .json();
    }

    public JsonNode shortfalls(String contractId) {
        return expect(get(endpoints.ledger() + "/api/v1/contracts/" + contractId + "/shortfalls"), 200)
                .json();
    }

    public JsonNode observations(String serviceId, Instant from) {
        return expect(
                        get(endpoints.ledger() + "/api/v1/services/" + serviceId + "/observations?from=" + from
                                + "&limit=10"),
                        200)
                .json();
    }

    public JsonNode notices(String contractId) {
        return expect(get(endpoints.notification() + "/api/v1/notices?contractId=" + encode(contractId)), 200)
                .json();
    }

    /** One health observation as a probe posts it (SPEC §5.1); eventId may be null. */
    public static Map<String, Object> observation(
            String eventId, String serviceId, String probeId, String status, Instant observedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (eventId != null) {
            m.put("eventId", eventId);
        }
        m.put("serviceId", serviceId);
        m.put("probeId", probeId);
        m.put("status", status);
        m.put("observedAt", observedAt.toString());
        return m;
    }

    // ---- the mail sink --------------------------------------------------------------------

    /** The messages the mail sink holds for one address (none when it has seen none). */
    public List<Mail> mails(String address) {
        Reply reply = get(endpoints.mailApi() + "/api/user/" + encode(address) + "/messages/");
        List<Mail> mails = new ArrayList<>();
        if (reply.status() != 200 || reply.json() == null) {
            return mails;
        }
        for (JsonNode m : reply.json()) {
            mails.add(new Mail(
                    address, m.path("subject").asText(), m.path("mimeMessage").asText()));
        }
        return mails;
    }

    // ---- helpers ---------------------------------------------------------------------------

    public static Reply expect(Reply reply, int... statuses) {
        for (int s : statuses) {
            if (reply.status() == s) {
                return reply;
            }
        }
        throw new IllegalStateException("unexpected answer: " + describe(reply));
    }

    public static String describe(Reply reply) {
        String body = reply.body() == null ? "" : reply.body();
        return reply.status() + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
    }

    public static String write(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String contentType, String body) {
        if (body == null || body.isBlank() || !contentType.contains("json")) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
