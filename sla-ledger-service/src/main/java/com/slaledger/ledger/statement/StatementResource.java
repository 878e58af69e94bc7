package com.slaledger.ledger.statement;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.slaledger.events.DowntimeInterval;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.engine.Periods;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.QueryParams;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A contract's statements and counted downtime (SPEC §7). */
@Path("/api/v1/contracts/{contractId}")
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final long MAX_RANGE_SECONDS = 400L * 86_400;

    private final ContractRepository contracts;
    private final StatementService statements;
    private final Clock clock;

    private final Caller caller;

    public StatementResource(ContractRepository contracts, StatementService statements, Clock clock, Caller caller) {
        this.contracts = contracts;
        this.statements = statements;
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @Path("/statements/{period}")
    @WithSession
    @Operation(summary = "The statement of a period (YYYY-MM in the contract's time zone), both policies side by side")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<StatementView> statement(
            @PathParam("contractId") String contractId, @PathParam("period") String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw ProblemException.invalid("period", "must be a month written YYYY-MM, e.g. 2026-10");
        }
        return contracts.existing(contractId, caller::mayRead).chain(c -> statements
                .statement(c, YearMonth.parse(period))
                .map(s -> StatementView.of(s.statement(), s.terms().terms().uptimeTargetPercent(), s.elements())));
    }

    @GET
    @Path("/downtime")
    @WithSession
    @Operation(summary = "Counted downtime intervals between two instants (default: this period so far)")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<List<DowntimeInterval>> downtime(
            @PathParam("contractId") String contractId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant fromInstant = QueryParams.instant("from", from);
        Instant toInstant = QueryParams.instant("to", to);
        return contracts.existing(contractId, caller::mayRead).chain(c -> {
            Instant now = clock.instant();
            long start = fromInstant != null
                    ? fromInstant.getEpochSecond()
                    : Periods.start(Periods.of(now.getEpochSecond(), c.zone()), c.zone());
            long end = toInstant != null ? toInstant.getEpochSecond() : now.getEpochSecond() + 1;
            if (end <= start) {
                throw ProblemException.invalid("to", "must be after from");
            }
            if (end - start > MAX_RANGE_SECONDS) {
                throw ProblemException.invalid("to", "the range may span at most 400 days");
            }
            return statements.downtime(c, start, end).map(EngineMapping::intervals);
        });
    }
}
