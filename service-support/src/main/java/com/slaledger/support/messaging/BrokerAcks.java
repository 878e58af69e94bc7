package com.slaledger.support.messaging;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import com.slaledger.support.rest.ProblemException;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.common.KafkaException;

/**
 * A request that answers only once Kafka has acknowledged its records (intake: 202 means nothing
 * can be lost) answers within {@link #ANSWER_WITHIN} whatever the broker does (SPEC §19): while
 * the broker is down it is a 503 problem with Retry-After, and the sender sends the same records
 * again (they carry their own identity: a record that did reach Kafka before the failure is counted
 * once). The producers' own limits are below it: {@code max.block.ms} 5 s (metadata, a full
 * buffer), {@code delivery.timeout.ms} 8 s (acknowledgement).
 */
public final class BrokerAcks {

    /** The longest a request waits for acknowledgements. */
    public static final Duration ANSWER_WITHIN = Duration.ofSeconds(9);

    /** What the 503 tells the sender to wait before sending again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The producer settings that keep a send below {@link #ANSWER_WITHIN}. */
    public static final int MAX_BLOCK_MS = 5_000;

    public static final int REQUEST_TIMEOUT_MS = 3_000;
    public static final int DELIVERY_TIMEOUT_MS = 8_000;

    private BrokerAcks() {}

    /** {@code acks}, or a 503 when Kafka fails them or does not answer in time. */
    public static <T> Uni<T> within(Uni<T> acks, String what) {
        return within(acks, what, ANSWER_WITHIN);
    }

    static <T> Uni<T> within(Uni<T> acks, String what, Duration limit) {
        return acks.ifNoItem()
                .after(limit)
                .failWith(() -> unavailable(what))
                .onFailure(e -> e instanceof KafkaException || e instanceof TimeoutException)
                .transform(e -> unavailable(what));
    }

    /**
     * The same for a Reactive Messaging emitter's acknowledgements, where every failure is a nack
     * from the Kafka sink (its own retry gives up with an IllegalStateException, not a
     * KafkaException): any failure is "not stored", a 503, and is logged.
     */
    public static <T> Uni<T> withinNacks(Uni<T> acks, String what) {
        return within(
                acks.onFailure(e -> !(e instanceof KafkaException))
                        .transform(e -> new KafkaException("the Kafka sink did not acknowledge: " + e, e)),
                what);
    }

    static ProblemException unavailable(String what) {
        return ProblemException.unavailable(
                "Kafka did not acknowledge the " + what + " in time (the broker may be down): none of them is "
                        + "known to be stored; send them again",
                RETRY_AFTER);
    }
}
