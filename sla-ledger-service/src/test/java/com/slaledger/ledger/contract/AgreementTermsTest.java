package com.slaledger.ledger.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.slaledger.ledger.engine.Maintenance;
import com.slaledger.support.rest.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §16.2 and §16.3 in a contract: groups and recurring windows, read, validated, kept and evaluated. */
class AgreementTermsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final String RECURRING = "\"recurrence\": \"FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1\","
            + " \"startTime\": \"01:30\", \"duration\": \"PT1H\", \"from\": \"2026-10-01\"";

    private static final String TEMPLATE =
            "{\"customer\": {\"name\": \"Acme Ltd\", \"noticeEmails\": [\"sla@acme.example\"]},"
                    + " \"services\": [\"api\", %s],"
                    + " \"policy\": \"PROVIDER_MONITORED\", \"uptimeTargetPercent\": 99.9, \"timezone\": \"Europe/Lisbon\","
                    + " \"maintenanceWindows\": ["
                    + "{\"start\": \"2026-10-10T01:00:00Z\", \"end\": \"2026-10-10T03:00:00Z\", \"reason\": \"DB upgrade\"},"
                    + " {%s, \"reason\": \"last Sunday patching\"}]}";

    private static final String GROUP = "{\"name\": \"database\", \"anyOf\": [\"db-eu\", \"db-us\"]}";

    private static final String CONTRACT = TEMPLATE.formatted(GROUP, RECURRING);

    private static ContractTerms terms(String json) throws Exception {
        var result = ContractValidator.validate(
                "acme",
                JSON.readValue(json, ContractRequest.class),
                ContractValidatorTest.NOW,
                ContractValidatorTest.HORIZON);
        assertThat(result.violations()).isEmpty();
        return result.contract();
    }

    private static List<String> fields(String json) throws Exception {
        return ContractValidator.validate(
                        "acme",
                        JSON.readValue(json, ContractRequest.class),
                        ContractValidatorTest.NOW,
                        ContractValidatorTest.HORIZON)
                .violations()
                .stream()
                .map(Violation::field)
                .toList();
    }

    @Test
    void aGroupAndARecurringWindowAreReadKeptAndWrittenAsGiven() throws Exception {
        ContractTerms t = terms(CONTRACT);
        assertThat(t.serviceNames()).containsExactly("api", "database");
        assertThat(t.monitoredServices()).containsExactly("api", "db-eu", "db-us");
        assertThat(t.ticketServices()).containsExactly("api", "database", "db-eu", "db-us");
        String stored = ContractRepository.write(t);
        assertThat(stored).contains("\"services\":[\"api\",{\"name\":\"database\",\"anyOf\":[\"db-eu\",\"db-us\"]}]");
        assertThat(stored).contains("\"recurrence\":\"FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1\"");
        assertThat(stored).doesNotContain("\"start\":null");
        ContractTerms back = JSON.readValue(stored, ContractTerms.class);
        assertThat(back).isEqualTo(t);
        assertThat(back.engine("acme").groups()).containsEntry("database", List.of("db-eu", "db-us"));
    }

    /**
     * "FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1": the last Sunday of each month, 01:30 Lisbon, an hour.
     * October 2026's is the 25th, when clocks go back at 02:00 WEST: 01:30 happens twice, the earlier
     * is 01:30 WEST = 00:30Z. November's is the 29th (WET): 01:30Z. March 2027's is the 28th, when
     * clocks go forward at 01:00 WET: 01:30 does not exist and moves on by the gap to 02:30 WEST =
     * 01:30Z. The one-off 10 October window (01:00–03:00Z) is listed too.
     */
    @Test
    void theLastSundayOfTheMonthAcrossLisbonsClockChanges() throws Exception {
        var engine = terms(CONTRACT).engine("acme");
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        List<Maintenance.Window> windows =
                engine.maintenance().within(lisbon, t("2026-10-01T00:00:00Z"), t("2027-04-01T00:00:00Z"));
        assertThat(windows)
                .extracting(Maintenance.Window::start)
                .containsExactly(
                        t("2026-10-10T01:00:00Z"),
                        t("2026-10-25T00:30:00Z"),
                        t("2026-11-29T01:30:00Z"),
                        t("2026-12-27T01:30:00Z"),
                        t("2027-01-31T01:30:00Z"),
                        t("2027-02-28T01:30:00Z"),
                        t("2027-03-28T01:30:00Z"));
        assertThat(windows.get(1).seconds()).isEqualTo(3600);
        assertThat(windows.get(1).reason()).isEqualTo("last Sunday patching");
        assertThat(windows.get(6).end()).isEqualTo(t("2027-03-28T02:30:00Z"));
    }

    /** RFC 5545: weeks start on Monday unless WKST says otherwise, whatever the machine's locale. */
    @Test
    void everyOtherWeekCountsWeeksFromMonday() {
        var rule = RecurrenceRule.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU");
        // seeded Thursday 1 Oct 2026: its week (Mon 28 Sep) has Sunday 4 Oct, then every other one
        assertThat(rule.dates(
                        LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-02")))
                .containsExactly(
                        LocalDate.parse("2026-10-04"), LocalDate.parse("2026-10-18"), LocalDate.parse("2026-11-01"));
    }

    /** SPEC §16.4: a target's resolution pauses while waiting on the customer unless it says otherwise. */
    @Test
    void targetsPauseWhileWaitingByDefault() throws Exception {
        String support = "\"support\": {\"targets\": [{\"priority\": \"P1\", \"resolution\": \"PT4H\"},"
                + " {\"priority\": \"P2\", \"resolution\": \"PT8H\", \"pauseWhileWaiting\": false}]}, ";
        ContractTerms t = terms(CONTRACT.replace("\"policy\"", support + "\"policy\""));
        assertThat(t.engineTargets())
                .extracting(com.slaledger.ledger.engine.SupportTargets.Target::pauseWhileWaiting)
                .containsExactly(true, false);
        // the default is not written: stored terms without the field read back equal
        assertThat(ContractRepository.write(t))
                .contains("\"pauseWhileWaiting\":false")
                .doesNotContain("null");
    }

    @Test
    void groupsAreValidated() throws Exception {
        String base = TEMPLATE.formatted("%s", RECURRING);
        assertThat(fields(base.formatted("{\"name\": \"database\", \"anyOf\": [\"db-eu\"]}")))
                .containsExactly("services[1].anyOf");
        assertThat(fields(base.formatted("{\"name\": \"database\", \"anyOf\": [\"db-eu\", \"db-eu\"]}")))
                .containsExactly("services[1].anyOf[1]");
        assertThat(fields(base.formatted("{\"name\": \"api\", \"anyOf\": [\"db-eu\", \"db-us\"]}")))
                .containsExactly("services[1].name");
        assertThat(fields(base.formatted("{\"name\": \"no spaces\", \"anyOf\": [\"db-eu\", \"db-us\"]}")))
                .containsExactly("services[1].name");
        assertThat(fields(base.formatted("{\"name\": \"db\", \"anyOf\": [\"db\", \"db-us\"]}")))
                .contains("services[1].anyOf[0]");
        String twentyOne = "{\"name\": \"g\", \"anyOf\": ["
                + String.join(
                        ",",
                        java.util.stream.IntStream.range(0, 21)
                                .mapToObj(i -> "\"m" + i + "\"")
                                .toList())
                + "]}";
        assertThat(fields(base.formatted(twentyOne))).containsExactly("services[1].anyOf");
    }

    @Test
    void recurringWindowsAreValidated() throws Exception {
        String base = TEMPLATE.formatted(GROUP, "%s");
        assertThat(
                        fields(
                                base.formatted(
                                        "\"recurrence\": \"FREQ=YEARLY\", \"startTime\": \"01:30\", \"duration\": \"PT1H\", \"from\": \"2026-10-01\"")))
                .containsExactly("maintenanceWindows[1].recurrence");
        assertThat(
                        fields(
                                base.formatted(
                                        "\"recurrence\": \"FREQ=WEEKLY;BYDAY=XX\", \"startTime\": \"01:30\", \"duration\": \"PT1H\", \"from\": \"2026-10-01\"")))
                .containsExactly("maintenanceWindows[1].recurrence");
        assertThat(
                        fields(
                                base.formatted(
                                        "\"recurrence\": \"FREQ=WEEKLY;BYHOUR=3\", \"startTime\": \"01:30\", \"duration\": \"PT1H\", \"from\": \"2026-10-01\"")))
                .containsExactly("maintenanceWindows[1].recurrence");
        assertThat(
                        fields(
                                base.formatted(
                                        "\"recurrence\": \"FREQ=WEEKLY\", \"startTime\": \"25:00\", \"duration\": \"P2D\", \"from\": \"2026-10-01\"")))
                .containsExactly("maintenanceWindows[1].startTime", "maintenanceWindows[1].duration");
        assertThat(fields(base.formatted(
                        "\"recurrence\": \"FREQ=WEEKLY\", \"startTime\": \"01:00\", \"duration\": \"PT1H\","
                                + " \"from\": \"2026-10-01\", \"until\": \"2026-09-01\"")))
                .containsExactly("maintenanceWindows[1].until");
        assertThat(fields(base.formatted(
                        "\"recurrence\": \"FREQ=WEEKLY\", \"startTime\": \"01:00\", \"duration\": \"PT1H\"")))
                .containsExactly("maintenanceWindows[1].from");
        assertThat(fields(base.formatted("\"startTime\": \"01:00\", \"duration\": \"PT1H\", \"from\": \"2026-10-01\"")))
                .contains("maintenanceWindows[1].startTime", "maintenanceWindows[1].start");
    }

    private static long t(String at) {
        return Instant.parse(at).getEpochSecond();
    }
}
