package com.slaledger.ledger.duty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.slaledger.events.DutyOutcome;
import com.slaledger.events.DutyReported;
import com.slaledger.events.Topics;
import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Duty evidence folds once per key and asks for the evaluation of every contract promising the duty. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class DutyFoldTest {

    private static long count(String sql, String param) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql, Long.class)
                        .setParameter("p", param)
                        .getSingleResult())));
    }

    private static DutyReported event(String duty, DutyOutcome outcome, Instant at) {
        return new DutyReported(DutyReported.dedupKey(null, duty, at, outcome), null, duty, outcome, at, null, at);
    }

    @Test
    void evidenceIsStoredOnceAndMarksTheContractsThatPromiseTheDuty() throws Throwable {
        String duty = unique("backup");
        String contract = unique("duty");
        putContract(
                contract,
                """
                {"customer": {"name": "Acme Ltd", "noticeEmails": ["sla@acme.example"]},
                 "services": ["api"], "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.9,
                 "duties": [{"dutyId": "%s", "name": "Nightly database backup", "every": "P1D",
                             "since": "2026-10-01T00:00:00Z"}]}
                """
                        .formatted(duty),
                201);
        // the contract's own first evaluation has claimed its creation's mark
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        count("SELECT count(*) FROM contract_change WHERE contract_id = :p", contract))
                .isZero());
        Instant at = Instant.parse("2026-10-03T02:10:00Z");
        TestKafka.send(Topics.DUTIES, duty, event(duty, DutyOutcome.SUCCESS, at));
        TestKafka.send(Topics.DUTIES, duty, event(duty, DutyOutcome.SUCCESS, at)); // a duplicate
        TestKafka.send(Topics.DUTIES, duty, "{not json".getBytes(StandardCharsets.UTF_8));
        TestKafka.send(Topics.DUTIES, duty, event(duty, DutyOutcome.FAILURE, at.plusSeconds(86_400)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(count("SELECT count(*) FROM duty_event WHERE duty_id = :p", duty))
                        .isEqualTo(2));
        // the evidence asked for the contract's evaluation (a trigger through the outbox)
        assertThat(count(
                        "SELECT count(*) FROM outbox_message WHERE topic = 'sla.evaluations' AND message_key = :p"
                                + " AND payload LIKE '%duty evidence%'",
                        contract))
                .isPositive();
        var dead = TestKafka.read(Topics.DEAD_LETTERS, r -> duty.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
    }

    /**
     * An unreadable record that is the last on its partition still moves the fold position past it:
     * the ledger must not count itself behind for ever (which would stop it judging ongoing outages).
     * Before, the connector dead-lettered such a record by itself and no position was recorded.
     */
    @Test
    void anUnreadableLastRecordStillMovesTheFoldPosition() throws Throwable {
        String key = unique("unreadable");
        long before = count("SELECT coalesce(sum(next_offset), 0) FROM fold_position WHERE topic = :p", Topics.DUTIES);
        TestKafka.send(Topics.DUTIES, key, "{not json either".getBytes(StandardCharsets.UTF_8));

        var dead = TestKafka.read(Topics.DEAD_LETTERS, r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.text(dead.get(0))).isEqualTo("{not json either");
        assertThat(TestKafka.header(dead.get(0), "dead-letter-reason")).startsWith("unreadable record");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                        "SELECT coalesce(sum(next_offset), 0) FROM fold_position WHERE topic = :p", Topics.DUTIES))
                .isEqualTo(before + 1));
    }
}
