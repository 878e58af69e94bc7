package com.slaledger.support.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Runs reactive work again and again, {@code interval} after each run ends, on a thread of its
 * own (each run on a fresh Vert.x duplicated context, as Hibernate Reactive needs). For loops that
 * must react within a fraction of a second: Quarkus' simple scheduler looks at its triggers only
 * once a second ({@code SimpleScheduler.CHECK_PERIOD}), so an {@code @Scheduled(every = "0.2s")}
 * runs once a second at best. A failed run is logged and the loop goes on.
 */
public final class Ticker implements AutoCloseable {

    private final ScheduledExecutorService thread;

    private Ticker(String name) {
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public static Ticker start(String name, Duration delay, Duration interval, Supplier<Uni<?>> work) {
        Ticker ticker = new Ticker(name);
        ticker.thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        VertxContextSupport.subscribeAndAwait(() -> work.get());
                    } catch (Throwable e) {
                        Log.warnf("%s failed, will run again: %s", name, e.toString());
                    }
                },
                delay.toMillis(),
                Math.max(1, interval.toMillis()),
                TimeUnit.MILLISECONDS);
        return ticker;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
