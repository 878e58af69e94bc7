package com.slaledger.ledger.registry;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.slaledger.events.Ids;
import com.slaledger.events.Limits;
import com.slaledger.support.persistence.Failures;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.Violation;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The optional service registry (SPEC §4). */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
public class MonitoredServiceResource {

    private final MonitoredServiceRepository registry;

    private final Caller caller;

    public MonitoredServiceResource(MonitoredServiceRepository registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    public record ServiceRequest(String name, Integer downQuorum, String staleAfter) {}

    /** {@code staleAfter} is absent when observations hold until the next one. */
    public record ServiceView(
            String serviceId,
            String name,
            int downQuorum,
            @JsonInclude(JsonInclude.Include.NON_NULL) String staleAfter) {
        static ServiceView of(MonitoredService s) {
            return new ServiceView(
                    s.serviceId, s.name, s.downQuorum, MonitoredServiceResource.staleAfter(s.staleAfterSeconds));
        }
    }

    static String staleAfter(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds).toString();
    }

    @PUT
    @Path("/{serviceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a service, or change its name, down quorum or staleAfter")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<Response> put(@PathParam("serviceId") String serviceId, ServiceRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (!Ids.SERVICE.matcher(serviceId).matches()) {
            violations.add(new Violation("serviceId", Ids.SERVICE_RULE));
        }
        String name = request == null ? null : request.name();
        int quorum = request == null || request.downQuorum() == null ? 1 : request.downQuorum();
        if (name != null && name.length() > Limits.MAX_NAME) {
            violations.add(new Violation("name", "must be at most " + Limits.MAX_NAME + " characters"));
        }
        if (quorum < 1 || quorum > 1000) {
            violations.add(new Violation("downQuorum", "must be between 1 and 1000"));
        }
        Long staleAfter = null;
        if (request != null && request.staleAfter() != null) {
            try {
                Duration d = Duration.parse(request.staleAfter());
                if (d.getSeconds() < 1 || d.compareTo(Duration.ofDays(366)) > 0) {
                    violations.add(new Violation("staleAfter", "must be between PT1S and P366D"));
                } else {
                    staleAfter = d.getSeconds();
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("staleAfter", "must be an ISO-8601 duration, e.g. PT5M"));
            }
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        Long stale = staleAfter;
        return registry.upsert(serviceId, name, quorum, stale, caller.name())
                // Two registrations of one new service at once: the loser retries and updates.
                .onFailure(Failures::isUniqueViolation)
                .recoverWithUni(() -> registry.upsert(serviceId, name, quorum, stale, caller.name()))
                .map(created -> Response.status(created ? 201 : 200)
                        .entity(new ServiceView(serviceId, name, quorum, MonitoredServiceResource.staleAfter(stale)))
                        .build());
    }

    @GET
    @Path("/{serviceId}")
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER})
    public Uni<ServiceView> get(@PathParam("serviceId") String serviceId) {
        return registry.findById(serviceId).map(s -> {
            if (s == null) {
                throw ProblemException.notFound(
                        "service " + serviceId + " (unregistered services have a down quorum of 1)");
            }
            return ServiceView.of(s);
        });
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER})
    public Uni<List<ServiceView>> list() {
        return registry.all().map(list -> list.stream().map(ServiceView::of).toList());
    }
}
