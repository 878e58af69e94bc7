package com.slaledger.support.rest;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Pages of a list endpoint (SPEC §11): {@code limit} (default 100, at most 1,000) items in a stable
 * order, and, when more remain, an RFC 8288 {@code Link: <...>; rel="next"} header with the query
 * that gives the next page. Lists page by {@code offset}; a list with a natural sequence (the
 * audit log) by {@code after}.
 */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** From the query parameters (absent: defaults); a 400 problem naming the bad one. */
    public static Paging of(String limit, String offset) {
        return new Paging(
                number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT), number("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    /** How many rows to fetch: one more than shown, to know whether more remain. */
    public int fetch() {
        return limit + 1;
    }

    /** A page of rows fetched from {@code offset} with {@link #fetch()}, with its next link. */
    public <T, V> Response respond(List<T> fetched, Function<T, V> view, UriInfo uri) {
        return respond(fetched, view, uri, "offset", offset + limit);
    }

    /** A page cut from the whole list (for lists that are filtered in memory). */
    public <T, V> Response slice(List<T> all, Function<T, V> view, UriInfo uri) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + fetch(), all.size());
        return respond(all.subList(from, to), view, uri);
    }

    /** The page of {@code fetched} (at most limit + 1 rows); the next link sets {@code param} to {@code next}. */
    public <T, V> Response respond(List<T> fetched, Function<T, V> view, UriInfo uri, String param, Object next) {
        return page(fetched, shown -> Response.ok(shown.stream().map(view).toList()), uri, param, next)
                .build();
    }

    /**
     * The page of {@code fetched} written by {@code body} (a CSV, say) from the rows shown, with the
     * same next link as {@link #respond(List, Function, UriInfo)}.
     */
    public <T> Response.ResponseBuilder page(
            List<T> fetched, Function<List<T>, Response.ResponseBuilder> body, UriInfo uri) {
        return page(fetched, body, uri, "offset", offset + limit);
    }

    private <T> Response.ResponseBuilder page(
            List<T> fetched, Function<List<T>, Response.ResponseBuilder> body, UriInfo uri, String param, Object next) {
        boolean more = fetched.size() > limit;
        List<T> shown = more ? fetched.subList(0, limit) : fetched;
        Response.ResponseBuilder response = body.apply(shown);
        if (more) {
            response.link(
                    uri.getRequestUriBuilder()
                            .replaceQueryParam(param, next)
                            .replaceQueryParam("limit", limit)
                            .build(),
                    "next");
        }
        return response;
    }

    private static int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
