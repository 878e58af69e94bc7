package com.slaledger.ledger.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.slaledger.events.TicketKind;
import com.slaledger.events.TicketOpened;
import com.slaledger.events.TicketPause;
import com.slaledger.events.TicketPauseChanged;
import com.slaledger.events.TicketResolved;
import com.slaledger.events.TicketResponded;
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

import static com.slaledger.ledger.LedgerFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ticket events fold into one row per ticket whatever their order: the resolution once known
 * stays, the earliest first response counts, the priority is kept (SPEC §5.2, §13.2).
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class TicketFoldTest {

    private static final Instant REPORTED = Instant.parse("2026-10-03T14:20:00Z");

    @Test
    void priorityAndTheEarliestResponseAreKeptWhateverTheOrder() {
        String id = unique("t");
        String contract = unique("c");
        Instant early = REPORTED.plusSeconds(600);
        Instant late = REPORTED.plusSeconds(1800);
        Instant resolved = REPORTED.plusSeconds(7200);
        // the resolution (with the late response) arrives first, then the early response, then "opened"
        TestKafka.send(
                Topics.TICKETS,
                id,
                new TicketResolved(
                        id, "ZD-1", contract, "api", TicketKind.REQUEST, "s", REPORTED, resolved, "P1", late));
        TestKafka.send(
                Topics.TICKETS,
                id,
                new TicketResponded(id, "ZD-1", contract, "api", TicketKind.REQUEST, "s", REPORTED, null, "P1", early));
        TestKafka.send(
                Topics.TICKETS,
                id,
                new TicketOpened(id, "ZD-1", contract, "api", TicketKind.REQUEST, "s", REPORTED, "P1", null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Object[] row = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(
                                    "SELECT priority, CAST(EXTRACT(EPOCH FROM responded_at) AS BIGINT),"
                                            + " CAST(EXTRACT(EPOCH FROM resolved_at) AS BIGINT)"
                                            + " FROM ledger_ticket WHERE ticket_id = :id",
                                    Object[].class)
                            .setParameter("id", id)
                            .getResultList())
                    .map(rows -> rows.isEmpty() ? null : rows.get(0))));
            assertThat(row).isNotNull();
            assertThat(row[0]).isEqualTo("P1");
            assertThat(((Number) row[1]).longValue()).isEqualTo(early.getEpochSecond());
            assertThat(((Number) row[2]).longValue()).isEqualTo(resolved.getEpochSecond());
        });
    }

    /**
     * SPEC §16.4: pause events join the ticket's set of pauses whatever their order and however
     * often they come: two events each carrying part of the history, one of them twice, leave
     * the three distinct events.
     */
    @Test
    void pausesAreTheUnionOfWhatTheEventsCarried() {
        String id = unique("t");
        String contract = unique("c");
        var p1 = new TicketPause(REPORTED.plusSeconds(600), true);
        var u1 = new TicketPause(REPORTED.plusSeconds(1200), false);
        var p2 = new TicketPause(REPORTED.plusSeconds(3600), true);
        TestKafka.send(Topics.TICKETS, id, paused(id, contract, List.of(p1, u1, p2)));
        TestKafka.send(Topics.TICKETS, id, paused(id, contract, List.of(p1)));
        TestKafka.send(Topics.TICKETS, id, paused(id, contract, List.of(p1)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Object[]> rows = VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                    "SELECT CAST(EXTRACT(EPOCH FROM at) AS BIGINT), paused FROM ledger_ticket_pause"
                                            + " WHERE ticket_id = :id ORDER BY at",
                                    Object[].class)
                            .setParameter("id", id)
                            .getResultList())));
            assertThat(rows).hasSize(3);
            assertThat(((Number) rows.get(0)[0]).longValue()).isEqualTo(p1.at().getEpochSecond());
            assertThat(rows).extracting(r -> r[1]).containsExactly(true, false, true);
        });
    }

    private static TicketPauseChanged paused(String id, String contract, List<TicketPause> pauses) {
        return new TicketPauseChanged(
                id, "ZD-2", contract, "api", TicketKind.REQUEST, "s", REPORTED, null, "P2", null, pauses);
    }
}
