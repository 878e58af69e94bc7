package com.slaledger.document;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import com.slaledger.events.ChecklistElement;
import com.slaledger.events.Money;
import com.slaledger.ledger.engine.Decimals;

/**
 * The words and formats of one language (SPEC §18: a contract's {@code locale}) for what a customer
 * reads: its notices and its statement document. Sentences are {@link MessageFormat} patterns in
 * {@code com/slaledger/document/words[_<language>].properties} (the English ones are the root);
 * instants are written in the contract's zone with the offset and UTC in brackets, dates, numbers
 * and months as the language writes them: {@code 99.8654%} and {@code 2,674,800} in English,
 * {@code 99,8654 %} and {@code 2.674.800} in German. Separators are plain characters (a space, not
 * the no-break spaces of CLDR), so that a plain-text mail reads the same everywhere. Durations are
 * {@code 1 h 02 min} in every language (h, min and s are the SI symbols).
 */
public final class Words {

    /** The languages there are words for; the first is the default. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "pt");

    /** The width of a label in the notices' plain-text tables, its colon included. */
    static final int LABEL_WIDTH = 22;

    private static final Map<String, Words> KNOWN = new ConcurrentHashMap<>();

    private final String language;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter local;
    private final DateTimeFormatter utcTime;
    private final DateTimeFormatter utcFull;
    private final DateTimeFormatter month;
    private final char decimal;
    private final String grouping;

    private Words(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle(
                "com.slaledger.document.words",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.local = DateTimeFormatter.ofPattern(bundle.getString("format.instant") + " xxx", locale);
        this.utcTime = DateTimeFormatter.ofPattern("HH:mm:ss", locale);
        this.utcFull = DateTimeFormatter.ofPattern(bundle.getString("format.instant"), locale);
        this.month = DateTimeFormatter.ofPattern(bundle.getString("format.month"), locale);
        this.decimal = bundle.getString("format.decimal").charAt(0);
        this.grouping = bundle.getString("format.grouping");
    }

    /** The words of {@code language} ({@code en} for null or one there are no words for). */
    public static Words of(String language) {
        String known = language != null && LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
        return KNOWN.computeIfAbsent(known, Words::new);
    }

    public static Words english() {
        return of(LANGUAGES.get(0));
    }

    public String language() {
        return language;
    }

    /** The sentence {@code key}. */
    public String say(String key) {
        return MessageFormat.format(bundle.getString(key), new Object[0]);
    }

    /** The sentence {@code key} with its {0}. */
    public String say(String key, Object a) {
        return new MessageFormat(bundle.getString(key), locale).format(new Object[] {text(a)});
    }

    /** The sentence {@code key} with its {0} and {1}. */
    public String say(String key, Object a, Object b) {
        return new MessageFormat(bundle.getString(key), locale).format(new Object[] {text(a), text(b)});
    }

    /** The sentence {@code key} with its {0}, {1} and {2}. */
    public String say(String key, Object a, Object b, Object c) {
        return new MessageFormat(bundle.getString(key), locale).format(new Object[] {text(a), text(b), text(c)});
    }

    /** The sentence {@code key} with its {0} to {3}. */
    public String say(String key, Object a, Object b, Object c, Object d) {
        return new MessageFormat(bundle.getString(key), locale)
                .format(new Object[] {text(a), text(b), text(c), text(d)});
    }

    /** Arguments as they are written: numbers plain (never grouped by MessageFormat), null as nothing. */
    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    /** A label of the plain-text tables: "Agreed:" and spaces to the value's column. */
    public String label(String key) {
        String label = say(key) + ":";
        return label.length() >= LABEL_WIDTH ? label + " " : label + " ".repeat(LABEL_WIDTH - label.length());
    }

    /**
     * An instant in {@code zone} with its offset, and in UTC in brackets (the UTC date only when
     * it differs from the local one); in UTC alone when the zone is UTC. Null: "now (ongoing)".
     */
    public String instant(Instant at, ZoneId zone) {
        if (at == null) {
            return say("ongoing");
        }
        var utc = at.atOffset(ZoneOffset.UTC);
        if (zone == null || zone.normalized().equals(ZoneOffset.UTC)) {
            return utcFull.format(utc) + " UTC";
        }
        var here = at.atZone(zone);
        String inUtc = here.toLocalDate().equals(utc.toLocalDate()) ? utcTime.format(utc) : utcFull.format(utc);
        return local.format(here) + " (" + inUtc + " UTC)";
    }

    /** "3 min", "1 h 02 min", "26 h 40 min 05 s", "45 s", "0 s". */
    public String duration(long seconds) {
        return Wording.duration(seconds);
    }

    /** 2674800: "2,674,800" in English, "2.674.800" in German, "2 674 800" in French. */
    public String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(",", grouping);
    }

    /** A decimal as written, its trailing zeros dropped: "99.8654" in English, "99,8654" in German. */
    public String decimal(BigDecimal n) {
        return n == null ? "" : Decimals.plain(n).toPlainString().replace('.', decimal);
    }

    /** A percentage: "99.8654%" in English, "99,8654 %" in German, French and Spanish. */
    public String percent(BigDecimal n) {
        return n == null ? "" : MessageFormat.format(bundle.getString("format.percent"), decimal(n));
    }

    /** An amount with its currency, to its minor unit: "100.00 EUR", "100,00 EUR". */
    public String money(Money m) {
        return m == null ? "" : m.amount().toPlainString().replace('.', decimal) + " " + m.currency();
    }

    /** "October 2026", "Oktober 2026", "octobre 2026", "octubre de 2026", "outubro de 2026". */
    public String month(YearMonth period) {
        return month.format(period);
    }

    /** The element as people call it, and its name: "first response to P1 tickets (firstResponse:P1)". */
    public String named(ChecklistElement e) {
        return element(e) + " (" + e.element() + ")";
    }

    /**
     * What people call a checklist element in this language: availability and the support targets
     * by their names ({@code firstResponse:P1}), a duty by the name the contract gives it.
     */
    public String element(ChecklistElement e) {
        String name = e.element();
        if ("availability".equals(name)) {
            return say("element.availability");
        }
        int colon = name.indexOf(':');
        String kind = colon < 0 ? name : name.substring(0, colon);
        if (kind.equals("firstResponse") || kind.equals("resolution")) {
            return say("element." + kind, name.substring(colon + 1));
        }
        return e.label();
    }
}
