package com.slaledger.support.messaging;

import java.time.Duration;

import com.slaledger.support.rest.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §19: while the broker is down, a request waiting for acknowledgements is a 503 with Retry-After, in bounded time. */
class BrokerAcksTest {

    @Test
    void aKafkaFailureIsA503ToSendAgain() {
        Throwable failure = BrokerAcks.within(
                        Uni.createFrom()
                                .<Integer>failure(new TimeoutException("Topic not present in metadata after 5000 ms")),
                        "observations")
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .awaitFailure(Duration.ofSeconds(5))
                .getFailure();
        assertThat(failure).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) failure).status()).isEqualTo(503);
        assertThat(((ProblemException) failure).retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(failure.getMessage()).contains("observations").contains("send them again");
    }

    @Test
    void noAnswerInTimeIsA503Too() {
        Throwable failure = BrokerAcks.within(
                        Uni.createFrom().<Integer>nothing(), "duty events", Duration.ofMillis(200))
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .awaitFailure(Duration.ofSeconds(5))
                .getFailure();
        assertThat(((ProblemException) failure).status()).isEqualTo(503);
    }

    @Test
    void otherFailuresAndAcknowledgementsPassThrough() {
        assertThat(BrokerAcks.within(Uni.createFrom().item(3), "observations")
                        .subscribe()
                        .withSubscriber(UniAssertSubscriber.create())
                        .awaitItem()
                        .getItem())
                .isEqualTo(3);
        Throwable bug = BrokerAcks.within(Uni.createFrom().<Integer>failure(new IllegalStateException("bug")), "x")
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .awaitFailure()
                .getFailure();
        assertThat(bug).isInstanceOf(IllegalStateException.class);
    }

    /** The emitter's sink nacks with whatever its retry ends in: still "not stored", a 503. */
    @Test
    void anEmittersNackIsA503() {
        Throwable failure = BrokerAcks.withinNacks(
                        Uni.createFrom().<Integer>failure(new IllegalStateException("Retries exhausted")),
                        "duty events")
                .subscribe()
                .withSubscriber(UniAssertSubscriber.create())
                .awaitFailure(Duration.ofSeconds(5))
                .getFailure();
        assertThat(((ProblemException) failure).status()).isEqualTo(503);
    }
}
