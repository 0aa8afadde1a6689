package org.openvmi.analytics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.analytics.model.KeyPeriod;
import org.openvmi.analytics.model.Period;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What ABC × XYZ reads of a period with whole months (ADR 0088): per item its issue cost over the period and its
 * demand in each whole month, from <b>one</b> pass over {@code analytics_monthly} grouped by item (the demand of each
 * month a column of its own) and the fewer days at each end of the period from {@code analytics_daily}. It replaced
 * two passes over the month rows (issue cost by item, and demand by item and month in one group an item and month),
 * which live on in the tests only, as the definition this read is compared with ({@code AbcTwoPasses}).
 * <p>
 * On PostgreSQL the statements run without a cursor (no fetch size: the answer is one small row an item) in a
 * read-only transaction that raises {@code work_mem} for itself: a cursor keeps PostgreSQL from using parallel
 * workers, and at the default 4 MB the grouping of a year at the goal's size spills to disk.
 */
@Component
public class AbcFigures {

    /** The memory PostgreSQL may use for this read's grouping (SET LOCAL: this transaction only). */
    private static final String WORK_MEM = "128MB";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final boolean postgres;

    AbcFigures(
            org.springframework.jdbc.core.JdbcTemplate template,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.postgres = SnapshotRepository.isPostgres(template.getDataSource());
    }

    /**
     * Per item in scope: {@code cost} its issue cost from {@code p.from()} to {@code p.to()} (every item with a key whose
     * first day is on or before the period's end, zero without issues), {@code demand} its demand per calendar month
     * of the whole months {@code b.a()..b.b()} (months without a row absent).
     */
    public record Figures(Map<String, BigDecimal> cost, Map<String, Map<YearMonth, BigDecimal>> demand) {}

    public Figures read(KeyPeriod.Bounds b, Period p, String warehouse, String owner, Collection<String> items) {
        return readOnly.execute(status -> {
            if (postgres) {
                jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
            }
            return query(b, p, warehouse, owner, items);
        });
    }

    private Figures query(KeyPeriod.Bounds b, Period p, String warehouse, String owner, Collection<String> items) {
        ScopeFilter filter = new ScopeFilter(items, warehouse, owner);
        Map<String, Object> params = filter.params();
        String scope = filter.whereAnd();
        // Each end of the period (days outside its whole months) is read from the daily rows directly, or as its
        // month's row minus the month's other days when those are fewer (a year ending yesterday: 5 days instead of
        // 26 at the head). Exact: a month row's issue cost is the sum of its days' (MonthlyRollup, contract-tested).
        LocalDate h = p.from().withDayOfMonth(1);
        LocalDate tailMonth = p.to().withDayOfMonth(1);
        LocalDate tailMonthEnd = YearMonth.from(p.to()).atEndOfMonth();
        boolean headByMonth = days(h, p.from()) < days(p.from(), b.a());
        boolean tailByMonth = days(p.to(), tailMonthEnd) < days(b.bEnd(), p.to());
        int months = (int) YearMonth.from(b.a()).until(YearMonth.from(b.b()), ChronoUnit.MONTHS) + 1;
        params.put("ms", Date.valueOf(headByMonth ? h : b.a()));
        params.put("me", Date.valueOf(tailByMonth ? tailMonth : b.b()));
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < months; i++) {
            params.put("m" + i, Date.valueOf(b.a().plusMonths(i)));
            columns.append(", SUM(CASE WHEN month_start = :m")
                    .append(i)
                    .append(" THEN demand_qty END) AS d")
                    .append(i);
        }
        Map<String, BigDecimal> cost = new HashMap<>();
        Map<String, Map<YearMonth, BigDecimal>> demand = new HashMap<>();
        params.put("to", Date.valueOf(p.to()));
        jdbc.query(
                "SELECT DISTINCT item FROM analytics_key_latest" + scope + "first_day <= :to",
                params,
                (RowCallbackHandler) rs -> cost.put(rs.getString(1), BigDecimal.ZERO));
        // one pass over the month rows, one row an item: the issue cost of the months read and the demand of each
        // whole month (null: no row that month)
        jdbc.query(
                "SELECT item, SUM(issue_cost) AS cost" + columns + " FROM analytics_monthly" + scope
                        + "month_start >= :ms AND month_start <= :me GROUP BY item",
                params,
                (RowCallbackHandler) rs -> {
                    String item = rs.getString(1);
                    cost.merge(item, rs.getBigDecimal(2), BigDecimal::add);
                    Map<YearMonth, BigDecimal> byMonth = null;
                    for (int i = 0; i < months; i++) {
                        BigDecimal d = rs.getBigDecimal(3 + i);
                        if (d != null) {
                            if (byMonth == null) {
                                byMonth = demand.computeIfAbsent(item, x -> new HashMap<>());
                            }
                            byMonth.put(YearMonth.from(b.a().plusMonths(i)), d);
                        }
                    }
                });
        // the ends' days: added when read directly, taken away when they are the rest of a month read whole
        List<String> ranges = new ArrayList<>();
        List<String> subtracted = new ArrayList<>();
        if (headByMonth) {
            subtracted.add("(snapshot_day >= :h AND snapshot_day < :from)");
        } else if (p.from().isBefore(b.a())) {
            ranges.add("(snapshot_day >= :from AND snapshot_day < :a)");
        }
        if (tailByMonth) {
            subtracted.add("(snapshot_day > :to AND snapshot_day <= :tend)");
        } else if (p.to().isAfter(b.bEnd())) {
            ranges.add("(snapshot_day > :bend AND snapshot_day <= :to)");
        }
        if (ranges.isEmpty() && subtracted.isEmpty()) {
            return new Figures(cost, demand);
        }
        params.put("h", Date.valueOf(h));
        params.put("from", Date.valueOf(p.from()));
        params.put("a", Date.valueOf(b.a()));
        params.put("bend", Date.valueOf(b.bEnd()));
        params.put("tend", Date.valueOf(tailMonthEnd));
        List<String> all = new ArrayList<>(ranges);
        all.addAll(subtracted);
        String signed = subtracted.isEmpty()
                ? "issue_cost"
                : ranges.isEmpty()
                        ? "-issue_cost"
                        : "CASE WHEN " + String.join(" OR ", subtracted) + " THEN -issue_cost ELSE issue_cost END";
        jdbc.query(
                "SELECT item, SUM(" + signed + ") AS cost FROM analytics_daily" + scope + "(" + String.join(" OR ", all)
                        + ") GROUP BY item",
                params,
                (RowCallbackHandler) rs -> cost.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add));
        return new Figures(cost, demand);
    }

    private static long days(LocalDate from, LocalDate to) {
        return to.toEpochDay() - from.toEpochDay();
    }
}
