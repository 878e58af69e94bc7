package com.slaledger.ledger.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.slaledger.ledger.engine.BusinessCalendar;
import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.CreditTier;
import com.slaledger.ledger.engine.Credits;
import com.slaledger.ledger.engine.Duties;
import com.slaledger.ledger.engine.Maintenance;
import com.slaledger.ledger.engine.MeasurementPolicy;
import com.slaledger.ledger.engine.Money;
import com.slaledger.ledger.engine.NoDataRule;
import com.slaledger.ledger.engine.SupportTargets;
import com.slaledger.ledger.engine.Terms;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the customer and the provider agreed, as the ledger keeps it: validated once from the
 * request (ContractValidator), stored as JSON in {@code contract.document}, and turned into the
 * engine's {@link Terms} once per stored version (ContractVersion). Neither the request nor the
 * Kafka event (ContractChanged, built from it by ContractEvents) is this model.
 */
public record ContractTerms(
        Customer customer,
        List<CoveredService> services,
        MeasurementPolicy policy,
        BigDecimal uptimeTargetPercent,
        Duration minimumDowntime,
        String timezone,
        List<CreditTier> creditTiers,
        BigDecimal creditCapPercent,
        Money monthlyFee,
        List<MaintenanceWindow> maintenanceWindows,
        NoDataRule noData,
        Alerts alerts,
        LocalDate startsOn,
        Support support,
        List<Duty> duties,
        @JsonInclude(JsonInclude.Include.NON_NULL) CreditTerms credits,
        @Schema(description = "en (absent), de, fr, es or pt", example = "de")
                @JsonInclude(JsonInclude.Include.NON_NULL)
                String locale,
        @JsonInclude(JsonInclude.Include.NON_NULL) MaintenanceNoticeTerms maintenanceNotices) {

    /** The languages notices, statement mails and PDFs are written in (SPEC §18); the first is the default. */
    public static final List<String> LOCALES = List.of("en", "de", "fr", "es", "pt");

    /** The contract's language: {@code en} when it names none. */
    @JsonIgnore
    public String language() {
        return locale == null ? LOCALES.get(0) : locale;
    }

    /**
     * When the customer hears of maintenance (SPEC §18): each window is announced {@code
     * announceAhead} before it starts and, with {@code reminderBefore}, reminded that long before.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MaintenanceNoticeTerms(
            @Schema(example = "P7D", type = SchemaType.STRING) Duration announceAhead,
            @Schema(example = "PT1H", type = SchemaType.STRING) Duration reminderBefore) {}

    /** Without credit terms (claims AUTOMATIC). */
    public ContractTerms(
            Customer customer,
            List<CoveredService> services,
            MeasurementPolicy policy,
            BigDecimal uptimeTargetPercent,
            Duration minimumDowntime,
            String timezone,
            List<CreditTier> creditTiers,
            BigDecimal creditCapPercent,
            Money monthlyFee,
            List<MaintenanceWindow> maintenanceWindows,
            NoDataRule noData,
            Alerts alerts,
            LocalDate startsOn,
            Support support,
            List<Duty> duties) {
        this(
                customer,
                services,
                policy,
                uptimeTargetPercent,
                minimumDowntime,
                timezone,
                creditTiers,
                creditCapPercent,
                monthlyFee,
                maintenanceWindows,
                noData,
                alerts,
                startsOn,
                support,
                duties,
                null,
                null,
                null);
    }

    /** How a period's credit is claimed (SPEC §17): AUTOMATIC, or REQUIRED within {@code claimWindow}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreditTerms(
            @Schema(example = "REQUIRED") Credits.ClaimMode claim,
            @Schema(example = "P30D", type = SchemaType.STRING) Duration claimWindow) {}

    /** The engine's view of the credit terms: AUTOMATIC without any. */
    public Credits.Claim claim() {
        if (credits == null || credits.claim() != Credits.ClaimMode.REQUIRED) {
            return Credits.Claim.AUTOMATIC;
        }
        return new Credits.Claim(
                Credits.ClaimMode.REQUIRED, credits.claimWindow().getSeconds());
    }

    public ContractTerms {
        duties = duties == null ? List.of() : List.copyOf(duties);
        services = List.copyOf(services);
        creditTiers = List.copyOf(creditTiers);
        maintenanceWindows = List.copyOf(maintenanceWindows);
        noData = noData == null ? NoDataRule.UP : noData;
    }

    /**
     * Warnings before a breach (SPEC §7): when the period's counted downtime first reaches each
     * share of the allowance, the provider's own {@code emails} are told.
     */
    public record Alerts(List<String> emails, List<BigDecimal> allowanceUsedPercent) {

        public Alerts {
            emails = List.copyOf(emails);
            allowanceUsedPercent = List.copyOf(allowanceUsedPercent);
        }
    }

    /**
     * Support targets (SPEC §13.2): per priority, first response and resolution in business time of
     * {@code calendar} ({@code 24x7} by default), and the share of tickets to meet.
     */
    public record Support(String calendar, List<SupportTarget> targets) {

        public Support {
            targets = List.copyOf(targets);
        }
    }

    /**
     * One priority's target; a measure without a duration is not promised. {@code
     * pauseWhileWaiting} (SPEC §16.4; null: the default, true): the resolution's clock stops while
     * the ticket waits on the customer.
     */
    public record SupportTarget(
            String priority,
            Duration firstResponse,
            Duration resolution,
            BigDecimal percentMet,
            @Schema(
                            description = "whether the resolution's clock stops while the ticket waits on the customer;"
                                    + " absent: true",
                            example = "true")
                    @JsonInclude(JsonInclude.Include.NON_NULL)
                    Boolean pauseWhileWaiting) {

        public SupportTarget(String priority, Duration firstResponse, Duration resolution, BigDecimal percentMet) {
            this(priority, firstResponse, resolution, percentMet, null);
        }
    }

    /** A duty (SPEC §13.3): a success due every {@code every}, with {@code grace}, from {@code since}. */
    public record Duty(String dutyId, String name, Duration every, Duration grace, Instant since) {}

    /** Who the contract is with and where its notices go. */
    public record Customer(String name, List<String> noticeEmails) {}

    /**
     * Planned downtime, excluded from the eligible time: [start, end) once, or (SPEC §16.3) an
     * RFC 5545 {@code recurrence} rule's occurrences at the local {@code startTime} for {@code
     * duration}, from the local date {@code from} to before {@code until} (null: no end).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MaintenanceWindow(
            @Schema(description = "a one-off window's first instant", example = "2026-10-10T01:00:00Z") Instant start,
            @Schema(description = "a one-off window's end (exclusive)", example = "2026-10-10T03:00:00Z") Instant end,
            @Schema(example = "weekly patching") String reason,
            @Schema(description = "a recurring window's RFC 5545 RRULE", example = "FREQ=WEEKLY;BYDAY=SU")
                    String recurrence,
            @Schema(description = "local start time of each occurrence", example = "02:00", type = SchemaType.STRING)
                    LocalTime startTime,
            @Schema(description = "each occurrence's length", example = "PT2H") Duration duration,
            @Schema(description = "first local date (inclusive)", example = "2026-10-01") LocalDate from,
            @Schema(description = "last local date (exclusive)", example = "2027-10-01") LocalDate until) {

        /** A one-off window. */
        public MaintenanceWindow(Instant start, Instant end, String reason) {
            this(start, end, reason, null, null, null, null, null);
        }

        @JsonIgnore
        public boolean isRecurring() {
            return recurrence != null;
        }
    }

    /** The covered services by name: service ids and groups' names (SPEC §16.2). */
    @JsonIgnore
    public List<String> serviceNames() {
        return services.stream().map(CoveredService::name).toList();
    }

    /** Every service whose monitoring the contract reads: the plain ones and the groups' members. */
    @JsonIgnore
    public List<String> monitoredServices() {
        return services.stream().flatMap(c -> c.members().stream()).distinct().toList();
    }

    /** What a ticket may name as its serviceId: a covered service, a group's name or any member. */
    @JsonIgnore
    public List<String> ticketServices() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(serviceNames());
        out.addAll(monitoredServices());
        return List.copyOf(out);
    }

    /**
     * These terms as a customer may read them (SPEC §12: provider-only data never reaches a
     * customer): without {@code alerts}, the provider's own addresses and warning thresholds.
     */
    public ContractTerms forCustomer() {
        return new ContractTerms(
                customer,
                services,
                policy,
                uptimeTargetPercent,
                minimumDowntime,
                timezone,
                creditTiers,
                creditCapPercent,
                monthlyFee,
                maintenanceWindows,
                noData,
                null,
                startsOn,
                support,
                duties,
                credits,
                locale,
                maintenanceNotices);
    }

    /** The calendar support targets are measured in ({@code 24x7} without support terms). */
    public String supportCalendar() {
        return support == null || support.calendar() == null ? BusinessCalendar.ALWAYS_ID : support.calendar();
    }

    /** The engine's view of the support targets (none without support terms). */
    public List<SupportTargets.Target> engineTargets() {
        if (support == null) {
            return List.of();
        }
        return support.targets().stream()
                .map(t -> new SupportTargets.Target(
                        t.priority(),
                        t.firstResponse() == null ? null : t.firstResponse().getSeconds(),
                        t.resolution() == null ? null : t.resolution().getSeconds(),
                        t.percentMet() == null ? BigDecimal.valueOf(100) : t.percentMet(),
                        t.pauseWhileWaiting() == null || t.pauseWhileWaiting()))
                .toList();
    }

    /** The engine's view of the duties, in contract order. */
    public List<Checklist.NamedDuty> engineDuties() {
        return duties.stream()
                .map(d -> new Checklist.NamedDuty(
                        new Duties.Duty(
                                d.dutyId(),
                                d.every().getSeconds(),
                                d.grace() == null ? 0 : d.grace().getSeconds(),
                                d.since().getEpochSecond()),
                        d.name()))
                .toList();
    }

    /** The engine's view of these terms. */
    public Terms engine(String contractId) {
        return new Terms(
                contractId,
                serviceNames(),
                policy,
                uptimeTargetPercent,
                minimumDowntime.getSeconds(),
                ZoneId.of(timezone),
                creditTiers,
                creditCapPercent,
                monthlyFee,
                maintenance(),
                noData,
                alerts == null ? List.of() : alerts.allowanceUsedPercent(),
                groups());
    }

    private java.util.Map<String, List<String>> groups() {
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
        for (CoveredService c : services) {
            if (c.isGroup()) {
                out.put(c.name(), c.anyOf());
            }
        }
        return out;
    }

    private Maintenance maintenance() {
        List<Maintenance.Window> once = new java.util.ArrayList<>();
        List<Maintenance.Recurring> recurring = new java.util.ArrayList<>();
        for (MaintenanceWindow w : maintenanceWindows) {
            if (w.isRecurring()) {
                recurring.add(new Maintenance.Recurring(
                        RecurrenceRule.parse(w.recurrence()),
                        w.from(),
                        w.until(),
                        w.startTime(),
                        w.duration().getSeconds(),
                        w.reason()));
            } else {
                once.add(new Maintenance.Window(
                        w.start().getEpochSecond(), w.end().getEpochSecond(), w.reason()));
            }
        }
        return new Maintenance(once, recurring);
    }
}
