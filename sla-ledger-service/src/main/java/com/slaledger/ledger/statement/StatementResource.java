package com.slaledger.ledger.statement;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.slaledger.document.StatementCsv;
import com.slaledger.document.StatementDocument;
import com.slaledger.document.StatementPdf;
import com.slaledger.document.Words;
import com.slaledger.events.DowntimeInterval;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.Periods;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.QueryParams;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A contract's statements and counted downtime (SPEC §7). */
@Path("/api/v1/contracts/{contractId}")
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final long MAX_RANGE_SECONDS = 400L * 86_400;

    private final ContractRepository contracts;
    private final StatementService statements;
    private final StatementCache cache;
    private final Clock clock;

    private final IssuedStatementRepository issued;
    private final LedgerConfig config;
    private final Caller caller;
    private final StatementExports exports;

    public StatementResource(
            ContractRepository contracts,
            StatementService statements,
            StatementCache cache,
            IssuedStatementRepository issued,
            LedgerConfig config,
            Clock clock,
            Caller caller,
            StatementExports exports) {
        this.exports = exports;
        this.contracts = contracts;
        this.statements = statements;
        this.cache = cache;
        this.issued = issued;
        this.config = config;
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @Path("/statements/{period}")
    @WithSession
    @Operation(summary = "The statement of a period (YYYY-MM in the contract's time zone), both policies side by side")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    @APIResponse(
            responseCode = "200",
            description = "the statement",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StatementView.class)))
    public Uni<Response> statement(@PathParam("contractId") String contractId, @PathParam("period") String period) {
        YearMonth month = parsed(period);
        if (!caller.mayRead(contractId)) {
            throw ProblemException.notFound("contract " + contractId);
        }
        return cache.json(contractId, month, () -> contracts.existing(contractId, caller::mayRead))
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build());
    }

    /**
     * The statement as CSV (RFC 4180): a row per interval and per element of the checklist (SPEC
     * §14). Chosen by {@code Accept: text/csv}.
     */
    @GET
    @Path("/statements/{period}")
    @Produces(CSV + ";qs=0.5")
    @WithSession
    @Operation(summary = "The statement of a period as CSV (Accept: text/csv): a row per interval and per element")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<Response> csv(@PathParam("contractId") String contractId, @PathParam("period") String period) {
        return document(contractId, period)
                .chain(d ->
                        exports.render(() -> Response.ok(StatementCsv.write(d), CSV + "; charset=UTF-8; header=present")
                                .header("Content-Disposition", disposition(d, "csv"))
                                .build()));
    }

    /**
     * The statement as a PDF a customer can file: provider and customer, the period in the
     * contract's time zone, every element agreed against measured, the credit, the intervals.
     */
    @GET
    @Path("/statements/{period}")
    @Produces(PDF + ";qs=0.5")
    @WithSession
    @Operation(
            summary = "The statement of a period as a PDF document (Accept: application/pdf): the checklist, figures"
                    + " and intervals, instants in the contract's time zone")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<Response> pdf(@PathParam("contractId") String contractId, @PathParam("period") String period) {
        return document(contractId, period)
                .chain(d -> exports.render(() -> Response.ok(StatementPdf.render(d), PDF)
                        .header("Content-Disposition", disposition(d, "pdf"))
                        .build()));
    }

    // qs below JSON's: a client that accepts anything (or says nothing) gets JSON
    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";

    /**
     * The statement as a document: every interval, the checklist, and which statement it is (the
     * latest version issued for a closed period, with its instant; computed now otherwise).
     */
    private Uni<StatementDocument> document(String contractId, String period) {
        YearMonth month = parsed(period);
        return contracts.existing(contractId, caller::mayRead).chain(c -> statements
                .statement(c, month)
                .chain(in -> issued.of(contractId, List.of(period)).map(versions -> {
                    IssuedStatement latest = versions.stream()
                            .max(Comparator.comparingInt(v -> v.version))
                            .orElse(null);
                    boolean isFinal = in.statement().isFinal();
                    int version = isFinal && latest != null ? latest.version : 0;
                    Instant at = version > 0 ? latest.issuedAt : clock.instant();
                    ContractVersion terms = in.terms();
                    return new StatementDocument(
                            config.providerName(),
                            c.terms().customer().name(),
                            terms.zone(),
                            EngineMapping.issued(terms, in.statement(), in.elements(), version, at, true),
                            isFinal,
                            // SPEC §18: the PDF in the contract's language (the CSV does not read it)
                            Words.of(c.terms().language()));
                })));
    }

    private static String disposition(StatementDocument d, String extension) {
        String name = ("statement-" + d.statement().contractId() + "-"
                        + d.statement().period())
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + name + "." + extension + "\"";
    }

    private static YearMonth parsed(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw ProblemException.invalid("period", "must be a month written YYYY-MM, e.g. 2026-10");
        }
        return YearMonth.parse(period);
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
