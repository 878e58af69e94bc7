package com.slaledger.monitor.duty;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.slaledger.events.DutyReported;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Intake of duty evidence from agents (SPEC §13.3): backups, security updates. */
@Path("/api/v1/duty-events")
public class DutyEventResource {

    private final DutyEventParser parser;
    private final DutyEventPublisher publisher;
    private final Caller caller;

    public DutyEventResource(DutyEventParser parser, DutyEventPublisher publisher, Caller caller) {
        this.parser = parser;
        this.publisher = publisher;
        this.caller = caller;
    }

    /** {"accepted": N}: how many duty events Kafka acknowledged. */
    public record Accepted(int accepted) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record one duty event or an array of up to 10,000")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "one",
                                            value =
                                                    """
                {"eventId": "bk-2026-10-03", "dutyId": "db-backup", "outcome": "SUCCESS",
                 "completedAt": "2026-10-03T02:10:00Z", "detail": "12.4 GB"}""")))
    @APIResponse(responseCode = "202", description = "Every duty event is acknowledged by Kafka")
    @APIResponse(responseCode = "400", description = "Nothing was published; the problem lists each bad element")
    @RolesAllowed({Roles.OPERATOR, Roles.PROBE})
    public Uni<Response> record(byte[] body) throws IOException {
        DutyEventParser.Result result = parser.parse(body);
        if (!result.valid()) {
            return Uni.createFrom().failure(ProblemException.invalid(result.violations()));
        }
        result.events().stream()
                .map(DutyReported::dutyId)
                .distinct()
                .filter(duty -> !caller.mayReportDuty(duty))
                .findFirst()
                .ifPresent(duty -> {
                    throw ProblemException.forbidden("this token may not report on duty " + duty);
                });
        return publisher.publish(result.events()).map(n -> Response.accepted(new Accepted(n))
                .build());
    }
}
