package org.openvmi.notification;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.notification.internal.ReportRepository;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PartyScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each buyer-side user opts in to (or out of) the scheduled report mails, on its own settings page or through
 * {@code /api/v1/report-subscriptions}; a subscription may cover one warehouse. Supplier users are not offered them:
 * the reports cover the whole buyer's stock. Everyone reads and changes only their own.
 */
@Service
public class ReportSubscriptions {

    private final ReportRepository reports;
    private final CatalogRefs refs;
    private final Clock clock;

    ReportSubscriptions(ReportRepository reports, CatalogRefs refs, Clock clock) {
        this.reports = reports;
        this.refs = refs;
        this.clock = clock;
    }

    /** Whether the signed-in user may subscribe at all. */
    public boolean offered() {
        return PartyScope.current().seesAll();
    }

    @Transactional(readOnly = true)
    public Set<ReportMail> mine() {
        return offered() ? reports.subscriptions(CurrentUser.name()) : EnumSet.noneOf(ReportMail.class);
    }

    /**
     * The settings page's form: the reports ticked (keys) are mailed, each for the warehouse chosen (a code; null or
     * blank: every warehouse), the others not. Every warehouse is checked before anything is written (400 on
     * {@code warehouse.<REPORT>}); a subscription whose tick and warehouse did not change is not written at all, so
     * saving the form unchanged changes nothing (not even the subscription's creation time).
     */
    @Transactional
    public void saveMine(java.util.Map<ReportMail, String> chosen) {
        refuseSuppliers();
        java.util.Map<ReportMail, java.util.Optional<String>> wanted = new java.util.EnumMap<>(ReportMail.class);
        if (chosen != null) {
            chosen.forEach((r, w) ->
                    wanted.put(r, java.util.Optional.ofNullable(warehouse(w, "warehouse." + r.name()))));
        }
        java.util.Map<String, ReportSubscriptionView> current = new java.util.HashMap<>();
        reports.mine(CurrentUser.name()).forEach(v -> current.put(v.report(), v));
        for (ReportMail r : ReportMail.values()) {
            ReportSubscriptionView now = current.get(r.name());
            java.util.Optional<String> w = wanted.get(r);
            if (w == null) {
                if (now != null) {
                    reports.remove(CurrentUser.name(), r);
                }
            } else if (now == null) {
                reports.add(CurrentUser.name(), r, w.orElse(null), clock.instant());
            } else if (!java.util.Objects.equals(now.warehouse(), w.orElse(null))) {
                reports.change(CurrentUser.name(), r, w.orElse(null));
            }
        }
    }

    /** The caller's subscriptions by report (none for a supplier user, who is not offered them). */
    @Transactional(readOnly = true)
    public java.util.Map<ReportMail, ReportSubscriptionView> mineByReport() {
        java.util.Map<ReportMail, ReportSubscriptionView> result = new java.util.EnumMap<>(ReportMail.class);
        if (offered()) {
            reports.mine(CurrentUser.name()).forEach(v -> result.put(ReportMail.valueOf(v.report()), v));
        }
        return result;
    }

    /** The caller's subscriptions, in report order. */
    @Transactional(readOnly = true)
    public List<ReportSubscriptionView> list() {
        refuseSuppliers();
        return reports.mine(CurrentUser.name());
    }

    @Transactional(readOnly = true)
    public ReportSubscriptionView get(String report) {
        refuseSuppliers();
        ReportMail r = report(report, true);
        return find(r);
    }

    /** Subscribes the caller: 409 on {@code report} when subscribed already, 400 naming the field on bad input. */
    @Transactional
    public ReportSubscriptionView create(ReportSubscriptionRequest request) {
        refuseSuppliers();
        if (request == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        ReportMail r = report(request.report(), false);
        String warehouse = warehouse(request.warehouse());
        if (!reports.add(CurrentUser.name(), r, warehouse, clock.instant())) {
            throw new ConflictException("report", CodedRefusal.duplicate("report subscription", r.name()));
        }
        return find(r);
    }

    /** Changes the warehouse of the caller's subscription of {@code report} (404 when not subscribed). */
    @Transactional
    public ReportSubscriptionView update(String report, ReportSubscriptionRequest request) {
        refuseSuppliers();
        ReportMail r = report(report, true);
        if (request == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        if (request.report() != null
                && !request.report().isBlank()
                && !request.report().trim().equalsIgnoreCase(r.name())) {
            throw InvalidInputException.of(
                    "report", "is the path's report (" + r.name() + "): delete this subscription and create the other");
        }
        String warehouse = warehouse(request.warehouse());
        if (!reports.change(CurrentUser.name(), r, warehouse)) {
            throw new NotFoundException("Report subscription", r.name());
        }
        return find(r);
    }

    @Transactional
    public void delete(String report) {
        refuseSuppliers();
        ReportMail r = report(report, true);
        if (!reports.remove(CurrentUser.name(), r)) {
            throw new NotFoundException("Report subscription", r.name());
        }
    }

    private ReportSubscriptionView find(ReportMail r) {
        return reports.mine(CurrentUser.name()).stream()
                .filter(v -> v.report().equals(r.name()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Report subscription", r.name()));
    }

    /** The report of a code; in a path an unknown report is a 404 (no such resource), in a body a 400 on the field. */
    private static ReportMail report(String code, boolean path) {
        if (path) {
            for (ReportMail r : ReportMail.values()) {
                if (r.name().equalsIgnoreCase(code == null ? "" : code.trim())) {
                    return r;
                }
            }
            throw new NotFoundException("Report subscription", code);
        }
        String name = AllowedValues.code("report", code, ReportMail.class);
        if (name == null) {
            throw InvalidInputException.of("report", CodedRefusal.required());
        }
        return ReportMail.valueOf(name);
    }

    /** A known warehouse code, or null (blank) for every warehouse; else 400 on {@code warehouse}. */
    private String warehouse(String code) {
        return warehouse(code, "warehouse");
    }

    /** A known warehouse code, or null (blank) for every warehouse; else 400 on {@code field}. */
    private String warehouse(String code, String field) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String w = code.trim();
        if (!refs.warehouses(Set.of(w)).containsKey(w)) {
            throw InvalidInputException.of(field, CodedRefusal.unknown("warehouse", w));
        }
        return w;
    }

    private void refuseSuppliers() {
        if (!offered()) {
            throw new AccessDeniedException("report mails are for buyer-side users");
        }
    }
}
