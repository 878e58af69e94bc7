package com.slaledger.ledger.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketMergeTest {

    @Test
    void aResolutionOnceKnownIsKept() {
        assertThat(TicketMerge.resolution(null, 100L)).isEqualTo(100L);
        assertThat(TicketMerge.resolution(100L, 200L))
                .as("resolving again changes nothing")
                .isEqualTo(100L);
        assertThat(TicketMerge.resolution(100L, null))
                .as("a late 'opened' never reopens")
                .isEqualTo(100L);
        assertThat(TicketMerge.resolution(null, null)).isNull();
    }

    @Test
    void theFirstResponseIsTheEarliest() {
        assertThat(TicketMerge.firstResponse(null, 100L)).isEqualTo(100L);
        assertThat(TicketMerge.firstResponse(100L, 50L)).isEqualTo(50L);
        assertThat(TicketMerge.firstResponse(50L, 100L)).isEqualTo(50L);
        assertThat(TicketMerge.firstResponse(50L, null)).isEqualTo(50L);
    }

    @Test
    void aTicketWithoutPriorityIsP3() {
        assertThat(TicketMerge.priority(null)).isEqualTo("P3");
        assertThat(TicketMerge.priority("P1")).isEqualTo("P1");
    }

    /** Responses arriving in any order and twice: the first response is the earliest of them. */
    @Property
    void responsesInAnyOrderAndRepeatedGiveTheEarliest(
            @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 1000) Long> responses) {
        List<Long> shuffled = new ArrayList<>(responses);
        shuffled.addAll(responses);
        Collections.shuffle(shuffled);
        Long merged = null;
        for (Long r : shuffled) {
            merged = TicketMerge.firstResponse(merged, r);
        }
        assertThat(merged).isEqualTo(Collections.min(responses));
    }
}
