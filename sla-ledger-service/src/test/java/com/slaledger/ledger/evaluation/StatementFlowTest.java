package com.slaledger.ledger.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import com.slaledger.events.HealthStatus;
import com.slaledger.events.Topics;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.observe;
import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.statement;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger end to end on the real broker and database: observations and tickets arrive on
 * Kafka, statements come out over HTTP, shortfalls and statements go out on Kafka.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class StatementFlowTest {

    @Inject
    Evaluator evaluator;

    /** The service's clock: the suite's instant (these tests build their data relative to it). */
    @Inject
    Clock clock;

    @Test
    void aShortfallIsDetectedWhileTheOutageIsStillOngoing() {
        String contract = unique("ongoing");
        String api = unique("api");
        putContract(
                contract,
                """
                {"customer": {"name": "Acme", "noticeEmails": ["sla@acme.example"]}, "services": ["%s"],
                 "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.99,
                 "creditTiers": [{"belowPercent": 99.99, "creditPercent": 5}]}
                """
                        .formatted(api),
                201);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        String period = month.toString();
        Instant periodStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // 99.99% of a month allows 241-268 s; the outage is 245 s old (or began with the period, when
        // that was less than 245 s ago) and has no end: the shortfall comes when the period's counted
        // downtime reaches the allowance, at most 268 s after the outage's start.
        Instant start = now.minusSeconds(245).isBefore(periodStart) ? periodStart : now.minusSeconds(245);
        observe(api, "p1", HealthStatus.DOWN, start.toString());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> statement(contract, period).get("intervals").size() == 1);
        var early = statement(contract, period);
        assertThat(early.at("/intervals/0/ongoing").asBoolean()).isTrue();
        assertThat(early.at("/intervals/0/end").isNull()).isTrue();

        // No further event: the allowance runs out as time passes, and the ledger notices.
        Duration wait = Duration.ofSeconds(60).plus(Duration.between(now, start.plusSeconds(268)));
        var shortfalls = TestKafka.read(Topics.SHORTFALLS, r -> contract.equals(r.key()), 1, wait);
        assertThat(shortfalls).hasSize(1);
        assertThat(TestKafka.text(shortfalls.get(0)))
                .contains("\"period\":\"" + period + "\"")
                .contains("\"ongoing\":true");
    }

    @Test
    void aClosedPeriodGetsAStatementAndLateDataAnAmendment() throws Throwable {
        String contract = unique("close");
        String api = unique("api");
        putContract(
                contract,
                """
                {"customer": {"name": "Acme", "noticeEmails": ["sla@acme.example"]}, "services": ["%s"],
                 "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.9}
                """
                        .formatted(api),
                201);
        // Evaluate as of a moment after the current period and its grace time: it is closed.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        YearMonth period = YearMonth.from(now.atZone(ZoneOffset.UTC));
        // the late outage: the current period's first hour, or as much of it as has passed (it must
        // lie in this period and before now, whatever the day and hour the suite runs at)
        Instant periodStart = period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant outageEnd = now.isBefore(periodStart.plusSeconds(3600)) ? now : periodStart.plusSeconds(3600);
        long outage = Duration.between(periodStart, outageEnd).toSeconds();
        Instant afterClose = period.plusMonths(1)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(7200);
        // evaluated as of afterClose until it has been (the service's evaluator may hold it a moment),
        // then once more: the statement is issued once
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            evaluateAsOf(contract, afterClose);
            return !TestKafka.read(Topics.STATEMENTS, r -> contract.equals(r.key()), 1, Duration.ofSeconds(2))
                    .isEmpty();
        });
        evaluateAsOf(contract, afterClose);
        var first = TestKafka.read(Topics.STATEMENTS, r -> contract.equals(r.key()), 2, Duration.ofSeconds(10));
        assertThat(first).hasSize(1);
        assertThat(TestKafka.text(first.get(0))).contains("\"version\":1").contains("\"met\":true");

        observe(api, "p1", HealthStatus.DOWN, periodStart.toString());
        observe(api, "p1", HealthStatus.UP, outageEnd.toString());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> statement(contract, period.toString())
                                .get("downtimeSeconds")
                                .asLong()
                        == outage);
        // The service's own evaluator may hold the contract at this moment (it evaluates it for the
        // fold, as of now): asked again until the evaluation as of afterClose has run.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            evaluateAsOf(contract, afterClose);
            return TestKafka.read(Topics.STATEMENTS, r -> contract.equals(r.key()), 3, Duration.ofSeconds(2))
                            .size()
                    >= 2;
        });
        var all = TestKafka.read(Topics.STATEMENTS, r -> contract.equals(r.key()), 3, Duration.ofSeconds(5));
        assertThat(all).hasSize(2);
        assertThat(TestKafka.text(all.get(1)))
                .contains("\"version\":2")
                .contains("\"downtimeSeconds\":" + outage + ",");
    }

    /** One contract evaluated as of {@code at}, as the evaluator would at that instant. */
    private void evaluateAsOf(String contract, Instant at) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> evaluator.evaluate(List.of(contract), at));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMonthsLateEventMakesAnOldPeriodsShortfall() {
        String contract = unique("late");
        String api = unique("api");
        putContract(
                contract,
                """
                {"customer": {"name": "Acme", "noticeEmails": ["sla@acme.example"]}, "services": ["%s"],
                 "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.9,
                 "creditTiers": [{"belowPercent": 99.9, "creditPercent": 10}]}
                """
                        .formatted(api),
                201);
        YearMonth old = YearMonth.now(clock).minusMonths(3);
        String start = old.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        String end = old.atDay(10)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(7200)
                .toString();
        // the end first: were the start folded and judged alone (the ledger caught up in between),
        // the outage would rightly be ongoing to this day
        observe(api, "p1", HealthStatus.UP, end);
        observe(api, "p1", HealthStatus.DOWN, start);

        var shortfalls = TestKafka.read(Topics.SHORTFALLS, r -> contract.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(shortfalls).hasSize(1);
        assertThat(TestKafka.text(shortfalls.get(0)))
                .contains("\"period\":\"" + old + "\"")
                .contains("\"downtimeSeconds\":7200");
    }
}
