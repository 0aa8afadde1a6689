package org.openvmi.analytics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.analytics.model.EndState;
import org.openvmi.analytics.model.SnapshotKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stale stock and health at the end of any day (ADR 0096), summed per item × warehouse by one grouped statement
 * instead of one object per key in the JVM. Each key's state at day D: a key whose latest row is on or before D is
 * its latest row ({@code analytics_key_latest}); any other key (first row on or before D) has its month row for D's
 * month (the months are contiguous, ADR 0050), whose opening is its state before that month, and its daily rows from
 * the month's first day to D give the closing and the last day stock went out (the rule of
 * {@code KpiCalculator.lastIssue}: an issue, or for a supplier's key stock falling below the day before plus the day's
 * receipts). Without such a day in the month, the last day it went out before is the latest row's when that is before
 * the month, else the latest of the earlier month rows'. Staleness counts from that day, else the key's first day.
 */
@Component
public class EndStates {

    private final NamedParameterJdbcTemplate streaming;

    EndStates(JdbcTemplate template) {
        JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(10_000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    /** The item × warehouses with a key holding stock at the end of {@code day}, in the warehouse and owner given. */
    @Transactional(readOnly = true)
    public List<EndState> at(String warehouse, String owner, LocalDate day, int staleDays) {
        Map<String, Object> params = new HashMap<>();
        params.put("warehouse", warehouse);
        params.put("owner", owner);
        params.put("d", Date.valueOf(day));
        params.put("m", Date.valueOf(day.withDayOfMonth(1)));
        params.put("stale", Date.valueOf(day.minusDays(staleDays)));
        params.put("own", SnapshotKey.OWN);
        String latest = "SELECT item, warehouse, closing_qty AS qty, closing_value AS val, "
                + "COALESCE(last_out_day, first_day) AS since FROM analytics_key_latest"
                + where("", warehouse, owner) + " last_day <= :d";
        Integer open = streaming.queryForObject(
                "SELECT COUNT(*) FROM analytics_key_latest" + where("", warehouse, owner)
                        + " first_day <= :d AND last_day > :d",
                params,
                Integer.class);
        String keys = latest;
        if (open != null && open > 0) {
            String window = " OVER (PARTITION BY item, warehouse, owner ORDER BY snapshot_day)";
            String monthRows = "SELECT item, warehouse, owner, MIN(snapshot_day) AS first_day, "
                    + "MAX(CASE WHEN prev_day IS NULL THEN receipt_qty END) AS first_receipt, "
                    + "MAX(CASE WHEN prev_day IS NULL THEN closing_qty END) AS first_closing, "
                    + "MAX(CASE WHEN issue_qty > 0 OR (owner <> :own AND prev_qty + receipt_qty > closing_qty) "
                    + "THEN snapshot_day END) AS out_day, "
                    + "MAX(CASE WHEN next_day IS NULL THEN closing_qty END) AS last_qty, "
                    + "MAX(CASE WHEN next_day IS NULL THEN closing_value END) AS last_value FROM ("
                    + "SELECT item, warehouse, owner, snapshot_day, closing_qty, closing_value, receipt_qty, issue_qty, "
                    + "LAG(closing_qty)" + window + " AS prev_qty, LAG(snapshot_day)" + window + " AS prev_day, "
                    + "LEAD(snapshot_day)" + window + " AS next_day FROM analytics_daily"
                    + where("", warehouse, owner) + " snapshot_day >= :m AND snapshot_day <= :d) x "
                    + "GROUP BY item, warehouse, owner";
            String since = "COALESCE(r.out_day, CASE WHEN l.owner <> :own AND COALESCE(m.opening_qty, 0) "
                    + "+ r.first_receipt > r.first_closing THEN r.first_day END, "
                    + "CASE WHEN l.last_out_day IS NULL THEN NULL WHEN l.last_out_day < :m THEN l.last_out_day "
                    + "ELSE (SELECT MAX(o.last_out_day) FROM analytics_monthly o WHERE o.item = l.item "
                    + "AND o.warehouse = l.warehouse AND o.owner = l.owner AND o.month_start < :m) END, l.first_day)";
            keys += " UNION ALL SELECT l.item, l.warehouse, COALESCE(r.last_qty, m.opening_qty, 0) AS qty, "
                    + "COALESCE(r.last_value, m.opening_value, 0) AS val, " + since + " AS since "
                    + "FROM analytics_key_latest l LEFT JOIN analytics_monthly m ON m.item = l.item "
                    + "AND m.warehouse = l.warehouse AND m.owner = l.owner AND m.month_start = :m "
                    + "LEFT JOIN (" + monthRows + ") r ON r.item = l.item AND r.warehouse = l.warehouse "
                    + "AND r.owner = l.owner" + where("l.", warehouse, owner)
                    + " l.first_day <= :d AND l.last_day > :d";
        }
        List<EndState> states = new ArrayList<>();
        streaming.query(
                "SELECT item, warehouse, SUM(qty) AS qty, "
                        + "SUM(CASE WHEN qty > 0 AND since <= :stale THEN val ELSE 0 END) AS stale_value, "
                        + "SUM(CASE WHEN qty > 0 AND since <= :stale THEN 1 ELSE 0 END) AS stale_lines, "
                        + "SUM(CASE WHEN qty > 0 AND since > :stale THEN val ELSE 0 END) AS fresh_value "
                        + "FROM (" + keys + ") k GROUP BY item, warehouse "
                        + "HAVING MAX(CASE WHEN qty > 0 THEN 1 ELSE 0 END) = 1",
                params,
                (RowCallbackHandler) rs -> states.add(new EndState(
                        rs.getString("item"),
                        rs.getString("warehouse"),
                        rs.getBigDecimal("qty"),
                        rs.getBigDecimal("stale_value"),
                        rs.getLong("stale_lines"),
                        rs.getBigDecimal("fresh_value"))));
        return states;
    }

    /** " WHERE [warehouse = :warehouse AND] [owner = :owner AND]" with the columns of {@code alias}. */
    private static String where(String alias, String warehouse, String owner) {
        return new ScopeFilter(null, warehouse, owner).whereAnd(alias);
    }
}
