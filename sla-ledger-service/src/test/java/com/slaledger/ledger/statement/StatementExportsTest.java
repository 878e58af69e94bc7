package com.slaledger.ledger.statement;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.slaledger.support.rest.ProblemException;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports render on a bounded pool of their own (issue: PDFs on the event loop stalled every
 * other request): never on the caller's thread, at most threads + queue at once, one more a 503.
 */
class StatementExportsTest {

    @Test
    void rendersOnItsOwnThreadsAndRefusesBeyondItsQueue() throws Exception {
        StatementExports exports = new StatementExports(1, 1);
        try {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            var first = exports.render(() -> {
                        started.countDown();
                        await(release);
                        return Thread.currentThread().getName();
                    })
                    .subscribe()
                    .withSubscriber(UniAssertSubscriber.create());
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            var queued = exports.render(() -> "second").subscribe().withSubscriber(UniAssertSubscriber.create());
            assertThat(exports.busy()).isEqualTo(2);

            // one thread busy, one waiting: the third is refused at once with Retry-After
            var refused = exports.render(() -> "third").subscribe().withSubscriber(UniAssertSubscriber.create());
            Throwable failure = refused.awaitFailure(Duration.ofSeconds(5)).getFailure();
            assertThat(failure).isInstanceOf(ProblemException.class);
            assertThat(((ProblemException) failure).status()).isEqualTo(503);
            assertThat(((ProblemException) failure).retryAfter()).isEqualTo(Duration.ofSeconds(2));

            release.countDown();
            assertThat(first.awaitItem(Duration.ofSeconds(5)).getItem())
                    .startsWith("statement-export-")
                    .isNotEqualTo(Thread.currentThread().getName());
            assertThat(queued.awaitItem(Duration.ofSeconds(5)).getItem()).isEqualTo("second");
        } finally {
            exports.stop();
        }
    }

    @Test
    void aFailedRenderingFailsItsRequestOnly() {
        StatementExports exports = new StatementExports(1, 4);
        try {
            var failed = exports.render(() -> {
                        throw new IllegalStateException("broken PDF");
                    })
                    .subscribe()
                    .withSubscriber(UniAssertSubscriber.create());
            assertThat(failed.awaitFailure(Duration.ofSeconds(5)).getFailure()).hasMessage("broken PDF");
            var next = exports.render(() -> "fine").subscribe().withSubscriber(UniAssertSubscriber.create());
            assertThat(next.awaitItem(Duration.ofSeconds(5)).getItem()).isEqualTo("fine");
        } finally {
            exports.stop();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
