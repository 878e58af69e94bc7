package com.slaledger.notification.notice;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.document.StatementDocument;
import com.slaledger.document.StatementPdf;
import com.slaledger.events.EventJson;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.events.WarningIssued;
import com.slaledger.notification.contract.ContractView;

/**
 * What a notice says: its recipients, subject and bodies, from the event it was stored with (read
 * once, here, into the event's own type) and the contract view (customer, addresses). The
 * wording is in the Qute templates of {@link NoticeTemplates}.
 */
@ApplicationScoped
public class NoticeRenderer {

    /** The longest subject a notice carries (a mail header line is at most 998 characters). */
    static final int MAX_SUBJECT = 998;

    /**
     * Who a notice goes to now, from the contract as it stands (SPEC §8: retries and resends reach
     * corrected addresses): warnings to {@code alerts.emails}, the rest to {@code noticeEmails}.
     * Empty while the contract is unknown.
     */
    public List<String> recipients(Notice n, ContractView view) {
        if (view == null) {
            return List.of();
        }
        return n.kind == NoticeKind.WARNING ? view.alertRecipients() : view.recipients();
    }

    /**
     * Fills recipients, subject and bodies, signed by {@code provider} (notification.provider-name)
     * and written in the contract's time zone; false while the contract or its addresses are unknown.
     */
    public boolean render(Notice n, ContractView view, String provider) {
        List<String> recipients = recipients(n, view);
        if (recipients.isEmpty()) {
            return false;
        }
        n.recipients = String.join(",", recipients);
        if (n.subject != null) {
            return true;
        }
        if (n.kind == NoticeKind.WARNING) {
            WarningIssued w = read(n.payload, WarningIssued.class);
            n.subject = subject(NoticeTemplates.warningSubject(w).render());
            n.bodyText = NoticeTemplates.warningText(w, view.customerName, view.zone(), provider)
                    .render();
            n.bodyHtml = NoticeTemplates.warningHtml(w, view.customerName, view.zone(), provider)
                    .render();
        } else if (n.kind == NoticeKind.SHORTFALL) {
            ShortfallDetected s = read(n.payload, ShortfallDetected.class);
            n.subject = subject(NoticeTemplates.shortfallSubject(s).render());
            n.bodyText = NoticeTemplates.shortfallText(s, view.customerName, view.zone(), provider)
                    .render();
            n.bodyHtml = NoticeTemplates.shortfallHtml(s, view.customerName, view.zone(), provider)
                    .render();
        } else {
            StatementIssued s = read(n.payload, StatementIssued.class);
            n.subject = subject(NoticeTemplates.statementSubject(s).render());
            n.bodyText = NoticeTemplates.statementText(s, view.customerName, view.zone(), provider)
                    .render();
            n.bodyHtml = NoticeTemplates.statementHtml(s, view.customerName, view.zone(), provider)
                    .render();
        }
        return true;
    }

    /**
     * The statement as a PDF to file, attached to the statement mail (SPEC §14): null for other
     * notices. Made from the event as stored, so a retry or resend attaches the same document.
     */
    public byte[] attachment(Notice n, ContractView view, String provider) {
        if (n.kind != NoticeKind.STATEMENT || view == null) {
            return null;
        }
        StatementIssued s = read(n.payload, StatementIssued.class);
        return StatementPdf.render(new StatementDocument(provider, view.customerName, view.zone(), s));
    }

    /** The attachment's file name: statement-acme-2026-10[-v2].pdf. */
    public static String attachmentName(Notice n) {
        StatementIssued s = read(n.payload, StatementIssued.class);
        String name = "statement-" + s.contractId() + "-" + s.period() + (s.version() > 1 ? "-v" + s.version() : "");
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    private static String subject(String rendered) {
        String one = rendered.strip().replaceAll("\\s+", " ");
        return one.length() <= MAX_SUBJECT ? one : one.substring(0, MAX_SUBJECT);
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
