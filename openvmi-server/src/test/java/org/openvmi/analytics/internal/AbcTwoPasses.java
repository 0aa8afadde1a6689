package org.openvmi.analytics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openvmi.analytics.model.KeyPeriod;
import org.openvmi.analytics.model.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * ABC's figures as the application read them before the one pass of {@link AbcFigures} (ADR 0088): the issue cost by
 * item and the demand by item and month in two passes over the month rows. Test code only: the plainer definition the
 * one pass is compared with on a random ledger (AnalyticsContract), on H2 and PostgreSQL.
 */
public final class AbcTwoPasses {

    private final NamedParameterJdbcTemplate jdbc;

    public AbcTwoPasses(JdbcTemplate template) {
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /**
     * The issue cost per item of a period (ADR 0079): the whole months {@code A..B} from the monthly rollup, the days
     * before A and after B's end from the daily rows, summed by the database; every item with a key whose first day is
     * on or before the period's end is in the answer (zero without issues).
     */
    public Map<String, BigDecimal> issueCostByItem(
            KeyPeriod.Bounds b, Period p, String warehouse, String owner, Collection<String> items) {
        ScopeFilter filter = new ScopeFilter(items, warehouse, owner);
        Map<String, Object> params = filter.params();
        String scope = filter.whereAnd();
        params.put("a", Date.valueOf(b.a()));
        params.put("b", Date.valueOf(b.b()));
        params.put("bend", Date.valueOf(b.bEnd()));
        params.put("from", Date.valueOf(p.from()));
        params.put("to", Date.valueOf(p.to()));
        Map<String, BigDecimal> cost = new HashMap<>();
        jdbc.query("SELECT item FROM analytics_key_latest" + scope + "first_day <= :to", params, (RowCallbackHandler)
                rs -> cost.put(rs.getString("item"), BigDecimal.ZERO));
        jdbc.query(
                "SELECT item, SUM(issue_cost) AS cost FROM (SELECT item, issue_cost FROM analytics_monthly" + scope
                        + "month_start >= :a AND month_start <= :b UNION ALL SELECT item, issue_cost FROM analytics_daily"
                        + scope
                        + "((snapshot_day >= :from AND snapshot_day < :a) OR (snapshot_day > :bend AND snapshot_day <= :to))"
                        + ") x GROUP BY item",
                params,
                (RowCallbackHandler) rs -> cost.merge(rs.getString("item"), rs.getBigDecimal("cost"), BigDecimal::add));
        return cost;
    }

    /** The demand of the keys in the filter per item and calendar month {@code a..b}, from the monthly rollup. */
    public Map<String, Map<YearMonth, BigDecimal>> monthlyDemand(
            YearMonth a, YearMonth b, String warehouse, String owner, Collection<String> items) {
        ScopeFilter filter = new ScopeFilter(items, warehouse, owner);
        Map<String, Object> params = filter.params();
        params.put("a", Date.valueOf(a.atDay(1)));
        params.put("b", Date.valueOf(b.atDay(1)));
        Map<String, Map<YearMonth, BigDecimal>> result = new HashMap<>();
        jdbc.query(
                "SELECT item, month_start, SUM(demand_qty) AS demand FROM analytics_monthly" + filter.whereAnd()
                        + "month_start >= :a AND month_start <= :b GROUP BY item, month_start",
                params,
                (RowCallbackHandler) rs -> result.computeIfAbsent(rs.getString("item"), i -> new HashMap<>())
                        .put(YearMonth.from(rs.getDate("month_start").toLocalDate()), rs.getBigDecimal("demand")));
        return result;
    }
}
