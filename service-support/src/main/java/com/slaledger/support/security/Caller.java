package com.slaledger.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import com.slaledger.support.rest.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as far as what they may see and touch goes: the role-level check is the
 * endpoint's {@code @RolesAllowed}; this answers the finer questions. A customer sees only the
 * contracts its token names, and another contract is answered as if it did not exist (404); a
 * helpdesk or probe token that names contracts or services is limited to them (403 otherwise).
 */
@RequestScoped
public class Caller {

    static final String CONTRACTS = "contracts";
    static final String SERVICES = "services";
    /** The claim naming the duties a probe token may report on (absent: all). */
    static final String DUTIES = "duties";
    /** The claim naming the probe ids a probe token may report as (absent: any). */
    static final String PROBES = "probes";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** Whether the request carries no credential at all. */
    public boolean anonymous() {
        return identity.isAnonymous();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** Reads everything: operators and viewers. */
    public boolean readsAll() {
        return has(Roles.OPERATOR) || has(Roles.VIEWER);
    }

    /** Whether this caller may read the data of a contract (customers: their own only). */
    public boolean mayRead(String contractId) {
        if (readsAll()) {
            return true;
        }
        if (has(Roles.HELPDESK)) {
            return limitedTo(CONTRACTS).test(contractId);
        }
        return has(Roles.CUSTOMER) && claim(CONTRACTS).contains(contractId);
    }

    /** A list filter: null when the caller reads every contract, else the contracts it may read. */
    /**
     * The {@code contractId} a contract-scoped list names (its tickets, its notices): required (400
     * otherwise), and one the caller may read (404, as if it did not exist, otherwise).
     */
    public String listedContract(String contractId) {
        if (contractId == null || contractId.isBlank()) {
            throw ProblemException.invalid("contractId", "is required");
        }
        if (!mayRead(contractId)) {
            throw ProblemException.notFound("contract " + contractId);
        }
        return contractId;
    }

    public Set<String> readableContracts() {
        if (readsAll() || (has(Roles.HELPDESK) && claim(CONTRACTS).isEmpty())) {
            return null;
        }
        return Set.copyOf(claim(CONTRACTS));
    }

    /** Whether a helpdesk (or operator) may record or change tickets of this contract. */
    public boolean mayActOnContract(String contractId) {
        return has(Roles.OPERATOR)
                || (has(Roles.HELPDESK) && limitedTo(CONTRACTS).test(contractId));
    }

    /** Whether a probe (or operator) may report on this service. */
    public boolean mayReport(String serviceId) {
        return has(Roles.OPERATOR) || (has(Roles.PROBE) && limitedTo(SERVICES).test(serviceId));
    }

    /**
     * Whether this caller may report under the probe id (SPEC §12): an operator, or a probe whose
     * token names no probes (claim {@code probes}) or names this one, so that one credential cannot
     * make up a quorum of probes or cancel another probe's DOWN.
     */
    public boolean mayReportAs(String probeId) {
        return has(Roles.OPERATOR) || (has(Roles.PROBE) && limitedTo(PROBES).test(probeId));
    }

    /**
     * Whether this caller may report evidence of the duty (SPEC §12): an operator, or a probe
     * whose token names no duties (claim {@code duties}) or names this one.
     */
    public boolean mayReportDuty(String dutyId) {
        return has(Roles.OPERATOR) || (has(Roles.PROBE) && limitedTo(DUTIES).test(dutyId));
    }

    /** Without the claim, no limit; with it, only what it names. */
    private Predicate<String> limitedTo(String claim) {
        List<String> named = claim(claim);
        return named.isEmpty() ? any -> true : named::contains;
    }

    private List<String> claim(String name) {
        return claimOf(identity, name);
    }

    /**
     * The contracts a helpdesk identity may act on, for code that holds the identity itself (an
     * endpoint that authenticates in its own way): everything when its token names none.
     */
    public static Predicate<String> helpdeskContracts(SecurityIdentity identity) {
        List<String> named = claimOf(identity, CONTRACTS);
        return named.isEmpty() ? any -> true : named::contains;
    }

    /** A list claim of the identity's token ({@code contracts}, {@code services}); empty without one. */
    static List<String> claimOf(SecurityIdentity identity, String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return List.of();
        }
        Object value = token.getClaim(name);
        if (value instanceof Collection<?> values) {
            return values.stream().map(Caller::text).toList();
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(Caller::text).toList();
        }
        return value == null ? List.of() : List.of(text(value));
    }

    private static String text(Object value) {
        return value instanceof JsonString s ? s.getString() : String.valueOf(value);
    }
}
