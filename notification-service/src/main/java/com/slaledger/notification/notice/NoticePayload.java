package com.slaledger.notification.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.CreditChanged;
import com.slaledger.events.DisputeChanged;
import com.slaledger.events.EventJson;
import com.slaledger.events.MaintenanceNoticed;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.events.WarningIssued;

/**
 * The event a notice was stored with, read back as its own type: a shortfall, a warning, a
 * statement, a credit's or a dispute's change. The consumer checked that it reads, so failing here is a bug.
 */
public final class NoticePayload {

    private NoticePayload() {}

    /** The payload of {@code n} as the event type of its kind. */
    public static Object of(Notice n) {
        return switch (n.kind) {
            case SHORTFALL -> read(n.payload, ShortfallDetected.class);
            case WARNING -> read(n.payload, WarningIssued.class);
            case STATEMENT -> read(n.payload, StatementIssued.class);
            case CREDIT -> read(n.payload, CreditChanged.class);
            case DISPUTE -> read(n.payload, DisputeChanged.class);
            case MAINTENANCE -> read(n.payload, MaintenanceNoticed.class);
        };
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice payload is unreadable", e);
        }
    }
}
