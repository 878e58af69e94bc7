package com.slaledger.support.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the system's topics are created at start-up (sla.topics.*). */
@ConfigMapping(prefix = "sla.topics")
public interface TopicsConfig {

    /** Create the topics that are missing at start-up; false where an operator creates them. */
    @WithDefault("true")
    boolean provision();

    /** Partitions of each topic created: the most instances that can share a consumer group. */
    @WithDefault("12")
    int partitions();

    /** Replicas of each partition created. */
    @WithDefault("1")
    short replicationFactor();
}
