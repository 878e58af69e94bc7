package com.slaledger.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.slaledger.notification.NotificationConfig;
import com.slaledger.notification.contract.ContractView;
import com.slaledger.notification.contract.ContractViewRepository;
import com.slaledger.notification.notice.Delivery;
import com.slaledger.notification.notice.DeliveryRepository;
import com.slaledger.notification.notice.DeliveryStatus;
import com.slaledger.notification.notice.Notice;
import com.slaledger.notification.notice.NoticeRepository;
import com.slaledger.notification.notice.NoticeStatus;
import com.slaledger.notification.rendering.NoticeRenderer;
import com.slaledger.support.scheduling.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dispatches due notices, oldest first and in order per contract: claims a batch, sends each mail,
 * records each outcome. Each attempt is recorded (attempts + 1, and a lease pushing the next
 * attempt out) in a committed transaction before the mail goes out, and the outcome in another
 * after it: a crash in between leaves a notice that is retried after its lease with a recorded
 * attempt and the same Message-ID, so a second copy never goes out without a trace. A failed
 * send is retried after {@link Backoff}. What a notice says is {@link NoticeRenderer}'s work.
 *
 * <p>Delivery is per recipient (SPEC §8), one mail each, to the contract's recipients as they are
 * at each attempt: a 5xx reply marks that recipient FAILED and the others still get the notice; a
 * 4xx reply or no connection leaves it PENDING for the next attempt. A notice is SENT when anybody
 * got it and FAILED when every recipient was refused; either way later notices of its contract
 * are no longer held behind it.
 */
@ApplicationScoped
public class NoticeSender {

    static final int BATCH = 200;

    private final NoticeRepository notices;
    private final DeliveryRepository deliveries;
    private final ContractViewRepository contracts;
    private final NoticeRenderer renderer;
    private final MailClient mailer;
    private final String from;
    private final SmtpHealth smtp;
    private final NotificationConfig config;
    private final Backoff backoff;
    private final Clock clock;
    private Ticker ticker;
    private final Counter sentCounter;
    private final Counter failedCounter;
    private final AtomicLong pending = new AtomicLong();
    /** Age of the oldest notice not sent yet (0 with none): a Prometheus alert rule watches it. */
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    public NoticeSender(
            NoticeRepository notices,
            DeliveryRepository deliveries,
            ContractViewRepository contracts,
            NoticeRenderer renderer,
            MailClient mailer,
            @ConfigProperty(name = "quarkus.mailer.from") String from,
            SmtpHealth smtp,
            MeterRegistry registry,
            NotificationConfig config,
            Clock clock) {
        this.notices = notices;
        this.deliveries = deliveries;
        this.contracts = contracts;
        this.renderer = renderer;
        this.mailer = mailer;
        this.from = from;
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
        registry.gauge("sla.notices.oldest.pending.seconds", oldestPendingSeconds);
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
                .chain(() -> Panache.withSession(notices::oldestPending)
                        .invoke(oldest -> oldestPendingSeconds.set(
                                oldest == null
                                        ? 0
                                        : Math.max(0, clock.instant().getEpochSecond() - oldest.getEpochSecond()))))
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

    /**
     * A claimed notice, what it says, the recipients to try now (those not yet sent to or refused
     * for good) and what became of the others at earlier attempts.
     */
    private record Attempt(
            Notice notice, NoticeRenderer.Content content, List<String> targets, Collection<Delivery> earlier) {}

    /** What happened to each recipient tried; null deliveries: not sent (another attempt holds the notice). */
    private record Outcome(Attempt attempt, List<Delivery> deliveries) {}

    /**
     * One claimed batch. A batch holds at most one notice per contract (the claim skips a notice
     * while an older one of its contract is pending), so its mails may go out
     * {@code notification.send-concurrency} at a time without breaking the order per contract. Each
     * outcome is recorded the moment it is known, by statements of its own (the connection pool
     * runs them side by side; a Hibernate session could not).
     */
    private Uni<Batch> sendBatch() {
        return Panache.withTransaction(this::claim).chain(claimed -> Multi.createFrom()
                .iterable(claimed)
                .onItem()
                .transformToUni(a -> send(a).chain(this::record))
                .merge(config.sendConcurrency())
                .collect()
                .asList()
                .map(results -> new Batch(claimed.size(), (int)
                        results.stream().filter(Boolean::booleanValue).count())));
    }

    /**
     * Renders what is not rendered yet, takes the recipients from the contract as it stands now,
     * and records the attempt; returns what to send now.
     */
    private Uni<List<Attempt>> claim() {
        Instant now = clock.instant();
        return notices.claimDue(now, BATCH).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(List.<Attempt>of());
            }
            List<String> ids = due.stream().map(n -> n.contractId).distinct().toList();
            // One query for the batch's recipients and one for its deliveries, not one per notice.
            return contracts.list("contractId in ?1", ids).chain(views -> deliveries
                    .of(due.stream().map(n -> n.id).toList())
                    .map(known -> {
                        Map<String, ContractView> byId = new HashMap<>();
                        views.forEach(v -> byId.put(v.contractId, v));
                        List<Attempt> ready = new ArrayList<>();
                        for (Notice n : due) {
                            ContractView view = byId.get(n.contractId);
                            List<String> recipients = renderer.recipients(n, view);
                            NoticeRenderer.Content content = renderer.render(n, view, config.providerName());
                            if (content == null || recipients.isEmpty()) {
                                n.lastError = "waiting for contract " + n.contractId + " (recipients unknown)";
                                n.nextAttemptAt = now.plus(config.retry().initial());
                                continue;
                            }
                            n.recipients = String.join(",", recipients);
                            if (n.subject == null) {
                                // what a notice says is kept as first written: a retry or resend says it again
                                n.subject = content.subject();
                                n.bodyText = content.text();
                                n.bodyHtml = content.html();
                            }
                            Map<String, Delivery> done = known.getOrDefault(n.id, Map.of());
                            List<String> targets = new ArrayList<>();
                            List<Delivery> earlier = new ArrayList<>();
                            for (String r : recipients) {
                                Delivery d = done.get(r);
                                if (d == null || d.status() == DeliveryStatus.PENDING) {
                                    targets.add(r);
                                } else {
                                    earlier.add(d);
                                }
                            }
                            if (targets.isEmpty()) {
                                // every current recipient was sent to or refused: the notice is settled
                                n.status = DeliveryPolicy.settled(earlier);
                                if (n.status == NoticeStatus.SENT && n.sentAt == null) {
                                    n.sentAt = now;
                                }
                                continue;
                            }
                            n.attempts++;
                            n.nextAttemptAt = now.plus(config.sendLease());
                            ready.add(new Attempt(n, content, targets, earlier));
                        }
                        return ready;
                    }));
        });
    }

    /** Takes the notice's lease for this attempt; false when another attempt has taken it over. */
    Uni<Boolean> lease(String noticeId, int attempts, Instant now) {
        return notices.lease(noticeId, attempts, now.plus(config.sendLease()));
    }

    private Uni<Outcome> send(Attempt a) {
        Notice n = a.notice();
        return lease(n.id, n.attempts, clock.instant()).chain(mine -> {
            if (!mine) {
                Log.infof("notice %s: attempt %d was taken over by another attempt; not sending", n.id, n.attempts);
                return Uni.createFrom().item(new Outcome(a, null));
            }
            return mails(a);
        });
    }

    private Uni<Outcome> mails(Attempt a) {
        Notice n = a.notice();
        return Multi.createFrom()
                .iterable(a.targets())
                .onItem()
                .transformToUniAndConcatenate(recipient -> {
                    // Vert.x's own message: no empty Cc/Bcc headers (one recipient per mail), our
                    // Message-ID and idempotency key, the statement PDF when there is one
                    MailMessage mail = new MailMessage()
                            .setFrom(from)
                            .setTo(List.of(recipient))
                            .setSubject(n.subject)
                            .setText(n.bodyText)
                            .setHtml(n.bodyHtml)
                            .addHeader("Message-ID", "<" + n.id + "@sla-ledger>")
                            .addHeader("X-SLA-Notice-Key", n.idempotencyKey);
                    NoticeRenderer.Content content = a.content();
                    if (content.attachment() != null) {
                        mail.setAttachment(List.of(MailAttachment.create()
                                .setName(content.attachmentName())
                                .setContentType("application/pdf")
                                .setDisposition("attachment")
                                .setData(Buffer.buffer(content.attachment()))));
                    }
                    // a server that never answers must not hold the notice past its lease
                    return mailer.sendMail(mail)
                            .ifNoItem()
                            .after(config.sendLease().dividedBy(2))
                            .fail()
                            .map(ok -> new Delivery(recipient, DeliveryStatus.SENT, "250 accepted"))
                            .onFailure()
                            .recoverWithItem(e -> DeliveryPolicy.failed(recipient, e));
                })
                .collect()
                .asList()
                .map(list -> new Outcome(a, list));
    }

    private Uni<Boolean> record(Outcome o) {
        Notice n = o.attempt().notice();
        if (o.deliveries() == null) {
            return Uni.createFrom().item(false);
        }
        Instant now = clock.instant();
        Uni<Void> each = Uni.createFrom().voidItem();
        for (Delivery d : o.deliveries()) {
            each = each.chain(() -> deliveries.record(n.id, d, now));
        }
        boolean retry = DeliveryPolicy.retry(o.deliveries());
        long sent = o.deliveries().stream()
                .filter(d -> d.status() == DeliveryStatus.SENT)
                .count();
        for (Delivery d : o.deliveries()) {
            if (d.status() == DeliveryStatus.SENT) {
                smtp.sent();
            } else if (d.status() == DeliveryStatus.FAILED) {
                // the server answered: it is up, the address is what is wrong
                smtp.sent();
                Log.warnf("notice %s: recipient %s refused for good: %s", n.id, d.recipient(), d.reply());
            } else {
                smtp.failed(d.reply());
            }
        }
        if (retry) {
            String error = truncate(o.deliveries().stream()
                    .filter(d -> d.status() == DeliveryStatus.PENDING)
                    .map(d -> d.recipient() + ": " + d.reply())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse(""));
            failedCounter.increment();
            Log.warnf("notice %s attempt %d failed for some recipients, will retry: %s", n.id, n.attempts, error);
            return each.chain(() -> notices.retry(n.id, n.attempts, error, now.plus(backoff.after(n.attempts))))
                    .replaceWith(false);
        }
        // settled: SENT if anybody (now or before) got it, FAILED if all were refused
        List<Delivery> all = new ArrayList<>(o.attempt().earlier());
        all.addAll(o.deliveries());
        return each.chain(() -> notices.settled(n.id, n.attempts, DeliveryPolicy.settled(all), now))
                .map(ignored -> {
                    if (sent > 0) {
                        sentCounter.increment();
                    }
                    Log.infof(
                            "notice %s (%s) settled: %d of %d recipients sent to now",
                            n.id, n.idempotencyKey, sent, o.deliveries().size());
                    return sent > 0;
                });
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
