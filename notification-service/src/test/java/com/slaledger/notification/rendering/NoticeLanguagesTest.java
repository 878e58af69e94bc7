package com.slaledger.notification.rendering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.document.PdfText;
import com.slaledger.events.EventJson;
import com.slaledger.notification.contract.ContractView;
import com.slaledger.notification.notice.Notice;
import com.slaledger.notification.notice.NoticeFixtures;
import com.slaledger.notification.notice.NoticeKind;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §18: a contract's notices, statement mail and PDF in its language. The shortfall: 99.8656%
 * measured against 99.9% agreed in October 2026, a credit of 10% = 100.00 EUR, downtime from
 * 3 Oct 2026 14:05Z (15:05 in Lisbon, on WEST, UTC+1); the statement: 2,678,400 eligible seconds.
 * Plain-text labels are padded to 22 characters with their colon ("Bisher gemessen:" is 16, and
 * 6 spaces follow).
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class NoticeLanguagesTest {

    @Inject
    NoticeRenderer renderer;

    private static ContractView view(String locale) {
        ContractView v = new ContractView();
        v.contractId = "acme";
        v.customerName = "Acme Ltd";
        v.noticeEmails = "sla@acme.example";
        v.timezone = "Europe/Lisbon";
        v.locale = locale;
        return v;
    }

    private static Notice notice(NoticeKind kind, Object event) throws JsonProcessingException {
        Notice n = new Notice();
        n.kind = kind;
        n.payload = EventJson.mapper().writeValueAsString(event);
        return n;
    }

    /**
     * Language; the shortfall's subject; its measured line (a number); the outage's start (a date);
     * the statement's first sentence; its eligible seconds (a grouped number); the PDF's month.
     */
    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of(
                        "en",
                        "SLA shortfall notice: contract acme, period 2026-10, service credit 10%",
                        "Measured so far:      99.8656%",
                        "2026-10-03 15:05:00 +01:00 (14:05:00 UTC)",
                        "This is your service-level statement for contract acme, period 2026-10",
                        "(2,678,400 s: the period less maintenance windows)",
                        "October 2026"),
                Arguments.of(
                        "de",
                        "SLA-Mitteilung über eine Unterschreitung: Vertrag acme, Zeitraum 2026-10, Gutschrift 10 %",
                        "Bisher gemessen:      99,8656 %",
                        "03.10.2026 15:05:00 +01:00 (14:05:00 UTC)",
                        "Dies ist Ihre Service-Level-Abrechnung für den Vertrag acme, Zeitraum 2026-10",
                        "(2.678.400 s: der Zeitraum ohne Wartungsfenster)",
                        "Oktober 2026"),
                Arguments.of(
                        "fr",
                        "Avis de manquement SLA : contrat acme, période 2026-10, avoir de service 10 %",
                        "Mesurée jusqu'ici:    99,8656 %",
                        "03/10/2026 15:05:00 +01:00 (14:05:00 UTC)",
                        "Voici votre relevé de niveau de service pour le contrat acme, période 2026-10",
                        "(2 678 400 s : la période moins les fenêtres de maintenance)",
                        "octobre 2026"),
                Arguments.of(
                        "es",
                        "Aviso de incumplimiento del SLA: contrato acme, periodo 2026-10, crédito de servicio 10 %",
                        "Medida hasta ahora:   99,8656 %",
                        "03/10/2026 15:05:00 +01:00 (14:05:00 UTC)",
                        "Este es su extracto de nivel de servicio del contrato acme, periodo 2026-10",
                        "(2.678.400 s: el periodo menos las ventanas de mantenimiento)",
                        "octubre de 2026"),
                Arguments.of(
                        "pt",
                        "Aviso de incumprimento do SLA: contrato acme, período 2026-10, crédito de serviço 10%",
                        "Medida até agora:     99,8656%",
                        "03/10/2026 15:05:00 +01:00 (14:05:00 UTC)",
                        "Este é o seu extrato de nível de serviço do contrato acme, período 2026-10",
                        "(2.678.400 s: o período menos as janelas de manutenção)",
                        "outubro de 2026"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void aShortfallAndAStatementAreWrittenInTheContractsLanguage(
            String language,
            String subject,
            String measured,
            String outageStart,
            String statementIntro,
            String eligible,
            String month)
            throws Exception {
        var shortfall = renderer.render(
                notice(NoticeKind.SHORTFALL, NoticeFixtures.shortfall("acme")), view(language), "Example Hosting");
        assertThat(shortfall.subject()).isEqualTo(subject);
        assertThat(shortfall.text()).contains(measured).contains(outageStart).contains("Example Hosting");
        assertThat(shortfall.html()).contains("lang=\"" + language + "\"").contains(outageStart);

        var statement = renderer.render(
                notice(NoticeKind.STATEMENT, NoticeFixtures.statement("acme", 1, false)),
                view(language),
                "Example Hosting");
        assertThat(statement.text()).contains(statementIntro).contains(eligible).contains(outageStart);
        String pdf = PdfText.of(statement.attachment());
        assertThat(pdf).contains(month).contains(outageStart);
    }

    @Test
    void aContractWithoutALanguageIsWrittenInEnglish() throws Exception {
        var shortfall = renderer.render(
                notice(NoticeKind.SHORTFALL, NoticeFixtures.shortfall("acme")), view(null), "Example Hosting");
        assertThat(shortfall.text()).startsWith("Dear Acme Ltd,");
    }

    /** Every key the templates name is among the English words (and so, by WordsTest, every language's). */
    @Test
    void everyWordTheTemplatesNameExists() throws IOException {
        ResourceBundle english = ResourceBundle.getBundle(
                "com.slaledger.document.words",
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Pattern named = Pattern.compile("w\\.(?:say|label)\\('([^']+)'");
        TreeSet<String> used = new TreeSet<>();
        try (var files = Files.list(Path.of("src/main/resources/templates/NoticeTemplates"))) {
            for (Path f : files.toList()) {
                Matcher m = named.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(80);
        assertThat(used)
                .allSatisfy(key -> assertThat(english.containsKey(key)).as(key).isTrue());
    }
}
