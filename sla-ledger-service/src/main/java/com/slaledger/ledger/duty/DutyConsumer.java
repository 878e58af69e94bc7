package com.slaledger.ledger.duty;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.DutyReported;
import com.slaledger.events.Limits;
import com.slaledger.ledger.change.ChangeMarkRepository;
import com.slaledger.ledger.change.RecordFold;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Folds duty evidence from monitor-service (SPEC §13.3) into {@code duty_event}, once per
 * de-duplication key, marking every contract that promises the duty, with the partition's fold
 * position, in one transaction; acknowledged after it commits. A record that is incomplete,
 * unreadable or cannot be stored for a reason of its own goes to the dead-letter topic; a failure
 * of the database is retried until it succeeds.
 */
@ApplicationScoped
public class DutyConsumer {

    private static final String INSERT = "INSERT INTO duty_event (dedup_key, duty_id, outcome, completed_at)"
            + " VALUES (:key, :duty, :outcome, :at) ON CONFLICT (dedup_key) DO NOTHING";

    private final ChangeMarkRepository changes;
    private final RecordFold records;

    public DutyConsumer(ChangeMarkRepository changes, RecordFold records) {
        this.changes = changes;
        this.records = records;
    }

    @Incoming("duties")
    public Uni<Void> fold(KafkaRecord<String, DutyReported> record) {
        return records.fold(record, DutyConsumer::validate, event -> store(event)
                .chain(() ->
                        changes.dutyReported(event.dutyId(), event.completedAt().truncatedTo(ChronoUnit.SECONDS))));
    }

    private static Uni<Void> store(DutyReported e) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(INSERT)
                        .setParameter("key", e.dedupKey())
                        .setParameter("duty", e.dutyId())
                        .setParameter("outcome", e.outcome().name())
                        .setParameter("at", e.completedAt().truncatedTo(ChronoUnit.SECONDS))
                        .executeUpdate())
                .replaceWithVoid();
    }

    static String validate(DutyReported e) {
        if (e.dedupKey() == null || e.dutyId() == null || e.outcome() == null || e.completedAt() == null) {
            return "duty event without dedupKey, dutyId, outcome or completedAt";
        }
        if (!e.completedAt().isAfter(Limits.EARLIEST)) {
            return "completedAt " + e.completedAt() + " is out of range (after " + Limits.EARLIEST + ")";
        }
        if (e.dedupKey().length() > 300 || e.dutyId().length() > 64) {
            return "dedupKey or dutyId too long";
        }
        return null;
    }
}
