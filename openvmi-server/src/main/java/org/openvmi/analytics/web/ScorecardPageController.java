package org.openvmi.analytics.web;

import org.openvmi.analytics.AnalyticsQueries;
import org.openvmi.analytics.SupplyKpiQueries;
import org.openvmi.shared.PartyScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The supplier portal's scorecard: how well the signed-in supplier serves, over the last 90 days. */
@Controller
class ScorecardPageController {

    private static final int DAYS = 90;

    private final AnalyticsQueries analytics;
    private final SupplyKpiQueries supply;

    ScorecardPageController(AnalyticsQueries analytics, SupplyKpiQueries supply) {
        this.analytics = analytics;
        this.supply = supply;
    }

    @GetMapping("/portal/scorecard")
    String scorecard(Model model) {
        String supplier = PartyScope.current().supplierCode();
        var to = analytics.period(null, null).to();
        model.addAttribute(
                "card",
                supply.complete(analytics.scorecard(supplier, null, analytics.period(to.minusDays(DAYS - 1), to))));
        return "analytics/scorecard";
    }
}
