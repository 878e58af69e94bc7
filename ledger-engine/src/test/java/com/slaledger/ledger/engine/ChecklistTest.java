package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The period's checklist (SPEC §13.4), October 2026 in Lisbon (the period is
 * [2026-09-30T23:00Z, 2026-11-01T00:00Z)), with the tickets of SupportTargetsTest in its
 * Monday-Friday 09:00-18:00 calendar "EU business hours", as of 10 November:
 *
 * <ul>
 *   <li>firstResponse:P1 (30 min, 95%): A met (19 Oct), B met (19 Oct), C breached (decided at its
 *       deadline 20 Oct 08:30Z); E is decided on 2 November and counts there: 2 of 3 = 66.67% &lt;
 *       95%, not met; it falls short when the period ends, 2026-11-01T00:00Z.
 *   <li>resolution:P1 (4 h): A breached (19 Oct 11:50Z), B met, C unresolved past its deadline 20 Oct
 *       12:00Z: breached: 1 of 3 = 33.33%.
 *   <li>firstResponse:P2 (2 h, 100%): D reported Tuesday 20 Oct 09:00 local, never answered, due
 *       11:00 local (10:00Z): breached, 0 of 1; falls short at once, at 10:00Z.
 *   <li>duty:db-backup (every day, 2 h grace, since 1 Oct 00:00Z): a success every day at 01:00Z,
 *       except none on 10 October (a FAILURE at 01:00Z instead) and 05:00Z on 11 October. The
 *       success of 9 Oct 01:00Z is due again by 10 Oct 01:00 + 2 h = 03:00Z: lapsed over
 *       [10 Oct 03:00Z, 11 Oct 05:00Z) = 26 h = 93,600 s; after 11 Oct 05:00Z the next is due 12 Oct
 *       07:00Z and comes at 01:00Z. One lapse, one failure; falls short at 10 Oct 03:00Z.
 * </ul>
 */
class ChecklistTest {

    static final Duties.Duty BACKUP = new Duties.Duty("db-backup", 86_400, 7200, t("2026-10-01T00:00:00Z"));

    static Checklist.Agreement agreement(String p1Percent) {
        return new Checklist.Agreement(
                "EU business hours",
                BusinessCalendarTest.officeHours(),
                List.of(
                        new SupportTargets.Target("P2", 7200L, null, new BigDecimal("100")),
                        SupportTargetsTest.p1(p1Percent)),
                List.of(new Checklist.NamedDuty(BACKUP, "Nightly database backup")));
    }

    static List<Duties.Event> backups() {
        List<Duties.Event> events = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            String d = String.format("2026-10-%02d", day);
            if (day == 10) {
                events.add(new Duties.Event(Duties.Outcome.FAILURE, t(d + "T01:00:00Z")));
            } else if (day == 11) {
                events.add(new Duties.Event(Duties.Outcome.SUCCESS, t(d + "T05:00:00Z")));
            } else {
                events.add(new Duties.Event(Duties.Outcome.SUCCESS, t(d + "T01:00:00Z")));
            }
        }
        return events;
    }

    static Statement october(long now) {
        Terms terms =
                Fixtures.terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 0, "Europe/Lisbon", List.of());
        return StatementCalculator.statement(terms, SupportTargetsTest.OCTOBER, Map.of(), Map.of(), now, 3600);
    }

    static List<Checklist.Item> items(String p1Percent, List<SupportTargets.Ticket> tickets, List<Duties.Event> ev) {
        long now = t("2026-11-10T00:00:00Z");
        return Checklist.elements(
                october(now), new BigDecimal("99.9"), agreement(p1Percent), tickets, Map.of("db-backup", ev), now);
    }

    @Test
    void everyElementInOrderWithFiguresAndSentences() {
        List<Checklist.Item> items = items("95", SupportTargetsTest.tickets(), backups());

        assertThat(items)
                .extracting(Checklist.Item::element)
                .containsExactly(
                        "availability", "firstResponse:P1", "resolution:P1", "firstResponse:P2", "duty:db-backup");

        Checklist.Item availability = items.get(0);
        assertThat(availability.agreed()).isEqualTo("99.9%");
        assertThat(availability.measured()).isEqualTo("100%");
        assertThat(availability.met()).isTrue();
        assertThat(availability.decided()).isNull();

        Checklist.Item first = items.get(1);
        assertThat(first.agreed()).isEqualTo("95% within 30 min (EU business hours)");
        assertThat(first.measured()).isEqualTo("66.67% (2 of 3)");
        assertThat(first.decided()).isEqualTo(3);
        assertThat(first.metCount()).isEqualTo(2);
        assertThat(first.met()).isFalse();
        assertThat(first.shortfallAt()).isEqualTo(t("2026-11-01T00:00:00Z"));

        Checklist.Item resolution = items.get(2);
        assertThat(resolution.agreed()).isEqualTo("95% within 4 h (EU business hours)");
        assertThat(resolution.measured()).isEqualTo("33.33% (1 of 3)");
        assertThat(resolution.met()).isFalse();

        Checklist.Item p2 = items.get(3);
        assertThat(p2.agreed()).isEqualTo("100% within 2 h (EU business hours)");
        assertThat(p2.measured()).isEqualTo("0% (0 of 1)");
        assertThat(p2.shortfallAt()).isEqualTo(t("2026-10-20T10:00:00Z"));

        assertThat(first.label()).isEqualTo("first response to P1 tickets");
        assertThat(resolution.label()).isEqualTo("resolution of P1 tickets");
        Checklist.Item duty = items.get(4);
        assertThat(duty.label()).isEqualTo("Nightly database backup");
        assertThat(duty.agreed()).isEqualTo("every 1 day (+2 h)");
        assertThat(duty.measured()).isEqualTo("1 lapse, 93,600 s; 1 failure reported");
        assertThat(duty.met()).isFalse();
        assertThat(duty.failures()).isEqualTo(1);
        assertThat(duty.lapses())
                .containsExactly(new Duties.Lapse(t("2026-10-10T03:00:00Z"), t("2026-10-11T05:00:00Z"), false));
        assertThat(duty.shortfallAt()).isEqualTo(t("2026-10-10T03:00:00Z"));
    }

    @Test
    void everyTicketMustBeMetFallsShortAtTheFirstBreach() {
        List<Checklist.Item> items = items("100", SupportTargetsTest.tickets(), backups());
        // C's first response breached at its deadline, 20 Oct 08:30Z
        assertThat(items.get(1).shortfallAt()).isEqualTo(t("2026-10-20T08:30:00Z"));
        // A's resolution breached at its deadline, 19 Oct 11:50Z, before C's (20 Oct 12:00Z)
        assertThat(items.get(2).shortfallAt()).isEqualTo(t("2026-10-19T11:50:00Z"));
    }

    @Test
    void nothingDecidedAndNoLapseIsMet() {
        List<SupportTargets.Ticket> none = List.of();
        List<Duties.Event> daily = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            daily.add(new Duties.Event(Duties.Outcome.SUCCESS, t(String.format("2026-10-%02dT01:00:00Z", day))));
        }
        List<Checklist.Item> items = items("95", none, daily);
        assertThat(items).allMatch(Checklist.Item::met);
        assertThat(items.get(1).measured()).isEqualTo("no ticket decided");
        assertThat(items.get(1).decided()).isZero();
        assertThat(items.get(4).measured()).isEqualTo("no lapse");
        assertThat(items).allMatch(i -> i.shortfallAt() == null);
    }

    /**
     * As of Tuesday 20 Oct 08:10Z: C's first response is due at 08:30Z, D's at 10:00Z, C's
     * resolution at 12:00Z; the backup of 20 Oct 01:00Z is due again by 21 Oct 03:00Z; E is not
     * reported yet. The next instant something may fall short in silence is 08:30Z; once C is
     * answered (08:45Z, after its deadline) and past it, D's 10:00Z.
     */
    @Test
    void nextSilentDeadlineIsTheEarliestPendingDeadlineOrLapse() {
        var tickets = SupportTargetsTest.tickets();
        assertThat(Checklist.nextSilentDeadline(
                        agreement("95"), tickets, Map.of("db-backup", backups()), t("2026-10-20T08:10:00Z")))
                .isEqualTo(t("2026-10-20T08:30:00Z"));
        assertThat(Checklist.nextSilentDeadline(
                        agreement("95"), tickets, Map.of("db-backup", backups()), t("2026-10-20T09:00:00Z")))
                .isEqualTo(t("2026-10-20T10:00:00Z"));
        // 31 Oct, every ticket decided but E, which is answered in time on 2 Nov (E's resolution due
        // Monday 2 Nov 12:50 local = 12:50Z); the last backup, 31 Oct 01:00Z, is due by 1 Nov 03:00Z
        assertThat(Checklist.nextSilentDeadline(
                        agreement("95"), tickets, Map.of("db-backup", backups()), t("2026-10-31T12:00:00Z")))
                .isEqualTo(t("2026-11-01T03:00:00Z"));
        assertThat(Checklist.nextSilentDeadline(Checklist.Agreement.NONE, tickets, Map.of(), t("2026-10-20T08:10:00Z")))
                .isNull();
    }

    /**
     * A statement of availability alone keeps the fingerprint it always had (no amendment for
     * contracts without other elements); a late response that changes an element changes it.
     */
    @Test
    void theFingerprintFollowsTheOtherElements() {
        long now = t("2026-11-10T00:00:00Z");
        Statement s = october(now);
        List<Checklist.Item> availabilityOnly =
                Checklist.elements(s, new BigDecimal("99.9"), Checklist.Agreement.NONE, List.of(), Map.of(), now);
        assertThat(Judgement.fingerprintText(s, availabilityOnly)).isEqualTo(Judgement.fingerprintText(s));

        List<SupportTargets.Ticket> late = new ArrayList<>(SupportTargetsTest.tickets());
        List<Checklist.Item> before = items("95", late, backups());
        // C answered in time after all (a late-arriving, earlier response): 3 of 3
        late.set(2, new SupportTargets.Ticket("C", "P1", t("2026-10-20T08:00:00Z"), t("2026-10-20T08:20:00Z"), null));
        List<Checklist.Item> after = items("95", late, backups());
        assertThat(after.get(1).measured()).isEqualTo("100% (3 of 3)");
        assertThat(Judgement.fingerprintText(s, after)).isNotEqualTo(Judgement.fingerprintText(s, before));
        assertThat(Judgement.fingerprintText(s, before))
                .isEqualTo(Judgement.fingerprintText(s, items("95", SupportTargetsTest.tickets(), backups())));
    }

    @Test
    void durationsAndPercentagesForPeople() {
        assertThat(Checklist.duration(1800, false)).isEqualTo("30 min");
        assertThat(Checklist.duration(5400, false)).isEqualTo("1 h 30 min");
        assertThat(Checklist.duration(86_400, false)).isEqualTo("24 h");
        assertThat(Checklist.duration(86_400, true)).isEqualTo("1 day");
        assertThat(Checklist.duration(7 * 86_400, true)).isEqualTo("7 days");
        assertThat(Checklist.duration(45, true)).isEqualTo("45 s");
        assertThat(Checklist.percent(new BigDecimal("100.0000"))).isEqualTo("100%");
        assertThat(Checklist.percent(new BigDecimal("99.8654"))).isEqualTo("99.8654%");
        assertThat(Checklist.grouped(7200)).isEqualTo("7,200");
    }

    /** The checklist does not depend on the order events arrive in, nor on duplicates of them. */
    @Property(tries = 200)
    void orderAndDuplicatesOfTicketsAndEvidenceChangeNothing(
            @ForAll @IntRange(min = 0, max = 30) int count,
            @ForAll @LongRange(min = 0, max = 1000) long seed,
            @ForAll @LongRange(min = 0, max = 40L * 86_400) long nowOffset) {
        Random r = new Random(seed);
        long base = t("2026-09-28T00:00:00Z");
        List<SupportTargets.Ticket> tickets = new ArrayList<>();
        List<Duties.Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long reported = base + r.nextInt(40 * 86_400);
            Long responded = r.nextBoolean() ? reported + r.nextInt(3 * 86_400) : null;
            Long resolved = r.nextBoolean() ? reported + r.nextInt(6 * 86_400) : null;
            tickets.add(
                    new SupportTargets.Ticket("T" + i, r.nextBoolean() ? "P1" : "P2", reported, responded, resolved));
            events.add(new Duties.Event(
                    r.nextInt(4) == 0 ? Duties.Outcome.FAILURE : Duties.Outcome.SUCCESS,
                    base + r.nextInt(40 * 86_400)));
        }
        List<SupportTargets.Ticket> ticketsAgain = new ArrayList<>(tickets);
        ticketsAgain.addAll(tickets.subList(0, count / 2));
        Collections.shuffle(ticketsAgain, r);
        List<Duties.Event> eventsAgain = new ArrayList<>(events);
        eventsAgain.addAll(events.subList(0, count / 3));
        Collections.shuffle(eventsAgain, r);
        long now = base + nowOffset;
        Statement s = october(now);
        assertThat(Checklist.elements(
                        s,
                        new BigDecimal("99.9"),
                        agreement("95"),
                        ticketsAgain,
                        Map.of("db-backup", eventsAgain),
                        now))
                .isEqualTo(Checklist.elements(
                        s, new BigDecimal("99.9"), agreement("95"), tickets, Map.of("db-backup", events), now));
        assertThat(Checklist.nextSilentDeadline(agreement("95"), ticketsAgain, Map.of("db-backup", eventsAgain), now))
                .isEqualTo(Checklist.nextSilentDeadline(agreement("95"), tickets, Map.of("db-backup", events), now));
    }
}
