package com.slaledger.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.slaledger.events.ChecklistElement;
import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.StatementIssued;
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
        Words t = d.words();
        try (PDDocument pdf = new PDDocument()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(t.say("pdf.title") + " " + s.contractId() + " " + s.period());
            info.setAuthor(d.provider());
            Writer w = new Writer(pdf);
            w.line(Writer.BOLD, 16, t.say("pdf.title"));
            w.gap(4);
            w.line(Writer.REGULAR, 11, t.say("pdf.between", d.provider(), d.customer(), s.contractId()));
            w.line(
                    Writer.REGULAR,
                    11,
                    t.say(
                            "pdf.period",
                            t.month(d.period()),
                            d.zone().getId(),
                            t.instant(s.periodStart(), d.zone()),
                            t.instant(s.periodEnd(), d.zone())));
            w.line(Writer.REGULAR, 11, issued(d));
            w.gap(8);
            w.line(Writer.BOLD, 12, s.allMet() ? t.say("statement.allMet") : t.say("statement.notAllMet"));
            w.gap(6);
            w.line(Writer.BOLD, 12, t.say("pdf.availability"));
            w.row(t.say("label.measurement"), s.policy().name());
            w.row(t.say("label.agreedAvailability"), t.percent(s.uptimeTargetPercent()));
            w.row(
                    t.say("pdf.measuredAvailability"),
                    t.say(s.met() ? "pdf.withMet" : "pdf.withNotMet", t.percent(s.availabilityPercent())));
            w.row(
                    t.say("label.eligibleTime"),
                    t.say("pdf.eligible", t.grouped(s.eligibleSeconds()), t.duration(s.eligibleSeconds())));
            w.row(
                    t.say("label.countedDowntime"),
                    t.say("pdf.seconds", t.grouped(s.downtimeSeconds()), t.duration(s.downtimeSeconds())));
            if (!s.exclusions().isEmpty()) {
                w.row(
                        t.say("label.excludedDowntime"),
                        t.say("pdf.excluded", t.grouped(s.excludedSeconds()), t.duration(s.excludedSeconds())));
            }
            w.row(
                    t.say("label.credit"),
                    t.percent(s.creditPercent()) + (s.creditAmount() == null ? "" : " = " + t.money(s.creditAmount())));
            w.gap(8);
            w.line(Writer.BOLD, 12, t.say("pdf.checklist"));
            for (ChecklistElement e : s.elements()) {
                w.line(Writer.BOLD, 10, "[" + t.say(e.met() ? "met" : "notMet") + "] " + t.named(e));
                w.line(Writer.REGULAR, 10, "    " + t.say("pdf.agreedMeasured", e.agreed(), e.measured()));
                if (e.pausedSeconds() != null && e.pausedSeconds() > 0) {
                    w.line(Writer.REGULAR, 10, "    " + t.say("pdf.paused", t.duration(e.pausedSeconds())));
                }
                if (e.lapses() != null) {
                    for (ChecklistElement.Lapse l : e.lapses()) {
                        w.line(
                                Writer.REGULAR,
                                10,
                                "    "
                                        + t.say(
                                                "pdf.lapse",
                                                t.instant(l.start(), d.zone()),
                                                t.instant(l.end(), d.zone()),
                                                t.grouped(l.seconds())));
                    }
                }
            }
            w.gap(8);
            w.line(Writer.BOLD, 12, t.say("pdf.intervals"));
            if (s.intervals().isEmpty()) {
                w.line(Writer.REGULAR, 10, t.say("none"));
            }
            for (DowntimeInterval i : s.intervals()) {
                w.line(
                        Writer.REGULAR,
                        10,
                        span(t, d, i.start(), i.end()) + ": "
                                + t.say("pdf.seconds", t.grouped(i.seconds()), t.duration(i.seconds())) + ", "
                                + String.join(", ", i.services())
                                + ", "
                                + (i.counted()
                                        ? t.say("pdf.counted")
                                        : t.say("pdf.notCounted")
                                                + (i.reason() == null ? "" : " (" + i.reason() + ")")));
            }
            if (s.omittedIntervals() > 0) {
                w.line(
                        Writer.REGULAR,
                        10,
                        t.say(
                                "pdf.omitted",
                                s.omittedIntervals(),
                                "GET /api/v1/contracts/" + s.contractId() + "/statements/" + s.period()));
            }
            if (!s.exclusions().isEmpty()) {
                w.gap(8);
                w.line(Writer.BOLD, 12, t.say("pdf.exclusions"));
                for (StatementIssued.Excluded x : s.exclusions()) {
                    w.line(
                            Writer.REGULAR,
                            10,
                            span(t, d, x.start(), x.end()) + ": " + t.duration(x.seconds()) + ", " + x.category() + ", "
                                    + String.join(", ", x.services()) + " - " + x.reason());
                }
            }
            if (!s.disputes().isEmpty()) {
                w.gap(8);
                w.line(Writer.BOLD, 12, t.say("pdf.disputes"));
                for (StatementIssued.Disputed x : s.disputes()) {
                    w.line(
                            Writer.REGULAR,
                            10,
                            span(t, d, x.start(), x.end()) + ": " + t.duration(x.seconds())
                                    + (x.services().isEmpty() ? "" : ", " + String.join(", ", x.services())));
                }
            }
            if (!s.maintenance().isEmpty()) {
                w.gap(8);
                w.line(Writer.BOLD, 12, t.say("pdf.maintenance"));
                for (StatementIssued.Planned m : s.maintenance()) {
                    w.line(
                            Writer.REGULAR,
                            10,
                            span(t, d, m.start(), m.end()) + ": " + t.duration(m.seconds())
                                    + (m.reason() == null ? "" : " - " + m.reason()));
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

    /** "<start> to <end>" in the document's zone and words. */
    private static String span(Words t, StatementDocument d, Instant start, Instant end) {
        return t.instant(start, d.zone()) + " " + t.say("to") + " " + t.instant(end, d.zone());
    }

    /** Which statement this is: amended, issued, computed on request, or provisional. */
    static String issued(StatementDocument d) {
        StatementIssued s = d.statement();
        Words t = d.words();
        String at = t.instant(s.issuedAt(), d.zone());
        if (!d.isFinal()) {
            return t.say("pdf.provisional", at);
        }
        if (s.version() > 1) {
            return t.say("pdf.amended", s.version(), at);
        }
        return t.say(s.version() == 1 ? "pdf.issued" : "pdf.computed", at);
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
