package com.slaledger.ledger.openslo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A contract's objectives as OpenSLO v1 (OpenSloExport), one YAML document per object, for SRE
 * tools that read OpenSLO. Read by operators, viewers and the contract's customer; the current
 * version of the contract is exported.
 */
@Path("/api/v1/contracts/{contractId}/openslo")
public class OpenSloResource {

    static final String YAML = "application/yaml";

    /**
     * Every string quoted: an unquoted {@code 2026-10-01 00:00:00} is a timestamp to YAML 1.1
     * readers and an unquoted {@code "1"} a number, where OpenSLO wants strings.
     */
    private static final YAMLMapper WRITER = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final ContractRepository contracts;
    private final Caller caller;
    private final ObjectMapper json;

    public OpenSloResource(ContractRepository contracts, Caller caller, ObjectMapper json) {
        this.contracts = contracts;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @WithSession
    @Produces(YAML)
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    @Operation(
            summary = "The contract's objectives as OpenSLO v1: a Service and an SLO per covered service or group",
            description = "RatioTimeslices over 1-minute slices in a calendar month of the contract's zone; the terms"
                    + " OpenSLO has no field for are annotations under sla-ledger/")
    @APIResponse(
            responseCode = "200",
            description = "YAML documents separated by ---",
            content =
                    @Content(
                            mediaType = YAML,
                            examples =
                                    @ExampleObject(
                                            name = "acme",
                                            value = "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: acme-api\n"
                                                    + "spec:\n  service: acme\n  budgetingMethod: RatioTimeslices\n"
                                                    + "  objectives:\n  - target: 0.999\n    timeSliceWindow: 1m\n")))
    @APIResponse(responseCode = "404", description = "No such contract (or not the customer's)")
    @APIResponse(responseCode = "422", description = "A 100 % target, which OpenSLO cannot express")
    public Uni<Response> export(@PathParam("contractId") String contractId) {
        return contracts.existing(contractId, caller::mayRead).map(contract -> {
            List<Map<String, Object>> objects = OpenSloExport.objects(contract, this::asJson);
            return Response.ok(yaml(objects), YAML + "; charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"" + contractId + "-openslo.yaml\"")
                    .build();
        });
    }

    private String asJson(Object term) {
        try {
            return json.writeValueAsString(term);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored term that does not write as JSON", e);
        }
    }

    static String yaml(List<Map<String, Object>> objects) {
        StringWriter out = new StringWriter();
        try (SequenceWriter documents = WRITER.writer().writeValues(out)) {
            documents.writeAll(objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
