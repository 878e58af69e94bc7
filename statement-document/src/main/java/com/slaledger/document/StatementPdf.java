package com.slaledger.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.slaledger.events.ChecklistElement;
import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.StatementIssued;
import com.slaledger.ledger.engine.Decimals;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A statement as a PDF a customer can file (A4, PDFBox): provider and customer, the period in the
 * customer's time zone, every element of the checklist agreed against measured, the availability
 * figures and the credit, and the downtime intervals. Text is laid out line by line and wraps;
 * pages follow as needed. The standard Helvetica fonts need no embedding; a character they cannot
 * show (outside Windows-1252) is written as "?".
 */
public final class StatementPdf {

    private StatementPdf() {}

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    public static byte[] render(StatementDocument d) {
        StatementIssued s = d.statement();
        try (PDDocument pdf = new PDDocument()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle("Service-level statement " + s.contractId() + " " + s.period());
            info.setAuthor(d.provider());
            Writer w = new Writer(pdf);
            w.line(Writer.BOLD, 16, "Service-level statement");
            w.gap(4);
            w.line(
                    Writer.REGULAR,
                    11,
                    d.provider() + " - statement for " + d.customer() + " (contract " + s.contractId() + ")");
            w.line(
                    Writer.REGULAR,
                    11,
                    "Period: " + Wording.month(d.period()) + " in " + d.zone().getId() + ", from "
                            + Wording.instant(s.periodStart(), d.zone()) + " to "
                            + Wording.instant(s.periodEnd(), d.zone()) + " (exclusive)");
            w.line(Writer.REGULAR, 11, issued(d));
            w.gap(8);
            w.line(
                    Writer.BOLD,
                    12,
                    s.allMet()
                            ? "Every element of the agreement was met."
                            : "The agreement was NOT met in every element.");
            w.gap(6);
            w.line(Writer.BOLD, 12, "Availability");
            w.row("Measurement", s.policy().name());
            w.row("Agreed availability", plain(s.uptimeTargetPercent()) + "%");
            w.row("Measured availability", plain(s.availabilityPercent()) + "%" + (s.met() ? " (met)" : " (NOT met)"));
            w.row(
                    "Eligible time",
                    Wording.grouped(s.eligibleSeconds()) + " s (" + Wording.duration(s.eligibleSeconds())
                            + "), the period less maintenance windows");
            w.row(
                    "Counted downtime",
                    Wording.grouped(s.downtimeSeconds()) + " s (" + Wording.duration(s.downtimeSeconds()) + ")");
            if (!s.exclusions().isEmpty()) {
                w.row(
                        "Excluded downtime",
                        Wording.grouped(s.excludedSeconds()) + " s (" + Wording.duration(s.excludedSeconds())
                                + "), taken out by the approved exclusions below");
            }
            w.row(
                    "Service credit",
                    plain(s.creditPercent()) + "%"
                            + (s.creditAmount() == null
                                    ? ""
                                    : " = " + s.creditAmount().amount().toPlainString() + " "
                                            + s.creditAmount().currency()));
            w.gap(8);
            w.line(Writer.BOLD, 12, "The audit checklist");
            for (ChecklistElement e : s.elements()) {
                w.line(Writer.BOLD, 10, (e.met() ? "[met] " : "[NOT MET] ") + e.label() + " (" + e.element() + ")");
                w.line(Writer.REGULAR, 10, "    agreed: " + e.agreed() + "; measured: " + e.measured());
                if (e.pausedSeconds() != null && e.pausedSeconds() > 0) {
                    w.line(
                            Writer.REGULAR,
                            10,
                            "    paused while waiting on the customer: " + Wording.duration(e.pausedSeconds())
                                    + " of business time, not counted");
                }
                if (e.lapses() != null) {
                    for (ChecklistElement.Lapse l : e.lapses()) {
                        w.line(
                                Writer.REGULAR,
                                10,
                                "    lapse from " + Wording.instant(l.start(), d.zone()) + " to "
                                        + Wording.instant(l.end(), d.zone()) + ": " + Wording.grouped(l.seconds())
                                        + " s");
                    }
                }
            }
            w.gap(8);
            w.line(Writer.BOLD, 12, "Downtime intervals");
            if (s.intervals().isEmpty()) {
                w.line(Writer.REGULAR, 10, "none");
            }
            for (DowntimeInterval i : s.intervals()) {
                w.line(
                        Writer.REGULAR,
                        10,
                        Wording.instant(i.start(), d.zone()) + " to " + Wording.instant(i.end(), d.zone()) + ": "
                                + Wording.grouped(i.seconds()) + " s (" + Wording.duration(i.seconds()) + "), "
                                + String.join(", ", i.services())
                                + (i.counted()
                                        ? ", counted"
                                        : ", not counted" + (i.reason() == null ? "" : " (" + i.reason() + ")")));
            }
            if (s.omittedIntervals() > 0) {
                w.line(
                        Writer.REGULAR,
                        10,
                        "... and " + s.omittedIntervals() + " more: GET /api/v1/contracts/" + s.contractId()
                                + "/statements/" + s.period() + " lists them all");
            }
            if (!s.exclusions().isEmpty()) {
                w.gap(8);
                w.line(Writer.BOLD, 12, "Exclusions");
                for (StatementIssued.Excluded x : s.exclusions()) {
                    w.line(
                            Writer.REGULAR,
                            10,
                            Wording.instant(x.start(), d.zone()) + " to " + Wording.instant(x.end(), d.zone()) + ": "
                                    + Wording.duration(x.seconds()) + ", " + x.category() + ", "
                                    + String.join(", ", x.services()) + " - " + x.reason());
                }
            }
            if (!s.disputes().isEmpty()) {
                w.gap(8);
                w.line(Writer.BOLD, 12, "Disputes accepted (counted as downtime)");
                for (StatementIssued.Disputed x : s.disputes()) {
                    w.line(
                            Writer.REGULAR,
                            10,
                            Wording.instant(x.start(), d.zone()) + " to " + Wording.instant(x.end(), d.zone()) + ": "
                                    + Wording.duration(x.seconds())
                                    + (x.services().isEmpty() ? "" : ", " + String.join(", ", x.services())));
                }
            }
            if (!s.maintenance().isEmpty()) {
                w.gap(8);
                w.line(Writer.BOLD, 12, "Maintenance");
                for (StatementIssued.Planned m : s.maintenance()) {
                    w.line(
                            Writer.REGULAR,
                            10,
                            Wording.instant(m.start(), d.zone()) + " to " + Wording.instant(m.end(), d.zone()) + ": "
                                    + Wording.duration(m.seconds()) + (m.reason() == null ? "" : " - " + m.reason()));
                }
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which statement this is: amended, issued, computed on request, or provisional. */
    static String issued(StatementDocument d) {
        StatementIssued s = d.statement();
        String at = Wording.instant(s.issuedAt(), d.zone());
        if (!d.isFinal()) {
            return "Provisional: the period is not over; the figures are those of " + at;
        }
        if (s.version() > 1) {
            return "Amended statement, version " + s.version() + "; issued " + at;
        }
        return (s.version() == 1 ? "Issued " : "Computed ") + at;
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : Decimals.plain(n).toPlainString();
    }

    /** Lines down the page, wrapping at the width and starting a new page at the bottom margin. */
    private static final class Writer {

        static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

        private final PDDocument pdf;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument pdf) throws IOException {
            this.pdf = pdf;
            newPage();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            pdf.addPage(p);
            page = new PDPageContentStream(pdf, p);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void row(String name, String value) throws IOException {
            line(REGULAR, 10, name + ": " + value);
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            for (String part : wrap(font, size, safe(font, text))) {
                if (y - size * 1.4f < MARGIN) {
                    newPage();
                }
                y -= size * 1.4f;
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(MARGIN, y);
                page.showText(part);
                page.endText();
            }
        }

        void close() throws IOException {
            page.close();
        }

        private static List<String> wrap(PDType1Font font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (current.length() > 0 && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                    lines.add(current.toString());
                    current = new StringBuilder("    " + word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        /** What the font cannot encode becomes "?". */
        private static String safe(PDType1Font font, String text) {
            StringBuilder b = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    b.append(c);
                } catch (IllegalArgumentException | IOException e) {
                    b.append('?');
                }
            });
            return b.toString();
        }
    }
}
