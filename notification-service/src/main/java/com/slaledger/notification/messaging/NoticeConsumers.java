package com.slaledger.notification.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.ContractChanged;
import com.slaledger.events.EventJson;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.notification.contract.ContractViewRepository;
import com.slaledger.notification.notice.NoticeKind;
import com.slaledger.notification.notice.NoticeRepository;
import com.slaledger.support.ConsumerRetry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns what the ledger publishes into stored notices and contract views. A record is
 * acknowledged only after its transaction committed; a failing database is retried with
 * back-off (never dead-lettered: the record is fine); an unreadable or incomplete record goes
 * to the dead-letter topic.
 */
@ApplicationScoped
public class NoticeConsumers {

    private final NoticeRepository notices;
    private final ContractViewRepository contracts;

    public NoticeConsumers(NoticeRepository notices, ContractViewRepository contracts) {
        this.notices = notices;
        this.contracts = contracts;
    }

    @Incoming("contracts")
    public Uni<Void> onContract(ContractChanged event) {
        if (event.contractId() == null
                || event.customer() == null
                || event.customer().noticeEmails() == null) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("contract event without contractId or customer"));
        }
        return ConsumerRetry.untilDone(Panache.withTransaction(() -> contracts.apply(event)));
    }

    @Incoming("shortfalls")
    public Uni<Void> onShortfall(ShortfallDetected event) {
        if (event.contractId() == null || event.period() == null || event.creditPercent() == null) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("shortfall without contractId, period or creditPercent"));
        }
        return ConsumerRetry.untilDone(Panache.withTransaction(() -> notices.createOnce(
                        event.idempotencyKey(),
                        event.contractId(),
                        event.period(),
                        NoticeKind.SHORTFALL,
                        json(event),
                        Instant.now())))
                .invoke(() -> Log.debugf("shortfall %s noted", event.idempotencyKey()))
                .replaceWithVoid();
    }

    @Incoming("statements")
    public Uni<Void> onStatement(StatementIssued event) {
        if (event.contractId() == null || event.period() == null || event.version() < 1) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("statement without contractId, period or version"));
        }
        return ConsumerRetry.untilDone(Panache.withTransaction(() -> notices.createOnce(
                        event.idempotencyKey(),
                        event.contractId(),
                        event.period(),
                        NoticeKind.STATEMENT,
                        json(event),
                        Instant.now())))
                .replaceWithVoid();
    }

    private static String json(Object event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
