package com.slaledger.bench;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.slaledger.ledger.engine.CreditTier;
import com.slaledger.ledger.engine.HealthStatus;
import com.slaledger.ledger.engine.Interval;
import com.slaledger.ledger.engine.IntervalSet;
import com.slaledger.ledger.engine.MeasurementPolicy;
import com.slaledger.ledger.engine.Money;
import com.slaledger.ledger.engine.MonitoredDowntime;
import com.slaledger.ledger.engine.NoDataRule;
import com.slaledger.ledger.engine.Observation;
import com.slaledger.ledger.engine.Periods;
import com.slaledger.ledger.engine.ServiceHistory;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.ledger.engine.StatementCalculator;
import com.slaledger.ledger.engine.Terms;
import com.slaledger.ledger.engine.TicketSpan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's cost of a statement for a contract-month with many downtime intervals (issue 4,
 * issue 7 item 5): October 2026 in Lisbon, two services, an outage every ~4 minutes on each,
 * tickets over a quarter of them, maintenance windows; both policies are computed, as the API
 * does. Measures the engine alone: {@code monitoredDowntime} (the per-service fold from
 * observations, cached by the ledger between changes) and {@code statement} separately.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StatementBenchmark {

    @Param({"10000"})
    int intervals;

    Terms terms;
    List<Observation> apiObservations;
    List<Observation> webObservations;
    Map<String, ServiceHistory> histories;
    Map<String, IntervalSet> tickets;
    long now;

    @Setup
    public void setUp() {
        ZoneId zone = ZoneId.of("Europe/Lisbon");
        YearMonth period = YearMonth.of(2026, 10);
        long start = Periods.start(period, zone);
        long end = Periods.end(period, zone);
        Random random = new Random(42);
        apiObservations = outages(random, start, end, intervals / 2, "p");
        webObservations = outages(random, start + 60, end, intervals / 2, "q");
        histories = Map.of(
                "api", new ServiceHistory(MonitoredDowntime.of(apiObservations, 2), true),
                "web", new ServiceHistory(MonitoredDowntime.of(webObservations, 2), true));
        List<TicketSpan> spans = new ArrayList<>();
        for (Interval i : histories.get("api").monitored().intervals()) {
            if (random.nextInt(4) == 0) {
                spans.add(new TicketSpan(i.start() + 30, i.end() + 30));
            }
        }
        tickets = Map.of("api", TicketSpan.openTime(spans));
        terms = new Terms(
                "bench",
                List.of("api", "web"),
                MeasurementPolicy.PROVIDER_MONITORED,
                new BigDecimal("99.9"),
                60,
                zone,
                List.of(
                        new CreditTier(new BigDecimal("99.9"), BigDecimal.TEN),
                        new CreditTier(new BigDecimal("99"), new BigDecimal("25"))),
                new BigDecimal("100"),
                new Money(new BigDecimal("1000.00"), "EUR"),
                List.of(new Interval(start + 86_400 * 9, start + 86_400 * 9 + 7200)),
                NoDataRule.UP,
                List.of());
        now = end + 7200;
    }

    /** Outages on two of three probes (quorum 2), each 30 s to 3 min long, spread over the month. */
    static List<Observation> outages(Random random, long start, long end, int count, String prefix) {
        List<Observation> out = new ArrayList<>();
        long step = (end - start) / count;
        for (int i = 0; i < count; i++) {
            long at = start + i * step + random.nextInt((int) Math.max(1, step / 4));
            long length = 30 + random.nextInt(150);
            out.add(new Observation(prefix + "1", HealthStatus.DOWN, at));
            out.add(new Observation(prefix + "2", HealthStatus.DOWN, at + 1));
            out.add(new Observation(prefix + "3", HealthStatus.UP, at + 2));
            out.add(new Observation(prefix + "1", HealthStatus.UP, at + length));
            out.add(new Observation(prefix + "2", HealthStatus.UP, at + length + 1));
        }
        return out;
    }

    @Benchmark
    public Statement statement() {
        return StatementCalculator.statement(terms, YearMonth.of(2026, 10), histories, tickets, now, 3600);
    }

    @Benchmark
    public IntervalSet monitoredDowntime() {
        return MonitoredDowntime.of(apiObservations, 2);
    }
}
