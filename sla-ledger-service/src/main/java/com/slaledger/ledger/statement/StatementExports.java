package com.slaledger.ledger.statement;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.slaledger.ledger.LedgerConfig;
import com.slaledger.support.persistence.CallerContext;
import com.slaledger.support.rest.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Renders statement exports (CSV, PDF) on a bounded pool of its own: a large PDF takes CPU for
 * tens of milliseconds, and fifty of them on the event loop would stall every other request and
 * the health checks (docs/benchmarks.md, "Exports"). At most {@code ledger.export-threads} render
 * at once and {@code ledger.export-queue} wait; one more is a 503 with Retry-After. The result is
 * handed back on the request's own Vert.x context, where its database session lives.
 */
@ApplicationScoped
public class StatementExports {

    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final ThreadPoolExecutor pool;

    @Inject
    public StatementExports(LedgerConfig config) {
        this(config.exportThreads(), config.exportQueue());
    }

    StatementExports(int threadCount, int queue) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "statement-export-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        int size = Math.max(1, threadCount);
        pool = new ThreadPoolExecutor(
                size,
                size,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queue)),
                threads,
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** {@code work} on the pool; its result (or failure) back on the caller's context. */
    public <T> Uni<T> render(Supplier<T> work) {
        return CallerContext.offload(work, pool)
                .onFailure(RejectedExecutionException.class)
                .transform(e -> ProblemException.unavailable(
                        "too many statement exports are being rendered; ask again shortly", RETRY_AFTER));
    }

    /** Exports rendering or waiting now. */
    public int busy() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
