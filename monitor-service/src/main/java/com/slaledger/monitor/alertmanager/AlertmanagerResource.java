package com.slaledger.monitor.alertmanager;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.monitor.observation.HealthEventPublisher;
import com.slaledger.monitor.observation.Probes;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Prometheus Alertmanager webhook receiver (SPEC §5.1): point a webhook_config url here. */
@Path("/api/v1/alertmanager")
public class AlertmanagerResource {

    private final AlertmanagerMapper mapper;
    private final HealthEventPublisher publisher;
    private final Caller caller;

    public AlertmanagerResource(HealthEventPublisher publisher, AlertmanagerMapper mapper, Caller caller) {
        this.publisher = publisher;
        this.mapper = mapper;
        this.caller = caller;
    }

    /** How many alerts became observations, and how many named no service. */
    public record Accepted(int accepted, int ignored) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Alertmanager webhook (version 4): firing = DOWN at startsAt, resolved = UP at endsAt")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "firing",
                                            value =
                                                    """
            {"version": "4", "status": "firing", "receiver": "sla-ledger", "groupKey": "{}:{alertname=\\"ProbeFailure\\"}",
             "alerts": [{"status": "firing", "labels": {"alertname": "ProbeFailure", "service": "api", "instance": "probe-eu-1"},
                         "annotations": {"summary": "API probe failing"}, "startsAt": "2026-10-03T14:05:00Z",
                         "endsAt": "0001-01-01T00:00:00Z", "fingerprint": "1a30ba71cca2921f"}]}""")))
    @APIResponse(responseCode = "202", description = "Every observation is acknowledged by Kafka")
    @RolesAllowed({Roles.OPERATOR, Roles.PROBE})
    public Uni<Response> receive(JsonNode body) {
        AlertmanagerMapper.Result result = mapper.map(body);
        if (!result.violations().isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(result.violations()));
        }
        Probes.check(caller, result.events());
        return publisher.publish(result.events()).map(n -> Response.accepted(new Accepted(n, result.ignored()))
                .build());
    }
}
