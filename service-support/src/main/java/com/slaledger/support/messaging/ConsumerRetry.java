package com.slaledger.support.messaging;

import java.time.Duration;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * For consumers: a record that was read is fine, so when storing its effect fails (database
 * down, a serialisation conflict) the work is retried with back-off until it succeeds, holding
 * the partition, rather than dead-lettered or skipped.
 */
public final class ConsumerRetry {

    private ConsumerRetry() {}

    public static <T> Uni<T> untilDone(Uni<T> work) {
        return work.onFailure()
                .invoke(e -> Log.warnf("storing a consumed record failed, retrying: %s", e.toString()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30))
                .indefinitely();
    }
}
