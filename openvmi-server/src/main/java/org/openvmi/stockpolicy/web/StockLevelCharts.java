package org.openvmi.stockpolicy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockQueries;
import org.openvmi.shared.PartyScope;
import org.openvmi.stockpolicy.StockPolicyView;
import org.openvmi.stockpolicy.model.StockLevelHistory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The data of the stock-level chart: daily closing stock of the last 90 days and the three lines. */
@Component
class StockLevelCharts {

    static final int DAYS = 90;

    private final StockQueries stock;
    private final CatalogRefs refs;
    private final Clock clock;

    StockLevelCharts(StockQueries stock, CatalogRefs refs, Clock clock) {
        this.stock = stock;
        this.refs = refs;
        this.clock = clock;
    }

    Map<String, Object> chart(StockPolicyView policy, MessageSource messages) {
        ZoneId zone = ZoneId.systemDefault();
        long itemId = refs.items(Set.of(policy.item())).get(policy.item()).id();
        long warehouseId = refs.warehouses(Set.of(policy.location())).get(policy.location());
        ItemWarehouse subject = new ItemWarehouse(itemId, warehouseId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(DAYS - 1);
        var locale = LocaleContextHolder.getLocale();
        Map<String, Object> chart = new LinkedHashMap<>();
        if (PartyScope.current().seesAll()) {
            List<StockLevelHistory.Day> days = StockLevelHistory.closingLevels(
                    stock.onHand(subject),
                    stock.dailyNetMovement(subject, first.atStartOfDay(zone).toInstant(), zone),
                    first,
                    today);
            chart.put("days", days.stream().map(d -> d.day().toString()).toList());
            chart.put("stock", days.stream().map(d -> d.close().toPlainString()).toList());
        } else {
            // the closing stock counts every owner's stock, other suppliers' consignment too: a supplier could
            // subtract the buyer's and its own and read theirs (ADR 0004 addendum), so it sees the lines only
            chart.put(
                    "days",
                    first.datesUntil(today.plusDays(1)).map(LocalDate::toString).toList());
            chart.put("stock", List.of());
            chart.put("stockHidden", messages.getMessage("common.notShown", null, locale));
        }
        chart.put("safety", policy.safety().toPlainString());
        chart.put("warning", policy.warning().toPlainString());
        chart.put("max", policy.max().toPlainString());
        chart.put("stockLabel", messages.getMessage("stockpolicy.chart.stock", null, locale));
        chart.put("safetyLabel", messages.getMessage("stockpolicy.safety", null, locale));
        chart.put("warningLabel", messages.getMessage("stockpolicy.warning", null, locale));
        chart.put("maxLabel", messages.getMessage("stockpolicy.max", null, locale));
        return chart;
    }
}
