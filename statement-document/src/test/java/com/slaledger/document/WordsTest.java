package com.slaledger.document;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;

import com.slaledger.events.ChecklistElement;
import com.slaledger.events.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The words and formats of each language (SPEC §18), figures written out by hand. */
class WordsTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    /** 14:05Z on 3 Oct 2026: 15:05 in Lisbon (WEST, UTC+1). */
    private static final Instant AT = Instant.parse("2026-10-03T14:05:00Z");

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(
                "com.slaledger.document.words",
                language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A language's own file, read alone (a bundle would fill its gaps from the English root). */
    private static Properties file(String language) throws IOException {
        Properties p = new Properties();
        String name = "words" + (language.equals("en") ? "" : "_" + language) + ".properties";
        try (var in = WordsTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "pt"})
    void everyLanguageHasEveryWordAndEachIsAPattern(String language) throws IOException {
        Set<String> english = file("en").stringPropertyNames();
        assertThat(file(language).stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english);
        ResourceBundle own = bundle(language);
        for (String key : english) {
            if (!key.startsWith("format.")) {
                assertThat(new MessageFormat(own.getString(key)).format(new Object[] {"a", "b", "c"}))
                        .as(key)
                        .isNotBlank();
            }
        }
    }

    @Test
    void numbersAreWrittenAsEachLanguageWritesThem() {
        BigDecimal measured = new BigDecimal("99.8654");
        assertThat(Words.of("en").percent(measured)).isEqualTo("99.8654%");
        assertThat(Words.of("de").percent(measured)).isEqualTo("99,8654 %");
        assertThat(Words.of("fr").percent(measured)).isEqualTo("99,8654 %");
        assertThat(Words.of("es").percent(measured)).isEqualTo("99,8654 %");
        assertThat(Words.of("pt").percent(measured)).isEqualTo("99,8654%");
        // trailing zeros go: 99.9000 is 99.9, 100.0000 is 100
        assertThat(Words.of("de").percent(new BigDecimal("99.9000"))).isEqualTo("99,9 %");
        assertThat(Words.of("en").percent(new BigDecimal("100.0000"))).isEqualTo("100%");

        assertThat(Words.of("en").grouped(2_674_800)).isEqualTo("2,674,800");
        assertThat(Words.of("de").grouped(2_674_800)).isEqualTo("2.674.800");
        assertThat(Words.of("fr").grouped(2_674_800)).isEqualTo("2 674 800");
        assertThat(Words.of("pt").grouped(999)).isEqualTo("999");

        Money credit = new Money(new BigDecimal("1250.50"), "EUR");
        assertThat(Words.of("en").money(credit)).isEqualTo("1250.50 EUR");
        assertThat(Words.of("es").money(credit)).isEqualTo("1250,50 EUR");
    }

    @Test
    void instantsAreInTheZoneWithTheOffsetAndUtcInBrackets() {
        assertThat(Words.of("en").instant(AT, LISBON)).isEqualTo("2026-10-03 15:05:00 +01:00 (14:05:00 UTC)");
        assertThat(Words.of("de").instant(AT, LISBON)).isEqualTo("03.10.2026 15:05:00 +01:00 (14:05:00 UTC)");
        assertThat(Words.of("fr").instant(AT, LISBON)).isEqualTo("03/10/2026 15:05:00 +01:00 (14:05:00 UTC)");
        // 23:30Z on 31 Oct is 00:30 on 1 Nov in Tokyo (UTC+9): the UTC date is written too
        Instant late = Instant.parse("2026-10-31T23:30:00Z");
        assertThat(Words.of("es").instant(late, ZoneId.of("Asia/Tokyo")))
                .isEqualTo("01/11/2026 08:30:00 +09:00 (31/10/2026 23:30:00 UTC)");
        assertThat(Words.of("pt").instant(late, ZoneOffset.UTC)).isEqualTo("31/10/2026 23:30:00 UTC");
        assertThat(Words.of("de").instant(null, LISBON)).isEqualTo("jetzt (andauernd)");
    }

    @Test
    void monthsAndElementsHaveTheirNames() {
        YearMonth october = YearMonth.of(2026, 10);
        assertThat(Words.of("en").month(october)).isEqualTo("October 2026");
        assertThat(Words.of("de").month(october)).isEqualTo("Oktober 2026");
        assertThat(Words.of("fr").month(october)).isEqualTo("octobre 2026");
        assertThat(Words.of("es").month(october)).isEqualTo("octubre de 2026");
        assertThat(Words.of("pt").month(october)).isEqualTo("outubro de 2026");

        var firstResponse = new ChecklistElement(
                "firstResponse:P1", "first response to P1 tickets", "", "", true, 1, 1, null, null);
        var backup =
                new ChecklistElement("duty:db-backup", "Nightly database backup", "", "", true, null, null, null, 0);
        assertThat(Words.of("en").named(firstResponse)).isEqualTo("first response to P1 tickets (firstResponse:P1)");
        assertThat(Words.of("de").named(firstResponse)).isEqualTo("Erste Antwort auf P1-Tickets (firstResponse:P1)");
        assertThat(Words.of("fr").element(backup)).isEqualTo("Nightly database backup");
    }

    @Test
    void labelsLineUpAndSentencesTakeTheirFigures() {
        assertThat(Words.of("en").label("label.agreed"))
                .isEqualTo("Agreed:               ")
                .hasSize(22);
        assertThat(Words.of("de").label("label.excludedDowntime")).isEqualTo("Ausgeschlossene Ausfallzeit: ");
        assertThat(Words.of("fr").say("ticketsDecided", 20, 18)).isEqualTo("20, dont 18 dans l'objectif");
        assertThat(Words.of("xx").language()).isEqualTo("en");
        assertThat(Words.of(null).say("dear", "Acme Ltd")).isEqualTo("Dear Acme Ltd,");
    }
}
