package com.slaledger.ledger.contract;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.slaledger.events.Ids;
import com.slaledger.events.Limits;
import com.slaledger.ledger.engine.BusinessCalendar;
import com.slaledger.ledger.engine.Credit;
import com.slaledger.ledger.engine.CreditTier;
import com.slaledger.ledger.engine.Credits;
import com.slaledger.ledger.engine.Decimals;
import com.slaledger.ledger.engine.MeasurementPolicy;
import com.slaledger.ledger.engine.Money;
import com.slaledger.ledger.engine.NoDataRule;
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

    /** Most entries in a contract's lists (SPEC §11). */
    static final int MAX_SERVICES = 100;

    static final int MAX_WINDOWS = 500;
    static final int MAX_EMAILS = 20;
    static final int MAX_TIERS = 20;
    static final int MAX_THRESHOLDS = 20;
    /** Support targets and duties together (SPEC §11). */
    static final int MAX_ELEMENTS = 50;

    /**
     * @param now the present: maintenance windows lie after 2000 and within {@code lateHorizon} of it
     */
    public static Result validate(String contractId, ContractRequest r, Instant now, Duration lateHorizon) {
        List<Violation> v = new ArrayList<>();
        if (contractId == null || !Ids.CONTRACT.matcher(contractId).matches()) {
            v.add(new Violation("contractId", Ids.CONTRACT_RULE));
        }
        if (r == null) {
            v.add(new Violation("", "a JSON body is required"));
            return new Result(null, v);
        }
        ContractTerms.Customer customer = customer(r.customer(), v);
        List<CoveredService> services = services(r.services(), v);
        MeasurementPolicy policy = policy(r.policy(), v);
        BigDecimal target = r.uptimeTargetPercent();
        if (target == null) {
            v.add(new Violation("uptimeTargetPercent", "is required"));
        } else if (target.signum() <= 0 || target.compareTo(HUNDRED) > 0) {
            v.add(new Violation("uptimeTargetPercent", "must be greater than 0 and at most 100"));
        } else {
            precise(target, "uptimeTargetPercent", v);
        }
        Duration minimum = minimum(r.minimumDowntime(), v);
        String zone = zone(r.timezone(), v);
        List<CreditTier> tiers = tiers(r.creditTiers(), v);
        BigDecimal cap = r.creditCapPercent() == null ? HUNDRED : r.creditCapPercent();
        if (cap.signum() < 0 || cap.compareTo(HUNDRED) > 0) {
            v.add(new Violation("creditCapPercent", "must be between 0 and 100"));
        } else {
            precise(cap, "creditCapPercent", v);
        }
        Money fee = fee(r.monthlyFee(), v);
        List<ContractTerms.MaintenanceWindow> windows = windows(r.maintenanceWindows(), now, lateHorizon, v);
        NoDataRule noData = noData(r.noData(), v);
        ContractTerms.Alerts alerts = alerts(r.alerts(), v);
        LocalDate startsOn = startsOn(r.startsOn(), v);
        ContractTerms.Support support = support(r.support(), v);
        List<ContractTerms.Duty> duties = duties(r.duties(), now, v);
        ContractTerms.CreditTerms credits = credits(r.credits(), v);
        String locale = locale(r.locale(), v);
        ContractTerms.MaintenanceNoticeTerms maintenanceNotices = maintenanceNotices(r.maintenanceNotices(), v);
        int elements = (support == null ? 0 : support.targets().size()) + duties.size();
        if (elements > MAX_ELEMENTS) {
            v.add(new Violation("duties", "support targets and duties: at most " + MAX_ELEMENTS + " together"));
        }
        if (!v.isEmpty()) {
            return new Result(null, v);
        }
        return new Result(
                new ContractTerms(
                        customer,
                        services,
                        policy,
                        target,
                        minimum,
                        zone,
                        tiers,
                        cap,
                        fee,
                        windows,
                        noData,
                        alerts,
                        startsOn,
                        support,
                        duties,
                        credits,
                        locale,
                        maintenanceNotices),
                List.of());
    }

    /** The furthest ahead a maintenance notice may be announced: a year and a day. */
    static final Duration MAX_ANNOUNCE_AHEAD = Duration.ofDays(366);

    private static String locale(String locale, List<Violation> v) {
        if (locale == null) {
            return null;
        }
        if (!ContractTerms.LOCALES.contains(locale)) {
            v.add(new Violation("locale", "must be one of " + String.join(", ", ContractTerms.LOCALES)));
            return null;
        }
        // en is the default: stored as absent, so that putting it changes nothing
        return ContractTerms.LOCALES.get(0).equals(locale) ? null : locale;
    }

    private static ContractTerms.MaintenanceNoticeTerms maintenanceNotices(
            ContractRequest.MaintenanceNotices m, List<Violation> v) {
        if (m == null) {
            return null;
        }
        Duration ahead = noticeDuration(m.announceAhead(), "maintenanceNotices.announceAhead", true, v);
        Duration reminder = noticeDuration(m.reminderBefore(), "maintenanceNotices.reminderBefore", false, v);
        if (ahead != null && reminder != null && reminder.compareTo(ahead) >= 0) {
            v.add(new Violation("maintenanceNotices.reminderBefore", "must be shorter than announceAhead"));
        }
        return ahead == null ? null : new ContractTerms.MaintenanceNoticeTerms(ahead, reminder);
    }

    private static Duration noticeDuration(String text, String field, boolean required, List<Violation> v) {
        if (text == null) {
            if (required) {
                v.add(new Violation(field, "is required: an ISO-8601 duration, e.g. P7D"));
            }
            return null;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.isZero() || d.compareTo(MAX_ANNOUNCE_AHEAD) > 0) {
                v.add(new Violation(field, "must be longer than zero and at most P366D"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            v.add(new Violation(field, "must be an ISO-8601 duration, e.g. P7D"));
            return null;
        }
    }

    /** The longest claim window: a year and a day. */
    static final Duration MAX_CLAIM_WINDOW = Duration.ofDays(366);

    private static ContractTerms.CreditTerms credits(ContractRequest.Credits c, List<Violation> v) {
        if (c == null) {
            return null;
        }
        Credits.ClaimMode mode;
        if (c.claim() == null || c.claim().equals("AUTOMATIC")) {
            mode = Credits.ClaimMode.AUTOMATIC;
        } else if (c.claim().equals("REQUIRED")) {
            mode = Credits.ClaimMode.REQUIRED;
        } else {
            v.add(new Violation("credits.claim", "must be AUTOMATIC or REQUIRED"));
            return null;
        }
        if (mode == Credits.ClaimMode.AUTOMATIC) {
            if (c.claimWindow() != null) {
                v.add(new Violation("credits.claimWindow", "is only for claim REQUIRED"));
            }
            return new ContractTerms.CreditTerms(mode, null);
        }
        if (c.claimWindow() == null) {
            v.add(new Violation(
                    "credits.claimWindow", "is required with claim REQUIRED: an ISO-8601 duration, e.g. P30D"));
            return null;
        }
        try {
            Duration window = Duration.parse(c.claimWindow());
            if (window.isNegative() || window.isZero() || window.compareTo(MAX_CLAIM_WINDOW) > 0) {
                v.add(new Violation("credits.claimWindow", "must be longer than zero and at most P366D"));
                return null;
            }
            return new ContractTerms.CreditTerms(mode, window);
        } catch (java.time.format.DateTimeParseException e) {
            v.add(new Violation("credits.claimWindow", "must be an ISO-8601 duration, e.g. P30D"));
            return null;
        }
    }

    /** At most four decimal places (SPEC §11): a tier is then stored exactly as it was agreed. */
    private static void precise(BigDecimal percent, String field, List<Violation> v) {
        if (!Limits.percentPrecise(percent)) {
            v.add(new Violation(field, "must have at most " + Limits.PERCENT_DECIMALS + " decimal places"));
        }
    }

    private static boolean tooMany(List<?> list, int max, String field, List<Violation> v) {
        if (list != null && list.size() > max) {
            v.add(new Violation(field, "must have at most " + max + " entries"));
            return true;
        }
        return false;
    }

    private static ContractTerms.Support support(ContractRequest.Support s, List<Violation> v) {
        if (s == null) {
            return null;
        }
        String calendar = s.calendar() == null ? BusinessCalendar.ALWAYS_ID : s.calendar();
        if (!Ids.CONTRACT.matcher(calendar).matches()) {
            v.add(new Violation("support.calendar", "must be a calendar id (1 to 64 of [A-Za-z0-9._:-])"));
        }
        List<ContractRequest.Target> targets = s.targets() == null ? List.of() : s.targets();
        if (targets.isEmpty()) {
            v.add(new Violation("support.targets", "must name at least one target"));
        }
        List<ContractTerms.SupportTarget> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String f = "support.targets[" + i + "]";
            ContractRequest.Target t = targets.get(i);
            if (t == null) {
                v.add(new Violation(f, "must be an object"));
                continue;
            }
            int before = v.size();
            if (t.priority() == null || !t.priority().matches("P[1-4]")) {
                v.add(new Violation(f + ".priority", "must be P1, P2, P3 or P4"));
            } else if (!seen.add(t.priority())) {
                v.add(new Violation(f + ".priority", "has a target already"));
            }
            Duration first = positive(t.firstResponse(), f + ".firstResponse", v);
            Duration resolution = positive(t.resolution(), f + ".resolution", v);
            if (t.firstResponse() == null && t.resolution() == null) {
                v.add(new Violation(f, "must have firstResponse, resolution or both"));
            }
            BigDecimal percent = t.percentMet() == null ? HUNDRED : t.percentMet();
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                v.add(new Violation(f + ".percentMet", "must be greater than 0 and at most 100"));
            } else {
                precise(percent, f + ".percentMet", v);
            }
            if (v.size() == before) {
                out.add(new ContractTerms.SupportTarget(
                        t.priority(), first, resolution, percent, t.pauseWhileWaiting()));
            }
        }
        out.sort(Comparator.comparing(ContractTerms.SupportTarget::priority));
        return new ContractTerms.Support(calendar, out);
    }

    private static List<ContractTerms.Duty> duties(List<ContractRequest.Duty> duties, Instant now, List<Violation> v) {
        if (duties == null) {
            return List.of();
        }
        List<ContractTerms.Duty> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < duties.size(); i++) {
            String f = "duties[" + i + "]";
            ContractRequest.Duty d = duties.get(i);
            if (d == null) {
                v.add(new Violation(f, "must be an object"));
                continue;
            }
            int before = v.size();
            if (d.dutyId() == null || !Ids.SERVICE.matcher(d.dutyId()).matches()) {
                v.add(new Violation(f + ".dutyId", "must be 1 to 64 characters of [A-Za-z0-9._:-]"));
            } else if (!seen.add(d.dutyId())) {
                v.add(new Violation(f + ".dutyId", "appears twice"));
            }
            if (d.name() == null || d.name().isBlank() || d.name().length() > Limits.MAX_NAME) {
                v.add(new Violation(f + ".name", "is required, at most " + Limits.MAX_NAME + " characters"));
            }
            Duration every = d.every() == null ? null : positive(d.every(), f + ".every", v);
            if (d.every() == null) {
                v.add(new Violation(f + ".every", "is required, e.g. P1D"));
            }
            Duration grace = Duration.ZERO;
            if (d.grace() != null) {
                try {
                    grace = Duration.parse(d.grace());
                    if (grace.isNegative()) {
                        v.add(new Violation(f + ".grace", "must not be negative"));
                    }
                } catch (DateTimeParseException e) {
                    v.add(new Violation(f + ".grace", "must be an ISO-8601 duration, e.g. PT2H"));
                }
            }
            Instant since = null;
            if (d.since() == null) {
                v.add(new Violation(f + ".since", "is required: the instant from which the duty is due"));
            } else {
                try {
                    since = Instant.parse(d.since());
                    if (!since.isAfter(Limits.EARLIEST)) {
                        v.add(new Violation(f + ".since", "must be after " + Limits.EARLIEST));
                    }
                } catch (DateTimeParseException e) {
                    v.add(new Violation(f + ".since", "must be an ISO-8601 UTC instant"));
                }
            }
            if (v.size() == before) {
                out.add(new ContractTerms.Duty(
                        d.dutyId(), d.name(), every, grace, since.truncatedTo(ChronoUnit.SECONDS)));
            }
        }
        return out;
    }

    /** A positive ISO-8601 duration, or null when absent. */
    private static Duration positive(String text, String field, List<Violation> v) {
        if (text == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.isZero()) {
                v.add(new Violation(field, "must be a positive duration"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            v.add(new Violation(field, "must be an ISO-8601 duration, e.g. PT30M"));
            return null;
        }
    }

    private static NoDataRule noData(String text, List<Violation> v) {
        if (text == null) {
            return NoDataRule.UP;
        }
        for (NoDataRule rule : NoDataRule.values()) {
            if (rule.name().equals(text)) {
                return rule;
            }
        }
        v.add(new Violation("noData", "must be UP, DOWN or EXCLUDED"));
        return null;
    }

    private static ContractTerms.Alerts alerts(ContractRequest.Alerts a, List<Violation> v) {
        if (a == null) {
            return null;
        }
        List<String> emails = a.emails() == null ? List.of() : a.emails();
        if (emails.isEmpty()) {
            v.add(new Violation("alerts.emails", "must name at least one address"));
        } else if (!tooMany(emails, MAX_EMAILS, "alerts.emails", v)) {
            for (int i = 0; i < emails.size(); i++) {
                String e = emails.get(i);
                if (e == null || e.length() > 254 || !EMAIL.matcher(e).matches()) {
                    v.add(new Violation("alerts.emails[" + i + "]", "must be an e-mail address"));
                }
            }
        }
        List<BigDecimal> thresholds = a.allowanceUsedPercent() == null ? List.of() : a.allowanceUsedPercent();
        if (thresholds.isEmpty()) {
            v.add(new Violation("alerts.allowanceUsedPercent", "must name at least one share of the allowance"));
        } else if (!tooMany(thresholds, MAX_THRESHOLDS, "alerts.allowanceUsedPercent", v)) {
            Set<BigDecimal> seen = new HashSet<>();
            for (int i = 0; i < thresholds.size(); i++) {
                BigDecimal t = thresholds.get(i);
                String f = "alerts.allowanceUsedPercent[" + i + "]";
                if (t == null || t.signum() <= 0 || t.compareTo(HUNDRED) > 0) {
                    v.add(new Violation(f, "must be greater than 0 and at most 100"));
                } else if (!Limits.percentPrecise(t)) {
                    v.add(new Violation(f, "must have at most " + Limits.PERCENT_DECIMALS + " decimal places"));
                } else if (!seen.add(t.stripTrailingZeros())) {
                    v.add(new Violation(f, "is named twice"));
                }
            }
        }
        List<String> clean = emails.stream().filter(e -> e != null).toList();
        List<BigDecimal> sorted = thresholds.stream()
                .filter(t -> t != null)
                .map(ContractValidator::plain)
                .distinct()
                .sorted()
                .toList();
        return new ContractTerms.Alerts(clean, sorted);
    }

    /** 50.0 → 50, 12.50 → 12.5 (never 5E+1). */
    static BigDecimal plain(BigDecimal d) {
        return Decimals.plain(d);
    }

    private static LocalDate startsOn(String text, List<Violation> v) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 2000) {
                v.add(new Violation("startsOn", "must be a date from 2000 on"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            v.add(new Violation("startsOn", "must be an ISO-8601 date, e.g. 2026-10-01"));
            return null;
        }
    }

    private static ContractTerms.Customer customer(ContractRequest.Customer c, List<Violation> v) {
        if (c == null) {
            v.add(new Violation("customer", "is required"));
            return null;
        }
        if (c.name() == null || c.name().isBlank() || c.name().length() > Limits.MAX_NAME) {
            v.add(new Violation("customer.name", "is required, at most " + Limits.MAX_NAME + " characters"));
        }
        List<String> emails = c.noticeEmails();
        if (emails == null || emails.isEmpty()) {
            v.add(new Violation("customer.noticeEmails", "must name at least one address"));
            return null;
        }
        if (tooMany(emails, MAX_EMAILS, "customer.noticeEmails", v)) {
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

    /** Most members of a redundant group (SPEC §16.2). */
    static final int MAX_MEMBERS = 20;

    private static List<CoveredService> services(List<CoveredService> services, List<Violation> v) {
        if (services == null || services.isEmpty()) {
            v.add(new Violation("services", "must name at least one service"));
            return List.of();
        }
        if (tooMany(services, MAX_SERVICES, "services", v)) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> members = new HashSet<>();
        List<CoveredService> out = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            CoveredService s = services.get(i);
            String f = "services[" + i + "]";
            if (s == null || s.name() == null || !Ids.SERVICE.matcher(s.name()).matches()) {
                v.add(new Violation(s != null && s.isGroup() ? f + ".name" : f, Ids.SERVICE_RULE));
                continue;
            }
            if (!names.add(s.name())) {
                v.add(new Violation(s.isGroup() ? f + ".name" : f, "is named twice"));
                continue;
            }
            if (!s.isGroup()) {
                out.add(s);
                continue;
            }
            List<String> anyOf = s.anyOf();
            if (anyOf.size() < 2 || anyOf.size() > MAX_MEMBERS) {
                v.add(new Violation(f + ".anyOf", "must name 2 to " + MAX_MEMBERS + " services"));
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int m = 0; m < anyOf.size(); m++) {
                String id = anyOf.get(m);
                if (id == null || !Ids.SERVICE.matcher(id).matches()) {
                    v.add(new Violation(f + ".anyOf[" + m + "]", Ids.SERVICE_RULE));
                } else if (!seen.add(id)) {
                    v.add(new Violation(f + ".anyOf[" + m + "]", "is named twice in the group"));
                } else if (id.equals(s.name())) {
                    v.add(new Violation(f + ".anyOf[" + m + "]", "must not be the group's own name"));
                }
            }
            members.addAll(seen);
            out.add(CoveredService.group(s.name(), List.copyOf(seen)));
        }
        // a group's name is what tickets and intervals name: it must not also be a service it or another one covers
        for (int i = 0; i < services.size(); i++) {
            CoveredService s = services.get(i);
            if (s != null && s.isGroup() && members.contains(s.name())) {
                v.add(new Violation("services[" + i + "].name", "is also the id of a covered member"));
            }
        }
        return List.copyOf(out);
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
        if (tiers == null || tooMany(tiers, MAX_TIERS, "creditTiers", v)) {
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
            } else if (!Limits.percentPrecise(t.belowPercent())) {
                precise(t.belowPercent(), f + ".belowPercent", v);
            } else if (!below.add(t.belowPercent().stripTrailingZeros())) {
                v.add(new Violation(f + ".belowPercent", "another tier has the same belowPercent"));
            }
            if (t.creditPercent() == null
                    || t.creditPercent().signum() < 0
                    || t.creditPercent().compareTo(HUNDRED) > 0) {
                v.add(new Violation(f + ".creditPercent", "must be between 0 and 100"));
            } else {
                precise(t.creditPercent(), f + ".creditPercent", v);
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
            currency = null;
        }
        if (currency != null
                && fee.amount() != null
                && fee.amount().stripTrailingZeros().scale() > Credit.minorUnit(currency)) {
            v.add(new Violation(
                    "monthlyFee.amount",
                    "must have at most " + Credit.minorUnit(currency) + " decimal places for " + currency));
        }
        return new Money(fee.amount(), currency);
    }

    private static List<ContractTerms.MaintenanceWindow> windows(
            List<ContractRequest.Window> windows, Instant now, Duration lateHorizon, List<Violation> v) {
        if (windows == null || tooMany(windows, MAX_WINDOWS, "maintenanceWindows", v)) {
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
            if (w.reason() != null && w.reason().length() > Limits.MAX_TEXT) {
                v.add(new Violation(f + ".reason", "must be at most " + Limits.MAX_TEXT + " characters"));
            }
            if (w.recurrence() != null) {
                ContractTerms.MaintenanceWindow recurring = recurring(w, f, v);
                if (recurring != null) {
                    out.add(recurring);
                }
                continue;
            }
            for (String[] field : new String[][] {
                {"startTime", w.startTime()}, {"duration", w.duration()}, {"from", w.from()}, {"until", w.until()}
            }) {
                if (field[1] != null) {
                    v.add(new Violation(f + "." + field[0], "belongs to a recurring window: give recurrence too"));
                }
            }
            Instant start = inRange(instant(w.start(), f + ".start", v), f + ".start", now, lateHorizon, v);
            Instant end = inRange(instant(w.end(), f + ".end", v), f + ".end", now, lateHorizon, v);
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

    /** A recurring window (SPEC §16.3): its rule, local start time, duration up to a day, dates. */
    private static ContractTerms.MaintenanceWindow recurring(ContractRequest.Window w, String f, List<Violation> v) {
        int before = v.size();
        if (w.start() != null || w.end() != null) {
            v.add(new Violation(f + ".start", "a recurring window has startTime and duration, not start and end"));
        }
        String problem = RecurrenceRule.problem(w.recurrence());
        if (problem != null) {
            v.add(new Violation(f + ".recurrence", problem));
        }
        LocalTime startTime = null;
        if (w.startTime() == null) {
            v.add(new Violation(f + ".startTime", "is required: the local time each occurrence starts, HH:MM"));
        } else {
            try {
                startTime = LocalTime.parse(w.startTime());
            } catch (DateTimeParseException e) {
                v.add(new Violation(f + ".startTime", "must be a local time HH:MM"));
            }
        }
        Duration duration = null;
        if (w.duration() == null) {
            v.add(new Violation(f + ".duration", "is required: each occurrence's length, ISO-8601"));
        } else {
            try {
                duration = Duration.parse(w.duration());
                if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(1)) > 0) {
                    v.add(new Violation(f + ".duration", "must be more than zero and at most P1D"));
                }
            } catch (DateTimeParseException e) {
                v.add(new Violation(f + ".duration", "must be an ISO-8601 duration such as PT2H"));
            }
        }
        LocalDate from = localDate(w.from(), f + ".from", true, v);
        LocalDate until = localDate(w.until(), f + ".until", false, v);
        if (from != null && until != null && !until.isAfter(from)) {
            v.add(new Violation(f + ".until", "must be after from"));
        }
        if (v.size() > before) {
            return null;
        }
        return new ContractTerms.MaintenanceWindow(
                null, null, w.reason(), w.recurrence(), startTime, duration, from, until);
    }

    private static LocalDate localDate(String text, String field, boolean required, List<Violation> v) {
        if (text == null) {
            if (required) {
                v.add(new Violation(field, "is required: a local date YYYY-MM-DD"));
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text);
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                v.add(new Violation(field, "must be a date between 2000 and 2200"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            v.add(new Violation(field, "must be a local date YYYY-MM-DD"));
            return null;
        }
    }

    private static Instant inRange(Instant at, String field, Instant now, Duration lateHorizon, List<Violation> v) {
        if (at == null) {
            return null;
        }
        String problem = Limits.instantProblem(at, now, lateHorizon);
        if (problem != null) {
            v.add(new Violation(field, problem));
            return null;
        }
        return at;
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
