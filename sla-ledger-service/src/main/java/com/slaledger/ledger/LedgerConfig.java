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

    /** Wait after start-up before the first round. */
    @WithDefault("5s")
    Duration evaluateDelay();
}
