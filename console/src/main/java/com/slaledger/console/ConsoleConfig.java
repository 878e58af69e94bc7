package com.slaledger.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the console finds the services' public APIs (console.*). */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    @WithDefault("http://localhost:8083")
    String ledgerUrl();

    @WithDefault("http://localhost:8082")
    String ticketUrl();

    /** The ledger's address as customers' calendar programs reach it (absent: ledger-url). */
    Optional<String> feedBaseUrl();

    @WithDefault("http://localhost:8084")
    String notificationUrl();

    /** How long a call to a service may take before the page says it could not be read. */
    @WithDefault("PT10S")
    Duration timeout();

    /** The signed-in person's session (console.session.*). */
    SessionSettings session();

    interface SessionSettings {
        /** A session not used for this long ends (its token may live longer). */
        @WithDefault("PT8H")
        Duration idle();

        /**
         * The cookie's Secure attribute: {@code auto} (Secure when the request came over HTTPS,
         * X-Forwarded-Proto included), {@code true} (always; set it in production) or {@code false}.
         */
        @WithDefault("auto")
        String secure();

        /**
         * The console's own origin(s) as browsers send them in {@code Origin}, comma-separated
         * (e.g. https://sla.example.com); unset: the request's own scheme, host and port.
         */
        Optional<List<String>> origins();
    }

    /** Sign-in through an OIDC provider (on with quarkus.oidc.tenant-enabled). */
    Oidc oidc();

    interface Oidc {
        /** The provider as the sign-in button names it ("Sign in with …"). */
        @WithDefault("your identity provider")
        String providerName();
    }
}
