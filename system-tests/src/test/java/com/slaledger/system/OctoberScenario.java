package com.slaledger.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slaledger.client.SlaClient;

/**
 * October 2026 on one shared service watched by two probes with quorum 2, for two contracts in
 * Europe/Lisbon (summer time ends on 25 October at 01:00 UTC, so the month has 31 days and one
 * hour and starts at 2026-09-30T23:00Z): one PROVIDER_MONITORED, one CUSTOMER_TICKET. Every figure
 * below is worked out by hand in the comments, from SPEC §6.
 *
 * <pre>
 * period          2026-09-30T23:00Z .. 2026-11-01T00:00Z = 2,682,000 s
 * maintenance     2026-10-10T01:00Z .. 03:00Z             =     7,200 s
 * eligible                                                = 2,674,800 s
 *
 * monitored down-time (both probes DOWN)              PROVIDER_MONITORED
 *  09-30 22:50 .. 23:10  crosses the period start      [23:00, 23:10)        600 counted (whole 1,200 >= 300)
 *  10-03 14:05 .. 15:05  p1 down 14:00, p2 down 14:05; p1 up 15:05     3,600 counted
 *  10-07 09:00 .. 09:03                                  180 BELOW_MINIMUM
 *  10-10 02:30 .. 03:20  half in maintenance           [03:00, 03:20)      1,200 counted
 *  10-15 12:00 .. 13:00  p1 only: no quorum                                  -
 *  10-20 08:00 .. 08:30  both DEGRADED: counts as up                         -
 *  10-25 00:30 .. 01:30  across the clock change                          3,600 counted
 *  10-31 23:50 .. 11-01 00:20  crosses the period end  [23:50, 00:00)        600 counted
 *                                                                 total   9,600
 *  availability (2,674,800 - 9,600) / 2,674,800 = 99.641094..% -> 99.6411, below 99.7: credit 10%
 *
 * tickets of the CUSTOMER_TICKET contract, intersected with the monitored down-time
 *  T1 OUTAGE  10-03 14:20 .. 16:00                     [14:20, 15:05)      2,700 counted
 *  T2 OUTAGE  10-07 09:01 .. 09:10                     [09:01, 09:03)        120 BELOW_MINIMUM
 *  T3 OUTAGE  10-10 03:10 .. 03:30                     [03:10, 03:20)        600 counted
 *  T4 OUTAGE  10-25 00:40 .. 02:00                     [00:40, 01:30)      3,000 counted
 *  T5 REQUEST 10-15 12:10 .. 12:20                     never downtime            -
 *  T6 OUTAGE  10-20 08:05 .. 08:25                     monitoring says up        -
 *                                                                 total   6,300
 *  availability (2,674,800 - 6,300) / 2,674,800 = 99.764468..% -> 99.7645, at least 99.7: met
 * </pre>
 */
final class OctoberScenario {

    static final String PERIOD = "2026-10";
    static final long ELIGIBLE = 2_674_800;
    static final long PM_DOWNTIME = 9_600;
    static final String PM_AVAILABILITY = "99.6411";
    static final long CT_DOWNTIME = 6_300;
    static final String CT_AVAILABILITY = "99.7645";

    record TicketPlan(String externalId, String kind, Instant reportedAt, Instant resolvedAt) {}

    final String serviceId;
    final String providerMonitored;
    final String customerTicket;

    OctoberScenario(String tag) {
        this.serviceId = "sys-" + tag;
        this.providerMonitored = tag + "-pm";
        this.customerTicket = tag + "-ct";
    }

    Map<String, Object> contract(String policy, String email) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("customer", Map.of("name", "Customer of " + serviceId, "noticeEmails", List.of(email)));
        c.put("services", List.of(serviceId));
        c.put("policy", policy);
        c.put("uptimeTargetPercent", 99.7);
        c.put("minimumDowntime", "PT5M");
        c.put("timezone", "Europe/Lisbon");
        c.put(
                "creditTiers",
                List.of(
                        Map.of("belowPercent", 99.7, "creditPercent", 10),
                        Map.of("belowPercent", 99.0, "creditPercent", 25),
                        Map.of("belowPercent", 95.0, "creditPercent", 100)));
        c.put("monthlyFee", Map.of("amount", 1000.00, "currency", "EUR"));
        c.put(
                "maintenanceWindows",
                List.of(Map.of(
                        "start", "2026-10-10T01:00:00Z", "end", "2026-10-10T03:00:00Z", "reason", "DB upgrade")));
        return c;
    }

    /** The observations in time order. Probe p1's carry an eventId, p2's are keyed by their fields. */
    List<Map<String, Object>> observations() {
        List<Map<String, Object>> o = new ArrayList<>();
        both(o, "2026-09-30T22:00:00Z", "UP");
        both(o, "2026-09-30T22:50:00Z", "DOWN");
        both(o, "2026-09-30T23:10:00Z", "UP");
        o.add(obs("p1", "2026-10-03T14:00:00Z", "DOWN"));
        o.add(obs("p2", "2026-10-03T14:05:00Z", "DOWN"));
        o.add(obs("p1", "2026-10-03T15:05:00Z", "UP"));
        o.add(obs("p2", "2026-10-03T15:10:00Z", "UP"));
        both(o, "2026-10-07T09:00:00Z", "DOWN");
        both(o, "2026-10-07T09:03:00Z", "UP");
        both(o, "2026-10-10T02:30:00Z", "DOWN");
        both(o, "2026-10-10T03:20:00Z", "UP");
        o.add(obs("p1", "2026-10-15T12:00:00Z", "DOWN"));
        o.add(obs("p1", "2026-10-15T13:00:00Z", "UP"));
        both(o, "2026-10-20T08:00:00Z", "DEGRADED");
        both(o, "2026-10-20T08:30:00Z", "UP");
        both(o, "2026-10-25T00:30:00Z", "DOWN");
        both(o, "2026-10-25T01:30:00Z", "UP");
        both(o, "2026-10-31T23:50:00Z", "DOWN");
        both(o, "2026-11-01T00:20:00Z", "UP");
        return o;
    }

    List<TicketPlan> tickets() {
        return List.of(
                ticket("T1", "OUTAGE", "2026-10-03T14:20:00Z", "2026-10-03T16:00:00Z"),
                ticket("T2", "OUTAGE", "2026-10-07T09:01:00Z", "2026-10-07T09:10:00Z"),
                ticket("T3", "OUTAGE", "2026-10-10T03:10:00Z", "2026-10-10T03:30:00Z"),
                ticket("T4", "OUTAGE", "2026-10-25T00:40:00Z", "2026-10-25T02:00:00Z"),
                ticket("T5", "REQUEST", "2026-10-15T12:10:00Z", "2026-10-15T12:20:00Z"),
                ticket("T6", "OUTAGE", "2026-10-20T08:05:00Z", "2026-10-20T08:25:00Z"));
    }

    Map<String, Object> ticketBody(TicketPlan t) {
        return Map.of(
                "externalId",
                t.externalId(),
                "contractId",
                customerTicket,
                "serviceId",
                serviceId,
                "kind",
                t.kind(),
                "subject",
                "Outage reported by the customer (" + t.externalId() + ")",
                "reportedAt",
                t.reportedAt().toString());
    }

    private TicketPlan ticket(String name, String kind, String reported, String resolved) {
        return new TicketPlan(serviceId + "-" + name, kind, Instant.parse(reported), Instant.parse(resolved));
    }

    private void both(List<Map<String, Object>> o, String at, String status) {
        o.add(obs("p1", at, status));
        o.add(obs("p2", at, status));
    }

    private Map<String, Object> obs(String probe, String at, String status) {
        String eventId = probe.equals("p1") ? serviceId + "-" + probe + "-" + at + "-" + status : null;
        return SlaClient.observation(eventId, serviceId, probe, status, Instant.parse(at));
    }
}
