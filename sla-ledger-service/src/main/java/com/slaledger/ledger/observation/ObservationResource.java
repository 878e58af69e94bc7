package com.slaledger.ledger.observation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.slaledger.events.HealthStatus;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.QueryParams;
import com.slaledger.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** What the ledger has folded for a service: for operators checking what monitoring reported. */
@Path("/api/v1/services/{serviceId}/observations")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    static final int MAX_LIMIT = 10_000;

    private final ObservationRepository observations;

    public ObservationResource(ObservationRepository observations) {
        this.observations = observations;
    }

    /** One stored observation (what the ledger keeps: the probe, the status, the second). */
    public record ObservationView(String serviceId, String probeId, HealthStatus status, Instant observedAt) {}

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER})
    public Uni<List<ObservationView>> list(
            @PathParam("serviceId") String serviceId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Instant start = Objects.requireNonNullElse(QueryParams.instant("from", from), Instant.EPOCH);
        Instant end = Objects.requireNonNullElse(QueryParams.instant("to", to), Instant.parse("9999-12-31T00:00:00Z"));
        return observations.ofService(serviceId, start, end, limit).map(list -> list.stream()
                .map(o -> new ObservationView(
                        o.serviceId(),
                        o.probeId(),
                        HealthStatus.valueOf(o.status().name()),
                        o.observedAt()))
                .toList());
    }
}
