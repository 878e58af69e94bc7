package com.slaledger.support.persistence;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Blocking or CPU-heavy work off the event loop, with its result (or failure) handed back on the
 * caller's Vert.x context: a request's reactive database session lives there, and Hibernate
 * Reactive refuses a session used from another thread. Without a Vert.x context (a unit test),
 * the result comes on the worker.
 */
public final class CallerContext {

    private CallerContext() {}

    /** {@code work} on {@code executor}; what it answers, back on the subscriber's context. */
    public static <T> Uni<T> offload(Supplier<T> work, Executor executor) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<T> done = Uni.createFrom().item(work).runSubscriptionOn(executor);
            return context == null ? done : done.emitOn(task -> context.runOnContext(v -> task.run()));
        });
    }
}
