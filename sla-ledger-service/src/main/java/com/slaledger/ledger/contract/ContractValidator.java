package com.slaledger.ledger.contract;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.slaledger.events.Ids;
import com.slaledger.ledger.engine.CreditTier;
import com.slaledger.ledger.engine.MeasurementPolicy;
import com.slaledger.ledger.engine.Money;
import com.slaledger.support.rest.Violation;

/**
 * The rules of SPEC §4 for a contract, naming every offending field. Plain Java. Defaults:
 * minimumDowntime PT0S, timezone UTC, creditCapPercent 100, no tiers, no windows, no fee.
 */
public final class ContractValidator {

    static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>()\\[\\]\"]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ContractValidator() {}

    /** Either the contract's terms and no violations, or the violations. */
    public record Result(ContractTerms contract, List<Violation> violations) {}

    public static Result validate(String contractId, ContractRequest r) {
        List<Violation> v = new ArrayList<>();
        if (contractId == null || !Ids.CONTRACT.matcher(contractId).matches()) {
            v.add(new Violation("contractId", Ids.CONTRACT_RULE));
        }
        if (r == null) {
            v.add(new Violation("", "a JSON body is required"));
            return new Result(null, v);
        }
        ContractTerms.Customer customer = customer(r.customer(), v);
        List<String> services = services(r.services(), v);
        MeasurementPolicy policy = policy(r.policy(), v);
        BigDecimal target = r.uptimeTargetPercent();
        if (target == null) {
            v.add(new Violation("uptimeTargetPercent", "is required"));
        } else if (target.signum() <= 0 || target.compareTo(HUNDRED) > 0) {
            v.add(new Violation("uptimeTargetPercent", "must be greater than 0 and at most 100"));
        }
        Duration minimum = minimum(r.minimumDowntime(), v);
        String zone = zone(r.timezone(), v);
        List<CreditTier> tiers = tiers(r.creditTiers(), v);
        BigDecimal cap = r.creditCapPercent() == null ? HUNDRED : r.creditCapPercent();
        if (cap.signum() < 0 || cap.compareTo(HUNDRED) > 0) {
            v.add(new Violation("creditCapPercent", "must be between 0 and 100"));
        }
        Money fee = fee(r.monthlyFee(), v);
        List<ContractTerms.MaintenanceWindow> windows = windows(r.maintenanceWindows(), v);
        if (!v.isEmpty()) {
            return new Result(null, v);
        }
        return new Result(
                new ContractTerms(customer, services, policy, target, minimum, zone, tiers, cap, fee, windows),
                List.of());
    }

    private static ContractTerms.Customer customer(ContractRequest.Customer c, List<Violation> v) {
        if (c == null) {
            v.add(new Violation("customer", "is required"));
            return null;
        }
        if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
            v.add(new Violation("customer.name", "is required, at most 200 characters"));
        }
        List<String> emails = c.noticeEmails();
        if (emails == null || emails.isEmpty()) {
            v.add(new Violation("customer.noticeEmails", "must name at least one address"));
            return null;
        }
        for (int i = 0; i < emails.size(); i++) {
            String e = emails.get(i);
            if (e == null || e.length() > 254 || !EMAIL.matcher(e).matches()) {
                v.add(new Violation("customer.noticeEmails[" + i + "]", "must be an e-mail address"));
            }
        }
        return new ContractTerms.Customer(
                c.name(), List.copyOf(emails.stream().filter(e -> e != null).toList()));
    }

    private static List<String> services(List<String> services, List<Violation> v) {
        if (services == null || services.isEmpty()) {
            v.add(new Violation("services", "must name at least one service"));
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < services.size(); i++) {
            String s = services.get(i);
            if (s == null || !Ids.SERVICE.matcher(s).matches()) {
                v.add(new Violation("services[" + i + "]", Ids.SERVICE_RULE));
            } else if (!seen.add(s)) {
                v.add(new Violation("services[" + i + "]", "is named twice"));
            }
        }
        return List.copyOf(seen);
    }

    private static MeasurementPolicy policy(String policy, List<Violation> v) {
        if (policy == null) {
            v.add(new Violation("policy", "is required"));
            return null;
        }
        for (MeasurementPolicy p : MeasurementPolicy.values()) {
            if (p.name().equals(policy)) {
                return p;
            }
        }
        v.add(new Violation("policy", "must be PROVIDER_MONITORED or CUSTOMER_TICKET"));
        return null;
    }

    private static Duration minimum(String text, List<Violation> v) {
        if (text == null) {
            return Duration.ZERO;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative()) {
                v.add(new Violation("minimumDowntime", "must not be negative"));
                return null;
            }
            return d.truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            v.add(new Violation("minimumDowntime", "must be an ISO-8601 duration, e.g. PT5M"));
            return null;
        }
    }

    private static String zone(String zone, List<Violation> v) {
        if (zone == null) {
            return "UTC";
        }
        try {
            if (ZoneId.getAvailableZoneIds().contains(zone)) {
                return ZoneId.of(zone).getId();
            }
        } catch (DateTimeException e) {
            // reported below
        }
        v.add(new Violation("timezone", "must be an IANA time zone name, e.g. Europe/Lisbon"));
        return null;
    }

    private static List<CreditTier> tiers(List<ContractRequest.Tier> tiers, List<Violation> v) {
        if (tiers == null) {
            return List.of();
        }
        List<CreditTier> out = new ArrayList<>();
        Set<BigDecimal> below = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            ContractRequest.Tier t = tiers.get(i);
            String f = "creditTiers[" + i + "]";
            if (t == null) {
                v.add(new Violation(f, "must be a tier"));
                continue;
            }
            if (t.belowPercent() == null
                    || t.belowPercent().signum() <= 0
                    || t.belowPercent().compareTo(HUNDRED) > 0) {
                v.add(new Violation(f + ".belowPercent", "must be greater than 0 and at most 100"));
            } else if (!below.add(t.belowPercent().stripTrailingZeros())) {
                v.add(new Violation(f + ".belowPercent", "another tier has the same belowPercent"));
            }
            if (t.creditPercent() == null
                    || t.creditPercent().signum() < 0
                    || t.creditPercent().compareTo(HUNDRED) > 0) {
                v.add(new Violation(f + ".creditPercent", "must be between 0 and 100"));
            }
            out.add(new CreditTier(t.belowPercent(), t.creditPercent()));
        }
        return List.copyOf(out);
    }

    private static Money fee(ContractRequest.Fee fee, List<Violation> v) {
        if (fee == null) {
            return null;
        }
        if (fee.amount() == null || fee.amount().signum() < 0) {
            v.add(new Violation("monthlyFee.amount", "must be 0 or more"));
        }
        String currency = fee.currency();
        try {
            if (currency == null
                    || !Currency.getInstance(currency).getCurrencyCode().equals(currency)) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            v.add(new Violation("monthlyFee.currency", "must be an ISO 4217 currency code, e.g. EUR"));
        }
        return new Money(fee.amount(), currency);
    }

    private static List<ContractTerms.MaintenanceWindow> windows(
            List<ContractRequest.Window> windows, List<Violation> v) {
        if (windows == null) {
            return List.of();
        }
        List<ContractTerms.MaintenanceWindow> out = new ArrayList<>();
        Instant previousEnd = null;
        for (int i = 0; i < windows.size(); i++) {
            ContractRequest.Window w = windows.get(i);
            String f = "maintenanceWindows[" + i + "]";
            if (w == null) {
                v.add(new Violation(f, "must be a window"));
                continue;
            }
            Instant start = instant(w.start(), f + ".start", v);
            Instant end = instant(w.end(), f + ".end", v);
            if (w.reason() != null && w.reason().length() > 500) {
                v.add(new Violation(f + ".reason", "must be at most 500 characters"));
            }
            if (start == null || end == null) {
                previousEnd = null;
                continue;
            }
            if (!end.isAfter(start)) {
                v.add(new Violation(f + ".end", "must be after start"));
            } else if (previousEnd != null && start.isBefore(previousEnd)) {
                v.add(
                        new Violation(
                                f + ".start",
                                "overlaps or precedes the window before it; windows must be in time order and must not overlap"));
            }
            previousEnd = end.isAfter(start) ? end : previousEnd;
            out.add(new ContractTerms.MaintenanceWindow(start, end, w.reason()));
        }
        return List.copyOf(out);
    }

    private static Instant instant(String text, String field, List<Violation> v) {
        if (text == null) {
            v.add(new Violation(field, "is required"));
            return null;
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            v.add(new Violation(field, "must be an ISO-8601 UTC instant, e.g. 2026-10-10T01:00:00Z"));
            return null;
        }
    }
}
