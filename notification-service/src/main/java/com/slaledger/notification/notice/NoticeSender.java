package com.slaledger.notification.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.slaledger.notification.NotificationConfig;
import com.slaledger.notification.contract.ContractView;
import com.slaledger.notification.contract.ContractViewRepository;
import com.slaledger.support.scheduling.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Dispatches due notices, oldest first and in order per contract: claims a batch, sends each mail,
 * records each outcome. Each attempt is recorded (attempts + 1, and a lease pushing the next
 * attempt out) in a committed transaction before the mail goes out, and the outcome in another
 * after it: a crash in between leaves a notice that is retried after its lease with a recorded
 * attempt and the same Message-ID, so a second copy never goes out without a trace. A failed
 * send is retried after {@link Backoff}. What a notice says is {@link NoticeRenderer}'s work.
 */
@ApplicationScoped
public class NoticeSender {

    static final int BATCH = 200;
    private static final String RECORD_SENT =
            "UPDATE notice SET status = 'SENT', sent_at = $1, last_error = NULL WHERE id = $2";
    private static final String RECORD_FAILED = "UPDATE notice SET last_error = $1, next_attempt_at = $2 WHERE id = $3";

    private final NoticeRepository notices;
    private final Pool pool;
    private final ContractViewRepository contracts;
    private final NoticeRenderer renderer;
    private final ReactiveMailer mailer;
    private final SmtpHealth smtp;
    private final NotificationConfig config;
    private final Backoff backoff;
    private final Clock clock;
    private Ticker ticker;
    private final Counter sentCounter;
    private final Counter failedCounter;
    private final AtomicLong pending = new AtomicLong();

    public NoticeSender(
            NoticeRepository notices,
            Pool pool,
            ContractViewRepository contracts,
            NoticeRenderer renderer,
            ReactiveMailer mailer,
            SmtpHealth smtp,
            MeterRegistry registry,
            NotificationConfig config,
            Clock clock) {
        this.notices = notices;
        this.pool = pool;
        this.contracts = contracts;
        this.renderer = renderer;
        this.mailer = mailer;
        this.smtp = smtp;
        this.config = config;
        this.backoff = new Backoff(config.retry().initial(), config.retry().max());
        this.clock = clock;
        this.sentCounter = Counter.builder("sla.notices.sent")
                .description("Notices accepted by the SMTP server")
                .register(registry);
        this.failedCounter = Counter.builder("sla.notices.failed.attempts")
                .description("Send attempts that failed")
                .register(registry);
        registry.gauge("sla.notices.pending", pending);
    }

    /** Looks for due notices every {@code notification.send-interval}, on a thread of its own. */
    void start(@Observes StartupEvent event) {
        ticker = Ticker.start("notice-sender", config.sendInterval(), config.sendInterval(), this::scheduled);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
    }

    Uni<Void> scheduled() {
        return sendDue()
                .chain(() -> Panache.withSession(notices::countPending).invoke(pending::set))
                .onFailure()
                .invoke(e -> Log.warnf("sending notices failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Sends every notice that is due now, batch after batch; returns how many were sent. */
    public Uni<Integer> sendDue() {
        return sendBatch()
                .chain(batch -> batch.claimed() < BATCH
                        ? Uni.createFrom().item(batch.sent())
                        : sendDue().map(more -> more + batch.sent()));
    }

    private record Batch(int claimed, int sent) {}

    private record Outcome(Notice notice, Throwable failure) {}

    /**
     * One claimed batch. A batch holds at most one notice per contract (the claim skips a notice
     * while an older one of its contract is pending), so its mails may go out
     * {@code notification.send-concurrency} at a time without breaking the order per contract. Each
     * outcome is recorded the moment it is known, by one statement of its own (the connection pool
     * runs them side by side; a Hibernate session could not).
     */
    private Uni<Batch> sendBatch() {
        return Panache.withTransaction(this::claim).chain(claimed -> Multi.createFrom()
                .iterable(claimed)
                .onItem()
                .transformToUni(n -> send(n).chain(this::record))
                .merge(config.sendConcurrency())
                .collect()
                .asList()
                .map(results -> new Batch(claimed.size(), (int)
                        results.stream().filter(Boolean::booleanValue).count())));
    }

    /** Renders what is not rendered yet and records the attempt; returns the notices to send now. */
    private Uni<List<Notice>> claim() {
        Instant now = clock.instant();
        return notices.claimDue(now, BATCH).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(List.<Notice>of());
            }
            List<String> ids = due.stream().map(n -> n.contractId).distinct().toList();
            // One query for the batch's recipients, not one per notice.
            return contracts.list("contractId in ?1", ids).map(views -> {
                Map<String, ContractView> byId = new HashMap<>();
                views.forEach(v -> byId.put(v.contractId, v));
                List<Notice> ready = new ArrayList<>();
                for (Notice n : due) {
                    if (n.recipients == null && !renderer.render(n, byId.get(n.contractId))) {
                        n.lastError = "waiting for contract " + n.contractId + " (recipients unknown)";
                        n.nextAttemptAt = now.plus(config.retry().initial());
                        continue;
                    }
                    n.attempts++;
                    n.nextAttemptAt = now.plus(config.sendLease());
                    ready.add(n);
                }
                return ready;
            });
        });
    }

    private Uni<Outcome> send(Notice n) {
        Mail mail = new Mail()
                .setTo(new ArrayList<>(Arrays.asList(n.recipients.split(","))))
                .setSubject(n.subject)
                .setText(n.bodyText)
                .setHtml(n.bodyHtml)
                .addHeader("Message-ID", "<" + n.id + "@sla-ledger>")
                .addHeader("X-SLA-Notice-Key", n.idempotencyKey);
        return mailer.send(mail).map(ok -> new Outcome(n, null)).onFailure().recoverWithItem(e -> new Outcome(n, e));
    }

    private Uni<Boolean> record(Outcome o) {
        Notice n = o.notice();
        Instant now = clock.instant();
        if (o.failure() == null) {
            return pool.preparedQuery(RECORD_SENT)
                    .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), n.id))
                    .map(rows -> {
                        smtp.sent();
                        sentCounter.increment();
                        Log.infof("notice %s (%s) sent to %s", n.id, n.idempotencyKey, n.recipients);
                        return true;
                    });
        }
        String error = truncate(o.failure().toString());
        return pool.preparedQuery(RECORD_FAILED)
                .execute(Tuple.of(error, now.plus(backoff.after(n.attempts)).atOffset(ZoneOffset.UTC), n.id))
                .map(rows -> {
                    smtp.failed(error);
                    failedCounter.increment();
                    Log.warnf("notice %s attempt %d failed: %s", n.id, n.attempts, error);
                    return false;
                });
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
