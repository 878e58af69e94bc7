package com.slaledger.console;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the console finds the services' public APIs (console.*). */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    @WithDefault("http://localhost:8083")
    String ledgerUrl();

    @WithDefault("http://localhost:8082")
    String ticketUrl();

    @WithDefault("http://localhost:8084")
    String notificationUrl();

    /** How long a call to a service may take before the page says it could not be read. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Sign-in through an OIDC provider (on with quarkus.oidc.tenant-enabled). */
    Oidc oidc();

    interface Oidc {
        /** The provider as the sign-in button names it ("Sign in with …"). */
        @WithDefault("your identity provider")
        String providerName();
    }
}
