package com.slaledger.ledger.credit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.slaledger.document.StatementCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Credits as CSV for billing (SPEC §17): one row per credit, RFC 4180 with a header row, instants
 * in ISO-8601 UTC, cells neutralised as in the statement CSV (SPEC §12: a typed invoice reference
 * beginning with {@code =} cannot become a formula).
 */
final class CreditCsv {

    static final List<String> HEADER = List.of(
            "creditId",
            "contractId",
            "period",
            "kind",
            "status",
            "creditPercent",
            "amount",
            "currency",
            "statementVersion",
            "claimDeadline",
            "invoiceReference",
            "updatedAt");

    private CreditCsv() {}

    static String write(List<Credit> credits) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(HEADER.toArray(String[]::new))
                        .get())) {
            for (Credit c : credits) {
                csv.printRecord(
                        StatementCsv.cell(c.creditId),
                        StatementCsv.cell(c.contractId),
                        c.period,
                        c.kind,
                        c.status,
                        c.creditPercent.stripTrailingZeros().toPlainString(),
                        c.amount == null ? null : c.amount.toPlainString(),
                        c.currency,
                        c.statementVersion,
                        c.claimDeadline,
                        StatementCsv.cell(c.invoiceReference),
                        c.updatedAt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
