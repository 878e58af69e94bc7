package com.slaledger.ledger.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntervalSetTest {

    private static Interval i(long s, long e) {
        return new Interval(s, e);
    }

    @Test
    void unionMergesOverlappingAndTouchingIntervals() {
        var set = IntervalSet.of(i(10, 20), i(0, 5), i(5, 8), i(15, 30), i(40, 50));
        assertThat(set.intervals()).containsExactly(i(0, 8), i(10, 30), i(40, 50));
        assertThat(set.seconds()).isEqualTo(8 + 20 + 10);
    }

    @Test
    void intersectKeepsWhatBothHold() {
        var a = IntervalSet.of(i(0, 10), i(20, 30));
        var b = IntervalSet.of(i(5, 25), i(28, Interval.OPEN));
        assertThat(a.intersect(b).intervals()).containsExactly(i(5, 10), i(20, 25), i(28, 30));
    }

    @Test
    void minusCutsHolesAndSplits() {
        var a = IntervalSet.of(i(0, 100), i(200, Interval.OPEN));
        var cuts = IntervalSet.of(i(10, 20), i(30, 40), i(90, 210), i(300, 310));
        assertThat(a.minus(cuts).intervals())
                .containsExactly(i(0, 10), i(20, 30), i(40, 90), i(210, 300), i(310, Interval.OPEN));
    }

    @Test
    void clipAndOverlap() {
        var a = IntervalSet.of(i(0, 10), i(20, Interval.OPEN));
        assertThat(a.clip(5, 25).intervals()).containsExactly(i(5, 10), i(20, 25));
        assertThat(a.overlaps(10, 20)).isFalse();
        assertThat(a.overlaps(9, 20)).isTrue();
        assertThatThrownBy(a::seconds).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyIntervalsDoNotExist() {
        assertThatThrownBy(() -> i(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlapsFindsTheRightIntervalAmongMany() {
        List<Interval> many = new java.util.ArrayList<>();
        for (long s = 0; s < 10_000; s += 10) {
            many.add(i(s, s + 5));
        }
        var set = IntervalSet.of(many);
        assertThat(set.overlaps(5, 10)).isFalse();
        assertThat(set.overlaps(4, 5)).isTrue();
        assertThat(set.overlaps(9_995, 20_000)).isFalse();
        assertThat(set.overlaps(9_994, 9_995)).isTrue();
        assertThat(set.overlaps(-10, 0)).isFalse();
        assertThat(set.overlaps(-10, 1)).isTrue();
        assertThat(IntervalSet.EMPTY.overlaps(0, 100)).isFalse();
    }
}
