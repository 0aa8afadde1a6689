package org.openvmi.analytics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openvmi.analytics.model.DailyFigures;
import org.openvmi.analytics.model.FifoLayers;
import org.openvmi.analytics.model.Layer;
import org.openvmi.analytics.model.SnapshotBuilder.DayKey;
import org.openvmi.analytics.model.SnapshotKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The snapshot tables: cursor, daily figures, FIFO layers and last item costs. */
@Repository
public class SnapshotRepository {

    private static final String CURSOR = "snapshots";
    private static final int FETCH_SIZE = 10_000;
    private static final String DAILY_COLUMNS = "item, warehouse, owner, snapshot_day, closing_qty, closing_value, "
            + "receipt_qty, issue_qty, issue_cost, demand_qty";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final NamedParameterJdbcTemplate streaming;

    SnapshotRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    /** The last processed movement id, locked until the transaction ends: one instance catches up at a time. */
    public long lockCursor() {
        return jdbc.sql("SELECT last_movement_id FROM analytics_cursor WHERE name = :n FOR UPDATE")
                .param("n", CURSOR).query(Long.class).single();
    }

    public long cursor() {
        return jdbc.sql("SELECT last_movement_id FROM analytics_cursor WHERE name = :n")
                .param("n", CURSOR).query(Long.class).single();
    }

    public void moveCursor(long lastId, Instant now) {
        jdbc.sql("UPDATE analytics_cursor SET last_movement_id = :id, updated_at = :now WHERE name = :n")
                .param("id", lastId).param("now", Timestamp.from(now)).param("n", CURSOR).update();
    }

    /** Layers of every key of the items, oldest first; {@code items} null means all. */
    public Map<SnapshotKey, FifoLayers> layers(Collection<String> items, String warehouse, String owner) {
        Map<SnapshotKey, List<Layer>> layers = new LinkedHashMap<>();
        Filter f = new Filter(items, warehouse, owner, null);
        jdbc.sql("SELECT item, warehouse, owner, received_on, qty, unit_cost FROM analytics_layer" + f.where()
                        + " ORDER BY item, warehouse, owner, seq")
                .params(f.params())
                .query(rs -> {
                    layers.computeIfAbsent(key(rs), k -> new ArrayList<>()).add(new Layer(
                            rs.getDate("received_on").toLocalDate(), rs.getBigDecimal("qty"), rs.getBigDecimal("unit_cost")));
                });
        Map<SnapshotKey, FifoLayers> result = new LinkedHashMap<>();
        layers.forEach((k, v) -> result.put(k, new FifoLayers(v)));
        return result;
    }

    public Map<String, BigDecimal> lastCosts(Collection<String> items) {
        Map<String, BigDecimal> costs = new HashMap<>();
        jdbc.sql("SELECT item, unit_cost FROM analytics_item_cost WHERE item IN (:items)").param("items", items)
                .query(rs -> {
                    costs.put(rs.getString("item"), rs.getBigDecimal("unit_cost"));
                });
        return costs;
    }

    /** The stored figures of the given key-days (the days a batch touches). */
    public Map<DayKey, DailyFigures> days(Set<DayKey> wanted) {
        Map<DayKey, DailyFigures> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        Set<String> items = new java.util.HashSet<>();
        Set<LocalDate> dates = new java.util.HashSet<>();
        wanted.forEach(d -> {
            items.add(d.key().item());
            dates.add(d.day());
        });
        jdbc.sql("SELECT " + DAILY_COLUMNS + " FROM analytics_daily WHERE item IN (:items) AND snapshot_day IN (:days)")
                .param("items", items).param("days", dates.stream().map(Date::valueOf).toList())
                .query(rs -> {
                    DailyFigures f = figures(rs);
                    DayKey k = new DayKey(f.key(), f.day());
                    if (wanted.contains(k)) {
                        found.put(k, f);
                    }
                });
        return found;
    }

    /**
     * Every row up to {@code to} of the keys in the filter, grouped by key and sorted by day. A year of a large ledger
     * is millions of rows (bench/README.md, analytics bench): they are streamed in a read-only transaction (PostgreSQL
     * fetches by cursor only outside auto-commit) instead of buffered whole, and the rows of a key share one key
     * object and the zeros of a scale one instance, which roughly halves the memory the read holds.
     */
    @Transactional(readOnly = true)
    public Map<SnapshotKey, List<DailyFigures>> rowsUpTo(LocalDate to, String warehouse, String owner,
                                                         Collection<String> items) {
        Filter f = new Filter(items, warehouse, owner, to);
        return read("SELECT " + DAILY_COLUMNS + " FROM analytics_daily" + f.where()
                    + " ORDER BY item, warehouse, owner, snapshot_day", f.params());
    }

    private static final String KEY_WINDOW = " OVER (PARTITION BY item, warehouse, owner ORDER BY snapshot_day)";
    private static final String PREVIOUS_DAY = "LAG(snapshot_day)" + KEY_WINDOW;
    private static final String PREVIOUS_CLOSING = "LAG(closing_qty)" + KEY_WINDOW;

    /**
     * What the KPIs of days {@code from..to} need of {@link #rowsUpTo}, without the history in between: every row from
     * {@code from} to {@code to}, and of the earlier rows of each key only its first, its last, its last with an
     * issue and the row before that one (the opening of the period, and "since when" for stale stock: a supplier's key
     * counts a day its stock went out, which {@code KpiCalculator.lastIssue} sees only beside the row before, ADR 0041). The same keys as {@code rowsUpTo(to, …)};
     * the history is aggregated inside the database (an index-only scan of the primary key), not shipped.
     */
    @Transactional(readOnly = true)
    public Map<SnapshotKey, List<DailyFigures>> rowsFor(LocalDate from, LocalDate to, String warehouse, String owner,
                                                        Collection<String> items) {
        Filter before = new Filter(items, warehouse, owner, null);
        Map<String, Object> params = new HashMap<>(before.params());
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        String scope = before.where().isEmpty() ? " WHERE " : before.where() + " AND ";
        String dailyColumns = "d." + DAILY_COLUMNS.replace(", ", ", d.");
        return read("SELECT " + DAILY_COLUMNS + " FROM ("
                    + "SELECT " + DAILY_COLUMNS + " FROM analytics_daily" + scope + "snapshot_day >= :from AND snapshot_day <= :to"
                    + " UNION ALL SELECT " + dailyColumns + " FROM analytics_daily d JOIN ("
                    + "SELECT item, warehouse, owner, MIN(snapshot_day) AS first_day, MAX(snapshot_day) AS last_day, "
                    + "MAX(CASE WHEN went_out = 1 THEN snapshot_day END) AS last_issue, "
                    + "MAX(CASE WHEN went_out = 1 THEN prev_day END) AS before_last_issue FROM ("
                    + "SELECT item, warehouse, owner, snapshot_day, " + PREVIOUS_DAY + " AS prev_day, "
                    + "CASE WHEN issue_qty > 0 OR (owner <> '" + SnapshotKey.OWN + "' AND COALESCE(" + PREVIOUS_CLOSING
                    + ", 0) + receipt_qty > closing_qty) THEN 1 ELSE 0 END AS went_out FROM analytics_daily"
                    + scope + "snapshot_day < :from) h GROUP BY item, warehouse, owner) k"
                    + " ON d.item = k.item AND d.warehouse = k.warehouse AND d.owner = k.owner"
                    + " AND (d.snapshot_day = k.first_day OR d.snapshot_day = k.last_day OR d.snapshot_day = k.last_issue"
                    + " OR d.snapshot_day = k.before_last_issue)"
                    + ") r ORDER BY item, warehouse, owner, snapshot_day", params);
    }

    private Map<SnapshotKey, List<DailyFigures>> read(String sql, Map<String, Object> params) {
        Map<SnapshotKey, List<DailyFigures>> rows = new LinkedHashMap<>();
        Map<Integer, BigDecimal> zeros = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<DailyFigures>[] current = new List[1];
        SnapshotKey[] currentKey = new SnapshotKey[1];
        streaming.query(sql, params, (RowCallbackHandler) rs -> {
            String item = rs.getString("item");
            String warehouse = rs.getString("warehouse");
            String owner = rs.getString("owner");
            SnapshotKey key = currentKey[0];
            if (key == null || !key.item().equals(item) || !key.warehouse().equals(warehouse)
                || !key.owner().equals(owner)) {
                key = new SnapshotKey(item, warehouse, owner);
                currentKey[0] = key;
                current[0] = rows.computeIfAbsent(key, k -> new ArrayList<>());
            }
            current[0].add(new DailyFigures(key, rs.getDate("snapshot_day").toLocalDate(),
                    shared(rs.getBigDecimal("closing_qty"), zeros), shared(rs.getBigDecimal("closing_value"), zeros),
                    shared(rs.getBigDecimal("receipt_qty"), zeros), shared(rs.getBigDecimal("issue_qty"), zeros),
                    shared(rs.getBigDecimal("issue_cost"), zeros), shared(rs.getBigDecimal("demand_qty"), zeros)));
        });
        return rows;
    }

    /** One instance per scale for zero (most receipt, issue and demand cells are zero); equal to what was read. */
    private static BigDecimal shared(BigDecimal value, Map<Integer, BigDecimal> zeros) {
        return value.signum() != 0 ? value : zeros.computeIfAbsent(value.scale(), s -> BigDecimal.ZERO.setScale(s));
    }

    /** Replaces the stored state of the keys and days a batch touched. */
    public void save(Map<SnapshotKey, FifoLayers> layers, Map<DayKey, DailyFigures> days, Map<String, BigDecimal> costs) {
        template.batchUpdate("DELETE FROM analytics_layer WHERE item = ? AND warehouse = ? AND owner = ?",
                layers.keySet().stream().map(k -> new Object[] {k.item(), k.warehouse(), k.owner()}).toList());
        List<Object[]> layerRows = new ArrayList<>();
        layers.forEach((k, fifo) -> {
            int seq = 0;
            for (Layer l : fifo.layers()) {
                layerRows.add(new Object[] {k.item(), k.warehouse(), k.owner(), seq++, Date.valueOf(l.receivedOn()),
                        l.qty(), l.unitCost()});
            }
        });
        template.batchUpdate("INSERT INTO analytics_layer (item, warehouse, owner, seq, received_on, qty, unit_cost) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", layerRows);
        template.batchUpdate("DELETE FROM analytics_daily WHERE item = ? AND warehouse = ? AND owner = ? AND snapshot_day = ?",
                days.keySet().stream().map(d -> new Object[] {d.key().item(), d.key().warehouse(), d.key().owner(),
                        Date.valueOf(d.day())}).toList());
        template.batchUpdate("INSERT INTO analytics_daily (" + DAILY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                days.values().stream().map(d -> new Object[] {d.key().item(), d.key().warehouse(), d.key().owner(),
                        Date.valueOf(d.day()), d.closingQty(), d.closingValue(), d.receiptQty(), d.issueQty(),
                        d.issueCost(), d.demandQty()}).toList());
        template.batchUpdate("DELETE FROM analytics_item_cost WHERE item = ?",
                costs.keySet().stream().map(i -> new Object[] {i}).toList());
        template.batchUpdate("INSERT INTO analytics_item_cost (item, unit_cost) VALUES (?, ?)",
                costs.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
    }

    private static SnapshotKey key(ResultSet rs) throws SQLException {
        return new SnapshotKey(rs.getString("item"), rs.getString("warehouse"), rs.getString("owner"));
    }

    private static DailyFigures figures(ResultSet rs) throws SQLException {
        return new DailyFigures(key(rs), rs.getDate("snapshot_day").toLocalDate(), rs.getBigDecimal("closing_qty"),
                rs.getBigDecimal("closing_value"), rs.getBigDecimal("receipt_qty"), rs.getBigDecimal("issue_qty"),
                rs.getBigDecimal("issue_cost"), rs.getBigDecimal("demand_qty"));
    }

    /** Optional conditions on items, warehouse, owner and last day; null leaves a condition out. */
    private record Filter(Collection<String> items, String warehouse, String owner, LocalDate to) {

        String where() {
            List<String> conditions = new ArrayList<>();
            if (items != null) {
                conditions.add(items.isEmpty() ? "1 = 0" : "item IN (:items)");
            }
            if (warehouse != null) {
                conditions.add("warehouse = :warehouse");
            }
            if (owner != null) {
                conditions.add("owner = :owner");
            }
            if (to != null) {
                conditions.add("snapshot_day <= :to");
            }
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Map<String, Object> params() {
            Map<String, Object> p = new HashMap<>();
            if (items != null && !items.isEmpty()) {
                p.put("items", items);
            }
            p.put("warehouse", warehouse);
            p.put("owner", owner);
            if (to != null) {
                p.put("to", Date.valueOf(to));
            }
            return p;
        }
    }
}
