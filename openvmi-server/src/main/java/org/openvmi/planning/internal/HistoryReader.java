package org.openvmi.planning.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.inventory.ItemWarehouse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads the demand history of a run in one ordered, streamed query (item, warehouse, date) and hands it on one
 * series at a time, so memory holds one series, not the table. Must run inside a transaction (PostgreSQL only
 * streams with a fetch size when auto-commit is off).
 */
@Component
public class HistoryReader {

    private static final int FETCH = 10_000;

    /** The daily rows of one item at one warehouse, in date order. */
    public record Series(
            long itemId, long warehouseId, LocalDate[] dates, double[] qty, boolean[] stockout, int size) {}

    private final JdbcTemplate jdbc;

    HistoryReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The item × warehouses with demand history of these items: where they are planned. */
    public Set<ItemWarehouse> pairsOf(Collection<Long> itemIds) {
        Set<ItemWarehouse> pairs = new TreeSet<>();
        for (Long itemId : itemIds) {
            pairs.addAll(jdbc.query(
                    "SELECT DISTINCT item_id, warehouse_id FROM demand_history WHERE item_id = ?",
                    (rs, n) -> new ItemWarehouse(rs.getLong(1), rs.getLong(2)),
                    itemId));
        }
        return pairs;
    }

    public int countPairs(RunSpec spec) {
        Filter f = filter(spec);
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM (SELECT DISTINCT item_id, warehouse_id FROM demand_history h WHERE " + f.sql
                        + ") p",
                Integer.class,
                f.args.toArray());
        return n == null ? 0 : n;
    }

    /** Item ids with history in the run's scope and their number of warehouses, in item order: a split run's cut. */
    public List<long[]> itemPairs(RunSpec spec) {
        Filter f = filter(spec);
        return jdbc.query(
                "SELECT h.item_id, COUNT(DISTINCT h.warehouse_id) FROM demand_history h WHERE " + f.sql
                        + " GROUP BY h.item_id ORDER BY h.item_id",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                f.args.toArray());
    }

    public void forEachSeries(RunSpec spec, Consumer<Series> sink) {
        forEachSeries(filter(spec), sink);
    }

    /** The series of the items {@code itemFrom} to {@code itemTo} (both included) in the run's scope: one chunk. */
    public void forEachSeries(RunSpec spec, long itemFrom, long itemTo, Consumer<Series> sink) {
        Filter f = filter(spec);
        List<Object> args = new ArrayList<>(f.args);
        args.add(itemFrom);
        args.add(itemTo);
        forEachSeries(new Filter(f.sql + " AND h.item_id >= ? AND h.item_id <= ?", args), sink);
    }

    private void forEachSeries(Filter f, Consumer<Series> sink) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH);
        Grouper grouper = new Grouper(sink);
        streaming.query(
                "SELECT item_id, warehouse_id, demand_date, qty, stockout FROM demand_history h WHERE " + f.sql
                        + " ORDER BY item_id, warehouse_id, demand_date",
                grouper,
                f.args.toArray());
        grouper.flush();
    }

    /** Groups consecutive rows of the same item and warehouse into one series. */
    private static final class Grouper implements RowCallbackHandler {
        private final Consumer<Series> sink;
        long item = -1;
        long warehouse = -1;
        final List<LocalDate> dates = new ArrayList<>(128);

        Grouper(Consumer<Series> sink) {
            this.sink = sink;
        }

        double[] qty = new double[128];
        boolean[] stockout = new boolean[128];

        @Override
        public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
            long i = rs.getLong(1);
            long w = rs.getLong(2);
            if (i != item || w != warehouse) {
                flush();
                item = i;
                warehouse = w;
            }
            int k = dates.size();
            if (k == qty.length) {
                qty = java.util.Arrays.copyOf(qty, k * 2);
                stockout = java.util.Arrays.copyOf(stockout, k * 2);
            }
            dates.add(rs.getDate(3).toLocalDate());
            qty[k] = rs.getDouble(4);
            stockout[k] = rs.getBoolean(5);
        }

        void flush() {
            if (item >= 0 && !dates.isEmpty()) {
                int n = dates.size();
                sink.accept(new Series(
                        item,
                        warehouse,
                        dates.toArray(new LocalDate[0]),
                        java.util.Arrays.copyOf(qty, n),
                        java.util.Arrays.copyOf(stockout, n),
                        n));
            }
            dates.clear();
            item = -1;
        }
    }

    private record Filter(String sql, List<Object> args) {}

    private static Filter filter(RunSpec spec) {
        StringBuilder sql = new StringBuilder("h.demand_date >= ? AND h.demand_date <= ?");
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(spec.historyFrom()), Date.valueOf(spec.historyTo())));
        if (spec.warehouseId() != null) {
            sql.append(" AND h.warehouse_id = ?");
            args.add(spec.warehouseId());
        }
        sql.append(" AND ")
                .append(PlanningCatalog.itemFilter(
                        "h.item_id", spec.itemIds(), spec.category(), spec.supplierId(), args));
        if (spec.pairs() != null) {
            List<String> any = new ArrayList<>();
            for (ItemWarehouse pair : spec.pairs()) {
                any.add("(h.item_id = ? AND h.warehouse_id = ?)");
                args.add(pair.itemId());
                args.add(pair.warehouseId());
            }
            sql.append(" AND (")
                    .append(any.isEmpty() ? "1=0" : String.join(" OR ", any))
                    .append(")");
        }
        return new Filter(sql.toString(), args);
    }
}
