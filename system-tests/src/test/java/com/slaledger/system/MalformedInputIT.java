package com.slaledger.system;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.slaledger.client.SlaClient;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of every service, given malformed input, answers with an RFC 9457
 * {@code application/problem+json} body and a 4xx status: never a 5xx, never a bare page.
 */
@ExtendWith(SystemStack.class)
class MalformedInputIT {

    private final SlaClient api = SystemStack.client();

    private record Bad(String service, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + service + path + (body == null ? "" : " " + body);
        }
    }

    private static final String JSON = "application/json";
    private static final String TRUNCATED = "{\"serviceId\": \"api\", ";

    private List<Bad> cases() {
        SlaClient.Endpoints e = SystemStack.ENDPOINTS;
        String m = e.monitor(), t = e.ticket(), l = e.ledger(), n = e.notification();
        List<Bad> cases = new ArrayList<>();
        // monitor-service
        for (String body : List.of(
                TRUNCATED,
                "[1, 2]",
                "\"DOWN\"",
                "{\"serviceId\": \"api\", \"probeId\": \"p 1\", \"status\": \"SIDEWAYS\", \"observedAt\": \"yesterday\"}",
                "{\"serviceId\": \"api\", \"probeId\": \"p1\", \"status\": \"DOWN\", \"observedAt\": \"2999-01-01T00:00:00Z\"}",
                "{\"serviceId\": [], \"probeId\": {}, \"status\": 7}")) {
            cases.add(new Bad(m, "POST", "/api/v1/health-events", JSON, body));
        }
        cases.add(new Bad(m, "POST", "/api/v1/health-events", "text/plain", "api is down"));
        for (String body : List.of(TRUNCATED, "{\"alerts\": \"none\"}", "{\"alerts\": [{\"status\": \"firing\"}]}")) {
            cases.add(new Bad(m, "POST", "/api/v1/alertmanager", JSON, body));
        }
        // ticket-service
        for (String body : List.of(
                TRUNCATED,
                "[]",
                "{\"kind\": \"OUTAGE\"}",
                "{\"externalId\": \"X-1\", \"contractId\": \"No Such!\", \"serviceId\": \"api\", \"kind\": \"FIRE\","
                        + " \"reportedAt\": \"2999-01-01T00:00:00Z\"}",
                "{\"externalId\": \"X-2\", \"contractId\": \"unknown-contract\", \"serviceId\": \"api\","
                        + " \"kind\": \"OUTAGE\", \"subject\": \"down\"}")) {
            cases.add(new Bad(t, "POST", "/api/v1/tickets", JSON, body));
        }
        cases.add(new Bad(t, "POST", "/api/v1/tickets/no-such-ticket/resolve", JSON, "{}"));
        cases.add(new Bad(t, "POST", "/api/v1/tickets/no-such-ticket/resolve", JSON, TRUNCATED));
        cases.add(new Bad(t, "POST", "/api/v1/tickets/no-such-ticket/resolve", JSON, "{\"resolvedAt\": \"soon\"}"));
        cases.add(new Bad(t, "GET", "/api/v1/tickets/no-such-ticket", null, null));
        for (String hook : List.of("zendesk", "jira")) {
            cases.add(new Bad(t, "POST", "/api/v1/webhooks/" + hook, JSON, TRUNCATED));
            cases.add(new Bad(t, "POST", "/api/v1/webhooks/" + hook, JSON, "[\"ticket\"]"));
        }
        // sla-ledger-service
        cases.add(new Bad(l, "PUT", "/api/v1/contracts/Bad_Id!", JSON, "{}"));
        cases.add(new Bad(l, "PUT", "/api/v1/contracts/acme-bad", JSON, TRUNCATED));
        cases.add(new Bad(l, "PUT", "/api/v1/contracts/acme-bad", JSON, "[]"));
        cases.add(new Bad(
                l,
                "PUT",
                "/api/v1/contracts/acme-bad",
                JSON,
                "{\"customer\": {\"name\": \"\", \"noticeEmails\": [\"not-an-address\"]}, \"services\": [],"
                        + " \"policy\": \"SOMETIMES\", \"uptimeTargetPercent\": 120, \"minimumDowntime\": \"-PT5M\","
                        + " \"timezone\": \"Mars/Olympus\", \"creditTiers\": [{\"belowPercent\": 99,"
                        + " \"creditPercent\": 150}, {\"belowPercent\": 99, \"creditPercent\": 5}]}"));
        cases.add(new Bad(l, "PUT", "/api/v1/contracts/acme-bad", JSON, "{\"uptimeTargetPercent\": \"high\"}"));
        cases.add(new Bad(l, "GET", "/api/v1/contracts/no-such-contract", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/contracts/no-such-contract/statements/2026-10", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/contracts/no-such-contract/statements/2026-13", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/contracts/no-such-contract/statements/last-month", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/contracts/no-such-contract/downtime", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/contracts/no-such-contract/downtime?from=yesterday", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/contracts/no-such-contract/shortfalls", null, null));
        cases.add(new Bad(l, "PUT", "/api/v1/services/api-bad", JSON, TRUNCATED));
        cases.add(new Bad(l, "PUT", "/api/v1/services/api-bad", JSON, "{\"downQuorum\": 0}"));
        cases.add(new Bad(l, "PUT", "/api/v1/services/api-bad", JSON, "{\"downQuorum\": \"two\"}"));
        cases.add(new Bad(l, "PUT", "/api/v1/services/bad%20id", JSON, "{\"name\": \"x\"}"));
        cases.add(new Bad(l, "GET", "/api/v1/services/api/observations?from=yesterday", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/services/api/observations?limit=0", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/services/api/observations?limit=many", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/audit?limit=0", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/audit?limit=5000", null, null));
        cases.add(new Bad(l, "GET", "/api/v1/audit?after=yesterday", null, null));
        // notification-service
        cases.add(new Bad(n, "GET", "/api/v1/notices/no-such-notice", null, null));
        cases.add(new Bad(n, "POST", "/api/v1/notices/no-such-notice/resend", null, null));
        // Paths that do not exist at all, on each service.
        Stream.of(m, t, l, n).forEach(s -> cases.add(new Bad(s, "GET", "/api/v1/no-such-thing", null, null)));
        return cases;
    }

    @Test
    void everyEndpointAnswersMalformedInputWithAProblemAndNo5xx() {
        SoftAssertions soft = new SoftAssertions();
        for (Bad bad : cases()) {
            SlaClient.Reply reply = api.send(bad.method(), bad.service() + bad.path(), bad.contentType(), bad.body());
            String what = bad + " -> " + SlaClient.describe(reply);
            soft.assertThat(reply.status()).as(what).isBetween(400, 499);
            soft.assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
            if (reply.json() != null) {
                soft.assertThat(reply.json().path("status").asInt()).as(what).isEqualTo(reply.status());
                soft.assertThat(reply.json().path("type").asText()).as(what).isNotBlank();
                soft.assertThat(reply.json().path("title").asText()).as(what).isNotBlank();
                soft.assertThat(reply.json().path("detail").asText()).as(what).isNotBlank();
                soft.assertThat(reply.body()).as(what).doesNotContain("at com.", "at io.", "Exception:");
            }
        }
        soft.assertAll();
    }

    @Test
    void aRejectedContractChangesNothing() {
        SlaClient.Reply reply = api.send(
                "PUT",
                SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/never-stored",
                JSON,
                "{\"policy\": \"NOPE\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("violations")).isNotEmpty();
        assertThat(api.get(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/never-stored")
                        .status())
                .isEqualTo(404);
    }
}
