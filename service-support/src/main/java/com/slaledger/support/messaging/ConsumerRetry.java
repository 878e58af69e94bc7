package com.slaledger.support.messaging;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

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
        return untilDone(work, e -> false);
    }

    /**
     * The same, except for failures that {@code inherent} says no retry can cure: those fail at
     * once, for the caller to dead-letter the record (SPEC §11: the records around it are stored).
     */
    public static <T> Uni<T> untilDone(Uni<T> work, Predicate<Throwable> inherent) {
        return untilDone(work, inherent, () -> true);
    }

    /**
     * The same, while {@code wanted} holds (a consumer that is stopping gives up instead of
     * retrying for ever: its records are read again by whoever takes the partition).
     */
    public static <T> Uni<T> untilDone(Uni<T> work, Predicate<Throwable> inherent, BooleanSupplier wanted) {
        Predicate<Throwable> retried = e -> !inherent.test(e) && wanted.getAsBoolean();
        return work.onFailure(retried)
                .invoke(e -> Log.warnf("storing a consumed record failed, retrying: %s", e.toString()))
                .onFailure(retried)
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30))
                .indefinitely();
    }
}
