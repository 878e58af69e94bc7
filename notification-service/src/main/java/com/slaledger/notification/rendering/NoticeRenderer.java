package com.slaledger.notification.rendering;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.document.StatementDocument;
import com.slaledger.document.StatementPdf;
import com.slaledger.document.Words;
import com.slaledger.events.CreditChanged;
import com.slaledger.events.DisputeChanged;
import com.slaledger.events.MaintenanceNoticed;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.events.WarningIssued;
import com.slaledger.notification.contract.ContractView;
import com.slaledger.notification.notice.Notice;
import com.slaledger.notification.notice.NoticeKind;
import com.slaledger.notification.notice.NoticePayload;

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

    /** What a notice says, rendered once from its payload: subject, bodies, and the statement PDF (or null). */
    public record Content(String subject, String text, String html, byte[] attachment, String attachmentName) {}

    /**
     * What notice {@code n} says, signed by {@code provider} (notification.provider-name) and
     * written in the contract's language and time zone (SPEC §18), its payload read once; null while the contract is
     * unknown. The statement mail attaches the statement as a PDF to file (SPEC §14), made from the
     * event as stored, so a retry or resend attaches the same document.
     */
    public Content render(Notice n, ContractView view, String provider) {
        if (view == null) {
            return null;
        }
        Object payload = NoticePayload.of(n);
        Words words = view.words();
        if (payload instanceof WarningIssued w) {
            return new Content(
                    subject(NoticeTemplates.warningSubject(w).render()),
                    NoticeTemplates.warningText(w, view.customerName, view.zone(), provider)
                            .render(),
                    NoticeTemplates.warningHtml(w, view.customerName, view.zone(), provider)
                            .render(),
                    null,
                    null);
        }
        if (payload instanceof CreditChanged c) {
            return new Content(
                    subject(NoticeTemplates.creditSubject(c, words).render()),
                    NoticeTemplates.creditText(c, view.customerName, view.zone(), provider, words)
                            .render(),
                    NoticeTemplates.creditHtml(c, view.customerName, view.zone(), provider, words)
                            .render(),
                    null,
                    null);
        }
        if (payload instanceof DisputeChanged d) {
            return new Content(
                    subject(NoticeTemplates.disputeSubject(d, words).render()),
                    NoticeTemplates.disputeText(d, view.customerName, view.zone(), provider, words)
                            .render(),
                    NoticeTemplates.disputeHtml(d, view.customerName, view.zone(), provider, words)
                            .render(),
                    null,
                    null);
        }
        if (payload instanceof MaintenanceNoticed m) {
            return new Content(
                    subject(NoticeTemplates.maintenanceSubject(m, view.zone(), words)
                            .render()),
                    NoticeTemplates.maintenanceText(m, view.customerName, view.zone(), provider, words)
                            .render(),
                    NoticeTemplates.maintenanceHtml(m, view.customerName, view.zone(), provider, words)
                            .render(),
                    null,
                    null);
        }
        if (payload instanceof ShortfallDetected s) {
            return new Content(
                    subject(NoticeTemplates.shortfallSubject(s, words).render()),
                    NoticeTemplates.shortfallText(s, view.customerName, view.zone(), provider, words)
                            .render(),
                    NoticeTemplates.shortfallHtml(s, view.customerName, view.zone(), provider, words)
                            .render(),
                    null,
                    null);
        }
        StatementIssued s = (StatementIssued) payload;
        return new Content(
                subject(NoticeTemplates.statementSubject(s, words).render()),
                NoticeTemplates.statementText(s, view.customerName, view.zone(), provider, words)
                        .render(),
                NoticeTemplates.statementHtml(s, view.customerName, view.zone(), provider, words)
                        .render(),
                StatementPdf.render(new StatementDocument(provider, view.customerName, view.zone(), s, true, words)),
                attachmentName(s));
    }

    /**
     * The subject of a notice of {@code kind} made from {@code payload}, without the contract view:
     * what a Slack webhook shows.
     */
    public String subject(NoticeKind kind, String payload) {
        Notice n = new Notice();
        n.kind = kind;
        n.payload = payload;
        Object event = NoticePayload.of(n);
        Words english = Words.english();
        String rendered;
        if (event instanceof WarningIssued w) {
            rendered = NoticeTemplates.warningSubject(w).render();
        } else if (event instanceof CreditChanged c) {
            rendered = NoticeTemplates.creditSubject(c, english).render();
        } else if (event instanceof DisputeChanged d) {
            rendered = NoticeTemplates.disputeSubject(d, english).render();
        } else if (event instanceof MaintenanceNoticed m) {
            // without the contract view: the window's start in UTC
            rendered = NoticeTemplates.maintenanceSubject(m, java.time.ZoneOffset.UTC, english)
                    .render();
        } else if (event instanceof ShortfallDetected s) {
            rendered = NoticeTemplates.shortfallSubject(s, english).render();
        } else {
            rendered = NoticeTemplates.statementSubject((StatementIssued) event, english)
                    .render();
        }
        return subject(rendered);
    }

    /** The attachment's file name: statement-acme-2026-10[-v2].pdf. */
    static String attachmentName(StatementIssued s) {
        String name = "statement-" + s.contractId() + "-" + s.period() + (s.version() > 1 ? "-v" + s.version() : "");
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    private static String subject(String rendered) {
        String one = rendered.strip().replaceAll("\\s+", " ");
        return one.length() <= MAX_SUBJECT ? one : one.substring(0, MAX_SUBJECT);
    }
}
