package org.openvmi.planning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.planning.ForecastView;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The latest forecast per item-warehouse, scoped to the caller's party. */
@Repository
public class ForecastQueries {

    private static final double Z90 = 1.6448536;
    private static final String FROM = " " + """
             FROM planning_forecast f
             WHERE f.run_id = (SELECT MAX(f2.run_id) FROM planning_forecast f2
                               WHERE f2.item_id = f.item_id AND f2.warehouse_id = f.warehouse_id)""";

    private final JdbcTemplate jdbc;
    private final CatalogRefs catalog;

    ForecastQueries(JdbcTemplate jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A row read, waiting for the codes and names of its page (ADR 0068: read from catalog, not joined). */
    private interface Pending {
        ForecastView with(Map<Long, ItemRef> items, Map<Long, NamedRef> warehouses);
    }

    public PageResult<ForecastView> find(Long itemId, Long warehouseId, PageRequest page, PartyScope scope) {
        StringBuilder where = new StringBuilder(" AND ")
                .append(CatalogRefs.itemPredicate("f.item_id", scope)
                        .replace(":scopeSupplierId", String.valueOf(scope.supplierIdParam())));
        List<Object> args = new ArrayList<>();
        if (itemId != null) {
            where.append(" AND f.item_id = ?");
            args.add(itemId);
        }
        if (warehouseId != null) {
            where.append(" AND f.warehouse_id = ?");
            args.add(warehouseId);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + FROM + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<Long> itemIds = new ArrayList<>();
        List<Long> warehouseIds = new ArrayList<>();
        List<Pending> pending = jdbc.query(
                "SELECT f.*" + FROM + where + " ORDER BY " + CatalogRefs.itemCode("f.item_id") + ", "
                        + CatalogRefs.warehouseCode("f.warehouse_id") + " LIMIT ? OFFSET ?",
                (rs, n) -> {
                    itemIds.add(rs.getLong("item_id"));
                    warehouseIds.add(rs.getLong("warehouse_id"));
                    return view(rs, scope);
                },
                pageArgs.toArray());
        Map<Long, ItemRef> items = catalog.itemsById(itemIds);
        Map<Long, NamedRef> warehouses = catalog.warehousesById(warehouseIds);
        List<ForecastView> rows = new ArrayList<>(pending.size());
        pending.forEach(p -> rows.add(p.with(items, warehouses)));
        return new PageResult<>(rows, page.page(), page.size(), total == null ? 0 : total);
    }

    /**
     * A supplier user reads the forecast of its item but not another supplier's lead time (days, deviation, where
     * it came from): those are shown only when the plan used its own. The stock lines stay: they are the buyer's
     * policy, which the supplier already reads under Stock lines.
     */
    private Pending view(ResultSet rs, PartyScope scope) throws SQLException {
        Long leadTimeSupplier = rs.getObject("lead_time_supplier_id", Long.class);
        boolean leadTimeShown = scope.seesAll() || (leadTimeSupplier != null && scope.sees(leadTimeSupplier));
        List<Double> forecast = parse(rs.getString("forecast_csv"));
        double sd = rs.getDouble("error_sd");
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        for (double f : forecast) {
            lower.add(round(Math.max(0, f - Z90 * sd)));
            upper.add(round(f + Z90 * sd));
        }
        double score = rs.getDouble("score");
        Double scoreOrNull = rs.wasNull() ? null : round(score, 1000);
        long itemId = rs.getLong("item_id");
        long warehouseId = rs.getLong("warehouse_id");
        long runId = rs.getLong("run_id");
        int bucketDays = rs.getInt("bucket_days");
        java.time.LocalDate historyStart = rs.getDate("history_start").toLocalDate();
        List<Double> history = parse(rs.getString("history_csv"));
        java.time.LocalDate firstBucket = rs.getDate("first_bucket").toLocalDate();
        String model = rs.getString("model");
        String measure = rs.getString("measure");
        String demandClass = rs.getString("demand_class");
        double mean = round(rs.getDouble("mean_per_bucket"));
        Double leadTimeDays = leadTimeShown ? rs.getDouble("lead_time_days") : null;
        Double leadTimeSd = leadTimeShown ? rs.getDouble("lead_time_sd") : null;
        String leadTimeSource = leadTimeShown ? rs.getString("lead_time_source") : null;
        int stockoutBuckets = rs.getInt("stockout_buckets");
        java.math.BigDecimal serviceLevel = Decimals.plain(rs.getBigDecimal("service_level"));
        java.math.BigDecimal safety = Decimals.plain(rs.getBigDecimal("safety"));
        java.math.BigDecimal reorderPoint = Decimals.plain(rs.getBigDecimal("reorder_point"));
        java.math.BigDecimal orderUpTo = Decimals.plain(rs.getBigDecimal("order_up_to"));
        return (items, warehouses) -> {
            ItemRef item = items.get(itemId);
            NamedRef warehouse = warehouses.get(warehouseId);
            return new ForecastView(
                    item == null ? null : item.code(),
                    item == null ? null : item.name(),
                    warehouse == null ? null : warehouse.code(),
                    runId,
                    bucketDays,
                    historyStart,
                    history,
                    firstBucket,
                    forecast,
                    lower,
                    upper,
                    model,
                    measure,
                    scoreOrNull,
                    demandClass,
                    mean,
                    round(sd),
                    leadTimeDays,
                    leadTimeSd,
                    leadTimeSource,
                    stockoutBuckets,
                    serviceLevel,
                    safety,
                    reorderPoint,
                    orderUpTo);
        };
    }

    private static List<Double> parse(String csv) {
        List<Double> values = new ArrayList<>();
        if (csv != null && !csv.isEmpty()) {
            for (String part : csv.split(",")) {
                values.add(Double.parseDouble(part));
            }
        }
        return values;
    }

    private static double round(double x) {
        return round(x, 100);
    }

    private static double round(double x, double scale) {
        return Math.round(x * scale) / scale;
    }
}
