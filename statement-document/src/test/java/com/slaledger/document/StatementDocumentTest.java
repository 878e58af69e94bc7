package com.slaledger.document;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.slaledger.events.ChecklistElement;
import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.MeasurementPolicy;
import com.slaledger.events.Money;
import com.slaledger.events.StatementIssued;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement of SPEC §7's example (October 2026 in Lisbon: 2,674,800 eligible seconds, an hour
 * counted, 99.8654%, 10% credit = 100.00 EUR) with a checklist, written as CSV and PDF and read
 * back: the figures a customer files are the statement's.
 */
class StatementDocumentTest {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    static StatementIssued statement(int intervals) {
        List<DowntimeInterval> list = new ArrayList<>();
        list.add(new DowntimeInterval(
                Instant.parse("2026-10-03T14:05:00Z"),
                Instant.parse("2026-10-03T15:05:00Z"),
                3600,
                List.of("api"),
                true,
                null,
                false));
        list.add(new DowntimeInterval(
                Instant.parse("2026-10-07T09:00:00Z"),
                Instant.parse("2026-10-07T09:03:00Z"),
                180,
                List.of("web, \"edge\""),
                false,
                "BELOW_MINIMUM",
                false));
        for (int i = 2; i < intervals; i++) {
            Instant start = Instant.parse("2026-10-10T00:00:00Z").plusSeconds(600L * i);
            list.add(new DowntimeInterval(
                    start, start.plusSeconds(60), 60, List.of("api"), false, "BELOW_MINIMUM", false));
        }
        return new StatementIssued(
                "acme",
                "2026-10",
                2,
                Instant.parse("2026-09-30T23:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"),
                MeasurementPolicy.PROVIDER_MONITORED,
                2_674_800,
                3600,
                new BigDecimal("99.8654"),
                new BigDecimal("99.9"),
                false,
                new BigDecimal("10"),
                new Money(new BigDecimal("100.00"), "EUR"),
                list,
                0,
                Instant.parse("2026-11-01T01:00:00Z"),
                List.of(
                        new ChecklistElement(
                                "availability", "availability", "99.9%", "99.8654%", false, null, null, null, null),
                        new ChecklistElement(
                                "firstResponse:P1",
                                "first response to P1 tickets",
                                "95% within 30 min (EU business hours)",
                                "90% (18 of 20)",
                                false,
                                20,
                                18,
                                null,
                                null),
                        new ChecklistElement(
                                "duty:db-backup",
                                "Nightly database backup",
                                "every 1 day (+2 h)",
                                "1 lapse, 7,200 s",
                                false,
                                null,
                                null,
                                List.of(new ChecklistElement.Lapse(
                                        Instant.parse("2026-10-10T03:00:00Z"),
                                        Instant.parse("2026-10-10T05:00:00Z"),
                                        7200,
                                        false)),
                                0)));
    }

    static StatementDocument document(int intervals) {
        return new StatementDocument("Hosting Provider Lda", "Acme Ltd – Łódź", LISBON, statement(intervals));
    }

    @Test
    void csvHasARowPerIntervalAndPerElementThatReadsBack() throws Exception {
        String csv = StatementCsv.write(document(2));
        assertThat(csv).contains("\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(rows).hasSize(2 + 3);
        CSVRecord first = rows.get(0);
        assertThat(first.get("record")).isEqualTo("interval");
        assertThat(first.get("start")).isEqualTo("2026-10-03T14:05:00Z");
        assertThat(first.get("seconds")).isEqualTo("3600");
        assertThat(first.get("counted")).isEqualTo("true");
        // a comma and quotes inside a field survive the round trip (RFC 4180 quoting)
        assertThat(rows.get(1).get("services")).isEqualTo("web, \"edge\"");
        assertThat(rows.get(1).get("reason")).isEqualTo("BELOW_MINIMUM");
        CSVRecord support = rows.get(3);
        assertThat(support.get("record")).isEqualTo("element");
        assertThat(support.get("element")).isEqualTo("firstResponse:P1");
        assertThat(support.get("agreed")).isEqualTo("95% within 30 min (EU business hours)");
        assertThat(support.get("decided")).isEqualTo("20");
        assertThat(support.get("metCount")).isEqualTo("18");
        assertThat(support.get("met")).isEqualTo("false");
        assertThat(rows.get(4).get("lapsedSeconds")).isEqualTo("7200");
        assertThat(rows.get(2).get("measured")).isEqualTo("99.8654%");
    }

    /**
     * SPEC §12 (OWASP CSV injection): a duty named {@code @SUM(1+1)*cmd|' /C calc'!A0}, a calendar
     * called {@code =HYPERLINK(...)}, a service id beginning with "-": each typed text cell that a
     * spreadsheet would run as a formula gets a leading quote; figures stay numbers.
     */
    @Test
    void csvCellsFromTypedTextNeverStartAFormula() throws Exception {
        StatementIssued base = statement(2);
        var bad = new StatementIssued(
                base.contractId(),
                base.period(),
                base.version(),
                base.periodStart(),
                base.periodEnd(),
                base.policy(),
                base.eligibleSeconds(),
                base.downtimeSeconds(),
                base.availabilityPercent(),
                base.uptimeTargetPercent(),
                base.met(),
                base.creditPercent(),
                base.creditAmount(),
                List.of(new DowntimeInterval(
                        Instant.parse("2026-10-03T14:05:00Z"),
                        Instant.parse("2026-10-03T15:05:00Z"),
                        3600,
                        List.of("-api"),
                        true,
                        null,
                        false)),
                0,
                base.issuedAt(),
                List.of(new ChecklistElement(
                        "duty:x",
                        "@SUM(1+1)*cmd|' /C calc'!A0",
                        "=HYPERLINK(\"http://x\")",
                        "+1",
                        false,
                        null,
                        null,
                        null,
                        0)));
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(StatementCsv.write(new StatementDocument("P", "\tTab Ltd", LISBON, bad))))
                .getRecords();
        assertThat(rows.get(0).get("services")).isEqualTo("'-api");
        assertThat(rows.get(0).get("seconds")).isEqualTo("3600");
        assertThat(rows.get(1).get("label")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(rows.get(1).get("agreed")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(1).get("measured")).isEqualTo("'+1");
        assertThat(StatementCsv.cell("\rx")).isEqualTo("'\rx");
        assertThat(StatementCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(StatementCsv.cell(-5L)).isEqualTo(-5L);
        assertThat(StatementCsv.cell("99.9%")).isEqualTo("99.9%");
    }

    @Test
    void pdfSaysWhoWhenEveryElementTheFiguresAndTheIntervals() throws Exception {
        byte[] bytes = StatementPdf.render(document(2));
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        {
            String text = PdfText.of(bytes);
            assertThat(text)
                    .contains("Hosting Provider Lda - statement for Acme Ltd")
                    .contains("(contract acme)")
                    .contains("October 2026 in Europe/Lisbon")
                    .contains("2026-10-01 00:00:00 +01:00 (2026-09-30 23:00:00 UTC)")
                    .contains("Amended statement, version 2")
                    .contains("The agreement was NOT met in every element.")
                    .contains("Measured availability: 99.8654% (NOT met)")
                    .contains("Eligible time: 2,674,800 s")
                    .contains("Counted downtime: 3,600 s (1 h 00 min)")
                    .contains("Service credit: 10% = 100.00 EUR")
                    .contains("[NOT MET] first response to P1 tickets (firstResponse:P1)")
                    .contains("agreed: 95% within 30 min (EU business hours); measured: 90% (18 of 20)")
                    .contains("[NOT MET] Nightly database backup (duty:db-backup)")
                    .contains(
                            "2026-10-03 15:05:00 +01:00 (14:05:00 UTC) to 2026-10-03 16:05:00 +01:00 (15:05:00 UTC): 3,600 s")
                    .contains("not counted (BELOW_MINIMUM)");
            // a character Helvetica cannot show is replaced, not a failure
            assertThat(text).contains("Acme Ltd – ?ód?");
        }
    }

    /** SPEC §16: a statement with maintenance occurrences, an exclusion and paused support time. */
    static StatementDocument withAgreement() {
        StatementIssued s = statement(2);
        List<ChecklistElement> elements = new ArrayList<>(s.elements());
        ChecklistElement p1 = elements.get(1);
        elements.set(
                1,
                new ChecklistElement(
                        p1.element(),
                        p1.label(),
                        p1.agreed(),
                        p1.measured(),
                        p1.met(),
                        p1.decided(),
                        p1.metCount(),
                        null,
                        null,
                        5400L));
        StatementIssued with = new StatementIssued(
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
                s.omittedIntervals(),
                s.issuedAt(),
                elements,
                List.of(new StatementIssued.Planned(
                        Instant.parse("2026-10-25T00:30:00Z"),
                        Instant.parse("2026-10-25T01:30:00Z"),
                        3600,
                        "weekly patching")),
                List.of(new StatementIssued.Excluded(
                        "x-1",
                        Instant.parse("2026-10-20T10:00:00Z"),
                        Instant.parse("2026-10-20T11:00:00Z"),
                        3600,
                        "CUSTOMER_CAUSED",
                        "=customer's firewall change",
                        List.of("api"))),
                3600,
                List.of(new StatementIssued.Disputed(
                        "d-1",
                        Instant.parse("2026-10-12T09:00:00Z"),
                        Instant.parse("2026-10-12T10:00:00Z"),
                        3600,
                        List.of("api"))));
        return new StatementDocument("Hosting Provider Lda", "Acme Ltd", LISBON, with);
    }

    @Test
    void csvAndPdfListMaintenanceExclusionsDisputesAndPausedTime() throws Exception {
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(StatementCsv.write(withAgreement())))
                .getRecords();
        CSVRecord maintenance = rows.stream()
                .filter(r -> r.get("record").equals("maintenance"))
                .findFirst()
                .orElseThrow();
        assertThat(maintenance.get("start")).isEqualTo("2026-10-25T00:30:00Z");
        assertThat(maintenance.get("reason")).isEqualTo("weekly patching");
        CSVRecord exclusion = rows.stream()
                .filter(r -> r.get("record").equals("exclusion"))
                .findFirst()
                .orElseThrow();
        assertThat(exclusion.get("exclusionId")).isEqualTo("x-1");
        assertThat(exclusion.get("category")).isEqualTo("CUSTOMER_CAUSED");
        assertThat(exclusion.get("seconds")).isEqualTo("3600");
        assertThat(exclusion.get("reason"))
                .as("typed text never starts a formula")
                .isEqualTo("'=customer's firewall change");
        CSVRecord dispute = rows.stream()
                .filter(r -> r.get("record").equals("dispute"))
                .findFirst()
                .orElseThrow();
        assertThat(dispute.get("disputeId")).isEqualTo("d-1");
        assertThat(dispute.get("start")).isEqualTo("2026-10-12T09:00:00Z");
        assertThat(dispute.get("seconds")).isEqualTo("3600");
        CSVRecord availability = rows.stream()
                .filter(r -> r.get("element").equals("availability"))
                .findFirst()
                .orElseThrow();
        assertThat(availability.get("excludedSeconds")).isEqualTo("3600");
        assertThat(rows.stream()
                        .filter(r -> r.get("element").equals("firstResponse:P1"))
                        .findFirst()
                        .orElseThrow()
                        .get("pausedSeconds"))
                .isEqualTo("5400");

        String text = PdfText.of(StatementPdf.render(withAgreement()));
        assertThat(text)
                .contains("Excluded downtime: 3,600 s (1 h 00 min)")
                .contains("Exclusions")
                .contains("CUSTOMER_CAUSED, api - =customer's firewall change")
                .contains("Maintenance")
                .contains("2026-10-25 01:30:00 +01:00 (00:30:00 UTC)")
                .contains("weekly patching")
                .contains("Disputes accepted (counted as downtime)")
                .contains("2026-10-12 10:00:00 +01:00 (09:00:00 UTC)")
                .contains("paused while waiting on the customer: 1 h 30 min");
    }

    @Test
    void manyIntervalsFlowOntoMorePages() throws Exception {
        byte[] bytes = StatementPdf.render(document(300));
        {
            assertThat(PdfText.pages(bytes)).isGreaterThan(3);
            String text = PdfText.of(bytes);
            assertThat(text).contains("2026-10-12 02:50:00 +01:00 (01:50:00 UTC)");
        }
    }

    @Test
    void instantsAndDurationsForPeople() {
        assertThat(Wording.duration(3720)).isEqualTo("1 h 02 min");
        assertThat(Wording.duration(3600)).isEqualTo("1 h 00 min");
        assertThat(Wording.duration(180)).isEqualTo("3 min");
        assertThat(Wording.duration(45)).isEqualTo("45 s");
        assertThat(Wording.duration(0)).isEqualTo("0 s");
        assertThat(Wording.duration(96_005)).isEqualTo("26 h 40 min 05 s");
        assertThat(Wording.instant(Instant.parse("2026-10-03T14:05:00Z"), LISBON))
                .isEqualTo("2026-10-03 15:05:00 +01:00 (14:05:00 UTC)");
        assertThat(Wording.instant(Instant.parse("2026-10-31T23:30:00Z"), ZoneId.of("Asia/Tokyo")))
                .isEqualTo("2026-11-01 08:30:00 +09:00 (2026-10-31 23:30:00 UTC)");
        assertThat(Wording.instant(Instant.parse("2026-10-03T14:05:00Z"), ZoneId.of("UTC")))
                .isEqualTo("2026-10-03 14:05:00 UTC");
        assertThat(Wording.instant(null, LISBON)).isEqualTo("now (ongoing)");
    }
}
