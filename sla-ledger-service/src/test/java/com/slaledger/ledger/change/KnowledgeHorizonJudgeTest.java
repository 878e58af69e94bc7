package com.slaledger.ledger.change;

import java.util.Map;

import com.slaledger.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The knowledge horizon's arithmetic: fold positions against each partition's log start and end. */
class KnowledgeHorizonJudgeTest {

    private static final TopicPartition OBSERVED = new TopicPartition(Topics.HEALTH_OBSERVED, 0);
    private static final TopicPartition TICKETS = new TopicPartition(Topics.TICKETS, 3);
    private static final TopicPartition DEAD = new TopicPartition(Topics.DEAD_LETTERS, 0);

    @Test
    void behindByTheRecordsNotFoldedYet() {
        long[] lagAndDead = new long[2];
        boolean caughtUp = KnowledgeHorizon.judge(
                Map.of(OBSERVED, new long[] {0, 120}, TICKETS, new long[] {0, 7}, DEAD, new long[] {0, 4}),
                Map.of(OBSERVED, 100L, TICKETS, 7L),
                lagAndDead);
        assertThat(caughtUp).isFalse();
        assertThat(lagAndDead).containsExactly(20, 4);
    }

    /**
     * Retention deleted records before they were folded (the ledger was down longer than the
     * topic keeps them): they can never be folded, so they do not count as lag, and an idle
     * partition whose only records are gone is caught up. A partition never folded at all counts
     * from its log start too.
     */
    @Test
    void recordsDeletedByRetentionAreNotLag() {
        long[] lagAndDead = new long[2];
        boolean caughtUp = KnowledgeHorizon.judge(
                Map.of(OBSERVED, new long[] {500, 500}, TICKETS, new long[] {40, 40}, DEAD, new long[] {10, 12}),
                Map.of(OBSERVED, 100L),
                lagAndDead);
        assertThat(caughtUp).isTrue();
        assertThat(lagAndDead).containsExactly(0, 2);

        caughtUp = KnowledgeHorizon.judge(Map.of(OBSERVED, new long[] {500, 530}), Map.of(OBSERVED, 100L), lagAndDead);
        assertThat(caughtUp).isFalse();
        assertThat(lagAndDead[0]).isEqualTo(30);
    }
}
