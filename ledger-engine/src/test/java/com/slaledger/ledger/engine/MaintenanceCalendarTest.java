package com.slaledger.ledger.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance calendar (SPEC §18) and its notices on hand-computed cases. The range is
 * December 2026 (1 Dec 00:00Z to 1 Jan 00:00Z) unless a case says otherwise.
 */
class MaintenanceCalendarTest {

    private static final long FROM = t("2026-12-01T00:00:00Z");
    private static final long TO = t("2027-01-01T00:00:00Z");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    /** Every Sunday, as the RRULE FREQ=WEEKLY;BYDAY=SU gives it (the library's part). */
    private static final Maintenance.DateRule SUNDAYS = new Maintenance.DateRule() {
        @Override
        public List<LocalDate> dates(LocalDate seed, LocalDate from, LocalDate to) {
            List<LocalDate> out = new ArrayList<>();
            for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    out.add(d);
                }
            }
            return out;
        }

        @Override
        public String text() {
            return "FREQ=WEEKLY;BYDAY=SU";
        }
    };

    private static Maintenance once(String start, String end, String reason) {
        return new Maintenance(List.of(new Maintenance.Window(t(start), t(end), reason)), List.of());
    }

    private static Maintenance sundays(String startTime, long seconds) {
        return new Maintenance(
                List.of(),
                List.of(new Maintenance.Recurring(
                        SUNDAYS,
                        LocalDate.parse("2026-10-01"),
                        null,
                        LocalTime.parse(startTime),
                        seconds,
                        "patching")));
    }

    private static MaintenanceCalendar.Version v(long version, String storedAt, Maintenance m) {
        return new MaintenanceCalendar.Version(version, t(storedAt), m);
    }

    private static List<MaintenanceCalendar.Event> events(MaintenanceCalendar.Version... versions) {
        return MaintenanceCalendar.events("acme", List.of(versions), LISBON, FROM, TO);
    }

    @Test
    void aWindowMovedByALaterVersionKeepsItsUidAndCountsTheChange() {
        // v1 plans 10 Dec 02:00–04:00Z "DB upgrade"; v2 (stored 5 Dec) moves it to 12 Dec
        // 02:00–04:00Z with the same reason: the same window, SEQUENCE 1, revision 1, the old times kept
        var events = events(
                v(1, "2026-12-01T09:00:00Z", once("2026-12-10T02:00:00Z", "2026-12-10T04:00:00Z", "DB upgrade")),
                v(2, "2026-12-05T09:00:00Z", once("2026-12-12T02:00:00Z", "2026-12-12T04:00:00Z", "DB upgrade")));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.uid()).isEqualTo("w1-" + t("2026-12-10T02:00:00Z") + ".acme@sla-ledger");
            assertThat(e.start()).isEqualTo(t("2026-12-12T02:00:00Z"));
            assertThat(e.seconds()).isEqualTo(7200);
            assertThat(e.sequence()).isEqualTo(1);
            assertThat(e.revision()).isEqualTo(1);
            assertThat(e.previousStart()).isEqualTo(t("2026-12-10T02:00:00Z"));
            assertThat(e.modifiedAt()).isEqualTo(t("2026-12-05T09:00:00Z"));
            assertThat(e.cancelled()).isFalse();
        });
    }

    @Test
    void aWindowRemovedBeforeItStartsIsCancelledAndOneRemovedAfterwardsIsDropped() {
        Maintenance both = new Maintenance(
                List.of(
                        new Maintenance.Window(t("2026-12-02T01:00:00Z"), t("2026-12-02T02:00:00Z"), "past"),
                        new Maintenance.Window(t("2026-12-20T01:00:00Z"), t("2026-12-20T02:00:00Z"), "future")),
                List.of());
        // v2 on 10 Dec removes both: the 2 Dec window had started (dropped), the 20 Dec one had not
        var events = events(v(1, "2026-12-01T00:00:00Z", both), v(2, "2026-12-10T00:00:00Z", Maintenance.NONE));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("future");
            assertThat(e.cancelledAt()).isEqualTo(t("2026-12-10T00:00:00Z"));
            assertThat(e.sequence()).isEqualTo(1);
            assertThat(e.revision()).isZero();
        });
    }

    @Test
    void anUnchangedVersionChangesNothingAndANewReasonIsAChangeButNotOfTimes() {
        var m = once("2026-12-10T02:00:00Z", "2026-12-10T04:00:00Z", "DB upgrade");
        var same = events(v(1, "2026-12-01T00:00:00Z", m), v(2, "2026-12-02T00:00:00Z", m));
        assertThat(same).singleElement().satisfies(e -> {
            assertThat(e.sequence()).isZero();
            assertThat(e.modifiedAt()).isEqualTo(t("2026-12-01T00:00:00Z"));
        });
        var renamed = events(
                v(1, "2026-12-01T00:00:00Z", m),
                v(2, "2026-12-02T00:00:00Z", once("2026-12-10T02:00:00Z", "2026-12-10T04:00:00Z", "PG 17")));
        assertThat(renamed).singleElement().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(1);
            assertThat(e.revision()).isZero();
            assertThat(e.previousStart()).isNull();
        });
    }

    @Test
    void aRecurringWindowsOccurrencesKeepTheirUidsWhenItsStartTimeChanges() {
        // Sundays in December 2026: 6, 13, 20, 27; Lisbon is on WET (UTC+0) all month.
        // v1 at 02:00 for 2 h; v2 (stored 15 Dec) at 03:00: every occurrence moves by an hour,
        // the ones of 6 and 13 Dec too (the calendar shows the plan as the latest version has it)
        var events = events(
                v(1, "2026-11-20T00:00:00Z", sundays("02:00", 7200)),
                v(2, "2026-12-15T00:00:00Z", sundays("03:00", 7200)));
        assertThat(events).hasSize(4);
        assertThat(events)
                .extracting(MaintenanceCalendar.Event::start)
                .containsExactly(
                        t("2026-12-06T03:00:00Z"),
                        t("2026-12-13T03:00:00Z"),
                        t("2026-12-20T03:00:00Z"),
                        t("2026-12-27T03:00:00Z"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.uid()).matches("r[0-9a-f]{12}-202612(06|13|20|27)\\.acme@sla-ledger");
            assertThat(e.revision()).isEqualTo(1);
        });
        // the rule replaced by another (Saturdays would be a new rule): the Sundays after 15 Dec are cancelled
        var dropped = events(
                v(1, "2026-11-20T00:00:00Z", sundays("02:00", 7200)), v(2, "2026-12-15T00:00:00Z", Maintenance.NONE));
        assertThat(dropped).extracting(e -> e.cancelled()).containsExactly(true, true);
    }

    @Test
    void aNewWindowThatNeitherOverlapsNorSharesAReasonIsNew() {
        var events = events(
                v(1, "2026-12-01T00:00:00Z", once("2026-12-10T02:00:00Z", "2026-12-10T04:00:00Z", "DB upgrade")),
                v(2, "2026-12-02T00:00:00Z", once("2026-12-18T02:00:00Z", "2026-12-18T03:00:00Z", "kernel")));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).cancelled()).isTrue();
        assertThat(events.get(1).uid()).startsWith("w2-");
        assertThat(events.get(1).sequence()).isZero();
    }

    // ---- notices: announce P7D ahead, remind PT1H before ----

    private static final MaintenanceNotices.Terms TERMS = new MaintenanceNotices.Terms(7 * 86_400, 3600L);

    private static MaintenanceNotices.Decision decide(
            List<MaintenanceCalendar.Event> events, Map<String, List<MaintenanceNotices.Sent>> sent, String now) {
        return MaintenanceNotices.decide(events, TERMS, sent, t(now));
    }

    @Test
    void aWindowIsAnnouncedSevenDaysAheadAndRemindedAnHourBefore() {
        // 20 Dec 02:00Z: announced at 13 Dec 02:00Z, reminded at 20 Dec 01:00Z
        var events = events(
                v(1, "2026-12-01T00:00:00Z", once("2026-12-20T02:00:00Z", "2026-12-20T04:00:00Z", "DB upgrade")));
        String uid = events.get(0).uid();
        var early = decide(events, Map.of(), "2026-12-12T00:00:00Z");
        assertThat(early.notices()).isEmpty();
        assertThat(early.nextDue()).isEqualTo(t("2026-12-13T02:00:00Z"));

        var due = decide(events, Map.of(), "2026-12-13T02:00:00Z");
        assertThat(due.notices()).extracting(MaintenanceNotices.Notice::key).containsExactly("ANNOUNCED");

        var announced = Map.of(
                uid,
                List.of(new MaintenanceNotices.Sent(MaintenanceNotices.Stage.ANNOUNCED, 0, t("2026-12-13T02:00:05Z"))));
        var waiting = decide(events, announced, "2026-12-19T00:00:00Z");
        assertThat(waiting.notices()).isEmpty();
        assertThat(waiting.nextDue()).isEqualTo(t("2026-12-20T01:00:00Z"));
        assertThat(decide(events, announced, "2026-12-20T01:00:00Z").notices())
                .extracting(MaintenanceNotices.Notice::key)
                .containsExactly("REMINDER");
        // once it has started, nothing more
        assertThat(decide(events, announced, "2026-12-20T02:00:00Z").notices()).isEmpty();
    }

    @Test
    void aWindowPlannedWithinTheReminderTimeIsAnnouncedOnlyOnce() {
        var events =
                events(v(1, "2026-12-20T01:30:00Z", once("2026-12-20T02:00:00Z", "2026-12-20T03:00:00Z", "hotfix")));
        assertThat(decide(events, Map.of(), "2026-12-20T01:30:00Z").notices())
                .extracting(MaintenanceNotices.Notice::key)
                .containsExactly("ANNOUNCED");
        var announced = Map.of(
                events.get(0).uid(),
                List.of(new MaintenanceNotices.Sent(MaintenanceNotices.Stage.ANNOUNCED, 0, t("2026-12-20T01:30:01Z"))));
        var after = decide(events, announced, "2026-12-20T01:45:00Z");
        assertThat(after.notices()).isEmpty();
        assertThat(after.nextDue()).isNull();
    }

    @Test
    void aChangeAfterTheAnnouncementIsToldOnceAndACancellationOnlyOfWhatWasAnnounced() {
        var v1 = v(1, "2026-12-01T00:00:00Z", once("2026-12-10T02:00:00Z", "2026-12-10T04:00:00Z", "DB upgrade"));
        var moved = events(
                v1, v(2, "2026-12-05T00:00:00Z", once("2026-12-11T02:00:00Z", "2026-12-11T04:00:00Z", "DB upgrade")));
        String uid = moved.get(0).uid();
        var announced =
                List.of(new MaintenanceNotices.Sent(MaintenanceNotices.Stage.ANNOUNCED, 0, t("2026-12-03T02:00:00Z")));
        assertThat(decide(moved, Map.of(uid, announced), "2026-12-05T00:00:10Z").notices())
                .extracting(MaintenanceNotices.Notice::key)
                .containsExactly("CHANGED:1");
        var told = List.of(
                announced.get(0),
                new MaintenanceNotices.Sent(MaintenanceNotices.Stage.CHANGED, 1, t("2026-12-05T00:00:11Z")));
        assertThat(decide(moved, Map.of(uid, told), "2026-12-06T00:00:00Z").notices())
                .isEmpty();

        var cancelled = events(v1, v(2, "2026-12-05T00:00:00Z", Maintenance.NONE));
        assertThat(decide(cancelled, Map.of(uid, announced), "2026-12-05T00:00:10Z")
                        .notices())
                .extracting(MaintenanceNotices.Notice::key)
                .containsExactly("CANCELLED");
        // never announced (v1 stored 1 Dec, removed 2 Dec, 8 days ahead): nothing to take back
        var unannounced = events(v1, v(2, "2026-12-02T00:00:00Z", Maintenance.NONE));
        assertThat(decide(unannounced, Map.of(), "2026-12-02T00:00:10Z").notices())
                .isEmpty();
    }
}
