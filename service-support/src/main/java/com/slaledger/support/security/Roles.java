package com.slaledger.support.security;

/**
 * The roles a bearer token can carry (in its {@code groups} claim). {@code operator} may do
 * everything, {@code viewer} read everything; {@code probe} posts health events, {@code helpdesk}
 * tickets, each optionally limited by the token's {@code services} or {@code contracts} claim;
 * {@code customer} reads its own contracts' data only (the {@code contracts} claim); {@code metrics}
 * reads {@code /q/metrics} and nothing else (a Prometheus scraper's token).
 */
public final class Roles {

    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";
    public static final String PROBE = "probe";
    public static final String HELPDESK = "helpdesk";
    public static final String CUSTOMER = "customer";
    public static final String METRICS = "metrics";

    private Roles() {}
}
