package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.planning.model.Plan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes the forecasts of a run in JDBC batches. */
@Repository
public class ForecastRepository {

    private final JdbcTemplate jdbc;

    ForecastRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long runId, LocalDate historyStart, LocalDate firstBucket, List<Plan> plans) {
        jdbc.batchUpdate("""
                INSERT INTO planning_forecast (run_id, item_id, warehouse_id, bucket_days, first_bucket, model, measure, score,
                    demand_class, mean_per_bucket, error_sd, lead_time_days, lead_time_sd, lead_time_source, service_level,
                    safety, reorder_point, order_up_to, stockout_buckets, history_start, history_csv, forecast_csv,
                    lead_time_supplier_id)
                VALUES (?, ?, ?, 7, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", plans, plans.size(), (PreparedStatement ps, Plan p) -> {
            ps.setLong(1, runId);
            ps.setLong(2, p.input().itemId());
            ps.setLong(3, p.input().warehouseId());
            ps.setDate(4, Date.valueOf(firstBucket));
            ps.setString(5, p.choice().model().name());
            ps.setString(6, p.choice().measure());
            if (Double.isFinite(p.choice().score())) {
                ps.setDouble(7, p.choice().score());
            } else {
                ps.setNull(7, Types.DOUBLE);
            }
            ps.setString(8, p.choice().profile().demandClass().name());
            ps.setDouble(9, finite(p.meanPerWeek()));
            ps.setDouble(10, finite(p.errorSd()));
            ps.setDouble(11, p.input().leadTime().meanDays());
            ps.setDouble(12, p.input().leadTime().sdDays());
            ps.setString(13, p.input().leadTime().source());
            ps.setBigDecimal(14, BigDecimal.valueOf(p.input().serviceLevel()));
            ps.setBigDecimal(15, p.safety());
            ps.setBigDecimal(16, p.reorderPoint());
            ps.setBigDecimal(17, p.orderUpTo());
            ps.setInt(18, p.input().stockoutWeeks());
            ps.setDate(19, Date.valueOf(historyStart));
            ps.setString(20, csv(p.input().weekly()));
            ps.setString(21, csv(p.choice().forecast()));
            Long leadTimeSupplier = p.input().leadTime().supplierId();
            if (leadTimeSupplier == null) {
                ps.setNull(22, Types.BIGINT);
            } else {
                ps.setLong(22, leadTimeSupplier);
            }
        });
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : 0;
    }

    static String csv(double[] values) {
        StringBuilder sb = new StringBuilder(values.length * 6);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            double v = Double.isFinite(values[i]) ? Math.max(0, values[i]) : 0;
            long r = Math.round(v * 100);
            if (r % 100 == 0) {
                sb.append(r / 100);
            } else {
                sb.append(r / 100.0);
            }
        }
        return sb.toString();
    }
}
