package com.slaledger.events;

import java.util.regex.Pattern;

/** The identifier formats of SPEC §4 and §5, for every service that checks them. */
public final class Ids {

    /** Service and probe ids: 1–64 characters of [A-Za-z0-9._:-]. */
    public static final String SERVICE_REGEX = "[A-Za-z0-9._:-]{1,64}";

    public static final String SERVICE_RULE = "must be 1 to 64 characters of [A-Za-z0-9._:-]";

    public static final Pattern SERVICE = Pattern.compile(SERVICE_REGEX);

    /** Contract ids: 1–64 characters of [a-z0-9-]. */
    public static final String CONTRACT_REGEX = "[a-z0-9-]{1,64}";

    public static final String CONTRACT_RULE = "must be 1 to 64 characters of [a-z0-9-]";

    public static final Pattern CONTRACT = Pattern.compile(CONTRACT_REGEX);

    private Ids() {}
}
