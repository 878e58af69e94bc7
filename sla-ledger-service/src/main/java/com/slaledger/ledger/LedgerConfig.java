package com.slaledger.ledger;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** sla-ledger-service's settings (ledger.*); every key is documented in docs/operations.md. */
@ConfigMapping(prefix = "ledger")
public interface LedgerConfig {

    /** A period becomes final (its statement is issued) this long after it ends. */
    @WithDefault("PT1H")
    Duration grace();

    /** Pause between two evaluation rounds (shortfalls, period closes). */
    @WithDefault("5s")
    Duration evaluateInterval();

    /**
     * How far back an instant on intake may lie (SPEC §11), and so how late data may arrive: periods
     * that ended longer ago than this are final for good.
     */
    @WithDefault("P400D")
    Duration lateHorizon();

    /** Wait after start-up before the first round. */
    @WithDefault("5s")
    Duration evaluateDelay();
}
