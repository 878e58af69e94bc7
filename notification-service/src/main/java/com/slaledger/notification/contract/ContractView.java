package com.slaledger.notification.contract;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.slaledger.document.Words;
import com.slaledger.support.persistence.ContractViewRow;

/** What notification-service knows of a contract: who the customer is and where notices go. */
@Entity
@Table(name = "contract_view")
public class ContractView extends ContractViewRow {

    @Column(name = "customer_name")
    public String customerName;

    /** Comma-separated addresses. */
    @Column(name = "notice_emails")
    public String noticeEmails;

    /** The provider's own addresses for warnings (alerts.emails), comma-separated; empty without. */
    @Column(name = "alert_emails")
    public String alertEmails;

    /** The contract's time zone (UTC until the contract is seen again after an upgrade). */
    public String timezone;

    /** The contract's language, en, de, fr, es or pt (English until the contract is seen again after an upgrade). */
    public String locale;

    /** The words notices and documents of this contract are written in. */
    public Words words() {
        return Words.of(locale);
    }

    public ZoneId zone() {
        try {
            return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public List<String> recipients() {
        return split(noticeEmails);
    }

    public List<String> alertRecipients() {
        return alertEmails == null || alertEmails.isEmpty() ? List.of() : split(alertEmails);
    }
}
