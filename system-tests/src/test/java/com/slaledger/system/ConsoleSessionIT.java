package com.slaledger.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.LocalTokens;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's session as an attacker meets it (SPEC §12), over plain HTTP against the real
 * stack: the cookie is an opaque id that is no bearer token and dies at sign-out; a form posted
 * from another site (a foreign Origin) or without the page's CSRF token changes nothing; the
 * sign-in form has its own token (login CSRF); every page carries the protective headers. Before,
 * the cookie was the token itself, valid against the services for its whole lifetime, and a
 * cross-site POST replaced a contract's maintenance windows.
 */
@ExtendWith(SystemStack.class)
class ConsoleSessionIT {

    private static final String CONTRACT = "console-session";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirects
    private final SlaClient api = SystemStack.client();

    @Test
    void theCookieIsNoTokenAndNoOtherSiteCanActWithIt() throws Exception {
        Instant start = SystemStack.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", "Session Ltd", "noticeEmails", List.of("sla@session.example")));
        terms.put("services", List.of("sys-session"));
        terms.put("policy", "PROVIDER_MONITORED");
        terms.put("uptimeTargetPercent", 99.9);
        terms.put(
                "maintenanceWindows",
                List.of(Map.of(
                        "start", start.toString(), "end", start.plusSeconds(600).toString(), "reason", "kept")));
        SlaClient.expect(api.putContract(CONTRACT, terms), 200, 201);

        // the sign-in page: protective headers, and a token of its own in a field and a cookie
        HttpResponse<String> form = send(get("/sign-in"));
        assertThat(form.statusCode()).isEqualTo(200);
        String csp = form.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline'; script");
        assertThat(form.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(form.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        String nonce = cookie(form, "sla_sign_in");
        assertThat(csrf(form.body())).isEqualTo(nonce);

        // login CSRF: a sign-in posted without the form's token signs nobody in
        String token = SystemStack.token(LocalTokens.Grant.of("operator"));
        HttpResponse<String> forged =
                send(post("/sign-in", Map.of("token", token, "csrf", "guessed"), "sla_sign_in=" + nonce, null));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("sla_session="));

        HttpResponse<String> signedIn =
                send(post("/sign-in", Map.of("token", token, "csrf", nonce), "sla_sign_in=" + nonce, null));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String session = cookie(signedIn, "sla_session");
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("sla_session="))
                .singleElement()
                .satisfies(c -> assertThat(c).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        // an opaque id: not the token, and no bearer credential for the services
        assertThat(session).isNotEqualTo(token).doesNotContain(".");
        assertThat(api.as(session)
                        .get(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts")
                        .status())
                .isEqualTo(401);

        HttpResponse<String> page = send(get("/contracts/" + CONTRACT, "sla_session=" + session));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(token).doesNotContain("<script>");
        String pageCsrf = csrf(page.body());
        assertThat(pageCsrf).isNotEmpty().isNotEqualTo(session);

        // the maintenance form's fields: the stored window removed, a forged one in the new row
        // (the contract is in UTC: the local date-times are the instants' own)
        String from = java.time.LocalDateTime.ofInstant(start, java.time.ZoneOffset.UTC)
                .toString();
        String to = java.time.LocalDateTime.ofInstant(start.plusSeconds(60), java.time.ZoneOffset.UTC)
                .toString();
        String maintenance = "/edit/contracts/" + CONTRACT + "/maintenance";
        // a cross-site form: refused before anything is read, even with the right CSRF token
        HttpResponse<String> crossSite = send(post(
                maintenance,
                Map.of("start", from, "end", to, "reason", "forged", "remove", "0", "csrf", pageCsrf),
                "sla_session=" + session,
                "http://evil.example"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        // a same-site page (another port) that knows no CSRF token: refused too
        HttpResponse<String> noToken = send(post(
                maintenance,
                Map.of("start", from, "end", to, "reason", "forged", "remove", "0"),
                "sla_session=" + session,
                SystemStack.CONSOLE));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(windows()).contains("kept").doesNotContain("forged");

        // the page's own form: done
        HttpResponse<String> own = send(post(
                maintenance,
                Map.of("start", from, "end", to, "reason", "forged", "remove", "0", "csrf", pageCsrf),
                "sla_session=" + session,
                SystemStack.CONSOLE));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(303);
        assertThat(windows()).contains("forged").doesNotContain("kept");

        // sign-out ends the session: the old cookie opens nothing any more
        HttpResponse<String> out =
                send(post("/sign-out", Map.of("csrf", pageCsrf), "sla_session=" + session, SystemStack.CONSOLE));
        assertThat(out.statusCode()).isEqualTo(303);
        HttpResponse<String> after = send(get("/contracts/" + CONTRACT, "sla_session=" + session));
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/sign-in");
    }

    private String windows() {
        JsonNode c = api.get(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/" + CONTRACT)
                .json();
        return c.path("maintenanceWindows").toString();
    }

    private static HttpRequest get(String path, String... cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SystemStack.CONSOLE + path));
        if (cookie.length > 0) {
            b.header("Cookie", cookie[0]);
        }
        return b.build();
    }

    private static HttpRequest post(String path, Map<String, String> fields, String cookie, String origin) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SystemStack.CONSOLE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return b.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + name + " cookie in " + r.headers().map()));
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a csrf field in the page").isTrue();
        return m.group(1);
    }
}
