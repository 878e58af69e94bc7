package com.slaledger.ledger.contract;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * PUT /api/v1/contracts/{contractId} body (SPEC §4). Text fields stay text here so that a bad
 * policy, duration, time zone or instant is reported with every other bad field, not alone.
 */
public record ContractRequest(
        Customer customer,
        List<CoveredService> services,
        String policy,
        BigDecimal uptimeTargetPercent,
        String minimumDowntime,
        String timezone,
        List<Tier> creditTiers,
        BigDecimal creditCapPercent,
        Fee monthlyFee,
        List<Window> maintenanceWindows,
        String noData,
        Alerts alerts,
        String startsOn,
        Support support,
        List<Duty> duties,
        @Schema(
                        description = "how credits are claimed (SPEC §17), default AUTOMATIC",
                        example = "{\"claim\": \"REQUIRED\", \"claimWindow\": \"P30D\"}")
                Credits credits,
        @Schema(
                        description = "the language of the contract's notices, statement mail and PDF (SPEC §18):"
                                + " en (default), de, fr, es or pt",
                        example = "de")
                String locale,
        @Schema(
                        description = "maintenance notices to the customer (SPEC §18): announced announceAhead before a"
                                + " window starts, reminded reminderBefore it (optional)",
                        example = "{\"announceAhead\": \"P7D\", \"reminderBefore\": \"PT1H\"}")
                MaintenanceNotices maintenanceNotices) {

    /** When the customer hears of maintenance (SPEC §18), ISO-8601 durations before a window starts. */
    public record MaintenanceNotices(
            @Schema(description = "announce a window this long before it starts", example = "P7D") String announceAhead,
            @Schema(description = "remind this long before it starts (optional)", example = "PT1H")
                    String reminderBefore) {}

    /** Without credit terms. */
    public ContractRequest(
            Customer customer,
            List<CoveredService> services,
            String policy,
            BigDecimal uptimeTargetPercent,
            String minimumDowntime,
            String timezone,
            List<Tier> creditTiers,
            BigDecimal creditCapPercent,
            Fee monthlyFee,
            List<Window> maintenanceWindows,
            String noData,
            Alerts alerts,
            String startsOn,
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

    /** How a period's credit is claimed (SPEC §17). */
    public record Credits(
            @Schema(description = "AUTOMATIC (the credit is DUE at once) or REQUIRED", example = "REQUIRED")
                    String claim,
            @Schema(
                            description =
                                    "REQUIRED only: how long after the period's end and grace the customer may claim",
                            example = "P30D")
                    String claimWindow) {}

    /** Without support targets and duties. */
    public ContractRequest(
            Customer customer,
            List<CoveredService> services,
            String policy,
            BigDecimal uptimeTargetPercent,
            String minimumDowntime,
            String timezone,
            List<Tier> creditTiers,
            BigDecimal creditCapPercent,
            Fee monthlyFee,
            List<Window> maintenanceWindows,
            String noData,
            Alerts alerts,
            String startsOn) {
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
                null,
                null);
    }

    /** Support targets in business time (SPEC §13.2). */
    @Schema(
            description = "Support targets per priority, measured in business time of the calendar (default 24x7)",
            example = "{\"calendar\": \"eu\", \"targets\": [{\"priority\": \"P1\", \"firstResponse\": \"PT30M\","
                    + " \"resolution\": \"PT4H\", \"percentMet\": 95}]}")
    public record Support(
            @Schema(description = "a calendar id (PUT /api/v1/calendars/{id}) or 24x7", example = "eu") String calendar,
            List<Target> targets) {}

    @Schema(description = "One priority's target: at least one of firstResponse and resolution")
    public record Target(
            @Schema(description = "P1, P2, P3 or P4", example = "P1") String priority,
            @Schema(description = "business time to the first response, ISO-8601", example = "PT30M")
                    String firstResponse,
            @Schema(description = "business time to the resolution, ISO-8601", example = "PT4H") String resolution,
            @Schema(description = "share of decided tickets to meet, (0, 100], default 100", example = "95")
                    BigDecimal percentMet,
            @Schema(
                            description = "whether the resolution's clock stops while the ticket waits on the customer"
                                    + " (paused), default true",
                            example = "true")
                    Boolean pauseWhileWaiting) {

        public Target(String priority, String firstResponse, String resolution, BigDecimal percentMet) {
            this(priority, firstResponse, resolution, percentMet, null);
        }
    }

    /** A duty proven by agents' evidence (SPEC §13.3). */
    @Schema(
            description = "A duty proven by agents' evidence (POST /api/v1/duty-events on monitor-service)",
            example = "{\"dutyId\": \"db-backup\", \"name\": \"Nightly database backup\", \"every\": \"P1D\","
                    + " \"grace\": \"PT2H\", \"since\": \"2026-10-01T00:00:00Z\"}")
    public record Duty(
            @Schema(example = "db-backup") String dutyId,
            @Schema(example = "Nightly database backup") String name,
            @Schema(description = "a success is due this long after the last one, ISO-8601", example = "P1D")
                    String every,
            @Schema(description = "leeway after that, default PT0S", example = "PT2H") String grace,
            @Schema(description = "the instant the first success is counted from", example = "2026-10-01T00:00:00Z")
                    String since) {}

    public record Customer(String name, List<String> noticeEmails) {}

    public record Tier(BigDecimal belowPercent, BigDecimal creditPercent) {}

    public record Fee(BigDecimal amount, String currency) {}

    /** A one-off window (start, end) or a recurring one (recurrence, startTime, duration, from, until). */
    @Schema(
            description = "A maintenance window: once from start to end, or recurring by an RFC 5545 rule in the"
                    + " contract's time zone",
            example = "{\"recurrence\": \"FREQ=WEEKLY;BYDAY=SU\", \"startTime\": \"02:00\", \"duration\": \"PT2H\","
                    + " \"from\": \"2026-10-01\", \"until\": \"2027-10-01\", \"reason\": \"weekly patching\"}")
    public record Window(
            @Schema(description = "a one-off window's first instant", example = "2026-10-10T02:00:00Z") String start,
            @Schema(description = "a one-off window's end (exclusive)", example = "2026-10-10T04:00:00Z") String end,
            @Schema(description = "why, at most 1,000 characters", example = "weekly patching") String reason,
            @Schema(
                            description = "an RFC 5545 RRULE: FREQ DAILY, WEEKLY or MONTHLY with INTERVAL, BYDAY,"
                                    + " BYMONTHDAY, BYSETPOS",
                            example = "FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1")
                    String recurrence,
            @Schema(description = "local start time of each occurrence, HH:MM", example = "02:00") String startTime,
            @Schema(description = "each occurrence's length, ISO-8601, at most P1D", example = "PT2H") String duration,
            @Schema(description = "first local date (inclusive)", example = "2026-10-01") String from,
            @Schema(description = "last local date (exclusive), optional", example = "2027-10-01") String until) {

        /** A one-off window. */
        public Window(String start, String end, String reason) {
            this(start, end, reason, null, null, null, null, null);
        }
    }

    public record Alerts(List<String> emails, List<BigDecimal> allowanceUsedPercent) {}
}
