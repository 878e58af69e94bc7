package com.slaledger.ticket.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import com.slaledger.events.TicketPause;

/**
 * A ticket's pauses and unpauses (SPEC §16.4) as a set: stored as text ("epochSecond:P",
 * "epochSecond:U", comma-separated, by instant), the same event twice is one. The ledger's
 * engine decides what paused time they make.
 */
final class TicketPauses {

    /** Most pause and unpause events one ticket keeps. */
    static final int MAX_EVENTS = 200;

    private static final Comparator<TicketPause> ORDER =
            Comparator.comparing(TicketPause::at).thenComparing(p -> p.paused() ? 0 : 1);

    private TicketPauses() {}

    static List<TicketPause> read(String text) {
        List<TicketPause> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String item : text.split(",")) {
            int colon = item.indexOf(':');
            out.add(new TicketPause(
                    Instant.ofEpochSecond(Long.parseLong(item.substring(0, colon))), item.endsWith("P")));
        }
        return out;
    }

    /** The set with {@code added}; null when it holds it already. */
    static String with(String text, TicketPause added) {
        TreeSet<TicketPause> set = new TreeSet<>(ORDER);
        set.addAll(read(text));
        if (!set.add(added)) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (TicketPause p : set) {
            items.add(p.at().getEpochSecond() + ":" + (p.paused() ? "P" : "U"));
        }
        return String.join(",", items);
    }

    /** Whether the last event (by instant) is a pause: the clock stands now. */
    static boolean pausedNow(String text) {
        List<TicketPause> all = read(text);
        return !all.isEmpty() && all.get(all.size() - 1).paused();
    }
}
