package com.slaledger.ledger.maintenance;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.MaintenanceNoticed;
import com.slaledger.events.Topics;
import com.slaledger.ledger.contract.ContractHistory;
import com.slaledger.ledger.contract.ContractTerms;
import com.slaledger.ledger.engine.MaintenanceCalendar;
import com.slaledger.ledger.engine.MaintenanceNotices;
import com.slaledger.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Records the maintenance notices the engine's {@link MaintenanceNotices} says are due (SPEC §18),
 * in the evaluation's transaction and under its lock: each (window, notice) is a row whose key
 * makes it once, and a MaintenanceNoticed event through the outbox. The windows looked at reach
 * a week past the contract's {@code announceAhead}; the next due instant is the engine's, or that
 * week's end, when windows further ahead come within reach.
 */
@ApplicationScoped
public class MaintenanceNoticeRecorder {

    /** How far past the announcement horizon the windows are looked at, and so the longest sleep. */
    static final long LOOK_PAST_SECONDS = 7L * 86_400;

    /** How long after a window ended its notices are still read (a cancellation or change of it is news no longer). */
    static final long KEEP_READING_SECONDS = 2L * 86_400;

    private static final String INSERT =
            "INSERT INTO maintenance_notice (contract_id, uid, notice_key, stage, revision,"
                    + " window_start, window_end, sent_at) VALUES (:c, :u, :k, :s, :r, :ws, :we, :t)"
                    + " ON CONFLICT (contract_id, uid, notice_key) DO NOTHING";

    private final Outbox outbox;

    public MaintenanceNoticeRecorder(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * The notices due at {@code now} for the contract of {@code history}, recorded and published;
     * the next instant one becomes due (epoch seconds), or null when the contract asks for none.
     * Call inside the evaluation's transaction.
     */
    public Uni<Long> record(ContractHistory history, Instant now) {
        ContractTerms.MaintenanceNoticeTerms terms = history.current().terms().maintenanceNotices();
        if (terms == null) {
            return Uni.createFrom().nullItem();
        }
        String contractId = history.current().contractId();
        long at = now.getEpochSecond();
        long ahead = terms.announceAhead().getSeconds();
        var events = MaintenancePlan.events(history, at - KEEP_READING_SECONDS, at + ahead + LOOK_PAST_SECONDS);
        var engineTerms = new MaintenanceNotices.Terms(
                ahead,
                terms.reminderBefore() == null ? null : terms.reminderBefore().getSeconds());
        return sent(contractId, at).chain(sent -> {
            MaintenanceNotices.Decision d = MaintenanceNotices.decide(events, engineTerms, sent, at);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (MaintenanceNotices.Notice n : d.notices()) {
                chain = chain.chain(() -> notice(history, n, now));
            }
            long reach = at + LOOK_PAST_SECONDS;
            long next = d.nextDue() == null ? reach : Math.min(d.nextDue(), reach);
            return chain.replaceWith(next);
        });
    }

    private Uni<Void> notice(ContractHistory history, MaintenanceNotices.Notice n, Instant now) {
        var c = history.current();
        MaintenanceCalendar.Event e = n.event();
        Instant start = Instant.ofEpochSecond(e.start());
        Instant end = Instant.ofEpochSecond(e.end());
        boolean changed = n.stage() == MaintenanceNotices.Stage.CHANGED;
        var event = new MaintenanceNoticed(
                c.contractId(),
                e.uid(),
                n.stage().name(),
                n.key(),
                YearMonth.from(start.atZone(c.zone())).toString(),
                start,
                end,
                e.reason(),
                changed && e.previousStart() != null ? Instant.ofEpochSecond(e.previousStart()) : null,
                changed && e.previousEnd() != null ? Instant.ofEpochSecond(e.previousEnd()) : null,
                now);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(INSERT)
                        .setParameter("c", c.contractId())
                        .setParameter("u", e.uid())
                        .setParameter("k", n.key())
                        .setParameter("s", n.stage().name())
                        .setParameter("r", e.revision())
                        .setParameter("ws", start.atOffset(ZoneOffset.UTC))
                        .setParameter("we", end.atOffset(ZoneOffset.UTC))
                        .setParameter("t", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Log.infof(
                            "maintenance notice: contract %s window %s %s (%s to %s)",
                            c.contractId(), e.uid(), n.key(), start, end);
                    return outbox.add(Topics.MAINTENANCE, c.contractId(), event);
                });
    }

    /** What was sent of the windows that ended no longer than two days ago, per window. */
    private static Uni<Map<String, List<MaintenanceNotices.Sent>>> sent(String contractId, long now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT uid, stage, revision, CAST(EXTRACT(EPOCH FROM sent_at) AS BIGINT)"
                                        + " FROM maintenance_notice WHERE contract_id = :c AND window_end > :since",
                                Object[].class)
                        .setParameter("c", contractId)
                        .setParameter(
                                "since",
                                Instant.ofEpochSecond(now - KEEP_READING_SECONDS)
                                        .atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(rows -> {
                    Map<String, List<MaintenanceNotices.Sent>> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                                .add(new MaintenanceNotices.Sent(
                                        MaintenanceNotices.Stage.valueOf((String) r[1]),
                                        ((Number) r[2]).intValue(),
                                        ((Number) r[3]).longValue()));
                    }
                    return out;
                });
    }
}
