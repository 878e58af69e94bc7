package com.slaledger.document;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.slaledger.events.ChecklistElement;
import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.StatementIssued;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A statement as CSV (RFC 4180: comma-separated, CRLF, quoted where needed, a header row): one row
 * per interval ({@code record} = {@code interval}), per maintenance window or occurrence
 * ({@code maintenance}), per approved exclusion ({@code exclusion}, with its category and id), per
 * accepted dispute ({@code dispute}, with its id) and
 * per element of the checklist ({@code record} = {@code element}; availability's row carries the
 * period's {@code excludedSeconds}, a support target's its {@code pausedSeconds}); instants in ISO-8601 UTC, durations in seconds, so that a
 * spreadsheet or a script reads exactly what the statement says.
 */
public final class StatementCsv {

    private StatementCsv() {}

    /** The columns, in order. */
    public static final List<String> HEADER = List.of(
            "record",
            "contractId",
            "period",
            "start",
            "end",
            "seconds",
            "services",
            "counted",
            "reason",
            "ongoing",
            "element",
            "label",
            "agreed",
            "measured",
            "met",
            "decided",
            "metCount",
            "failures",
            "lapsedSeconds",
            "category",
            "exclusionId",
            "pausedSeconds",
            "excludedSeconds",
            "disputeId");

    /** A row of empty columns but the first three. */
    private static Object[] row(String record, String contractId, String period) {
        Object[] row = new Object[HEADER.size()];
        row[0] = record;
        row[1] = cell(contractId);
        row[2] = period;
        return row;
    }

    private static void set(Object[] row, String column, Object value) {
        row[HEADER.indexOf(column)] = cell(value);
    }

    /**
     * A cell as it is safe to open (SPEC §12; OWASP's CSV injection rule): text that a spreadsheet
     * would take for a formula (beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
     * carriage return) is written with a leading {@code '}; numbers, booleans and instants as they are.
     */
    public static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    public static String write(StatementDocument d) {
        var s = d.statement();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(HEADER.toArray(String[]::new))
                        .get())) {
            for (DowntimeInterval i : s.intervals()) {
                Object[] row = row("interval", s.contractId(), s.period());
                set(row, "start", i.start());
                set(row, "end", i.end());
                set(row, "seconds", i.seconds());
                set(row, "services", String.join(" ", i.services()));
                set(row, "counted", i.counted());
                set(row, "reason", i.reason());
                set(row, "ongoing", i.ongoing());
                csv.printRecord(row);
            }
            for (StatementIssued.Planned m : s.maintenance()) {
                Object[] row = row("maintenance", s.contractId(), s.period());
                set(row, "start", m.start());
                set(row, "end", m.end());
                set(row, "seconds", m.seconds());
                set(row, "reason", m.reason());
                csv.printRecord(row);
            }
            for (StatementIssued.Excluded x : s.exclusions()) {
                Object[] row = row("exclusion", s.contractId(), s.period());
                set(row, "start", x.start());
                set(row, "end", x.end());
                set(row, "seconds", x.seconds());
                set(row, "services", String.join(" ", x.services()));
                set(row, "reason", x.reason());
                set(row, "category", x.category());
                set(row, "exclusionId", x.exclusionId());
                csv.printRecord(row);
            }
            for (StatementIssued.Disputed x : s.disputes()) {
                Object[] row = row("dispute", s.contractId(), s.period());
                set(row, "start", x.start());
                set(row, "end", x.end());
                set(row, "seconds", x.seconds());
                set(row, "services", String.join(" ", x.services()));
                set(row, "disputeId", x.disputeId());
                csv.printRecord(row);
            }
            for (ChecklistElement e : s.elements()) {
                Object[] row = row("element", s.contractId(), s.period());
                if (e.isAvailability()) {
                    set(row, "excludedSeconds", s.excludedSeconds());
                }
                set(row, "pausedSeconds", e.pausedSeconds());
                set(row, "element", e.element());
                set(row, "label", e.label());
                set(row, "agreed", e.agreed());
                set(row, "measured", e.measured());
                set(row, "met", e.met());
                set(row, "decided", e.decided());
                set(row, "metCount", e.metCount());
                set(row, "failures", e.failures());
                if (e.lapses() != null) {
                    set(
                            row,
                            "lapsedSeconds",
                            e.lapses().stream()
                                    .mapToLong(ChecklistElement.Lapse::seconds)
                                    .sum());
                }
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
