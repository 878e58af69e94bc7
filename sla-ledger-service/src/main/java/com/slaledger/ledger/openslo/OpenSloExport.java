package com.slaledger.ledger.openslo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.slaledger.ledger.contract.ContractTerms;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.contract.CoveredService;
import com.slaledger.ledger.engine.Decimals;
import com.slaledger.ledger.engine.Sha256;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.Violation;

/**
 * A contract's objectives as OpenSLO v1 objects: a {@code Service} for the contract and an {@code
 * SLO} per covered service or redundant group. The ledger counts availability by the second; the
 * v1 duration shorthand has no seconds (m, h, d, w, M, Q, Y), so each SLO is budgeted as {@code
 * RatioTimeslices} over one-minute slices: the mean of every minute's share of good seconds, which
 * over a calendar month of equal minutes is the share of good seconds itself. A calendar-month
 * window in the contract's zone starts at the first month of the contract. What OpenSLO has no
 * field for (the measurement policy, the minimum downtime, credits, support targets, duties,
 * maintenance) is written as annotations under {@value #PREFIX}, JSON where it is a list.
 *
 * <p>Object names follow RFC 1123 labels, as OpenSLO asks: a contract or service id that is not
 * one already (upper case, dots, underscores, too long) is lowered, its other characters made
 * dashes, and a short hash of the original added so that two ids never meet in one name; the
 * original stays in {@code displayName} and the annotations.
 */
public final class OpenSloExport {

    /** The annotations' prefix (a DNS label followed by a slash, as OpenSLO's keys allow). */
    public static final String PREFIX = "sla-ledger/";

    static final String API_VERSION = "openslo/v1";
    private static final int NAME_MAX = 63;
    private static final int HASH_CHARS = 6;

    private OpenSloExport() {}

    /**
     * The objects, in order: the Service, then one SLO per covered service. {@code json} writes a
     * term as the contract's API writes it.
     *
     * @throws ProblemException 422 for a 100 % target, which OpenSLO's target (below 1) cannot hold
     */
    public static List<Map<String, Object>> objects(ContractVersion contract, Function<Object, String> json) {
        ContractTerms terms = contract.terms();
        BigDecimal target = terms.uptimeTargetPercent();
        if (target.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw ProblemException.unprocessable(
                    "contract " + contract.contractId() + " promises 100 %, which OpenSLO cannot express",
                    List.of(new Violation(
                            "uptimeTargetPercent", "is 100: OpenSLO's targets are below 1 (targetPercent below 100)")));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        String serviceName = name(contract.contractId());
        out.add(service(contract, serviceName, json));
        for (CoveredService covered : terms.services()) {
            out.add(slo(contract, serviceName, covered));
        }
        return out;
    }

    private static Map<String, Object> service(ContractVersion contract, String name, Function<Object, String> json) {
        ContractTerms terms = contract.terms();
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put(PREFIX + "contract", contract.contractId());
        notes.put(PREFIX + "contract-version", Long.toString(contract.version()));
        notes.put(PREFIX + "customer", terms.customer().name());
        notes.put(PREFIX + "time-zone", terms.timezone());
        notes.put(PREFIX + "policy", terms.policy().name());
        notes.put(
                PREFIX + "uptime-target-percent",
                Decimals.plain(terms.uptimeTargetPercent()).toPlainString());
        notes.put(PREFIX + "minimum-downtime", String.valueOf(terms.minimumDowntime()));
        notes.put(PREFIX + "no-data", terms.noData().name());
        notes.put(PREFIX + "credit-tiers", json.apply(terms.creditTiers()));
        put(
                notes,
                "credit-cap-percent",
                terms.creditCapPercent() == null
                        ? null
                        : Decimals.plain(terms.creditCapPercent()).toPlainString());
        put(notes, "monthly-fee", terms.monthlyFee() == null ? null : json.apply(terms.monthlyFee()));
        put(notes, "credit-claims", terms.credits() == null ? null : json.apply(terms.credits()));
        put(notes, "support", terms.support() == null ? null : json.apply(terms.support()));
        put(notes, "duties", terms.duties().isEmpty() ? null : json.apply(terms.duties()));
        put(
                notes,
                "maintenance-windows",
                terms.maintenanceWindows().isEmpty() ? null : json.apply(terms.maintenanceWindows()));
        return object(
                "Service",
                name,
                terms.customer().name() + " (" + contract.contractId() + ")",
                notes,
                Map.of(
                        "description",
                        limit("The services of contract " + contract.contractId() + " with "
                                + terms.customer().name() + ", measured by SLA Ledger")));
    }

    private static Map<String, Object> slo(ContractVersion contract, String serviceName, CoveredService covered) {
        ContractTerms terms = contract.terms();
        String name = name(contract.contractId() + "-" + covered.name());
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put(PREFIX + "contract", contract.contractId());
        notes.put(PREFIX + "service", covered.name());
        if (covered.isGroup()) {
            notes.put(PREFIX + "any-of", String.join(",", covered.anyOf()));
        }
        notes.put(PREFIX + "policy", terms.policy().name());
        notes.put(PREFIX + "minimum-downtime", String.valueOf(terms.minimumDowntime()));
        notes.put(PREFIX + "counted-by", "second");

        Map<String, Object> source = new LinkedHashMap<>();
        source.put("contractId", contract.contractId());
        source.put("service", covered.name());
        source.put("members", covered.members());
        Map<String, Object> raw = Map.of("metricSource", ordered("type", "SLALedger", "spec", source));
        Map<String, Object> ratio = ordered("counter", false, "rawType", "success", "raw", raw);
        Map<String, Object> indicator = ordered(
                "metadata",
                ordered(
                        "name",
                        name(contract.contractId() + "-" + covered.name() + "-up"),
                        "displayName",
                        "Up seconds of " + covered.name()),
                "spec",
                ordered(
                        "description",
                        limit(
                                covered.isGroup()
                                        ? "Seconds in which at least one of " + String.join(", ", covered.anyOf())
                                                + " is up"
                                        : "Seconds in which " + covered.name() + " is up"),
                        "ratioMetric",
                        ratio));

        Map<String, Object> calendar =
                ordered("startTime", firstMonth(contract) + " 00:00:00", "timeZone", terms.timezone());
        Map<String, Object> window = ordered("duration", "1M", "calendar", calendar, "isRolling", false);
        Map<String, Object> objective = ordered(
                "displayName",
                "Availability " + Decimals.plain(terms.uptimeTargetPercent()).toPlainString() + " %",
                "target",
                terms.uptimeTargetPercent().movePointLeft(2).stripTrailingZeros(),
                "timeSliceWindow",
                "1m");

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put(
                "description",
                limit("Monthly availability of " + covered.name() + " under contract " + contract.contractId() + " ("
                        + terms.policy().name() + ")"));
        spec.put("service", serviceName);
        spec.put("indicator", indicator);
        spec.put("timeWindow", List.of(window));
        spec.put("budgetingMethod", "RatioTimeslices");
        spec.put("objectives", List.of(objective));
        return object("SLO", name, covered.name() + " (" + contract.contractId() + ")", notes, spec);
    }

    /** The first month the contract measures, as its first day in the contract's zone. */
    private static LocalDate firstMonth(ContractVersion contract) {
        LocalDate starts = contract.terms().startsOn();
        if (starts == null) {
            ZoneId zone = contract.zone();
            starts = contract.createdAt().atZone(zone).toLocalDate();
        }
        return starts.withDayOfMonth(1);
    }

    /**
     * An RFC 1123 label for {@code id}: itself when it is one, else lowered, dashed and followed
     * by six hex digits of its SHA-256.
     */
    static String name(String id) {
        if (id.length() <= NAME_MAX && id.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            return id;
        }
        String base = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String hash = Sha256.hex(id).substring(0, HASH_CHARS);
        int room = NAME_MAX - HASH_CHARS - 1;
        if (base.length() > room) {
            base = base.substring(0, room).replaceAll("-+$", "");
        }
        return base.isEmpty() ? "s-" + hash : base + "-" + hash;
    }

    private static Map<String, Object> object(
            String kind, String name, String displayName, Map<String, String> annotations, Map<String, Object> spec) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("displayName", displayName);
        metadata.put("annotations", annotations);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", API_VERSION);
        out.put("kind", kind);
        out.put("metadata", metadata);
        out.put("spec", spec);
        return out;
    }

    private static void put(Map<String, String> notes, String key, String value) {
        if (value != null) {
            notes.put(PREFIX + key, value);
        }
    }

    /** OpenSLO's descriptions hold at most 1050 characters. */
    private static String limit(String text) {
        return text.length() <= 1050 ? text : text.substring(0, 1049) + "…";
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
