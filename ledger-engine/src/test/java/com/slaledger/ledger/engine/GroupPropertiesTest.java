package com.slaledger.ledger.engine;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static com.slaledger.ledger.engine.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §16.2 as properties: a group of one member is the member; the members' order does not matter. */
class GroupPropertiesTest {

    private static final long OCT = t("2026-10-01T00:00:00Z");
    private static final long NOW = t("2026-11-20T00:00:00Z");

    private static ServiceHistory history(List<Integer> minutes) {
        List<Interval> out = new ArrayList<>();
        for (int i = 0; i + 1 < minutes.size(); i += 2) {
            long a = OCT + Math.min(minutes.get(i), minutes.get(i + 1)) * 60L;
            long b = OCT + Math.max(minutes.get(i), minutes.get(i + 1)) * 60L;
            if (b > a) {
                out.add(new Interval(a, b));
            }
        }
        return new ServiceHistory(IntervalSet.of(out), true);
    }

    private static Terms terms(List<String> services, Map<String, List<String>> groups, long minimum) {
        Terms t = Fixtures.terms(MeasurementPolicy.PROVIDER_MONITORED, services, minimum, "UTC", List.of());
        return new Terms(
                t.contractId(),
                t.services(),
                t.policy(),
                t.uptimeTargetPercent(),
                minimum,
                ZoneId.of("UTC"),
                t.creditTiers(),
                t.creditCapPercent(),
                t.monthlyFee(),
                Maintenance.NONE,
                t.noData(),
                List.of(),
                groups);
    }

    @Property(tries = 300)
    void aGroupOfOneMemberIsThatMember(
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 44_640) Integer> minutes,
            @ForAll @IntRange(min = 0, max = 7200) int minimum) {
        var h = Map.of("db-eu", history(minutes));
        Statement member = StatementCalculator.statement(
                terms(List.of("db-eu"), Map.of(), minimum), YearMonth.of(2026, 10), h, Map.of(), NOW, 3600);
        Statement group = StatementCalculator.statement(
                terms(List.of("database"), Map.of("database", List.of("db-eu")), minimum),
                YearMonth.of(2026, 10),
                h,
                Map.of(),
                NOW,
                3600);
        assertThat(group.figures()).isEqualTo(member.figures());
        assertThat(group.intervals())
                .extracting(StatementInterval::start, StatementInterval::seconds, StatementInterval::counted)
                .isEqualTo(member.intervals().stream()
                        .map(i -> net.jqwik.api.Tuple.of(i.start(), i.seconds(), i.counted()))
                        .map(x -> org.assertj.core.groups.Tuple.tuple(x.get1(), x.get2(), x.get3()))
                        .toList());
    }

    @Property(tries = 300)
    void theMembersOrderDoesNotMatter(
            @ForAll @Size(min = 2, max = 5) List<@Size(max = 8) List<@IntRange(min = 0, max = 44_640) Integer>> members,
            @ForAll long seed) {
        Map<String, ServiceHistory> h = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            h.put("m" + i, history(members.get(i)));
            names.add("m" + i);
        }
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, new Random(seed));
        Statement a = StatementCalculator.statement(
                terms(List.of("g"), Map.of("g", names), 0), YearMonth.of(2026, 10), h, Map.of(), NOW, 3600);
        Statement b = StatementCalculator.statement(
                terms(List.of("g"), Map.of("g", shuffled), 0), YearMonth.of(2026, 10), h, Map.of(), NOW, 3600);
        assertThat(b).isEqualTo(a);
        // and the group's downtime is the intersection: never more than any member's own
        for (String m : names) {
            Statement alone = StatementCalculator.statement(
                    terms(List.of(m), Map.of(), 0), YearMonth.of(2026, 10), h, Map.of(), NOW, 3600);
            assertThat(a.figures().downtimeSeconds())
                    .isLessThanOrEqualTo(alone.figures().downtimeSeconds());
        }
    }
}
