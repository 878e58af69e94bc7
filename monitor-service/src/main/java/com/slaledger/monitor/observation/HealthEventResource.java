package com.slaledger.monitor.observation;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Intake of health observations from monitoring probes (SPEC §5.1). */
@Path("/api/v1/health-events")
public class HealthEventResource {

    private final HealthEventParser parser;
    private final HealthEventPublisher publisher;
    private final Caller caller;

    public HealthEventResource(HealthEventPublisher publisher, HealthEventParser parser, Caller caller) {
        this.publisher = publisher;
        this.parser = parser;
        this.caller = caller;
    }

    /** {"accepted": N}: how many observations Kafka acknowledged. */
    public record Accepted(int accepted) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record one observation or an array of up to 10,000")
    @RequestBody(
            content =
                    @Content(
                            examples = {
                                @ExampleObject(
                                        name = "one",
                                        value =
                                                """
                {"eventId": "b7c1", "serviceId": "api", "probeId": "probe-eu-1", "status": "DOWN",
                 "observedAt": "2026-10-03T14:05:00Z", "latencyMs": 30000, "detail": "HTTP 503"}"""),
                                @ExampleObject(
                                        name = "batch",
                                        value =
                                                """
                [{"serviceId": "api", "probeId": "probe-eu-1", "status": "DOWN", "observedAt": "2026-10-03T14:05:00Z"},
                 {"serviceId": "api", "probeId": "probe-us-1", "status": "UP", "observedAt": "2026-10-03T14:05:02Z"}]""")
                            }))
    @APIResponse(responseCode = "202", description = "Every observation is acknowledged by Kafka")
    @APIResponse(responseCode = "400", description = "Nothing was published; the problem lists each bad element")
    @RolesAllowed({Roles.OPERATOR, Roles.PROBE})
    public Uni<Response> record(byte[] body) throws IOException {
        HealthEventParser.Result result = parser.parse(body);
        if (!result.valid()) {
            return Uni.createFrom().failure(ProblemException.invalid(result.violations()));
        }
        Probes.check(caller, result.events());
        return publisher.publish(result.events()).map(n -> Response.accepted(new Accepted(n))
                .build());
    }
}
