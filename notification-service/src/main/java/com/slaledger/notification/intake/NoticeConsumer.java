package com.slaledger.notification.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.CreditChanged;
import com.slaledger.events.DisputeChanged;
import com.slaledger.events.EventJson;
import com.slaledger.events.MaintenanceNoticed;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.events.WarningIssued;
import com.slaledger.notification.notice.NoticeKind;
import com.slaledger.notification.notice.NoticeRepository;
import com.slaledger.notification.webhook.WebhookDeliveryRepository;
import com.slaledger.support.messaging.ConsumerRetry;
import com.slaledger.support.messaging.DeadLetters;
import com.slaledger.support.persistence.Failures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns what the ledger publishes into stored notices, one per idempotency key. Records come in
 * batches (a poll's worth): each event is read once into its own type, to check it, and stored as
 * it arrived (the JSON text of the record), so the renderer reads exactly what the ledger said. The
 * batch's notices are stored in one transaction with one statement, and the batch is acknowledged
 * only after it committed: one outage breaching 10,000 contracts is 20 transactions, not 10,000. A
 * failing database is retried with back-off (never dead-lettered: the records are fine); an
 * unreadable or incomplete record goes to the dead-letter topic and the others are stored; if the
 * batch cannot be stored for a reason of its data, its notices are stored one by one to find the
 * culprit. Each notice's webhook deliveries are stored with it, in the same transaction.
 */
@ApplicationScoped
public class NoticeConsumer {

    private final NoticeRepository notices;
    private final WebhookDeliveryRepository webhooks;
    private final DeadLetters deadLetters;
    private final Clock clock;

    public NoticeConsumer(
            NoticeRepository notices, WebhookDeliveryRepository webhooks, DeadLetters deadLetters, Clock clock) {
        this.notices = notices;
        this.webhooks = webhooks;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Incoming("shortfalls")
    public Uni<Void> onShortfalls(KafkaRecordBatch<String, String> batch) {
        return store(batch, json -> {
            ShortfallDetected e = read(json, ShortfallDetected.class);
            if (e.contractId() == null || e.period() == null || (e.isAvailability() && e.creditPercent() == null)) {
                throw new IllegalArgumentException("shortfall without contractId, period or creditPercent");
            }
            return new NoticeRepository.NewNotice(
                    e.idempotencyKey(), e.contractId(), e.period(), NoticeKind.SHORTFALL, json);
        });
    }

    @Incoming("warnings")
    public Uni<Void> onWarnings(KafkaRecordBatch<String, String> batch) {
        return store(batch, json -> {
            WarningIssued e = read(json, WarningIssued.class);
            if (e.contractId() == null || e.period() == null || e.thresholdPercent() == null) {
                throw new IllegalArgumentException("warning without contractId, period or thresholdPercent");
            }
            return new NoticeRepository.NewNotice(
                    e.idempotencyKey(), e.contractId(), e.period(), NoticeKind.WARNING, json);
        });
    }

    @Incoming("statements")
    public Uni<Void> onStatements(KafkaRecordBatch<String, String> batch) {
        return store(batch, json -> {
            StatementIssued e = read(json, StatementIssued.class);
            if (e.contractId() == null || e.period() == null || e.version() < 1) {
                throw new IllegalArgumentException("statement without contractId, period or version");
            }
            return new NoticeRepository.NewNotice(
                    e.idempotencyKey(), e.contractId(), e.period(), NoticeKind.STATEMENT, json);
        });
    }

    @Incoming("credits")
    public Uni<Void> onCredits(KafkaRecordBatch<String, String> batch) {
        return store(batch, json -> {
            CreditChanged e = read(json, CreditChanged.class);
            if (e.creditId() == null || e.contractId() == null || e.period() == null || e.status() == null) {
                throw new IllegalArgumentException("credit change without creditId, contractId, period or status");
            }
            return new NoticeRepository.NewNotice(
                    e.idempotencyKey(), e.contractId(), e.period(), NoticeKind.CREDIT, json);
        });
    }

    @Incoming("disputes")
    public Uni<Void> onDisputes(KafkaRecordBatch<String, String> batch) {
        return store(batch, json -> {
            DisputeChanged e = read(json, DisputeChanged.class);
            if (e.disputeId() == null
                    || e.contractId() == null
                    || e.period() == null
                    || e.status() == null
                    || e.start() == null
                    || e.end() == null) {
                throw new IllegalArgumentException(
                        "dispute change without disputeId, contractId, period, status or span");
            }
            return new NoticeRepository.NewNotice(
                    e.idempotencyKey(), e.contractId(), e.period(), NoticeKind.DISPUTE, json);
        });
    }

    @Incoming("maintenance")
    public Uni<Void> onMaintenance(KafkaRecordBatch<String, String> batch) {
        return store(batch, json -> {
            MaintenanceNoticed e = read(json, MaintenanceNoticed.class);
            if (e.contractId() == null
                    || e.uid() == null
                    || e.stage() == null
                    || e.noticeKey() == null
                    || e.period() == null
                    || e.start() == null
                    || e.end() == null) {
                throw new IllegalArgumentException(
                        "maintenance notice without contractId, uid, stage, noticeKey, period or window");
            }
            if (!List.of("ANNOUNCED", "REMINDER", "CHANGED", "CANCELLED").contains(e.stage())) {
                throw new IllegalArgumentException("maintenance notice of unknown stage " + e.stage());
            }
            return new NoticeRepository.NewNotice(
                    e.idempotencyKey(), e.contractId(), e.period(), NoticeKind.MAINTENANCE, json);
        });
    }

    /** {@code notice} reads and checks one record's value; it throws IllegalArgumentException if it cannot be one. */
    private Uni<Void> store(
            KafkaRecordBatch<String, String> batch, Function<String, NoticeRepository.NewNotice> notice) {
        List<NoticeRepository.NewNotice> good = new ArrayList<>();
        List<KafkaRecord<String, String>> goodRecords = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                if (record.getPayload() == null) {
                    throw new IllegalArgumentException(DeadLetters.deserializationFailure(record));
                }
                good.add(notice.apply(record.getPayload()));
                goodRecords.add(record);
            } catch (IllegalArgumentException e) {
                rejected.add(deadLetters.send(record, e.getMessage()));
            }
        }
        Uni<Void> dlq = rejected.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        return dlq.chain(() -> ConsumerRetry.untilDone(
                                Panache.withTransaction(() -> createAll(good)), Failures::isInherent)
                        .replaceWithVoid()
                        .onFailure(Failures::isInherent)
                        .recoverWithUni(e -> oneByOne(goodRecords, good, e)))
                .invoke(() -> Log.debugf("%d notices noted", good.size()))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private Uni<Void> oneByOne(
            List<KafkaRecord<String, String>> records, List<NoticeRepository.NewNotice> rows, Throwable cause) {
        Log.warnf("a batch of %d notices could not be stored (%s); storing them one by one", rows.size(), cause);
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            indexes.add(i);
        }
        return Multi.createFrom()
                .iterable(indexes)
                .onItem()
                .transformToUniAndConcatenate(i -> ConsumerRetry.untilDone(
                                Panache.withTransaction(() -> createAll(List.of(rows.get(i)))), Failures::isInherent)
                        .replaceWithVoid()
                        .onFailure(Failures::isInherent)
                        .recoverWithUni(e -> deadLetters.send(records.get(i), "cannot be stored: " + e.getMessage())))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** The notices, and their webhook deliveries (SPEC §18), in the caller's transaction. */
    private Uni<Integer> createAll(List<NoticeRepository.NewNotice> rows) {
        Instant now = clock.instant();
        return notices.createAll(rows, now)
                .call(() -> webhooks.fanOut(
                        rows.stream().map(NoticeRepository.NewNotice::key).toList(), now));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
