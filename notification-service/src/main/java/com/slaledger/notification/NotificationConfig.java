package com.slaledger.notification;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** notification-service's settings (notification.*); every key is documented in docs/operations.md. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /**
     * The provider's name: it signs the notices, names the provider in the statement PDF and, with
     * {@link #senderAddress()}, is the mails' From.
     */
    @WithDefault("SLA Ledger")
    String providerName();

    /** The address notices are sent from (quarkus.mailer.from is made of both). */
    @WithDefault("notices@sla-ledger.example")
    String senderAddress();

    /** How often due notices are looked for. */
    @WithDefault("100ms")
    Duration sendInterval();

    /** Mails in flight at once (the mailer's pool should allow as many connections). */
    @WithDefault("16")
    int sendConcurrency();

    /** How long a claimed attempt holds a notice before another round may try it again. */
    @WithDefault("PT2M")
    Duration sendLease();

    /** Readiness turns DOWN once sends have failed this long without a success. */
    @WithDefault("PT1M")
    Duration smtpFailingAfter();

    /** A notice is sent again on request at most once in this interval (429 otherwise). */
    @WithDefault("PT1M")
    Duration resendInterval();

    Retry retry();

    Webhooks webhooks();

    /** Webhook deliveries (SPEC §18); retried with {@link #retry()}'s back-off, like a mail. */
    interface Webhooks {

        /**
         * Hosts a webhook may reach over plain http, and whose private or loopback addresses are
         * not refused (the local stack: localhost,127.0.0.1). None by default.
         */
        Optional<Set<String>> allowedHosts();

        /** How long one POST may take, from connecting to the answer's last byte. */
        @WithDefault("PT10S")
        Duration timeout();

        /** POSTs in flight at once. */
        @WithDefault("8")
        int concurrency();
    }

    /** Back-off between failed attempts: doubling from {@code initial}, at most {@code max}. */
    interface Retry {

        @WithDefault("PT5S")
        Duration initial();

        @WithDefault("PT10M")
        Duration max();
    }
}
