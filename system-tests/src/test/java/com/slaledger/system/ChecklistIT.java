package com.slaledger.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole agreement over a month, through HTTP, SMTP and the real services (SPEC §13): a
 * business calendar, a contract with support targets and a nightly backup duty, an outage,
 * tickets with priorities and responses from ticket-service's API, backup evidence from
 * monitor-service's; the statement's checklist is compared element by element with hand-computed
 * figures, and every element that falls short reaches the customer as one e-mail of its own.
 *
 * <p>The tickets are recorded while the ledger is stopped, as a help desk would while it is down,
 * and the ledger works through them when it is back: a
 * ticket opened weeks late whose response and resolution follow seconds later must not be judged
 * on its opening alone (the element resolution:P1 below is met and never noticed).
 *
 * <p>October 2026 in Lisbon: 31 days and an hour (summer time ends on 25 October) = 2,682,000
 * eligible seconds; one counted outage of 3,600 s on 3 October: availability 99.8658% &lt; 99.9%,
 * credit 10%. Calendar Monday-Friday 09:00-18:00 Lisbon, Monday 5 October (Republic Day) a
 * holiday. Targets: P1 first response 30 min and resolution 4 h, every ticket; P2 first response
 * 2 h, half of them.
 *
 * <ul>
 *   <li>T1 (P1) reported Friday 2 Oct 17:50 local (16:50Z): first response due Tuesday 6 Oct 09:20
 *       local (10 min Friday, 20 min Tuesday), answered 08:10Z: met; resolution due 10 min + 3 h
 *       50 min = Tuesday 12:50 local (11:50Z), resolved 11:00Z: met.
 *   <li>T2 (P1) reported Wednesday 14 Oct 10:00 local (09:00Z), answered 09:45Z, due 09:30Z:
 *       breached; resolved 12:00Z, due 13:00Z: met.
 *   <li>T3 (P2) reported Thursday 29 Oct 17:00 local (17:00Z, winter time): due Friday 30 Oct
 *       10:00Z (1 h Thursday, 1 h Friday); never answered, resolved 10:30Z: the resolution is its
 *       first response, late: breached.
 *   <li>Backup (every day, 2 h grace, since 1 Oct 00:00Z): a SUCCESS at 02:00Z each day of
 *       October but the 20th (a FAILURE): lapsed [20 Oct 04:00Z, 21 Oct 02:00Z) = 79,200 s; and
 *       from 1 Nov 04:00Z on, as nothing more comes: November falls short in silence.
 * </ul>
 *
 * Checklist of October: availability 99.9% / 99.8658% not met; firstResponse:P1 1 of 2 = 50% not
 * met; resolution:P1 2 of 2 met; firstResponse:P2 0 of 1 not met; duty 1 lapse of 79,200 s, 1
 * failure, not met. Mails: availability (10%), firstResponse:P1, firstResponse:P2, the duty in
 * October and in November: five, one each.
 */
@ExtendWith(SystemStack.class)
@SystemStack.Pinned
class ChecklistIT {

    private static final String CONTRACT = "checklist-oct";
    private static final String SERVICE = "sys-checklist";
    private static final String BACKUP = "checklist-db-backup";
    private static final String EMAIL = "audit@checklist-oct.example";

    private final SlaClient api = SystemStack.client();

    @Test
    void aMonthOfEveryElementAgainstHandComputedFiguresAndOneMailPerShortfall() {
        Map<String, Object> calendar = new LinkedHashMap<>();
        calendar.put("name", "Lisbon office");
        calendar.put("timezone", "Europe/Lisbon");
        Map<String, Object> weekly = new LinkedHashMap<>();
        for (String day : List.of("MON", "TUE", "WED", "THU", "FRI")) {
            weekly.put(day, List.of(List.of("09:00", "18:00")));
        }
        calendar.put("weekly", weekly);
        calendar.put("holidays", List.of("2026-10-05"));
        api.putCalendar("lisbon-office", calendar);

        // The backup agent has reported all along: its evidence is there before the contract that
        // promises the duty (a duty whose "since" lies in the past with no evidence has lapsed).
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            evidence.add(SlaClient.dutyEvent(
                    BACKUP, day == 20 ? "FAILURE" : "SUCCESS", Instant.parse("2026-10-%02dT02:00:00Z".formatted(day))));
        }
        api.postDutyEvents(evidence);

        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", "Checklist Ltd", "noticeEmails", List.of(EMAIL)));
        terms.put("services", List.of(SERVICE));
        terms.put("policy", "PROVIDER_MONITORED");
        terms.put("uptimeTargetPercent", 99.9);
        terms.put("timezone", "Europe/Lisbon");
        terms.put("creditTiers", List.of(Map.of("belowPercent", 99.9, "creditPercent", 10)));
        terms.put("monthlyFee", Map.of("amount", 1000, "currency", "EUR"));
        terms.put(
                "support",
                Map.of(
                        "calendar",
                        "lisbon-office",
                        "targets",
                        List.of(
                                Map.of("priority", "P1", "firstResponse", "PT30M", "resolution", "PT4H"),
                                Map.of("priority", "P2", "firstResponse", "PT2H", "percentMet", 50))));
        terms.put(
                "duties",
                List.of(Map.of(
                        "dutyId", BACKUP,
                        "name", "Nightly database backup",
                        "every", "P1D",
                        "grace", "PT2H",
                        "since", "2026-10-01T00:00:00Z")));
        api.putContract(CONTRACT, terms);
        api.postObservations(
                List.of(
                        SlaClient.observation(null, SERVICE, "p1", "UP", Instant.parse("2026-10-03T13:00:00Z")),
                        SlaClient.observation(null, SERVICE, "p1", "DOWN", Instant.parse("2026-10-03T14:05:00Z")),
                        SlaClient.observation(null, SERVICE, "p1", "UP", Instant.parse("2026-10-03T15:05:00Z"))),
                100);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.statement(CONTRACT, "2026-10")
                        .path("downtimeSeconds")
                        .asLong())
                .isEqualTo(3600));

        // The help desk goes on while the ledger is down.
        SystemStack.stop("sla-ledger-service");
        try {
            String t1 = ticket("T1", "P1", "2026-10-02T16:50:00Z");
            api.respondTicket(t1, Instant.parse("2026-10-06T08:10:00Z"));
            api.resolveTicket(t1, Instant.parse("2026-10-06T11:00:00Z"));
            String t2 = ticket("T2", "P1", "2026-10-14T09:00:00Z");
            api.respondTicket(t2, Instant.parse("2026-10-14T09:45:00Z"));
            api.resolveTicket(t2, Instant.parse("2026-10-14T12:00:00Z"));
            String t3 = ticket("T3", "P2", "2026-10-29T17:00:00Z");
            api.resolveTicket(t3, Instant.parse("2026-10-30T10:30:00Z"));
        } finally {
            SystemStack.up();
        }

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(api.shortfalls(CONTRACT)).hasSize(5));
        JsonNode shortfalls = api.shortfalls(CONTRACT);
        List<String> shortOf = new ArrayList<>();
        shortfalls.forEach(s ->
                shortOf.add(s.path("period").asText() + " " + s.path("element").asText()));
        assertThat(shortOf)
                .containsExactlyInAnyOrder(
                        "2026-10 availability",
                        "2026-10 firstResponse:P1",
                        "2026-10 firstResponse:P2",
                        "2026-10 duty:" + BACKUP,
                        "2026-11 duty:" + BACKUP);

        JsonNode statement = api.statement(CONTRACT, "2026-10");
        assertThat(statement.path("eligibleSeconds").asLong()).isEqualTo(2_682_000);
        assertThat(statement.path("availabilityPercent").decimalValue()).isEqualByComparingTo("99.8658");
        JsonNode e = statement.path("elements");
        assertThat(e.findValuesAsText("element"))
                .containsExactly(
                        "availability", "firstResponse:P1", "resolution:P1", "firstResponse:P2", "duty:" + BACKUP);
        expect(e.get(0), "99.9%", "99.8658%", false);
        expect(e.get(1), "100% within 30 min (Lisbon office)", "50% (1 of 2)", false);
        assertThat(e.get(1).path("decided").asInt()).isEqualTo(2);
        assertThat(e.get(1).path("metCount").asInt()).isEqualTo(1);
        expect(e.get(2), "100% within 4 h (Lisbon office)", "100% (2 of 2)", true);
        expect(e.get(3), "50% within 2 h (Lisbon office)", "0% (0 of 1)", false);
        expect(e.get(4), "every 1 day (+2 h)", "1 lapse, 79,200 s; 1 failure reported", false);
        assertThat(e.get(4).path("failures").asInt()).isEqualTo(1);
        assertThat(e.get(4).path("lapses")).hasSize(1);
        assertThat(e.get(4).at("/lapses/0/start").asText()).isEqualTo("2026-10-20T04:00:00Z");
        assertThat(e.get(4).at("/lapses/0/end").asText()).isEqualTo("2026-10-21T02:00:00Z");
        assertThat(e.get(4).at("/lapses/0/seconds").asLong()).isEqualTo(79_200);

        JsonNode november = api.statement(CONTRACT, "2026-11").path("elements");
        assertThat(november.get(4).path("met").asBoolean()).isFalse();
        assertThat(november.get(4).at("/lapses/0/start").asText()).isEqualTo("2026-11-01T04:00:00Z");
        assertThat(november.get(4).at("/lapses/0/ongoing").asBoolean()).isTrue();

        // One mail per element shortfall, each in the element's own words; none more a while later.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.mails(EMAIL)).hasSize(5));
        SlaClient.pause(Duration.ofSeconds(5));
        List<SlaClient.Mail> mails = api.mails(EMAIL);
        assertThat(mails).hasSize(5);
        assertThat(mails.stream().filter(m -> m.subject().contains("service credit 10%")))
                .hasSize(1);
        SlaClient.Mail p1 = only(mails, "firstResponse:P1");
        assertThat(p1.subject()).contains(CONTRACT).contains("2026-10").contains("first response to P1 tickets");
        assertThat(p1.message()).contains("100% within 30 min (Lisbon office)").contains("50% (1 of 2)");
        SlaClient.Mail p2 = only(mails, "firstResponse:P2");
        assertThat(p2.message()).contains("50% within 2 h (Lisbon office)").contains("0% (0 of 1)");
        List<SlaClient.Mail> backups = mails.stream()
                .filter(m -> m.subject().contains("duty:" + BACKUP))
                .toList();
        assertThat(backups).hasSize(2);
        assertThat(backups.stream().map(SlaClient.Mail::subject))
                .anyMatch(s -> s.contains("2026-10"))
                .anyMatch(s -> s.contains("2026-11"));
        assertThat(backups.stream().map(SlaClient.Mail::message))
                .anyMatch(m -> m.contains("Nightly database backup") && m.contains("1 lapse, 79,200 s"));
        assertThat(mails.stream().map(SlaClient.Mail::subject)).noneMatch(s -> s.contains("resolution:P1"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode notices = api.notices(CONTRACT);
            assertThat(notices).hasSize(5);
            assertThat(notices.findValuesAsText("element"))
                    .containsExactlyInAnyOrder(
                            "availability", "firstResponse:P1", "firstResponse:P2", "duty:" + BACKUP, "duty:" + BACKUP);
            notices.forEach(n -> assertThat(n.path("status").asText()).isEqualTo("SENT"));
        });
    }

    private String ticket(String id, String priority, String reportedAt) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("externalId", CONTRACT + "-" + id);
        t.put("contractId", CONTRACT);
        t.put("serviceId", SERVICE);
        t.put("kind", "REQUEST");
        t.put("subject", "Question " + id);
        t.put("reportedAt", reportedAt);
        t.put("priority", priority);
        return api.openTicket(t, Duration.ofSeconds(30));
    }

    private static void expect(JsonNode element, String agreed, String measured, boolean met) {
        assertThat(element.path("agreed").asText()).isEqualTo(agreed);
        assertThat(element.path("measured").asText()).isEqualTo(measured);
        assertThat(element.path("met").asBoolean())
                .as(element.path("element").asText())
                .isEqualTo(met);
    }

    private static SlaClient.Mail only(List<SlaClient.Mail> mails, String element) {
        List<SlaClient.Mail> of =
                mails.stream().filter(m -> m.subject().contains(element)).toList();
        assertThat(of).as("mails about " + element).hasSize(1);
        return of.get(0);
    }
}
