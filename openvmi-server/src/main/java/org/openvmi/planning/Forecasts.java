package org.openvmi.planning;

import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.planning.internal.ForecastQueries;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The latest forecasts per item and warehouse (location = warehouse code); a supplier user sees its own items. */
@Service
public class Forecasts {

    private final ForecastQueries queries;
    private final PlanningCatalog catalog;

    Forecasts(ForecastQueries queries, PlanningCatalog catalog) {
        this.queries = queries;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    public PageResult<ForecastView> find(String item, String location, PageRequest page) {
        Long itemId = null;
        if (item != null && !item.isBlank()) {
            itemId = catalog.itemId(item.trim());
            if (itemId == null) {
                throw InvalidInputException.of("item", CodedRefusal.unknown("item", item));
            }
        }
        Long warehouseId = null;
        if (location != null && !location.isBlank()) {
            warehouseId = catalog.warehouseId(location.trim());
            if (warehouseId == null) {
                throw InvalidInputException.of("location", CodedRefusal.unknown("warehouse", location));
            }
        }
        return queries.find(itemId, warehouseId, page, PartyScope.current());
    }
}
