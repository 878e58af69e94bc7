package com.slaledger.support.rest;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code Accept} header the matched endpoint cannot answer is a 406 problem (SPEC §9), never a
 * 200 in another format: {@code Accept: application/xml} on a statement used to get JSON. The
 * router picks the best of an endpoint's representations (JSON, CSV, PDF for a statement); this
 * checks that the one it picked is one the client accepts. No {@code Accept} and {@code *}{@code /*}
 * always pass; errors are {@code application/problem+json} whatever was asked for.
 */
public class AcceptCheck {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        List<MediaType> accepted = request.getAcceptableMediaTypes();
        if (accepted.isEmpty()) {
            return;
        }
        List<MediaType> produced = produced(resource);
        if (produced.isEmpty()) {
            return;
        }
        for (MediaType wanted : accepted) {
            for (MediaType offered : produced) {
                if (wanted.isCompatible(offered)) {
                    return;
                }
            }
        }
        throw new NotAcceptableException(
                "this resource answers only in " + names(produced) + "; the request accepts " + names(accepted));
    }

    private static List<MediaType> produced(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Produces produces = method == null ? null : method.getAnnotation(Produces.class);
        if (produces == null && resource.getResourceClass() != null) {
            produces = resource.getResourceClass().getAnnotation(Produces.class);
        }
        List<MediaType> types = new ArrayList<>();
        if (produces != null) {
            for (String value : produces.value()) {
                for (String one : value.split(",")) {
                    MediaType type = MediaType.valueOf(one.trim());
                    types.add(new MediaType(type.getType(), type.getSubtype()));
                }
            }
        }
        return types;
    }

    private static String names(List<MediaType> types) {
        List<String> out = new ArrayList<>();
        for (MediaType t : types) {
            out.add(t.getType() + "/" + t.getSubtype());
        }
        return String.join(", ", out);
    }
}
