package com.slaledger.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;

/**
 * The demo behind {@code deploy/local/stack demo}: three customers on shared services, both
 * policies, last month's probe data from three probes per service (every two minutes) with a few
 * outages, some shorter than the contract's minimum, one inside a maintenance window, one seen by
 * a single flaky probe only, and customer tickets opened minutes after outages began; support
 * targets in business calendars with tickets of every priority answered inside and outside office
 * hours, a nightly backup that missed a night and weekly security updates (the agreement's other
 * elements, SPEC §13). It loads all of it through the public APIs, waits until the ledger has it,
 * and prints each contract's statement with both policies side by side, then its checklist.
 * Running it again changes nothing (every event has a stable id; contracts and calendars are
 * replaced with the same terms; tickets are keyed by their external id, a response only counts
 * once).
 */
public final class Demo {

    static final String[] SERVICES = {"api", "web", "db", "search-eu", "search-us"};
    static final String[] PROBES = {"probe-eu-1", "probe-us-1", "probe-ap-1"};
    static final Duration PROBE_EVERY = Duration.ofMinutes(2);
    static final Duration SEARCH_PROBE_EVERY = Duration.ofMinutes(10);

    /** An outage as it really happened: {@code service} was down from day/time for {@code minutes}. */
    record Outage(String service, int day, String time, int minutes, List<String> probes) {
        Instant start(YearMonth month) {
            return month.atDay(day).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
        }

        Instant end(YearMonth month) {
            return start(month).plus(Duration.ofMinutes(minutes));
        }
    }

    /**
     * A customer's ticket: opened {@code afterMinutes} into an outage, answered {@code respondedAfter}
     * minutes after that (null: never), resolved {@code resolvedAfter} minutes into the outage.
     */
    record Ticket(
            String contract,
            String ref,
            String priority,
            Outage outage,
            int afterMinutes,
            Integer respondedAfter,
            int resolvedAfter) {}

    /**
     * A request that is not about an outage (it never creates downtime): reported on {@code day} at
     * {@code time} UTC, answered and resolved that many minutes later (null: never).
     */
    record Request(
            String contract,
            String ref,
            String priority,
            String service,
            int day,
            String time,
            String subject,
            Integer respondedAfter,
            Integer resolvedAfter) {
        Instant reported(YearMonth month) {
            return month.atDay(day).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
        }
    }

    private static final List<String> ALL = List.of(PROBES);

    static final Outage API_1 = new Outage("api", 3, "14:05", 62, ALL);
    static final Outage API_SHORT = new Outage("api", 9, "09:00", 3, ALL);
    static final Outage API_FLAKY = new Outage("api", 14, "10:00", 60, List.of("probe-ap-1"));
    static final Outage API_2 = new Outage("api", 17, "22:10", 18, ALL);
    static final Outage API_MAINTENANCE = new Outage("api", 24, "02:30", 50, ALL);
    static final Outage WEB_1 = new Outage("web", 5, "02:00", 7, ALL);
    static final Outage WEB_2 = new Outage("web", 12, "16:30", 45, ALL);
    static final Outage WEB_SHORT = new Outage("web", 28, "11:00", 4, ALL);
    static final Outage DB_1 = new Outage("db", 20, "03:15", 95, ALL);
    static final Outage DB_2 = new Outage("db", 26, "13:40", 9, ALL);
    /** One member of initech's redundant search pair: the pair stays up (SPEC §16.2). */
    static final Outage SEARCH_EU = new Outage("search-eu", 8, "06:00", 120, ALL);

    static final List<Outage> OUTAGES = List.of(
            API_1, API_SHORT, API_FLAKY, API_2, API_MAINTENANCE, WEB_1, WEB_2, WEB_SHORT, DB_1, DB_2, SEARCH_EU);

    /** acme's outage the customer caused: excluded, proposed by one operator, approved by another. */
    static final Outage EXCLUDED = API_2;

    /** The ticket paused while the provider waits on the customer: from 3 to 8 minutes after it was reported. */
    static final String PAUSED = "JSM-79";

    static final List<Ticket> TICKETS = List.of(
            new Ticket("acme", "ZD-4101", "P1", API_1, 20, 12, 90),
            new Ticket("acme", "ZD-4102", "P1", WEB_2, 10, 45, 60),
            new Ticket("globex", "JSM-77", "P1", API_1, 12, 20, 80),
            new Ticket("globex", "JSM-78", "P2", API_SHORT, 1, 5, 10),
            new Ticket("globex", "JSM-79", "P1", API_2, 5, 10, 30),
            new Ticket("globex", "JSM-80", "P2", API_MAINTENANCE, 25, null, 60),
            new Ticket("initech", "INC-310", "P1", DB_1, 30, 15, 120),
            new Ticket("initech", "INC-311", "P2", WEB_2, 3, 30, 50));

    static final List<Request> REQUESTS = List.of(
            new Request("acme", "ZD-4150", "P2", "api", 9, "17:30", "Please raise our rate limit", 16 * 60, 17 * 60),
            new Request("acme", "ZD-4151", "P2", "web", 15, "10:00", "Certificate renewal date?", 180, 200),
            new Request("acme", "ZD-4152", "P3", "api", 21, "20:00", "Invoice address change", 13 * 60, 14 * 60),
            new Request("globex", "JSM-90", "P3", "api", 7, "13:00", "Add two users to the portal", 6 * 60, 26 * 60),
            new Request("globex", "JSM-91", "P3", "api", 25, "22:45", "Export of last year's logs", 20, 3 * 60),
            new Request("initech", "INC-330", "P2", "db", 11, "08:30", "Read replica for reporting", 40, 2 * 60));

    static final String ACME_BACKUP = "acme-nightly-backup";
    static final String INITECH_UPDATES = "initech-security-updates";

    /** The night (day of the month) acme's backup failed and no backup succeeded. */
    static final int BACKUP_FAILED_ON = 18;

    private final SlaClient api;
    private final SlaClient approver;
    private final YearMonth month;

    /** The stack's "now" (the system clock, but for a test that runs the stack at another instant). */
    private final java.time.Clock clock;

    /**
     * acme must claim its credits (SPEC §17) within a window that ends 30 days after this run,
     * whatever the month: the period's end + the ledger's hour of grace + the window.
     */
    private final String acmeClaimWindow;

    Demo(SlaClient api, SlaClient approver, YearMonth month, java.time.Clock clock) {
        this.api = api;
        this.approver = approver;
        this.clock = clock;
        long end = month.plusMonths(1)
                .atDay(1)
                .atStartOfDay(java.time.ZoneId.of("Europe/Lisbon"))
                .toEpochSecond();
        long deadline = clock.instant().plus(Duration.ofDays(30)).getEpochSecond();
        this.acmeClaimWindow = "PT" + Math.max(86_400, deadline - end - 3600) + "S";
        this.month = month;
    }

    /**
     * {@code Demo [monitor ticket ledger notification mailApi] [--period YYYY-MM]}: the endpoints
     * (default: the local stack's) and the month to load (default: last month, UTC), which must be
     * over.
     */
    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        int flag = rest.indexOf("--period");
        if (flag >= 0) {
            if (flag + 1 >= rest.size()) {
                throw new IllegalArgumentException("--period needs a month, e.g. --period 2026-11");
            }
            month = YearMonth.parse(rest.get(flag + 1));
            rest.subList(flag, flag + 2).clear();
            if (!month.isBefore(YearMonth.now(ZoneOffset.UTC))) {
                throw new IllegalArgumentException("--period " + month + " is not over yet");
            }
        }
        SlaClient.Endpoints e = rest.size() == 5
                ? new SlaClient.Endpoints(rest.get(0), rest.get(1), rest.get(2), rest.get(3), rest.get(4))
                : SlaClient.Endpoints.localDefaults();
        new Demo(
                        new SlaClient(e, System.getenv("SLA_TOKEN")),
                        new SlaClient(e, System.getenv("SLA_APPROVER_TOKEN")),
                        month,
                        java.time.Clock.systemUTC())
                .run();
    }

    void run() {
        say("loading the demo scenario for " + month + " into the running stack");
        for (String s : SERVICES) {
            api.putService(s, "Service " + s, 2);
        }
        // duty evidence first: a duty whose "since" lies in the past and has no evidence has lapsed
        List<Map<String, Object>> evidence = dutyEvidence();
        api.postDutyEvents(evidence);
        say(evidence.size() + " backup and security-update reports accepted by monitor-service");
        api.putCalendar("eu-office", calendar("EU office hours", "Europe/Lisbon", "09:00", "18:00"));
        api.putCalendar("us-office", calendar("US office hours", "America/New_York", "08:00", "17:00"));
        contracts().forEach(api::putContract);
        exclude();
        List<Map<String, Object>> observations = observations();
        long started = System.nanoTime();
        int accepted = api.postObservations(observations, 5000);
        say(String.format(
                "%,d observations from %d probes on %d services accepted by monitor-service in %.1f s",
                accepted, PROBES.length, SERVICES.length, (System.nanoTime() - started) / 1e9));
        for (Ticket t : TICKETS) {
            Instant reported = t.outage().start(month).plus(Duration.ofMinutes(t.afterMinutes()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("externalId", t.ref());
            body.put("contractId", t.contract());
            body.put("serviceId", t.outage().service());
            body.put("kind", "OUTAGE");
            body.put("subject", t.outage().service() + " is not answering");
            body.put("reportedAt", reported.toString());
            body.put("priority", t.priority());
            String id = api.openTicket(body, Duration.ofSeconds(90));
            if (t.respondedAfter() != null) {
                api.respondTicket(id, reported.plus(Duration.ofMinutes(t.respondedAfter())));
            }
            if (t.ref().equals(PAUSED)) {
                api.pauseTicket(id, true, reported.plus(Duration.ofMinutes(3)));
                api.pauseTicket(id, false, reported.plus(Duration.ofMinutes(8)));
            }
            api.resolveTicket(id, t.outage().start(month).plus(Duration.ofMinutes(t.resolvedAfter())));
        }
        for (Request r : REQUESTS) {
            Instant reported = r.reported(month);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("externalId", r.ref());
            body.put("contractId", r.contract());
            body.put("serviceId", r.service());
            body.put("kind", "REQUEST");
            body.put("subject", r.subject());
            body.put("reportedAt", reported.toString());
            body.put("priority", r.priority());
            String id = api.openTicket(body, Duration.ofSeconds(90));
            if (r.respondedAfter() != null) {
                api.respondTicket(id, reported.plus(Duration.ofMinutes(r.respondedAfter())));
            }
            if (r.resolvedAfter() != null) {
                api.resolveTicket(id, reported.plus(Duration.ofMinutes(r.resolvedAfter())));
            }
        }
        say((TICKETS.size() + REQUESTS.size()) + " customer tickets with priorities and responses recorded by"
                + " ticket-service, " + PAUSED + " paused 5 min while waiting on the customer");
        awaitFolded(observations);
        Map<String, JsonNode> statements = awaitSettledStatements();
        System.out.println();
        System.out.print(table(statements));
        System.out.println();
        System.out.print(checklists(statements));
        System.out.println();
        settleCredits();
        reportNotices();
    }

    /**
     * The credits of the month (SPEC §17): the contracts were entered after the month, so with
     * {@code startsOn} its statements are issued now, on figures that have all been folded; acme
     * must claim its credit (an operator does, for the customer), initech's is due at once and is
     * approved and applied on an invoice. A second run finds them settled and changes nothing.
     */
    void settleCredits() {
        if (!month.plusMonths(1)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plus(Duration.ofHours(2))
                .isBefore(clock.instant())) {
            say("no credits yet: " + month + " is not over (statements are issued after the period and its grace)");
            return;
        }
        Map<String, Map<String, Object>> c = contracts();
        for (String id : List.of("acme", "initech")) {
            Map<String, Object> terms = new LinkedHashMap<>(c.get(id));
            terms.put("startsOn", month.atDay(1).toString());
            api.putContract(id, terms);
        }
        JsonNode acme = awaitCredit("acme");
        if ("PENDING_CLAIM".equals(acme.path("status").asText())) {
            SlaClient.expect(api.claimCredit("acme", month.toString(), "claimed by phone, ticket ZD-4170"), 201);
        }
        JsonNode initech = awaitCredit("initech");
        String id = initech.path("creditId").asText();
        if ("DUE".equals(initech.path("status").asText())) {
            SlaClient.expect(api.approveCredit(id), 200);
        }
        if (!"APPLIED".equals(awaitCredit("initech").path("status").asText())) {
            SlaClient.expect(api.applyCredit(id, "INV-" + month + "-0042"), 200);
        }
        say("credits (sla-ledger-service, GET " + api.endpoints().ledger() + "/api/v1/credits?period=" + month + "):");
        for (String contract : List.of("acme", "initech")) {
            JsonNode credit = awaitCredit(contract);
            System.out.printf(
                    "  %-8s %s %s%% = %s %s  %s%s%n",
                    contract,
                    credit.path("kind").asText(),
                    credit.path("creditPercent")
                            .decimalValue()
                            .stripTrailingZeros()
                            .toPlainString(),
                    credit.at("/amount/amount").decimalValue().toPlainString(),
                    credit.at("/amount/currency").asText(),
                    String.join(" → ", credit.path("history").findValuesAsText("status")),
                    credit.path("invoiceReference").isTextual()
                            ? "  (invoice " + credit.path("invoiceReference").asText() + ")"
                            : "");
        }
        System.out.println();
    }

    /** The month's credit of {@code contract}, once the ledger has created it. */
    private JsonNode awaitCredit(String contract) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonNode list = SlaClient.expect(api.credits("contractId=" + contract + "&period=" + month), 200)
                    .json();
            for (JsonNode credit : list) {
                if ("CREDIT".equals(credit.path("kind").asText())) {
                    return credit;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no credit of " + contract + " for " + month + " after 90 s");
            }
            SlaClient.pause(Duration.ofSeconds(1));
        }
    }

    /**
     * acme's api outage on the {@link #EXCLUDED} day was the customer's doing: the demo's operator
     * proposes the exclusion, a second operator approves it (SPEC §16.1).
     */
    void exclude() {
        // once: a second run finds it (by its reference) and changes nothing
        JsonNode known = SlaClient.expect(api.get(api.endpoints().ledger() + "/api/v1/contracts/acme/exclusions"), 200)
                .json();
        for (JsonNode e : known) {
            if ("ZD-4160".equals(e.path("reference").asText())) {
                say("acme's " + EXCLUDED.service() + " outage on day " + EXCLUDED.day()
                        + " excluded as customer-caused: proposed by one operator, approved by another");
                return;
            }
        }
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("start", EXCLUDED.start(month).toString());
        x.put("end", EXCLUDED.end(month).toString());
        x.put("category", "CUSTOMER_CAUSED");
        x.put("reason", "the customer's load test exhausted its own rate limit");
        x.put("services", List.of(EXCLUDED.service()));
        x.put("reference", "ZD-4160");
        SlaClient.Reply proposed = SlaClient.expect(api.proposeExclusion("acme", x), 201);
        String id = proposed.json().path("exclusionId").asText();
        SlaClient.expect(approver.decideExclusion("acme", id, true, "load test confirmed by the customer"), 200);
        say("acme's " + EXCLUDED.service() + " outage on day " + EXCLUDED.day()
                + " excluded as customer-caused: proposed by one operator, approved by another");
    }

    /**
     * acme's backup reports every night at 01:30 UTC from the month's start to the second day
     * after it (or now, if sooner), but for a failure on the {@link #BACKUP_FAILED_ON}th; initech's
     * security updates every seven days from the 5th on (the duty counts from two days before the
     * month, so the first is on time). Bounded by the month, not by the day the demo runs, so that
     * every run after it prints the same.
     */
    List<Map<String, Object>> dutyEvidence() {
        Instant now =
                min(clock.instant(), month.plusMonths(1).atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC));
        List<Map<String, Object>> out = new ArrayList<>();
        for (LocalDate d = month.atDay(1); ; d = d.plusDays(1)) {
            Instant at = d.atTime(1, 30).toInstant(ZoneOffset.UTC);
            if (at.isAfter(now)) {
                break;
            }
            boolean failed = d.equals(month.atDay(BACKUP_FAILED_ON));
            Map<String, Object> e = SlaClient.dutyEvent(ACME_BACKUP, failed ? "FAILURE" : "SUCCESS", at);
            e.put("eventId", "demo-" + ACME_BACKUP + "-" + d);
            e.put("detail", failed ? "pg_dump: could not connect to the primary" : "pg_dump 12.4 GB in 11 min");
            out.add(e);
        }
        for (LocalDate d = month.atDay(5); ; d = d.plusDays(7)) {
            Instant at = d.atTime(4, 0).toInstant(ZoneOffset.UTC);
            if (at.isAfter(now)) {
                break;
            }
            Map<String, Object> e = SlaClient.dutyEvent(INITECH_UPDATES, "SUCCESS", at);
            e.put("eventId", "demo-" + INITECH_UPDATES + "-" + d);
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> calendar(String name, String zone, String from, String to) {
        Map<String, Object> weekly = new LinkedHashMap<>();
        for (String day : List.of("MON", "TUE", "WED", "THU", "FRI")) {
            weekly.put(day, List.of(List.of(from, to)));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("timezone", zone);
        c.put("weekly", weekly);
        c.put("holidays", List.of());
        return c;
    }

    Map<String, Map<String, Object>> contracts() {
        Map<String, Map<String, Object>> c = new LinkedHashMap<>();
        c.put(
                "acme",
                contract(
                        "Acme Ltd",
                        "sla@acme.example",
                        List.of("api", "web"),
                        "PROVIDER_MONITORED",
                        99.9,
                        "PT5M",
                        "Europe/Lisbon",
                        List.of(tier(99.9, 10), tier(99.0, 25), tier(95.0, 100)),
                        1000,
                        "EUR"));
        c.get("acme")
                .put(
                        "maintenanceWindows",
                        List.of(
                                Map.of(
                                        "start",
                                                month.atDay(24)
                                                        .atTime(1, 0)
                                                        .toInstant(ZoneOffset.UTC)
                                                        .toString(),
                                        "end",
                                                month.atDay(24)
                                                        .atTime(3, 0)
                                                        .toInstant(ZoneOffset.UTC)
                                                        .toString(),
                                        "reason", "database upgrade"),
                                Map.of(
                                        "recurrence", "FREQ=WEEKLY;BYDAY=SU",
                                        "startTime", "03:00",
                                        "duration", "PT1H",
                                        "from", month.atDay(1).toString(),
                                        "reason", "weekly patching")));
        c.put(
                "globex",
                contract(
                        "Globex Corporation",
                        "it-vendor@globex.example",
                        List.of("api"),
                        "CUSTOMER_TICKET",
                        99.5,
                        "PT10M",
                        "America/New_York",
                        List.of(tier(99.5, 10), tier(99.0, 20), tier(95.0, 50)),
                        2500,
                        "USD"));
        c.put(
                "initech",
                contract(
                        "Initech",
                        "contracts@initech.example",
                        List.of("web", "db", Map.of("name", "search", "anyOf", List.of("search-eu", "search-us"))),
                        "PROVIDER_MONITORED",
                        99.95,
                        "PT1M",
                        "Asia/Tokyo",
                        List.of(tier(99.95, 5), tier(99.9, 10), tier(99.0, 30)),
                        800,
                        "GBP"));
        c.get("acme").put("credits", Map.of("claim", "REQUIRED", "claimWindow", acmeClaimWindow));
        String monthStart =
                month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        c.get("acme")
                .put(
                        "support",
                        Map.of(
                                "calendar",
                                "eu-office",
                                "targets",
                                List.of(
                                        Map.of("priority", "P1", "firstResponse", "PT30M", "resolution", "PT4H"),
                                        Map.of("priority", "P2", "firstResponse", "PT2H", "percentMet", 90),
                                        Map.of("priority", "P3", "firstResponse", "PT8H"))));
        c.get("acme")
                .put(
                        "duties",
                        List.of(Map.of(
                                "dutyId", ACME_BACKUP,
                                "name", "Nightly database backup",
                                "every", "P1D",
                                "grace", "PT2H",
                                "since", monthStart)));
        c.get("globex")
                .put(
                        "support",
                        Map.of(
                                "calendar",
                                "us-office",
                                "targets",
                                List.of(
                                        Map.of("priority", "P1", "firstResponse", "PT15M", "resolution", "PT2H"),
                                        Map.of("priority", "P2", "firstResponse", "PT1H", "percentMet", 95),
                                        Map.of("priority", "P3", "firstResponse", "PT4H", "percentMet", 80))));
        c.get("initech")
                .put(
                        "support",
                        Map.of(
                                "targets",
                                List.of(
                                        Map.of("priority", "P1", "firstResponse", "PT30M"),
                                        Map.of("priority", "P2", "firstResponse", "PT1H"))));
        c.get("initech")
                .put(
                        "duties",
                        List.of(Map.of(
                                "dutyId", INITECH_UPDATES,
                                "name", "Weekly security updates",
                                "every", "P7D",
                                "grace", "P1D",
                                "since",
                                        month.atDay(1)
                                                .minusDays(2)
                                                .atStartOfDay()
                                                .toInstant(ZoneOffset.UTC)
                                                .toString())));
        return c;
    }

    /**
     * Every probe reports every two minutes (probe k offset by k × 40 s; the search pair, a minor
     * service, every ten) from a day before the month to a day after it, never in the future: DOWN
     * while an outage it sees runs, else UP.
     */
    List<Map<String, Object>> observations() {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).minus(Duration.ofDays(1));
        Instant until = min(
                month.atEndOfMonth().atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofDays(2)),
                clock.instant().minus(Duration.ofMinutes(1)));
        List<Map<String, Object>> out = new ArrayList<>();
        for (String service : SERVICES) {
            for (int k = 0; k < PROBES.length; k++) {
                String probe = PROBES[k];
                Duration every = service.startsWith("search-") ? SEARCH_PROBE_EVERY : PROBE_EVERY;
                for (Instant t = from.plusSeconds(40L * k); t.isBefore(until); t = t.plus(every)) {
                    String status = down(service, probe, t) ? "DOWN" : "UP";
                    out.add(SlaClient.observation(
                            "demo-" + service + "-" + probe + "-" + t.getEpochSecond(), service, probe, status, t));
                }
            }
        }
        return out;
    }

    private boolean down(String service, String probe, Instant t) {
        for (Outage o : OUTAGES) {
            if (o.service().equals(service)
                    && o.probes().contains(probe)
                    && !t.isBefore(o.start(month))
                    && t.isBefore(o.end(month))) {
                return true;
            }
        }
        return false;
    }

    /** Waits until the ledger holds each probe's last observation of each service. */
    private void awaitFolded(List<Map<String, Object>> observations) {
        Map<String, String> last = new LinkedHashMap<>();
        for (Map<String, Object> o : observations) {
            last.merge(
                    (String) o.get("serviceId"), (String) o.get("observedAt"), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        for (Map.Entry<String, String> e : last.entrySet()) {
            while (api.observations(e.getKey(), Instant.parse(e.getValue())).isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the ledger has not folded the observations of " + e.getKey());
                }
                SlaClient.pause(Duration.ofMillis(500));
            }
        }
        say("the ledger has folded every observation");
    }

    /** The statements, once two reads three seconds apart agree (tickets travel via an outbox). */
    private Map<String, JsonNode> awaitSettledStatements() {
        Map<String, JsonNode> previous = null;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            Map<String, JsonNode> now = new LinkedHashMap<>();
            for (String c : contracts().keySet()) {
                now.put(c, api.statement(c, month.toString()));
            }
            if (Objects.equals(previous, now) || Instant.now().isAfter(deadline)) {
                return now;
            }
            previous = now;
            SlaClient.pause(Duration.ofSeconds(3));
        }
    }

    String table(Map<String, JsonNode> statements) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "Statements for %s (each contract's month in its own time zone; * marks the policy the contract chose)%n%n",
                month));
        String head = "%-8s %-19s %-17s %7s %-5s | %-36s | %-36s%n";
        String row = "%-8s %-19s %-17s %7s %-5s | %-36s | %-36s%n";
        b.append(String.format(head, "", "", "", "", "", "PROVIDER_MONITORED", "CUSTOMER_TICKET"));
        b.append(String.format(
                head,
                "CONTRACT",
                "CUSTOMER",
                "TIME ZONE",
                "TARGET",
                "MIN",
                "DOWNTIME    AVAIL %   MET  CREDIT",
                "DOWNTIME    AVAIL %   MET  CREDIT"));
        b.append("-".repeat(143)).append(System.lineSeparator());
        Map<String, Map<String, Object>> contracts = contracts();
        for (Map.Entry<String, JsonNode> e : statements.entrySet()) {
            JsonNode st = e.getValue();
            Map<String, Object> c = contracts.get(e.getKey());
            String chosen = st.path("policy").asText();
            b.append(String.format(
                    row,
                    e.getKey(),
                    ((Map<?, ?>) c.get("customer")).get("name"),
                    c.get("timezone"),
                    c.get("uptimeTargetPercent") + "%",
                    Duration.parse((String) c.get("minimumDowntime"))
                            .toString()
                            .substring(2)
                            .toLowerCase(),
                    cell(st, "PROVIDER_MONITORED", chosen),
                    cell(st, "CUSTOMER_TICKET", chosen)));
        }
        b.append(System.lineSeparator());
        for (Map.Entry<String, JsonNode> e : statements.entrySet()) {
            JsonNode st = e.getValue();
            int counted = 0, below = 0;
            for (JsonNode i : st.path("intervals")) {
                if (i.path("counted").asBoolean()) {
                    counted++;
                } else {
                    below++;
                }
            }
            long excluded = st.path("excludedSeconds").asLong();
            b.append(String.format(
                    "%-8s %s: eligible %,d s, %d intervals counted, %d below the minimum%s; credit due %s %s%n",
                    e.getKey(),
                    st.path("policy").asText(),
                    st.path("eligibleSeconds").asLong(),
                    counted,
                    below,
                    excluded > 0 ? ", " + hms(excluded) + " excluded" : "",
                    st.path("creditAmount").path("amount").asText(),
                    st.path("creditAmount").path("currency").asText()));
        }
        // no trailing blanks from the padded columns: the README shows the table as printed
        return b.toString().replaceAll(" +(\\R)", "$1");
    }

    /** Each contract's checklist (SPEC §13.4): every element, agreed against measured, met or not. */
    String checklists(Map<String, JsonNode> statements) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("The audit checklist of %s (every element of each agreement)%n%n", month));
        String row = "%-8s %-30s %-38s %-38s %s%n";
        b.append(String.format(row, "CONTRACT", "ELEMENT", "AGREED", "MEASURED", "MET"));
        b.append("-".repeat(120)).append(System.lineSeparator());
        for (Map.Entry<String, JsonNode> e : statements.entrySet()) {
            String contract = e.getKey();
            for (JsonNode el : e.getValue().path("elements")) {
                b.append(String.format(
                        row,
                        contract,
                        el.path("element").asText(),
                        el.path("agreed").asText(),
                        el.path("measured").asText(),
                        el.path("met").asBoolean() ? "yes" : "NO"));
                contract = "";
            }
        }
        return b.toString();
    }

    private static String cell(JsonNode statement, String policy, String chosen) {
        JsonNode p = statement.path("policies").path(policy);
        return String.format(
                "%s%-10s %8s  %-4s %3s%%",
                policy.equals(chosen) ? "*" : " ",
                hms(p.path("downtimeSeconds").asLong()),
                p.path("availabilityPercent").decimalValue().toPlainString(),
                p.path("met").asBoolean() ? "yes" : "NO",
                p.path("creditPercent").decimalValue().stripTrailingZeros().toPlainString());
    }

    private static final List<String> KIND_ORDER =
            List.of("SHORTFALL", "WARNING", "STATEMENT", "CREDIT", "DISPUTE", "MAINTENANCE");

    /**
     * A contract's notices by kind, shortfalls by element (availability first): the ledger finds
     * the elements of one period in whatever order its evaluations meet them, so the order they
     * were created in differs from run to run. Credit notices keep theirs (the steps in turn).
     */
    static List<JsonNode> inPrintOrder(JsonNode notices) {
        List<JsonNode> out = new ArrayList<>();
        notices.forEach(out::add);
        out.sort(java.util.Comparator.comparing((JsonNode n) -> {
                    int rank = KIND_ORDER.indexOf(n.path("kind").asText());
                    return rank < 0 ? KIND_ORDER.size() : rank;
                })
                .thenComparing(n -> {
                    if (!"SHORTFALL".equals(n.path("kind").asText())) {
                        return "";
                    }
                    String element = n.path("element").asText("");
                    return element.equals("availability") ? "" : element;
                }));
        return out;
    }

    private void reportNotices() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, JsonNode> notices = new LinkedHashMap<>();
        boolean allSent;
        do {
            allSent = true;
            for (String c : contracts().keySet()) {
                JsonNode list = api.notices(c);
                notices.put(c, list);
                for (JsonNode n : list) {
                    allSent &= "SENT".equals(n.path("status").asText());
                }
            }
            if (!allSent) {
                SlaClient.pause(Duration.ofSeconds(1));
            }
        } while (!allSent && Instant.now().isBefore(deadline));
        say("notices (notification-service, GET " + api.endpoints().notification()
                + "/api/v1/notices?contractId=...):");
        for (Map.Entry<String, JsonNode> e : notices.entrySet()) {
            for (JsonNode n : inPrintOrder(e.getValue())) {
                System.out.printf(
                        "  %-8s %-9s %-7s %s%n",
                        e.getKey(),
                        n.path("kind").asText(),
                        n.path("status").asText(),
                        n.path("subject").asText());
            }
        }
        Map<String, Map<String, Object>> contracts = contracts();
        say("the e-mails are in the mail sink, which keeps them in memory (each notice is sent exactly once,"
                + " so after a restart of the sink a second run shows none): "
                + api.endpoints().mailApi()
                + "/api/user/<address>/messages/");
        for (Map<String, Object> c : contracts.values()) {
            for (Object address : (List<?>) ((Map<?, ?>) c.get("customer")).get("noticeEmails")) {
                System.out.printf(
                        "  %-28s %d message(s)  %s/api/user/%s/messages/%n",
                        address,
                        api.mails((String) address).size(),
                        api.endpoints().mailApi(),
                        address);
            }
        }
    }

    private static Map<String, Object> contract(
            String customer,
            String email,
            List<?> services,
            String policy,
            double target,
            String minimum,
            String zone,
            List<Map<String, Object>> tiers,
            int fee,
            String currency) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("customer", Map.of("name", customer, "noticeEmails", List.of(email)));
        c.put("services", services);
        c.put("policy", policy);
        c.put("uptimeTargetPercent", target);
        c.put("minimumDowntime", minimum);
        c.put("timezone", zone);
        c.put("creditTiers", tiers);
        c.put("monthlyFee", Map.of("amount", fee, "currency", currency));
        return c;
    }

    private static Map<String, Object> tier(double below, int credit) {
        return Map.of("belowPercent", below, "creditPercent", credit);
    }

    static String hms(long seconds) {
        return String.format("%dh %02dm %02ds", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void say(String s) {
        System.out.println("demo: " + s);
    }
}
