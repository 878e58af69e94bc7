package com.slaledger.ledger.credit;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.slaledger.ledger.engine.Credits;
import com.slaledger.support.rest.Paging;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Credits (SPEC §17): the billing list (JSON or CSV), one credit, approve, apply; claims are ClaimResource's. */
@Path("/api/v1/credits")
@Produces(MediaType.APPLICATION_JSON)
public class CreditResource {

    static final String CSV = "text/csv";

    private final CreditService service;
    private final CreditRepository credits;
    private final Caller caller;

    public CreditResource(CreditService service, CreditRepository credits, Caller caller) {
        this.service = service;
        this.credits = credits;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(
            summary = "Credits by period (newest first), by contract, status and period; paged (limit, offset,"
                    + " Link rel=next); Accept: text/csv gives the page as CSV for billing")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<Response> list(
            @QueryParam("contractId") String contractId,
            @QueryParam("status") String status,
            @QueryParam("period") String period,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context UriInfo uri) {
        if (status != null
                && Arrays.stream(Credits.Status.values())
                        .noneMatch(s -> s.name().equals(status))) {
            throw ProblemException.invalid(
                    "status",
                    "must be one of "
                            + Arrays.stream(Credits.Status.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
        if (period != null) {
            try {
                YearMonth.parse(period);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("period", "must be YYYY-MM");
            }
        }
        Paging paging = Paging.of(limit, offset);
        Set<String> contracts =
                contractId == null ? caller.readableContracts() : Set.of(caller.listedContract(contractId));
        boolean csv = accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        return credits.page(contracts, status, period, paging.offset(), paging.fetch())
                .chain(list -> credits.history(
                                list.stream().map(c -> c.creditId).toList())
                        .map(history -> {
                            if (csv) {
                                return paging.page(
                                                list,
                                                shown -> Response.ok(CreditCsv.write(shown), CSV + "; charset=UTF-8")
                                                        .header(
                                                                "Content-Disposition",
                                                                "attachment; filename=\"credits.csv\""),
                                                uri)
                                        .build();
                            }
                            Map<String, List<CreditEntry>> byCredit =
                                    history.stream().collect(Collectors.groupingBy(e -> e.creditId));
                            return paging.respond(
                                    list,
                                    c -> view(CreditView.of(c, byCredit.getOrDefault(c.creditId, List.of()))),
                                    uri);
                        }));
    }

    @GET
    @Path("/{creditId}")
    @WithSession
    @Operation(summary = "One credit with its history")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<CreditView> one(@PathParam("creditId") String creditId) {
        return credits.findById(creditId).chain(c -> {
            if (c == null || !caller.mayRead(c.contractId)) {
                return Uni.createFrom().failure(ProblemException.notFound("credit " + creditId));
            }
            return service.view(c).map(this::view);
        });
    }

    @POST
    @Path("/{creditId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a DUE credit")
    @APIResponse(responseCode = "200", description = "APPROVED; the customer is told")
    @APIResponse(responseCode = "404", description = "No such credit")
    @APIResponse(responseCode = "409", description = "Not DUE")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<CreditView> approve(@PathParam("creditId") String creditId, ClaimRequest.Approve body) {
        return service.approve(creditId, body == null ? null : body.note(), caller.name())
                .chain(service::view);
    }

    @POST
    @Path("/{creditId}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the invoice that settles an APPROVED credit")
    @APIResponse(responseCode = "200", description = "APPLIED; the customer is told")
    @APIResponse(responseCode = "400", description = "No invoiceReference")
    @APIResponse(responseCode = "404", description = "No such credit")
    @APIResponse(responseCode = "409", description = "Not APPROVED")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<CreditView> apply(@PathParam("creditId") String creditId, ClaimRequest.Apply body) {
        return service.apply(creditId, body, caller.name()).chain(service::view);
    }

    private CreditView view(CreditView v) {
        return caller.readsAll() ? v : v.forCustomer(caller.name());
    }
}
