package org.openvmi.supplier;

import java.math.BigDecimal;
import java.util.List;
import org.openvmi.planning.SuggestionView;
import org.openvmi.stockpolicy.AlertView;

/**
 * A supplier user's home: its items at the buyer (stock by location, own vs consignment, days of cover from the
 * consumption of the last {@code days} days), that consumption per day, its open alerts and the freshness of its
 * own stock report, and the open replenishment suggestions that would order from it (planning). Call-offs and
 * statements join when consignment lands.
 */
public record PortalView(
        String supplier,
        int days,
        List<Item> items,
        List<String> dayLabels,
        List<BigDecimal> dailyConsumption,
        List<AlertView> openAlerts,
        long reportedItems,
        long staleItems,
        List<SuggestionView> openSuggestions) {

    /** One item of the supplier's source list at the buyer. */
    public record Item(
            String item,
            String itemName,
            String uom,
            BigDecimal ownOnHand,
            BigDecimal consignmentOnHand,
            List<Location> locations,
            BigDecimal consumed,
            BigDecimal dailyAverage,
            BigDecimal daysOfCover) {

        public BigDecimal onHand() {
            return ownOnHand.add(consignmentOnHand);
        }
    }

    /** On hand at one location for one owner: OWN (the buyer's) or the supplier's consignment. */
    public record Location(String warehouse, String location, boolean consignment, BigDecimal onHand) {}
}
