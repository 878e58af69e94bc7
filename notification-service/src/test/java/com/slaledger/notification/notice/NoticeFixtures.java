package com.slaledger.notification.notice;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.slaledger.events.ChecklistElement;
import com.slaledger.events.ContractChanged;
import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.MeasurementPolicy;
import com.slaledger.events.Money;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.testing.SmtpServerResource;

/** What the notice tests send and read: contract, shortfall and statement events, received mail. */
public final class NoticeFixtures {

    static final Instant T = Instant.parse("2026-10-03T14:05:00Z");

    private NoticeFixtures() {}

    public static String newContractId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ContractChanged contract(String id, String email) {
        return contract(id, 1, List.of(email), null);
    }

    /** A version of a contract with several notice addresses and, optionally, alert addresses. */
    public static ContractChanged contract(String id, long version, List<String> emails, List<String> alertEmails) {
        return new ContractChanged(
                id,
                version,
                new ContractChanged.Customer("Acme Ltd", emails),
                List.of("api"),
                MeasurementPolicy.PROVIDER_MONITORED,
                new BigDecimal("99.9"),
                Duration.ZERO,
                "Europe/Lisbon",
                List.of(),
                new BigDecimal("100"),
                null,
                List.of(),
                T,
                alertEmails == null ? null : new ContractChanged.Alerts(alertEmails, List.of(new BigDecimal("50"))),
                null);
    }

    static com.slaledger.events.WarningIssued warning(String id) {
        return new com.slaledger.events.WarningIssued(
                id,
                "2026-10",
                new BigDecimal("50"),
                2678,
                1400,
                new BigDecimal("52.28"),
                new BigDecimal("99.9477"),
                new BigDecimal("99.9"),
                T);
    }

    public static ShortfallDetected shortfall(String id, String creditPercent) {
        ShortfallDetected s = shortfall(id, 0);
        return new ShortfallDetected(
                s.contractId(),
                s.period(),
                s.policy(),
                s.eligibleSeconds(),
                s.allowanceSeconds(),
                s.downtimeSeconds(),
                s.availabilityPercent(),
                s.uptimeTargetPercent(),
                new BigDecimal(creditPercent),
                s.creditAmount(),
                s.intervals(),
                s.omittedIntervals(),
                s.detectedAt());
    }

    public static ShortfallDetected shortfall(String id) {
        return shortfall(id, 0);
    }

    public static ShortfallDetected shortfall(String id, int omittedIntervals) {
        return new ShortfallDetected(
                id,
                "2026-10",
                MeasurementPolicy.PROVIDER_MONITORED,
                2678400,
                2678,
                3600,
                new BigDecimal("99.8656"),
                new BigDecimal("99.9"),
                new BigDecimal("10"),
                new Money(new BigDecimal("100.00"), "EUR"),
                List.of(new DowntimeInterval(T, T.plusSeconds(3600), 3600, List.of("api"), true, null, false)),
                omittedIntervals,
                T);
    }

    static final ChecklistElement FIRST_RESPONSE_SHORT = new ChecklistElement(
            "firstResponse:P1",
            "first response to P1 tickets",
            "95% within 30 min (EU business hours)",
            "90% (18 of 20)",
            false,
            20,
            18,
            null,
            null);

    static final ChecklistElement BACKUP_SHORT = new ChecklistElement(
            "duty:db-backup",
            "Nightly database backup",
            "every 1 day (+2 h)",
            "1 lapse, 7,200 s",
            false,
            null,
            null,
            List.of(new ChecklistElement.Lapse(
                    Instant.parse("2026-10-10T03:00:00Z"), Instant.parse("2026-10-10T05:00:00Z"), 7200, false)),
            0);

    /** A shortfall of an element besides availability (SPEC §13): availability itself is met. */
    public static ShortfallDetected elementShortfall(String id, ChecklistElement element) {
        return new ShortfallDetected(
                id,
                "2026-10",
                MeasurementPolicy.PROVIDER_MONITORED,
                2678400,
                2678,
                0,
                new BigDecimal("100"),
                new BigDecimal("99.9"),
                BigDecimal.ZERO,
                new Money(new BigDecimal("0.00"), "EUR"),
                List.of(),
                0,
                T,
                element);
    }

    /** A met availability with the checklist of the period: a support target and a duty not met. */
    static StatementIssued checklistStatement(String id) {
        StatementIssued s = statement(id, 1, true);
        return new StatementIssued(
                s.contractId(),
                s.period(),
                s.version(),
                s.periodStart(),
                s.periodEnd(),
                s.policy(),
                s.eligibleSeconds(),
                s.downtimeSeconds(),
                s.availabilityPercent(),
                s.uptimeTargetPercent(),
                s.met(),
                s.creditPercent(),
                s.creditAmount(),
                s.intervals(),
                0,
                T,
                List.of(
                        new ChecklistElement(
                                "availability", "availability", "99.9%", "100%", true, null, null, null, null),
                        FIRST_RESPONSE_SHORT,
                        BACKUP_SHORT));
    }

    public static StatementIssued statement(String id, int version, boolean met) {
        return new StatementIssued(
                id,
                "2026-10",
                version,
                Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"),
                MeasurementPolicy.PROVIDER_MONITORED,
                2678400,
                met ? 0 : 3600,
                new BigDecimal(met ? "100.0000" : "99.8656"),
                new BigDecimal("99.9"),
                met,
                met ? BigDecimal.ZERO : BigDecimal.TEN,
                new Money(new BigDecimal(met ? "0.00" : "100.00"), "EUR"),
                met
                        ? List.of()
                        : List.of(
                                new DowntimeInterval(T, T.plusSeconds(3600), 3600, List.of("api"), true, null, false)),
                0,
                T);
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SmtpServerResource.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** Keeps what the SMTP server received, for docs/notices.md. */
    static void saveSample(String name, MimeMessage mail) throws Exception {
        Path dir = Path.of("target", "mail-samples");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), GreenMailUtil.getWholeMessage(mail));
    }
}
