package com.slaledger.notification.notice;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.EventJson;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.events.WarningIssued;
import com.slaledger.support.messaging.ConsumerRetry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns what the ledger publishes into stored notices, one per idempotency key. The event is read
 * once into its own type, to check it, and stored as it arrived (the JSON text of the record), so
 * the renderer reads exactly what the ledger said. A record is acknowledged only after its
 * transaction committed; a failing database is retried with back-off (never dead-lettered: the
 * record is fine); an unreadable or incomplete record goes to the dead-letter topic.
 */
@ApplicationScoped
public class NoticeConsumer {

    private final NoticeRepository notices;
    private final Clock clock;

    public NoticeConsumer(NoticeRepository notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Incoming("shortfalls")
    public Uni<Void> onShortfall(String json) {
        return Uni.createFrom().item(() -> read(json, ShortfallDetected.class)).chain(event -> {
            if (event.contractId() == null
                    || event.period() == null
                    || (event.isAvailability() && event.creditPercent() == null)) {
                return Uni.createFrom()
                        .failure(new IllegalArgumentException("shortfall without contractId, period or creditPercent"));
            }
            return store(event.idempotencyKey(), event.contractId(), event.period(), NoticeKind.SHORTFALL, json)
                    .invoke(() -> Log.debugf("shortfall %s noted", event.idempotencyKey()));
        });
    }

    @Incoming("warnings")
    public Uni<Void> onWarning(String json) {
        return Uni.createFrom().item(() -> read(json, WarningIssued.class)).chain(event -> {
            if (event.contractId() == null || event.period() == null || event.thresholdPercent() == null) {
                return Uni.createFrom()
                        .failure(
                                new IllegalArgumentException("warning without contractId, period or thresholdPercent"));
            }
            return store(event.idempotencyKey(), event.contractId(), event.period(), NoticeKind.WARNING, json);
        });
    }

    @Incoming("statements")
    public Uni<Void> onStatement(String json) {
        return Uni.createFrom().item(() -> read(json, StatementIssued.class)).chain(event -> {
            if (event.contractId() == null || event.period() == null || event.version() < 1) {
                return Uni.createFrom()
                        .failure(new IllegalArgumentException("statement without contractId, period or version"));
            }
            return store(event.idempotencyKey(), event.contractId(), event.period(), NoticeKind.STATEMENT, json);
        });
    }

    private Uni<Void> store(String key, String contractId, String period, NoticeKind kind, String json) {
        return ConsumerRetry.untilDone(Panache.withTransaction(
                        () -> notices.createOnce(key, contractId, period, kind, json, clock.instant())))
                .replaceWithVoid();
    }

    /** An unreadable record fails the message, which the channel's failure strategy dead-letters. */
    private static <T> T read(String json, Class<T> type) {
        if (json == null) {
            throw new IllegalArgumentException("record without a value");
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
