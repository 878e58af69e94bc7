package com.slaledger.support.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request body over the limit ({@code quarkus.http.limits.max-body-size}, 16 MB by default) is
 * answered {@code 413} with a problem body (SPEC §9, §11), before any of it is parsed. The body is
 * read and thrown away first (up to four times the limit), so that a client still sending gets
 * the answer instead of a reset connection; then the connection is closed. A chunked body without
 * a length is cut off by Quarkus' own check of the same limit.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            ctx.next();
            return;
        }
        Problem problem = new Problem(
                ProblemTypes.TOO_LARGE,
                "Request body too large",
                413,
                "the body has " + length + " bytes; at most " + limit + " are accepted",
                ctx.request().path(),
                null);
        String body = Json.encode(problem);
        HttpServerRequest request = ctx.request();
        Runnable answer = () -> ctx.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
        if (length > 4 * limit) {
            answer.run();
            return;
        }
        request.handler(chunk -> {});
        request.endHandler(v -> answer.run());
        request.exceptionHandler(e -> ctx.response().close());
        request.resume();
    }
}
