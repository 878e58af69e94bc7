package com.slaledger.ledger.input;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ledger.calendar.CalendarService;
import com.slaledger.ledger.calendar.CalendarValidator;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.BusinessCalendar;
import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.Duties;
import com.slaledger.ledger.engine.Interval;
import com.slaledger.ledger.engine.SupportTargets;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Loads what a contract's checklist needs besides availability (SPEC §13) for an input window:
 * the calendars its versions measure support in, its tickets that can be decided in the window (a
 * ticket resolved before it was decided before it too), and the evidence of its duties in the
 * window plus each duty's last success before it. Nothing is read for a contract that promises
 * no support target and no duty. Call inside a session.
 */
@ApplicationScoped
public class ChecklistInputRepository {

    private static final String TICKETS = "SELECT ticket_id, priority,"
            + " CAST(EXTRACT(EPOCH FROM reported_at) AS BIGINT),"
            + " CAST(EXTRACT(EPOCH FROM responded_at) AS BIGINT),"
            + " CAST(EXTRACT(EPOCH FROM resolved_at) AS BIGINT),"
            // SPEC §16.4: every pause and unpause known, "epochSecond:true,..." (none: null)
            + " (SELECT string_agg(CAST(EXTRACT(EPOCH FROM p.at) AS BIGINT) || ':' || p.paused, ',')"
            + " FROM ledger_ticket_pause p WHERE p.ticket_id = ledger_ticket.ticket_id)"
            + " FROM ledger_ticket WHERE contract_id = :contract AND reported_at < :to"
            + " AND (resolved_at IS NULL OR resolved_at >= :from)";

    private static final String EVIDENCE = "SELECT duty_id, outcome, CAST(EXTRACT(EPOCH FROM completed_at) AS BIGINT)"
            + " FROM duty_event WHERE duty_id IN (:duties) AND completed_at >= :from AND completed_at < :to";

    private static final String LAST_SUCCESS_BEFORE = "SELECT d.duty_id, 'SUCCESS', e.at FROM"
            + " (SELECT DISTINCT duty_id FROM contract_duty WHERE duty_id IN (:duties)) d CROSS JOIN LATERAL"
            + " (SELECT CAST(EXTRACT(EPOCH FROM completed_at) AS BIGINT) AS at FROM duty_event"
            + " WHERE duty_id = d.duty_id AND outcome = 'SUCCESS' AND completed_at < :from"
            + " ORDER BY completed_at DESC LIMIT 1) e";

    private final CalendarService calendars;

    public ChecklistInputRepository(CalendarService calendars) {
        this.calendars = calendars;
    }

    /** The checklist's inputs for {@code versions} of one contract over {@code window}. */
    public Uni<ChecklistInputs> load(String contractId, Collection<ContractVersion> versions, Interval window) {
        boolean support =
                versions.stream().anyMatch(v -> !v.terms().engineTargets().isEmpty());
        TreeSet<String> duties = new TreeSet<>();
        TreeSet<String> calendarIds = new TreeSet<>();
        for (ContractVersion v : versions) {
            v.terms().duties().forEach(d -> duties.add(d.dutyId()));
            if (!v.terms().engineTargets().isEmpty()) {
                calendarIds.add(v.terms().supportCalendar());
            }
        }
        if (!support && duties.isEmpty()) {
            return Uni.createFrom().item(ChecklistInputs.NONE);
        }
        Instant from = Instant.ofEpochSecond(window.start());
        Instant to = Instant.ofEpochSecond(window.end());
        Uni<Map<String, Named>> named = Multi.createFrom()
                .iterable(calendarIds)
                .onItem()
                .transformToUniAndConcatenate(id -> calendars.stored(id).map(s -> new Named(id, s)))
                .collect()
                .asMap(Named::id, n -> n);
        return named.chain(cals -> tickets(contractId, support, from, to)
                .chain(ts -> evidence(List.copyOf(duties), from, to).map(ev -> {
                    Map<String, Checklist.Agreement> byCalendar = new HashMap<>();
                    cals.forEach((id, n) -> byCalendar.put(id, n.agreementBase()));
                    return new ChecklistInputs(byCalendar, ts, ev);
                })));
    }

    private record Named(String id, CalendarService.Stored stored) {

        /** An agreement with this calendar and nothing else yet (the terms add targets and duties). */
        Checklist.Agreement agreementBase() {
            if (stored == null) {
                // a calendar that is gone measures nothing as business time: never silently 24x7
                return new Checklist.Agreement(
                        id + " (missing)",
                        new BusinessCalendar(ZoneOffset.UTC, Map.of(), Set.of()),
                        List.of(),
                        List.of());
            }
            String name =
                    CalendarValidator.ALWAYS.equals(id) ? id : stored.document().name();
            return new Checklist.Agreement(name, stored.calendar(), List.of(), List.of());
        }
    }

    private static Uni<List<SupportTargets.Ticket>> tickets(
            String contractId, boolean support, Instant from, Instant to) {
        if (!support) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(TICKETS, Object[].class)
                        .setParameter("contract", contractId)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new SupportTargets.Ticket(
                                (String) r[0],
                                (String) r[1],
                                number(r[2]),
                                nullable(r[3]),
                                nullable(r[4]),
                                pauses((String) r[5])))
                        .toList());
    }

    private static List<SupportTargets.Pause> pauses(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<SupportTargets.Pause> out = new ArrayList<>();
        for (String item : text.split(",")) {
            int colon = item.indexOf(':');
            out.add(new SupportTargets.Pause(
                    Long.parseLong(item.substring(0, colon)), "true".equals(item.substring(colon + 1))));
        }
        return out;
    }

    private static Uni<Map<String, List<Duties.Event>>> evidence(List<String> duties, Instant from, Instant to) {
        if (duties.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, List<Duties.Event>> out = new HashMap<>();
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(EVIDENCE, Object[].class)
                        .setParameter("duties", duties)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .getResultList())
                .invoke(rows -> add(rows, out))
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(LAST_SUCCESS_BEFORE, Object[].class)
                        .setParameter("duties", duties)
                        .setParameter("from", from)
                        .getResultList()))
                .map(rows -> {
                    add(rows, out);
                    return out;
                });
    }

    private static void add(List<Object[]> rows, Map<String, List<Duties.Event>> out) {
        for (Object[] r : rows) {
            out.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new Duties.Event(Duties.Outcome.valueOf((String) r[1]), number(r[2])));
        }
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    private static Long nullable(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
