package com.slaledger.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay publishes (sla.outbox.*). */
@ConfigMapping(prefix = "sla.outbox")
public interface OutboxConfig {

    /** Most messages claimed and published in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** Pause between two looks at the table when nothing was pending. */
    @WithDefault("200ms")
    Duration pollInterval();

    /**
     * How long a published message is kept (for an operator looking into what went out) before it
     * is deleted: the table holds what is pending and the last hour, not all of history.
     */
    @WithDefault("PT1H")
    Duration keepPublished();

    /** Wait after start-up before the first look (the channels are wired once the app started). */
    @WithDefault("3s")
    Duration startDelay();
}
