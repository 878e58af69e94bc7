package com.slaledger.notification.notice;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A notice owed to a customer, stored before it is sent (SPEC §8). */
@Entity
@Table(name = "notice")
public class Notice {

    @Id
    public String id;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "contract_id")
    public String contractId;

    public String period;

    @Enumerated(EnumType.STRING)
    public NoticeKind kind;

    /** The event that caused the notice, as JSON. */
    public String payload;

    /** Comma-separated; set when the notice is first rendered. */
    public String recipients;

    public String subject;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "body_html")
    public String bodyHtml;

    @Enumerated(EnumType.STRING)
    public NoticeStatus status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** When an operator last asked for it to be sent again (ResendPolicy). */
    @Column(name = "last_resend_at")
    public Instant lastResendAt;
}
