package org.openvmi.planning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.catalog.CatalogRefs;
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
             FROM planning_forecast f JOIN item i ON i.id = f.item_id JOIN warehouse w ON w.id = f.warehouse_id
             WHERE f.run_id = (SELECT MAX(f2.run_id) FROM planning_forecast f2
                               WHERE f2.item_id = f.item_id AND f2.warehouse_id = f.warehouse_id)""";

    private final JdbcTemplate jdbc;

    ForecastQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        List<ForecastView> rows = jdbc.query(
                "SELECT f.*, i.code AS item_code, i.name AS item_name, w.code AS warehouse_code" + FROM + where
                        + " ORDER BY i.code, w.code LIMIT ? OFFSET ?",
                (rs, n) -> view(rs, scope),
                pageArgs.toArray());
        return new PageResult<>(rows, page.page(), page.size(), total == null ? 0 : total);
    }

    /**
     * A supplier user reads the forecast of its item but not another supplier's lead time (days, deviation, where
     * it came from): those are shown only when the plan used its own. The stock lines stay: they are the buyer's
     * policy, which the supplier already reads under Stock lines.
     */
    private ForecastView view(ResultSet rs, PartyScope scope) throws SQLException {
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
        return new ForecastView(
                rs.getString("item_code"),
                rs.getString("item_name"),
                rs.getString("warehouse_code"),
                rs.getLong("run_id"),
                rs.getInt("bucket_days"),
                rs.getDate("history_start").toLocalDate(),
                parse(rs.getString("history_csv")),
                rs.getDate("first_bucket").toLocalDate(),
                forecast,
                lower,
                upper,
                rs.getString("model"),
                rs.getString("measure"),
                scoreOrNull,
                rs.getString("demand_class"),
                round(rs.getDouble("mean_per_bucket")),
                round(sd),
                leadTimeShown ? rs.getDouble("lead_time_days") : null,
                leadTimeShown ? rs.getDouble("lead_time_sd") : null,
                leadTimeShown ? rs.getString("lead_time_source") : null,
                rs.getInt("stockout_buckets"),
                Decimals.plain(rs.getBigDecimal("service_level")),
                Decimals.plain(rs.getBigDecimal("safety")),
                Decimals.plain(rs.getBigDecimal("reorder_point")),
                Decimals.plain(rs.getBigDecimal("order_up_to")));
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
