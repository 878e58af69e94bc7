package com.slaledger.monitor;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** monitor-service's settings (monitor.*); every key is documented in docs/operations.md. */
@ConfigMapping(prefix = "monitor")
public interface MonitorConfig {

    /** Most observations in one POST /api/v1/health-events. */
    @WithDefault("10000")
    int maxBatchSize();

    /** How far ahead of the server clock an observation may be. */
    @WithDefault("PT5M")
    Duration maxClockSkew();

    Alertmanager alertmanager();

    interface Alertmanager {

        /** The alert label that names the service. */
        @WithDefault("service")
        String serviceLabel();
    }
}
