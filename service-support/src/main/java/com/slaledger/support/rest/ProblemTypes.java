package com.slaledger.support.rest;

/** The {@code type} URIs of the system's problem responses; stable, for clients to switch on. */
public final class ProblemTypes {

    public static final String VALIDATION = "urn:sla-ledger:problem:validation";
    public static final String MALFORMED = "urn:sla-ledger:problem:malformed-body";
    public static final String NOT_FOUND = "urn:sla-ledger:problem:not-found";
    public static final String UNAUTHORIZED = "urn:sla-ledger:problem:unauthorized";
    public static final String FORBIDDEN = "urn:sla-ledger:problem:forbidden";
    public static final String TOO_MANY_REQUESTS = "urn:sla-ledger:problem:too-many-requests";
    /** The request repeats one already acted on (a replayed webhook delivery): a 409. */
    public static final String CONFLICT = "urn:sla-ledger:problem:conflict";

    public static final String UNPROCESSABLE = "urn:sla-ledger:problem:unprocessable";
    public static final String TOO_LARGE = "urn:sla-ledger:problem:too-large";
    public static final String UNAVAILABLE = "urn:sla-ledger:problem:unavailable";
    public static final String INTERNAL = "urn:sla-ledger:problem:internal";
    /** For errors the HTTP status says all about (405, 406, 415, ...). */
    public static final String HTTP = "about:blank";

    private ProblemTypes() {}
}
