package com.slaledger.notification.notice;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.EventJson;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.notification.contract.ContractView;

/**
 * What a notice says: its recipients, subject and bodies, from the event it was stored with (read
 * once, here, into the event's own type) and the contract view (customer, addresses). The
 * wording is in the Qute templates of {@link NoticeTemplates}.
 */
@ApplicationScoped
public class NoticeRenderer {

    /** Fills recipients, subject and bodies; false while the contract or its addresses are unknown. */
    public boolean render(Notice n, ContractView view) {
        if (view == null || view.recipients().isEmpty()) {
            return false;
        }
        n.recipients = String.join(",", view.recipients());
        if (n.kind == NoticeKind.SHORTFALL) {
            ShortfallDetected s = read(n.payload, ShortfallDetected.class);
            n.subject = NoticeTemplates.shortfallSubject(s).render().strip();
            n.bodyText = NoticeTemplates.shortfallText(s, view.customerName).render();
            n.bodyHtml = NoticeTemplates.shortfallHtml(s, view.customerName).render();
        } else {
            StatementIssued s = read(n.payload, StatementIssued.class);
            n.subject = NoticeTemplates.statementSubject(s).render().strip();
            n.bodyText = NoticeTemplates.statementText(s, view.customerName).render();
            n.bodyHtml = NoticeTemplates.statementHtml(s, view.customerName).render();
        }
        return true;
    }

    /** The event as stored: the consumer checked that it reads, so failing here is a bug. */
    static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice payload is unreadable", e);
        }
    }
}
