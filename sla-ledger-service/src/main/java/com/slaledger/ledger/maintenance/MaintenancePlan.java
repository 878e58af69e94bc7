package com.slaledger.ledger.maintenance;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import com.slaledger.ledger.contract.ContractHistory;
import com.slaledger.ledger.engine.MaintenanceCalendar;
import com.slaledger.ledger.engine.Periods;

/**
 * A contract's maintenance windows as calendar events (the engine's {@link MaintenanceCalendar}
 * folded over its stored versions): what the calendar feed lists and the maintenance notices
 * tell of.
 */
public final class MaintenancePlan {

    /** How far ahead the calendar feed reaches (SPEC §18). */
    public static final long FEED_AHEAD_SECONDS = 90L * 86_400;

    private MaintenancePlan() {}

    /** The events of the windows and occurrences that overlap [from, to). */
    public static List<MaintenanceCalendar.Event> events(ContractHistory history, long from, long to) {
        var current = history.current();
        List<MaintenanceCalendar.Version> versions = history.entries().stream()
                .map(e -> new MaintenanceCalendar.Version(
                        e.version().version(),
                        e.version().updatedAt().getEpochSecond(),
                        e.version().engine().maintenance()))
                .toList();
        return MaintenanceCalendar.events(current.contractId(), versions, current.zone(), from, to);
    }

    /** [from, to), epoch seconds. */
    public record Range(long from, long to) {}

    /** The feed's range at {@code now}: from the start of the previous period to {@code P90D} ahead. */
    public static Range feedRange(ContractHistory history, Instant now) {
        var zone = history.current().zone();
        YearMonth previous = YearMonth.from(now.atZone(zone)).minusMonths(1);
        return new Range(Periods.start(previous, zone), now.getEpochSecond() + FEED_AHEAD_SECONDS);
    }
}
