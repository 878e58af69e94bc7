package com.slaledger.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.slaledger.notification.NotificationConfig;
import com.slaledger.notification.delivery.Backoff;
import com.slaledger.notification.notice.NoticeKind;
import com.slaledger.notification.rendering.NoticeRenderer;
import com.slaledger.support.scheduling.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Posts due webhook deliveries (SPEC §18), the way {@link com.slaledger.notification.delivery.NoticeSender}
 * sends mail: a claim counts the attempt and leases the delivery in a committed transaction before
 * the POST, and the answer is recorded on that attempt only; a crash in between leaves a delivery
 * retried after its lease with the same {@code webhook-id}, so a receiver that saw it can tell.
 * Each attempt checks the URL again ({@link WebhookAddressRule}, the name resolved now) and posts
 * to the address it judged.
 */
@ApplicationScoped
public class WebhookSender {

    static final int BATCH = 100;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final NoticeRenderer renderer;
    private final NotificationConfig config;
    private final WebhookAddressRule rule;
    private final Backoff backoff;
    private final Clock clock;
    private final Vertx vertx;
    private final Counter delivered;
    private final Counter failedAttempts;
    private HttpClient client;
    private Ticker ticker;

    public WebhookSender(
            WebhookDeliveryRepository deliveries,
            WebhookRepository webhooks,
            NoticeRenderer renderer,
            NotificationConfig config,
            Clock clock,
            Vertx vertx,
            MeterRegistry registry) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.renderer = renderer;
        this.config = config;
        this.rule = rule(config);
        this.backoff = new Backoff(config.retry().initial(), config.retry().max());
        this.clock = clock;
        this.vertx = vertx;
        this.delivered = Counter.builder("sla.webhooks.delivered")
                .description("Webhook events a receiver answered with a 2xx")
                .register(registry);
        this.failedAttempts = Counter.builder("sla.webhooks.failed.attempts")
                .description("Webhook attempts without a 2xx")
                .register(registry);
    }

    /** The address rule with {@code notification.webhooks.allowed-hosts} and the system's resolver. */
    public static WebhookAddressRule rule(NotificationConfig config) {
        return new WebhookAddressRule(config.webhooks().allowedHosts().orElse(Set.of()), InetAddress::getAllByName);
    }

    void start(@Observes StartupEvent event) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setForceSni(true)
                .setVerifyHost(true)
                .setConnectTimeout((int) config.webhooks().timeout().toMillis())
                .setMaxPoolSize(config.webhooks().concurrency()));
        ticker = Ticker.start("webhook-sender", config.sendInterval(), config.sendInterval(), this::scheduled);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
    }

    Uni<Void> scheduled() {
        return sendDue()
                .onFailure()
                .invoke(e -> Log.warnf("posting webhooks failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Posts every due delivery, batch after batch; returns how many were delivered. */
    public Uni<Integer> sendDue() {
        Instant now = clock.instant();
        return deliveries.claim(now, BATCH, now.plus(config.sendLease())).chain(claimed -> Multi.createFrom()
                .iterable(claimed)
                .onItem()
                .transformToUni(this::attempt)
                .merge(config.webhooks().concurrency())
                .collect()
                .asList()
                .chain(results -> {
                    int ok =
                            (int) results.stream().filter(Boolean::booleanValue).count();
                    return claimed.size() < BATCH
                            ? Uni.createFrom().item(ok)
                            : sendDue().map(more -> more + ok);
                }));
    }

    /** What one attempt came to. */
    private record Answer(Integer status, String error, boolean refused) {}

    private Uni<Boolean> attempt(WebhookDeliveryRepository.Claimed d) {
        String body = d.format() == WebhookFormat.SLACK
                ? WebhookMessage.slack(renderer.subject(NoticeKind.valueOf(d.kind()), d.payload()))
                : WebhookMessage.standard(
                        d.noticeId(), d.kind(), d.contractId(), d.period(), d.payload(), d.noticedAt());
        return vertx.executeBlocking(Uni.createFrom().item(() -> check(d.url())))
                .chain(checked -> checked.target() == null
                        ? Uni.createFrom().item(new Answer(null, checked.refusal(), true))
                        : post(checked.target(), d, body))
                .onFailure()
                .recoverWithItem(e -> new Answer(null, String.valueOf(e.getMessage()), false))
                .chain(answer -> record(d, answer));
    }

    /** The address to post to, or why the URL is refused (a name that does not resolve now fails: temporary). */
    private record Checked(WebhookAddressRule.Target target, String refusal) {}

    private Checked check(String url) {
        try {
            return new Checked(rule.check(url), null);
        } catch (WebhookAddressRule.Refused e) {
            return new Checked(null, "refused: the URL " + e.getMessage());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the host does not resolve now: " + e.getMessage());
        }
    }

    private Uni<Answer> post(WebhookAddressRule.Target t, WebhookDeliveryRepository.Claimed d, String body) {
        long timestamp = clock.instant().getEpochSecond();
        String path = t.uri().getRawPath() == null || t.uri().getRawPath().isEmpty()
                ? "/"
                : t.uri().getRawPath();
        if (t.uri().getRawQuery() != null) {
            path += "?" + t.uri().getRawQuery();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(t.port(), t.address().getHostAddress()))
                .setHost(t.host())
                .setPort(t.port())
                .setSsl(t.tls())
                .setURI(path)
                .setIdleTimeout(config.webhooks().timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "SLA-Ledger-Webhooks/1");
        if (d.format() == WebhookFormat.STANDARD) {
            options.putHeader("webhook-id", d.id())
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", WebhookSignature.sign(d.secret(), d.id(), timestamp, body));
        }
        return client.request(options)
                .chain(request -> request.send(body))
                .chain(response -> response.body().map(ignored -> response.statusCode()))
                .ifNoItem()
                .after(config.webhooks().timeout())
                .fail()
                .map(status -> new Answer(status, status >= 200 && status < 300 ? null : "answered " + status, false));
    }

    private Uni<Boolean> record(WebhookDeliveryRepository.Claimed d, Answer a) {
        Instant now = clock.instant();
        if (a.refused()) {
            Log.warnf("webhook %s, delivery %s: %s; not posted", d.webhookId(), d.id(), a.error());
            return deliveries
                    .outcome(d.id(), d.attempt(), WebhookDeliveryStatus.FAILED, null, a.error(), now, now)
                    .replaceWith(false);
        }
        return switch (WebhookPolicy.of(a.status())) {
            case DELIVERED ->
                deliveries
                        .outcome(d.id(), d.attempt(), WebhookDeliveryStatus.DELIVERED, a.status(), null, now, now)
                        .invoke(mine -> {
                            if (mine) {
                                delivered.increment();
                            }
                        });
            case DISABLE -> {
                Log.warnf("webhook %s answered 410 Gone: the subscription is disabled", d.webhookId());
                yield deliveries
                        .outcome(
                                d.id(),
                                d.attempt(),
                                WebhookDeliveryStatus.FAILED,
                                410,
                                "410 Gone: the subscription is disabled",
                                now,
                                now)
                        .chain(() -> webhooks.disable(d.webhookId(), "the receiver answered 410 Gone at " + now, now))
                        .replaceWith(false);
            }
            case RETRY -> {
                failedAttempts.increment();
                Instant next = now.plus(backoff.after(d.attempt()));
                Log.infof(
                        "webhook %s, delivery %s attempt %d: %s; next attempt at %s",
                        d.webhookId(), d.id(), d.attempt(), a.error(), next);
                yield deliveries
                        .outcome(
                                d.id(),
                                d.attempt(),
                                WebhookDeliveryStatus.PENDING,
                                a.status(),
                                truncate(a.error()),
                                next,
                                now)
                        .replaceWith(false);
            }
        };
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
