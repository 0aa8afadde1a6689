package org.openvmi.notification;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.openvmi.notification.internal.ReportRepository;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.PartyScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each buyer-side user opts in to (or out of) the scheduled report mails on its own settings page. Supplier users are
 * not offered them: the reports cover the whole buyer's stock.
 */
@Service
public class ReportSubscriptions {

    private final ReportRepository reports;
    private final Clock clock;

    ReportSubscriptions(ReportRepository reports, Clock clock) {
        this.reports = reports;
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

    @Transactional
    public void saveMine(Set<ReportMail> chosen) {
        if (!offered()) {
            throw new AccessDeniedException("report mails are for buyer-side users");
        }
        reports.replace(CurrentUser.name(), chosen == null ? Set.of() : chosen, clock.instant());
    }
}
