package com.slaledger.ledger.observation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.json;
import static com.slaledger.ledger.LedgerFixtures.putContract;
import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month beyond the late horizon is compacted to a fraction of its rows, and every statement of
 * it stays the same to the byte: outages, a tie at one second, a probe silent longer than its
 * staleAfter (no data) and one silent for less.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class ObservationCompactionTest {

    /** The service's clock. */
    @Inject
    Clock clock;

    private static final Instant JANUARY = Instant.parse("2025-01-06T00:00:00Z");

    @Inject
    ObservationCompaction compaction;

    @Inject
    Pool pool;

    private static String contract(String service, String noData) {
        return """
                {"customer": {"name": "Old Ltd", "noticeEmails": ["sla@old.example"]},
                 "services": ["%s"], "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.9,
                 "minimumDowntime": "PT2M", "noData": "%s",
                 "creditTiers": [{"belowPercent": 99.9, "creditPercent": 10}],
                 "monthlyFee": {"amount": 1000.00, "currency": "EUR"}}
                """
                .formatted(service, noData);
    }

    private static String statement(String contract) {
        return given().when()
                .get("/api/v1/contracts/{id}/statements/2025-01", contract)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void aCompactedMonthGivesEveryStatementToTheByte() throws Throwable {
        String service = unique("old");
        given().contentType("application/json")
                .body("{\"name\": \"Old service\", \"downQuorum\": 1, \"staleAfter\": \"PT10M\"}")
                .when()
                .put("/api/v1/services/{id}", service)
                .then()
                .statusCode(201);
        String up = unique("compact-up");
        String down = unique("compact-down");
        String excluded = unique("compact-excluded");
        putContract(up, contract(service, "UP"), 201);
        putContract(down, contract(service, "DOWN"), 201);
        putContract(excluded, contract(service, "EXCLUDED"), 201);

        // Two probes every 30 s for 8 hours of 6 January 2025: p1 DOWN 01:00-01:30, p2 DOWN
        // 01:10-01:40; both silent 03:17-03:42 (stale from 03:27) and 05:21-05:27 (less than
        // staleAfter); at 06:00:00 p1 says UP and DOWN (DOWN wins); p1 DOWN 07:00-07:01 (below
        // the minimum).
        List<Object[]> rows = new ArrayList<>();
        for (long s = 0; s < 8 * 3600; s += 30) {
            boolean p1Down = (s >= 3600 && s < 5400) || (s >= 25_200 && s < 25_260);
            boolean p2Down = s >= 4200 && s < 6000;
            // both probes silent: 03:17-03:42 (no data from 03:27) and 05:21-05:27 (still fresh)
            if ((s >= 11_820 && s < 13_320) || (s >= 19_260 && s < 19_620)) {
                continue;
            }
            rows.add(new Object[] {"p1", s, p1Down ? 1 : 0});
            rows.add(new Object[] {"p2", s, p2Down ? 1 : 0});
        }
        rows.add(new Object[] {"p1", 21_600L, 1});
        VertxContextSupport.subscribeAndAwait(() -> pool.withTransaction(conn -> conn.preparedQuery(
                        "SELECT observation_partition($1)")
                .execute(Tuple.of(JANUARY.atOffset(java.time.ZoneOffset.UTC)))
                .chain(() -> conn.preparedQuery("INSERT INTO probe (service_id, probe_id) VALUES ($1, 'p1'),"
                                + " ($1, 'p2') ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(service)))
                .chain(() -> {
                    List<Tuple> batch = new ArrayList<>();
                    for (Object[] r : rows) {
                        batch.add(Tuple.of(
                                service,
                                r[0],
                                JANUARY.plusSeconds(((Number) r[1]).longValue()).atOffset(java.time.ZoneOffset.UTC),
                                (short) (int) r[2],
                                ThreadLocalRandom.current().nextLong()));
                    }
                    return conn.preparedQuery(
                                    "INSERT INTO observation (probe_key, observed_at, status, dedup_hash)"
                                            + " SELECT probe_key, $3, $4, $5 FROM probe WHERE service_id = $1 AND probe_id = $2")
                            .executeBatch(batch);
                })));

        String beforeUp = statement(up);
        String beforeDown = statement(down);
        String beforeExcluded = statement(excluded);
        // not a trivial statement: the outages are there, and no data under the DOWN rule
        assertThat(json(beforeUp).path("downtimeSeconds").asLong()).isEqualTo(2400);
        assertThat(json(beforeDown).path("downtimeSeconds").asLong()).isGreaterThan(2400);
        assertThat(json(beforeExcluded).path("eligibleSeconds").asLong())
                .isLessThan(json(beforeUp).path("eligibleSeconds").asLong());

        var done = VertxContextSupport.subscribeAndAwait(() -> compaction.compact(clock.instant()));
        var january = done.stream()
                .filter(c -> c.month().toString().equals("2025-01"))
                .findFirst()
                .orElseThrow();
        assertThat(january.rowsBefore()).isGreaterThanOrEqualTo(rows.size());
        // staleAfter 10 minutes: buckets of 10 minutes, 20 observations of a probe in each, the first
        // and last kept (and the changes of status): 1,790 rows become 192 or so
        assertThat(january.rowsAfter()).isLessThan(january.rowsBefore() / 8);

        // the ledger's cached down-time of the service is forgotten: computed again from the rows left
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("INSERT INTO service_state (service_id, version)"
                        + " VALUES ($1, 1) ON CONFLICT (service_id) DO UPDATE SET version = service_state.version + 1")
                .execute(Tuple.of(service)));
        assertThat(statement(up)).isEqualTo(beforeUp);
        assertThat(statement(down)).isEqualTo(beforeDown);
        assertThat(statement(excluded)).isEqualTo(beforeExcluded);
        // done once: a second run finds nothing new to do for that month
        var again = VertxContextSupport.subscribeAndAwait(() -> compaction.compact(clock.instant()));
        assertThat(again).noneMatch(c -> c.month().toString().equals("2025-01"));
    }
}
