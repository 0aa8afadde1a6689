package org.openvmi.analytics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openvmi.analytics.model.DailyFigures;
import org.openvmi.analytics.model.FifoLayers;
import org.openvmi.analytics.model.KeyPeriod;
import org.openvmi.analytics.model.Layer;
import org.openvmi.analytics.model.MonthlyRollup;
import org.openvmi.analytics.model.SnapshotBuilder.DayKey;
import org.openvmi.analytics.model.SnapshotKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
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
    private final boolean postgres;

    SnapshotRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.postgres = isPostgres(template.getDataSource());
    }

    /** Whether the data source is PostgreSQL (the analytics reads and writes take its own statement shapes there). */
    static boolean isPostgres(javax.sql.DataSource dataSource) {
        try {
            return "PostgreSQL"
                    .equalsIgnoreCase(org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(
                            dataSource, java.sql.DatabaseMetaData::getDatabaseProductName));
        } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
            return false;
        }
    }

    /** The days from {@code a} to {@code b} (both dates) in this database's SQL. */
    private String daysBetween(String a, String b) {
        return postgres ? "(" + b + " - " + a + ")" : "DATEDIFF('DAY', " + a + ", " + b + ")";
    }

    /** The last processed movement id, locked until the transaction ends: one instance catches up at a time. */
    public long lockCursor() {
        return jdbc.sql("SELECT last_movement_id FROM analytics_cursor WHERE name = :n FOR UPDATE")
                .param("n", CURSOR)
                .query(Long.class)
                .single();
    }

    public long cursor() {
        return jdbc.sql("SELECT last_movement_id FROM analytics_cursor WHERE name = :n")
                .param("n", CURSOR)
                .query(Long.class)
                .single();
    }

    public void moveCursor(long lastId, Instant now) {
        jdbc.sql("UPDATE analytics_cursor SET last_movement_id = :id, updated_at = :now WHERE name = :n")
                .param("id", lastId)
                .param("now", Timestamp.from(now))
                .param("n", CURSOR)
                .update();
    }

    /** Layers of every key of the items, oldest first; {@code items} null means all. */
    public Map<SnapshotKey, FifoLayers> layers(Collection<String> items, String warehouse, String owner) {
        Map<SnapshotKey, List<Layer>> layers = new LinkedHashMap<>();
        ScopeFilter f = new ScopeFilter(items, warehouse, owner, null);
        jdbc.sql("SELECT item, warehouse, owner, received_on, qty, unit_cost FROM analytics_layer" + f.where()
                        + " ORDER BY item, warehouse, owner, seq")
                .params(f.params())
                .query(rs -> {
                    layers.computeIfAbsent(key(rs), k -> new ArrayList<>())
                            .add(new Layer(
                                    rs.getDate("received_on").toLocalDate(),
                                    rs.getBigDecimal("qty"),
                                    rs.getBigDecimal("unit_cost")));
                });
        Map<SnapshotKey, FifoLayers> result = new LinkedHashMap<>();
        layers.forEach((k, v) -> result.put(k, new FifoLayers(v)));
        return result;
    }

    public Map<String, BigDecimal> lastCosts(Collection<String> items) {
        Map<String, BigDecimal> costs = new HashMap<>();
        jdbc.sql("SELECT item, unit_cost FROM analytics_item_cost WHERE item IN (:items)")
                .param("items", items)
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
                .param("items", items)
                .param("days", dates.stream().map(Date::valueOf).toList())
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
    public Map<SnapshotKey, List<DailyFigures>> rowsUpTo(
            LocalDate to, String warehouse, String owner, Collection<String> items) {
        ScopeFilter f = new ScopeFilter(items, warehouse, owner, to);
        return read(
                "SELECT " + DAILY_COLUMNS + " FROM analytics_daily" + f.where()
                        + " ORDER BY item, warehouse, owner, snapshot_day",
                f.params());
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
    public Map<SnapshotKey, List<DailyFigures>> rowsFor(
            LocalDate from, LocalDate to, String warehouse, String owner, Collection<String> items) {
        ScopeFilter before = new ScopeFilter(items, warehouse, owner, null);
        Map<String, Object> params = before.params();
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        String scope = before.whereAnd();
        String dailyColumns = "d." + DAILY_COLUMNS.replace(", ", ", d.");
        return read(
                "SELECT " + DAILY_COLUMNS + " FROM ("
                        + "SELECT " + DAILY_COLUMNS + " FROM analytics_daily" + scope
                        + "snapshot_day >= :from AND snapshot_day <= :to"
                        + " UNION ALL SELECT " + dailyColumns + " FROM analytics_daily d JOIN ("
                        + "SELECT item, warehouse, owner, MIN(snapshot_day) AS first_day, MAX(snapshot_day) AS last_day, "
                        + "MAX(CASE WHEN went_out = 1 THEN snapshot_day END) AS last_issue, "
                        + "MAX(CASE WHEN went_out = 1 THEN prev_day END) AS before_last_issue FROM ("
                        + "SELECT item, warehouse, owner, snapshot_day, " + PREVIOUS_DAY + " AS prev_day, "
                        + "CASE WHEN issue_qty > 0 OR (owner <> '" + SnapshotKey.OWN + "' AND COALESCE("
                        + PREVIOUS_CLOSING
                        + ", 0) + receipt_qty > closing_qty) THEN 1 ELSE 0 END AS went_out FROM analytics_daily"
                        + scope + "snapshot_day < :from) h GROUP BY item, warehouse, owner) k"
                        + " ON d.item = k.item AND d.warehouse = k.warehouse AND d.owner = k.owner"
                        + " AND (d.snapshot_day = k.first_day OR d.snapshot_day = k.last_day OR d.snapshot_day = k.last_issue"
                        + " OR d.snapshot_day = k.before_last_issue)"
                        + ") r ORDER BY item, warehouse, owner, snapshot_day",
                params);
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
            if (key == null
                    || !key.item().equals(item)
                    || !key.warehouse().equals(warehouse)
                    || !key.owner().equals(owner)) {
                key = new SnapshotKey(item, warehouse, owner);
                currentKey[0] = key;
                current[0] = rows.computeIfAbsent(key, k -> new ArrayList<>());
            }
            current[0].add(new DailyFigures(
                    key,
                    rs.getDate("snapshot_day").toLocalDate(),
                    shared(rs.getBigDecimal("closing_qty"), zeros),
                    shared(rs.getBigDecimal("closing_value"), zeros),
                    shared(rs.getBigDecimal("receipt_qty"), zeros),
                    shared(rs.getBigDecimal("issue_qty"), zeros),
                    shared(rs.getBigDecimal("issue_cost"), zeros),
                    shared(rs.getBigDecimal("demand_qty"), zeros)));
        });
        return rows;
    }

    /** One instance per scale for zero (most receipt, issue and demand cells are zero); equal to what was read. */
    private static BigDecimal shared(BigDecimal value, Map<Integer, BigDecimal> zeros) {
        return value.signum() != 0 ? value : zeros.computeIfAbsent(value.scale(), s -> BigDecimal.ZERO.setScale(s));
    }

    /**
     * A key's FIFO layers as stored, oldest first, with the row number ({@code seq}) of each: what the job compares a
     * batch's layers with to write only what changed (ADR 0080).
     */
    public record StoredLayers(List<Layer> layers, int[] seqs) {

        public static final StoredLayers NONE = new StoredLayers(List.of(), new int[0]);

        public FifoLayers fifo() {
            return new FifoLayers(layers);
        }
    }

    /** The stored layers of these keys (a key without layers is absent). */
    public Map<SnapshotKey, StoredLayers> storedLayers(Collection<SnapshotKey> keys) {
        Map<SnapshotKey, List<Layer>> layers = new HashMap<>();
        Map<SnapshotKey, List<Integer>> seqs = new HashMap<>();
        if (keys.isEmpty()) {
            return Map.of();
        }
        Set<SnapshotKey> wanted = new java.util.HashSet<>(keys);
        jdbc.sql("SELECT item, warehouse, owner, seq, received_on, qty, unit_cost FROM analytics_layer "
                        + "WHERE item IN (:items) ORDER BY item, warehouse, owner, seq")
                .param("items", keys.stream().map(SnapshotKey::item).distinct().toList())
                .query(rs -> {
                    SnapshotKey k = key(rs);
                    if (wanted.contains(k)) {
                        layers.computeIfAbsent(k, x -> new ArrayList<>())
                                .add(new Layer(
                                        rs.getDate("received_on").toLocalDate(),
                                        rs.getBigDecimal("qty"),
                                        rs.getBigDecimal("unit_cost")));
                        seqs.computeIfAbsent(k, x -> new ArrayList<>()).add(rs.getInt("seq"));
                    }
                });
        Map<SnapshotKey, StoredLayers> result = new HashMap<>();
        layers.forEach((k, l) -> result.put(
                k,
                new StoredLayers(
                        List.copyOf(l),
                        seqs.get(k).stream().mapToInt(Integer::intValue).toArray())));
        return result;
    }

    /**
     * Writes the keys' layers after a batch, comparing them with the stored ones by identity (ADR 0080): FIFO takes from
     * the oldest layers and adds new ones at the end, so the layers the batch did not touch are the same objects in the
     * same order. Only the rows taken away are deleted (one statement a key: every seq before the first kept one) and
     * only new rows (a partly taken oldest layer, receipts) inserted, numbered around the kept ones. A key whose
     * layers do not have that shape is rewritten whole. Answers the new stored layers of every key.
     */
    public Map<SnapshotKey, StoredLayers> saveLayers(
            Map<SnapshotKey, StoredLayers> before, Map<SnapshotKey, FifoLayers> after) {
        List<LayerDelete> deletes = new ArrayList<>();
        List<LayerRow> inserts = new ArrayList<>();
        Map<SnapshotKey, StoredLayers> saved = new HashMap<>();
        after.forEach((k, fifo) -> {
            StoredLayers old = before.getOrDefault(k, StoredLayers.NONE);
            List<Layer> now = List.copyOf(fifo.view());
            int[] seqs = renumber(old, now);
            int n = old.layers().size();
            if (seqs == null) {
                // not the usual shape: every row again, numbered from 0
                if (n > 0) {
                    deletes.add(new LayerDelete(k, Integer.MAX_VALUE));
                }
                seqs = new int[now.size()];
                for (int i = 0; i < now.size(); i++) {
                    seqs[i] = i;
                    inserts.add(layerRow(k, i, now.get(i)));
                }
            } else {
                java.util.IdentityHashMap<Layer, Boolean> kept = new java.util.IdentityHashMap<>();
                now.forEach(l -> kept.put(l, Boolean.TRUE));
                int firstKept = -1;
                for (int j = 0; j < n; j++) {
                    if (kept.containsKey(old.layers().get(j))) {
                        firstKept = j;
                        break;
                    }
                }
                int deleteBelow =
                        firstKept < 0 ? (n > 0 ? old.seqs()[n - 1] + 1 : Integer.MIN_VALUE) : old.seqs()[firstKept];
                if (n > 0 && deleteBelow > old.seqs()[0]) {
                    deletes.add(new LayerDelete(k, deleteBelow));
                }
                java.util.IdentityHashMap<Layer, Boolean> stored = new java.util.IdentityHashMap<>();
                old.layers().forEach(l -> stored.put(l, Boolean.TRUE));
                for (int i = 0; i < now.size(); i++) {
                    if (!stored.containsKey(now.get(i))) {
                        inserts.add(layerRow(k, seqs[i], now.get(i)));
                    }
                }
            }
            saved.put(k, new StoredLayers(now, seqs));
        });
        if (postgres) {
            // one statement per table for the batch (ADR 0093)
            LAYER_DELETES.execute(
                    template,
                    "DELETE FROM analytics_layer l USING " + LAYER_DELETES.unnest("d")
                            + " WHERE l.item = d.item AND l.warehouse = d.warehouse AND l.owner = d.owner"
                            + " AND l.seq < d.below",
                    deletes);
            LAYER_ROWS.execute(
                    template,
                    "INSERT INTO analytics_layer (" + LAYER_ROWS.names() + ") SELECT * FROM " + LAYER_ROWS.unnest("r"),
                    inserts);
            return saved;
        }
        batch(
                "DELETE FROM analytics_layer WHERE item = ? AND warehouse = ? AND owner = ? AND seq < ?",
                deletes,
                (ps, d) -> {
                    setKey(ps, 1, d.key());
                    ps.setInt(4, d.below());
                });
        batch(
                "INSERT INTO analytics_layer (item, warehouse, owner, seq, received_on, qty, unit_cost) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                inserts,
                (ps, r) -> {
                    setKey(ps, 1, r.key());
                    ps.setInt(4, r.seq());
                    ps.setDate(5, Date.valueOf(r.layer().receivedOn()));
                    ps.setBigDecimal(6, r.layer().qty());
                    ps.setBigDecimal(7, r.layer().unitCost());
                });
        return saved;
    }

    private record LayerDelete(SnapshotKey key, int below) {}

    private static <T> ColumnArrays<T> keyed(Function<T, SnapshotKey> key) {
        return new ColumnArrays<T>()
                .column("item", "text", r -> key.apply(r).item())
                .column("warehouse", "text", r -> key.apply(r).warehouse())
                .column("owner", "text", r -> key.apply(r).owner());
    }

    private static final ColumnArrays<LayerDelete> LAYER_DELETES =
            SnapshotRepository.<LayerDelete>keyed(LayerDelete::key).column("below", "int", LayerDelete::below);

    private static final ColumnArrays<LayerRow> LAYER_ROWS = SnapshotRepository.<LayerRow>keyed(LayerRow::key)
            .column("seq", "int", LayerRow::seq)
            .column("received_on", "date", r -> r.layer().receivedOn())
            .column("qty", "numeric", r -> r.layer().qty())
            .column("unit_cost", "numeric", r -> r.layer().unitCost());

    private static final ColumnArrays<DailyFigures> DAY_ROWS = SnapshotRepository.<DailyFigures>keyed(DailyFigures::key)
            .column("snapshot_day", "date", DailyFigures::day)
            .column("closing_qty", "numeric", DailyFigures::closingQty)
            .column("closing_value", "numeric", DailyFigures::closingValue)
            .column("receipt_qty", "numeric", DailyFigures::receiptQty)
            .column("issue_qty", "numeric", DailyFigures::issueQty)
            .column("issue_cost", "numeric", DailyFigures::issueCost)
            .column("demand_qty", "numeric", DailyFigures::demandQty);

    private static final ColumnArrays<MonthlyRollup.Month> MONTH_ROWS = SnapshotRepository.<MonthlyRollup.Month>keyed(
                    MonthlyRollup.Month::key)
            .column("month_start", "date", m -> m.month().atDay(1))
            .column("opening_qty", "numeric", MonthlyRollup.Month::openingQty)
            .column("opening_value", "numeric", MonthlyRollup.Month::openingValue)
            .column("closing_qty", "numeric", MonthlyRollup.Month::closingQty)
            .column("closing_value", "numeric", MonthlyRollup.Month::closingValue)
            .column("value_days", "numeric", MonthlyRollup.Month::valueDays)
            .column("zero_days", "int", MonthlyRollup.Month::zeroDays)
            .column("receipt_qty", "numeric", MonthlyRollup.Month::receiptQty)
            .column("issue_qty", "numeric", MonthlyRollup.Month::issueQty)
            .column("issue_cost", "numeric", MonthlyRollup.Month::issueCost)
            .column("demand_qty", "numeric", MonthlyRollup.Month::demandQty)
            .column("first_day", "date", MonthlyRollup.Month::firstDay)
            .column("last_out_day", "date", MonthlyRollup.Month::lastOutDay);

    private static final ColumnArrays<MonthlyRollup.Latest> LATEST_ROWS =
            SnapshotRepository.<MonthlyRollup.Latest>keyed(MonthlyRollup.Latest::key)
                    .column("first_day", "date", MonthlyRollup.Latest::firstDay)
                    .column("last_day", "date", MonthlyRollup.Latest::lastDay)
                    .column("closing_qty", "numeric", MonthlyRollup.Latest::closingQty)
                    .column("closing_value", "numeric", MonthlyRollup.Latest::closingValue)
                    .column("previous_qty", "numeric", MonthlyRollup.Latest::previousQty)
                    .column("last_out_day", "date", MonthlyRollup.Latest::lastOutDay);

    private static final ColumnArrays<Map.Entry<String, BigDecimal>> COST_ROWS = new ColumnArrays<
                    Map.Entry<String, BigDecimal>>()
            .column("item", "text", Map.Entry::getKey)
            .column("unit_cost", "numeric", Map.Entry::getValue);

    private record LayerRow(SnapshotKey key, int seq, Layer layer) {}

    private static LayerRow layerRow(SnapshotKey k, int seq, Layer l) {
        return new LayerRow(k, seq, l);
    }

    /**
     * One JDBC batch with a typed setter (ADR 0089): Spring's generic {@code Object[]} path infers each parameter's
     * SQL type on every row ({@code StatementCreatorUtils}), which was a quarter of the job's CPU (ADR 0080's JFR).
     * Answers the update count of each row (nothing is sent for no rows).
     */
    private <T> int[] batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        int[][] chunks = template.batchUpdate(sql, rows, rows.size(), setter);
        int[] counts = new int[rows.size()];
        int i = 0;
        for (int[] chunk : chunks) {
            for (int c : chunk) {
                counts[i++] = c;
            }
        }
        return counts;
    }

    /** Sets item, warehouse and owner from parameter {@code at} on. */
    private static void setKey(PreparedStatement ps, int at, SnapshotKey k) throws SQLException {
        ps.setString(at, k.item());
        ps.setString(at + 1, k.warehouse());
        ps.setString(at + 2, k.owner());
    }

    private static void setDate(PreparedStatement ps, int at, LocalDate day) throws SQLException {
        if (day == null) {
            ps.setNull(at, Types.DATE);
        } else {
            ps.setDate(at, Date.valueOf(day));
        }
    }

    /**
     * The row numbers of {@code now} when it is {@code old} with some oldest layers taken away, new ones (a partly
     * taken layer, a deficit) before the first kept one, and new ones after the last: the kept layers keep their
     * numbers, the new ones before take the numbers just below, those after the numbers just above. Null when the
     * layers have another shape or the numbers would leave the column's range.
     */
    static int[] renumber(StoredLayers old, List<Layer> now) {
        List<Layer> before = old.layers();
        int n = before.size();
        java.util.IdentityHashMap<Layer, Integer> index = new java.util.IdentityHashMap<>();
        for (int j = 0; j < n; j++) {
            index.put(before.get(j), j);
        }
        int p = 0;
        while (p < now.size() && !index.containsKey(now.get(p))) {
            p++;
        }
        int[] seqs = new int[now.size()];
        if (p == now.size()) {
            // nothing kept: the new layers numbered after the old ones (all of which are deleted)
            long start = n > 0 ? (long) old.seqs()[n - 1] + 1 : 0;
            if (start + now.size() > Integer.MAX_VALUE) {
                return null;
            }
            for (int i = 0; i < now.size(); i++) {
                seqs[i] = (int) (start + i);
            }
            return seqs;
        }
        int j = index.get(now.get(p));
        int kept = n - j;
        if (p + kept > now.size()) {
            return null;
        }
        for (int i = 0; i < kept; i++) {
            if (now.get(p + i) != before.get(j + i)) {
                return null;
            }
            seqs[p + i] = old.seqs()[j + i];
        }
        long below = (long) old.seqs()[j] - p;
        long above = (long) old.seqs()[n - 1] + 1;
        if (below < Integer.MIN_VALUE || above + (now.size() - p - kept) > Integer.MAX_VALUE) {
            return null;
        }
        for (int i = 0; i < p; i++) {
            seqs[i] = (int) (below + i);
        }
        for (int i = p + kept; i < now.size(); i++) {
            if (index.containsKey(now.get(i))) {
                return null;
            }
            seqs[i] = (int) (above + i - p - kept);
        }
        return seqs;
    }

    private static final String DAILY_SET = "closing_qty = ?, closing_value = ?, receipt_qty = ?, issue_qty = ?, "
            + "issue_cost = ?, demand_qty = ? WHERE item = ? AND warehouse = ? AND owner = ? AND snapshot_day = ?";

    /**
     * Writes the day rows a batch touched: an UPDATE for a row that was stored ({@code existing}), an INSERT for a
     * new one (ADR 0080; before: a DELETE and an INSERT each). An UPDATE that finds no row inserts it.
     */
    public void saveDays(Map<DayKey, DailyFigures> days, Set<DayKey> existing) {
        List<DailyFigures> updates = new ArrayList<>();
        List<DailyFigures> inserts = new ArrayList<>();
        if (postgres) {
            // one upsert for the batch (ADR 0093): a stored row is updated, a new one inserted
            DAY_ROWS.execute(
                    template,
                    "INSERT INTO analytics_daily (" + DAY_ROWS.names() + ") SELECT * FROM " + DAY_ROWS.unnest("r")
                            + " ON CONFLICT (item, warehouse, owner, snapshot_day) DO UPDATE SET "
                            + ColumnArrays.excluded(
                                    "closing_qty",
                                    "closing_value",
                                    "receipt_qty",
                                    "issue_qty",
                                    "issue_cost",
                                    "demand_qty"),
                    new ArrayList<>(days.values()));
            return;
        }
        days.forEach((k, d) -> (existing.contains(k) ? updates : inserts).add(d));
        int[] counts = batch("UPDATE analytics_daily SET " + DAILY_SET, updates, (ps, d) -> {
            setDayFigures(ps, 1, d);
            setKey(ps, 7, d.key());
            ps.setDate(10, Date.valueOf(d.day()));
        });
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                inserts.add(updates.get(i));
            }
        }
        batch(
                "INSERT INTO analytics_daily (" + DAILY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inserts,
                (ps, d) -> {
                    setKey(ps, 1, d.key());
                    ps.setDate(4, Date.valueOf(d.day()));
                    setDayFigures(ps, 5, d);
                });
    }

    /** Sets a day row's six figures (closing qty and value, receipts, issues, issue cost, demand) from {@code at} on. */
    private static void setDayFigures(PreparedStatement ps, int at, DailyFigures d) throws SQLException {
        ps.setBigDecimal(at, d.closingQty());
        ps.setBigDecimal(at + 1, d.closingValue());
        ps.setBigDecimal(at + 2, d.receiptQty());
        ps.setBigDecimal(at + 3, d.issueQty());
        ps.setBigDecimal(at + 4, d.issueCost());
        ps.setBigDecimal(at + 5, d.demandQty());
    }

    /** Writes the items' last layer costs that changed ({@code stored}: the costs before the batch). */
    public void saveCosts(Map<String, BigDecimal> costs, Map<String, BigDecimal> stored) {
        List<Map.Entry<String, BigDecimal>> updates = new ArrayList<>();
        List<Map.Entry<String, BigDecimal>> inserts = new ArrayList<>();
        costs.forEach((item, cost) -> {
            BigDecimal was = stored.get(item);
            if (was == null) {
                inserts.add(Map.entry(item, cost));
            } else if (was.compareTo(cost) != 0) {
                updates.add(Map.entry(item, cost));
            }
        });
        if (postgres) {
            updates.addAll(inserts);
            COST_ROWS.execute(
                    template,
                    "INSERT INTO analytics_item_cost (item, unit_cost) SELECT * FROM " + COST_ROWS.unnest("r")
                            + " ON CONFLICT (item) DO UPDATE SET unit_cost = EXCLUDED.unit_cost",
                    updates);
            return;
        }
        int[] counts = batch("UPDATE analytics_item_cost SET unit_cost = ? WHERE item = ?", updates, (ps, e) -> {
            ps.setBigDecimal(1, e.getValue());
            ps.setString(2, e.getKey());
        });
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                inserts.add(updates.get(i));
            }
        }
        batch("INSERT INTO analytics_item_cost (item, unit_cost) VALUES (?, ?)", inserts, (ps, e) -> {
            ps.setString(1, e.getKey());
            ps.setBigDecimal(2, e.getValue());
        });
    }

    private static final String MONTHLY_COLUMNS = "item, warehouse, owner, month_start, opening_qty, opening_value, "
            + "closing_qty, closing_value, value_days, zero_days, receipt_qty, issue_qty, issue_cost, demand_qty, first_day, last_out_day";

    private static final String LATEST_COLUMNS =
            "item, warehouse, owner, first_day, last_day, closing_qty, closing_value, previous_qty, last_out_day";

    /**
     * Updates the months and the latest state of the keys a batch wrote (ADR 0058): {@code before} are the stored rows
     * of the touched days before the batch, {@code written} the rows it saved. A key whose rows all lie on or after its
     * last day (movements in time order, the usual case) gets its last month updated and new months added from those
     * rows alone ({@link MonthlyRollup#extend}); any other key (a back-dated movement) has its months rolled again from
     * the daily rows from the month of its earliest touched day on (ADR 0050).
     */
    public void rollMonths(Map<DayKey, DailyFigures> before, Map<DayKey, DailyFigures> written) {
        Set<SnapshotKey> keys = new java.util.HashSet<>();
        written.keySet().forEach(d -> keys.add(d.key()));
        Map<SnapshotKey, MonthlyRollup.Latest> latest = latest(keys);
        rollMonths(before, written, latest, lastMonths(latest));
    }

    /**
     * {@link #rollMonths(Map, Map)} with the keys' stored latest rows and the stored months of their latest days given
     * (read by {@link #latest} and {@link #lastMonths}, or kept by the job from its previous batch). A stored month
     * the batch changes is updated and new months inserted; the latest rows too (ADR 0080). Answers the extension of
     * every key that took the incremental path (the others were rolled again from their daily rows).
     */
    public Map<SnapshotKey, MonthlyRollup.Extension> rollMonths(
            Map<DayKey, DailyFigures> before,
            Map<DayKey, DailyFigures> written,
            Map<SnapshotKey, MonthlyRollup.Latest> latest,
            Map<SnapshotKey, MonthlyRollup.Month> lastMonths) {
        Map<SnapshotKey, List<DailyFigures>> byKey = new HashMap<>();
        written.values()
                .forEach(d ->
                        byKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d));
        byKey.values().forEach(rows -> rows.sort(java.util.Comparator.comparing(DailyFigures::day)));
        Map<SnapshotKey, MonthlyRollup.Extension> extended = new HashMap<>();
        List<MonthlyRollup.Month> updates = new ArrayList<>();
        List<MonthlyRollup.Month> inserts = new ArrayList<>();
        List<MonthlyRollup.Latest> states = new ArrayList<>();
        Map<SnapshotKey, YearMonth> fresh = new HashMap<>();
        Map<SnapshotKey, LocalDate> again = new HashMap<>();
        byKey.forEach((k, rows) -> {
            MonthlyRollup.Latest l = latest.get(k);
            MonthlyRollup.Month stored = lastMonths.get(k);
            DailyFigures replaced = l == null ? null : before.get(new DayKey(k, l.lastDay()));
            MonthlyRollup.extend(k, l, stored, replaced, rows)
                    .ifPresentOrElse(
                            e -> {
                                extended.put(k, e);
                                states.add(e.latest());
                                for (MonthlyRollup.Month m : e.months()) {
                                    if (l == null) {
                                        // a new key: months of it left by an earlier state are replaced
                                        fresh.merge(k, m.month(), (x, y) -> x.isBefore(y) ? x : y);
                                        inserts.add(m);
                                    } else if (m.month().equals(stored.month())) {
                                        updates.add(m);
                                    } else {
                                        inserts.add(m);
                                    }
                                }
                            },
                            () -> again.put(k, rows.get(0).day()));
        });
        deleteMonthsFrom(new ArrayList<>(fresh.entrySet()));
        // the stored month of the latest day keeps its opening (the state before the month did not change): the
        // columns a batch can change only (ADR 0089)
        if (postgres) {
            // one upsert for the months updated (a missing one inserted whole), one insert for the new (ADR 0093)
            MONTH_ROWS.execute(
                    template,
                    "INSERT INTO analytics_monthly (" + MONTH_ROWS.names() + ") SELECT * FROM " + MONTH_ROWS.unnest("r")
                            + " ON CONFLICT (item, warehouse, owner, month_start) DO UPDATE SET "
                            + ColumnArrays.excluded(
                                    "closing_qty",
                                    "closing_value",
                                    "value_days",
                                    "zero_days",
                                    "receipt_qty",
                                    "issue_qty",
                                    "issue_cost",
                                    "demand_qty",
                                    "first_day",
                                    "last_out_day"),
                    updates);
            updates.clear();
        }
        int[] counts = batch(
                "UPDATE analytics_monthly SET " + MONTH_FIGURES_SET
                        + " WHERE item = ? AND warehouse = ? AND owner = ? AND month_start = ?",
                updates,
                (ps, m) -> {
                    setMonthFigures(ps, 1, m);
                    setKey(ps, 11, m.key());
                    ps.setDate(14, Date.valueOf(m.month().atDay(1)));
                });
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                inserts.add(updates.get(i));
            }
        }
        insertMonths(inserts);
        Map<YearMonth, List<SnapshotKey>> byMonth = new java.util.TreeMap<>();
        again.forEach((k, d) -> byMonth.computeIfAbsent(YearMonth.from(d), m -> new ArrayList<>())
                .add(k));
        byMonth.forEach((first, keys) -> states.addAll(rollMonths(first, keys, latest)));
        saveLatest(states, latest.keySet());
        return extended;
    }

    /** The stored latest state of the keys (ADR 0058), read by their items. */
    public Map<SnapshotKey, MonthlyRollup.Latest> latest(Collection<SnapshotKey> keys) {
        Map<SnapshotKey, MonthlyRollup.Latest> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Set<SnapshotKey> wanted = new java.util.HashSet<>(keys);
        jdbc.sql("SELECT " + LATEST_COLUMNS + " FROM analytics_key_latest WHERE item IN (:items)")
                .param("items", keys.stream().map(SnapshotKey::item).distinct().toList())
                .query(rs -> {
                    SnapshotKey k = key(rs);
                    if (wanted.contains(k)) {
                        Date out = rs.getDate("last_out_day");
                        found.put(
                                k,
                                new MonthlyRollup.Latest(
                                        k,
                                        rs.getDate("first_day").toLocalDate(),
                                        rs.getDate("last_day").toLocalDate(),
                                        rs.getBigDecimal("closing_qty"),
                                        rs.getBigDecimal("closing_value"),
                                        rs.getBigDecimal("previous_qty"),
                                        out == null ? null : out.toLocalDate()));
                    }
                });
        return found;
    }

    /** The stored month of each key's latest day. */
    public Map<SnapshotKey, MonthlyRollup.Month> lastMonths(Map<SnapshotKey, MonthlyRollup.Latest> latest) {
        Map<SnapshotKey, MonthlyRollup.Month> found = new HashMap<>();
        if (latest.isEmpty()) {
            return found;
        }
        Set<String> items = new java.util.HashSet<>();
        Set<Date> months = new java.util.HashSet<>();
        latest.values().forEach(l -> {
            items.add(l.key().item());
            months.add(Date.valueOf(l.lastMonth().atDay(1)));
        });
        jdbc.sql("SELECT " + MONTHLY_COLUMNS
                        + " FROM analytics_monthly WHERE item IN (:items) AND month_start IN (:months)")
                .param("items", items)
                .param("months", months)
                .query(rs -> {
                    MonthlyRollup.Month m = month(rs);
                    MonthlyRollup.Latest l = latest.get(m.key());
                    if (l != null && l.lastMonth().equals(m.month())) {
                        found.put(m.key(), m);
                    }
                });
        return found;
    }

    /** Writes the keys' latest rows: an UPDATE for a key that had one ({@code existing}), else an INSERT. */
    private void saveLatest(List<MonthlyRollup.Latest> states, Set<SnapshotKey> existing) {
        List<MonthlyRollup.Latest> updates = new ArrayList<>();
        List<MonthlyRollup.Latest> inserts = new ArrayList<>();
        if (postgres) {
            // one upsert for the batch (ADR 0093)
            LATEST_ROWS.execute(
                    template,
                    "INSERT INTO analytics_key_latest (" + LATEST_ROWS.names() + ") SELECT * FROM "
                            + LATEST_ROWS.unnest("r") + " ON CONFLICT (item, warehouse, owner) DO UPDATE SET "
                            + ColumnArrays.excluded(
                                    "first_day",
                                    "last_day",
                                    "closing_qty",
                                    "closing_value",
                                    "previous_qty",
                                    "last_out_day"),
                    states);
            return;
        }
        states.forEach(l -> (existing.contains(l.key()) ? updates : inserts).add(l));
        int[] counts = batch(
                "UPDATE analytics_key_latest SET first_day = ?, last_day = ?, closing_qty = ?, closing_value = ?, "
                        + "previous_qty = ?, last_out_day = ? WHERE item = ? AND warehouse = ? AND owner = ?",
                updates,
                (ps, l) -> {
                    setLatestFigures(ps, 1, l);
                    setKey(ps, 7, l.key());
                });
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                inserts.add(updates.get(i));
            }
        }
        batch(
                "INSERT INTO analytics_key_latest (" + LATEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inserts,
                (ps, l) -> {
                    setKey(ps, 1, l.key());
                    setLatestFigures(ps, 4, l);
                });
    }

    /** A latest row's six columns after the key, in {@link #LATEST_COLUMNS}' order, from parameter {@code at} on. */
    private static void setLatestFigures(PreparedStatement ps, int at, MonthlyRollup.Latest l) throws SQLException {
        ps.setDate(at, Date.valueOf(l.firstDay()));
        ps.setDate(at + 1, Date.valueOf(l.lastDay()));
        ps.setBigDecimal(at + 2, l.closingQty());
        ps.setBigDecimal(at + 3, l.closingValue());
        ps.setBigDecimal(at + 4, l.previousQty());
        setDate(ps, at + 5, l.lastOutDay());
    }

    /** Rolls the keys' months again from {@code first} on from their daily rows; answers their latest states. */
    private List<MonthlyRollup.Latest> rollMonths(
            YearMonth first, List<SnapshotKey> keys, Map<SnapshotKey, MonthlyRollup.Latest> latest) {
        Set<SnapshotKey> wanted = new java.util.HashSet<>(keys);
        Set<String> items = new java.util.HashSet<>();
        keys.forEach(k -> items.add(k.item()));
        Date since = Date.valueOf(first.atDay(1));
        Map<SnapshotKey, BigDecimal[]> opening = new HashMap<>();
        Map<SnapshotKey, YearMonth> start = new HashMap<>();
        jdbc.sql("SELECT item, warehouse, owner, opening_qty, opening_value FROM analytics_monthly "
                        + "WHERE item IN (:items) AND month_start = :since")
                .param("items", items)
                .param("since", since)
                .query(rs -> {
                    SnapshotKey k = key(rs);
                    if (wanted.contains(k)) {
                        opening.put(
                                k,
                                new BigDecimal[] {rs.getBigDecimal("opening_qty"), rs.getBigDecimal("opening_value")});
                        start.put(k, first);
                    }
                });
        Set<String> lacking = new java.util.HashSet<>();
        keys.stream().filter(k -> !opening.containsKey(k)).forEach(k -> lacking.add(k.item()));
        if (!lacking.isEmpty()) {
            jdbc.sql(
                            "SELECT m.item, m.warehouse, m.owner, m.month_start, m.closing_qty, m.closing_value "
                                    + "FROM analytics_monthly m JOIN (SELECT item, warehouse, owner, MAX(month_start) AS last_month "
                                    + "FROM analytics_monthly WHERE item IN (:items) AND month_start < :since GROUP BY item, warehouse, owner) x "
                                    + "ON m.item = x.item AND m.warehouse = x.warehouse AND m.owner = x.owner AND m.month_start = x.last_month")
                    .param("items", lacking)
                    .param("since", since)
                    .query(rs -> {
                        SnapshotKey k = key(rs);
                        if (wanted.contains(k) && !opening.containsKey(k)) {
                            opening.put(k, new BigDecimal[] {
                                rs.getBigDecimal("closing_qty"), rs.getBigDecimal("closing_value")
                            });
                            start.put(
                                    k,
                                    YearMonth.from(rs.getDate("month_start").toLocalDate())
                                            .plusMonths(1));
                        }
                    });
        }
        Map<SnapshotKey, List<DailyFigures>> rows = new HashMap<>();
        jdbc.sql("SELECT " + DAILY_COLUMNS + " FROM analytics_daily WHERE item IN (:items) AND snapshot_day >= :since "
                        + "ORDER BY item, warehouse, owner, snapshot_day")
                .param("items", items)
                .param("since", since)
                .query(rs -> {
                    DailyFigures f = figures(rs);
                    if (wanted.contains(f.key())) {
                        rows.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
                    }
                });
        List<MonthlyRollup.Month> months = new ArrayList<>();
        List<Map.Entry<SnapshotKey, YearMonth>> deletes = new ArrayList<>();
        List<MonthlyRollup.Latest> states = new ArrayList<>();
        for (SnapshotKey k : keys) {
            BigDecimal[] open = opening.getOrDefault(k, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            YearMonth from = start.getOrDefault(k, first);
            deletes.add(Map.entry(k, from));
            List<DailyFigures> own = rows.getOrDefault(k, List.of());
            List<MonthlyRollup.Month> rolled = MonthlyRollup.roll(k, from, open[0], open[1], own);
            months.addAll(rolled);
            if (!own.isEmpty()) {
                MonthlyRollup.Latest was = latest.get(k);
                DailyFigures last = own.get(own.size() - 1);
                LocalDate firstDay = was == null || own.get(0).day().isBefore(was.firstDay())
                        ? own.get(0).day()
                        : was.firstDay();
                states.add(new MonthlyRollup.Latest(
                        k,
                        firstDay,
                        last.day(),
                        last.closingQty(),
                        last.closingValue(),
                        own.size() > 1 ? own.get(own.size() - 2).closingQty() : open[0],
                        MonthlyRollup.lastOut(was == null ? null : was.lastOutDay(), rolled)));
            }
        }
        deleteMonthsFrom(deletes);
        insertMonths(months);
        return states;
    }

    /**
     * Rolls every key's months again from all its daily rows (streamed): for a database whose daily rows were written
     * otherwise than by the job (the analytics bench derives them in SQL). Answers the number of monthly rows.
     */
    @Transactional
    public long rebuildMonths() {
        jdbc.sql("DELETE FROM analytics_monthly").update();
        List<MonthlyRollup.Month> pending = new ArrayList<>();
        List<DailyFigures> current = new ArrayList<>();
        long[] written = new long[1];
        streaming.query(
                "SELECT " + DAILY_COLUMNS + " FROM analytics_daily ORDER BY item, warehouse, owner, snapshot_day",
                Map.of(),
                (RowCallbackHandler) rs -> {
                    DailyFigures f = figures(rs);
                    if (!current.isEmpty() && !current.get(0).key().equals(f.key())) {
                        written[0] += flushKey(current, pending);
                    }
                    current.add(f);
                });
        written[0] += flushKey(current, pending);
        insertMonths(pending);
        jdbc.sql("DELETE FROM analytics_key_latest").update();
        jdbc.sql(REBUILD_LATEST).update();
        return written[0];
    }

    /** Each key's latest state from its daily rows and months (as the migration V202612090201 fills it). */
    private static final String REBUILD_LATEST = "INSERT INTO analytics_key_latest (" + LATEST_COLUMNS + ") "
            + "SELECT r.item, r.warehouse, r.owner, r.first_day, r.snapshot_day, r.closing_qty, r.closing_value, "
            + "COALESCE(r.previous_qty, 0), (SELECT MAX(m.last_out_day) FROM analytics_monthly m WHERE m.item = r.item "
            + "AND m.warehouse = r.warehouse AND m.owner = r.owner) FROM (SELECT item, warehouse, owner, snapshot_day, "
            + "closing_qty, closing_value, LAG(closing_qty)" + KEY_WINDOW + " AS previous_qty, "
            + "MIN(snapshot_day) OVER (PARTITION BY item, warehouse, owner) AS first_day, "
            + "ROW_NUMBER() OVER (PARTITION BY item, warehouse, owner ORDER BY snapshot_day DESC) AS rn "
            + "FROM analytics_daily) r WHERE r.rn = 1";

    private int flushKey(List<DailyFigures> rows, List<MonthlyRollup.Month> pending) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<MonthlyRollup.Month> months = MonthlyRollup.roll(
                rows.get(0).key(), YearMonth.from(rows.get(0).day()), BigDecimal.ZERO, BigDecimal.ZERO, rows);
        rows.clear();
        pending.addAll(months);
        if (pending.size() >= FETCH_SIZE) {
            insertMonths(pending);
            pending.clear();
        }
        return months.size();
    }

    private void insertMonths(List<MonthlyRollup.Month> months) {
        if (postgres) {
            MONTH_ROWS.execute(
                    template,
                    "INSERT INTO analytics_monthly (" + MONTH_ROWS.names() + ") SELECT * FROM "
                            + MONTH_ROWS.unnest("r"),
                    months);
            return;
        }
        batch(
                "INSERT INTO analytics_monthly (" + MONTHLY_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                months,
                (ps, m) -> {
                    setKey(ps, 1, m.key());
                    ps.setDate(4, Date.valueOf(m.month().atDay(1)));
                    ps.setBigDecimal(5, m.openingQty());
                    ps.setBigDecimal(6, m.openingValue());
                    setMonthFigures(ps, 7, m);
                });
    }

    /** The month columns after the opening, in {@link #MONTHLY_COLUMNS}' order, as {@code SET} of an UPDATE. */
    private static final String MONTH_FIGURES_SET = "closing_qty = ?, closing_value = ?, value_days = ?, "
            + "zero_days = ?, receipt_qty = ?, issue_qty = ?, issue_cost = ?, demand_qty = ?, first_day = ?, "
            + "last_out_day = ?";

    /**
     * The one place a month row's figures are bound (ADR 0089; the UPDATE and the INSERT wrote the list twice): the
     * ten columns after the opening, in {@link #MONTHLY_COLUMNS}' order, from parameter {@code at} on.
     */
    private static void setMonthFigures(PreparedStatement ps, int at, MonthlyRollup.Month m) throws SQLException {
        ps.setBigDecimal(at, m.closingQty());
        ps.setBigDecimal(at + 1, m.closingValue());
        ps.setBigDecimal(at + 2, m.valueDays());
        ps.setInt(at + 3, m.zeroDays());
        ps.setBigDecimal(at + 4, m.receiptQty());
        ps.setBigDecimal(at + 5, m.issueQty());
        ps.setBigDecimal(at + 6, m.issueCost());
        ps.setBigDecimal(at + 7, m.demandQty());
        setDate(ps, at + 8, m.firstDay());
        setDate(ps, at + 9, m.lastOutDay());
    }

    /** Deletes each key's months from the given month on. */
    private void deleteMonthsFrom(List<Map.Entry<SnapshotKey, YearMonth>> from) {
        batch(
                "DELETE FROM analytics_monthly WHERE item = ? AND warehouse = ? AND owner = ? AND month_start >= ?",
                from,
                (ps, e) -> {
                    setKey(ps, 1, e.getKey());
                    ps.setDate(4, Date.valueOf(e.getValue().atDay(1)));
                });
    }

    /**
     * The month sums of every key in the filter with a month up to {@code b.b()} (KeyPeriod.MonthSums), aggregated by
     * the database: one row a key however long the period and the history. The point-in-time figures come from the
     * key's latest row (ADR 0070): its first day (so its first month), and, when its last day is on or before B's end,
     * its closing and last "went out" day; otherwise month B's closing, and the last "went out" day of the months
     * H..B (only a key that last went out after B and not in H..B reads its older months, for that one day). Only the
     * months from H (or B, when the period holds no whole month) to B are read.
     */
    @Transactional(readOnly = true)
    public Map<SnapshotKey, KeyPeriod.MonthSums> monthSums(
            KeyPeriod.Bounds b, String warehouse, String owner, Collection<String> items) {
        ScopeFilter f = new ScopeFilter(items, warehouse, owner, null);
        Map<String, Object> params = f.params();
        LocalDate start = b.b().isBefore(b.h()) ? b.b() : b.h();
        params.put("s", Date.valueOf(start));
        params.put("h", Date.valueOf(b.h()));
        params.put("a", Date.valueOf(b.a()));
        params.put("b", Date.valueOf(b.b()));
        params.put("bend", Date.valueOf(b.bEnd()));
        String scope = f.whereAnd();
        Map<SnapshotKey, KeyPeriod.MonthSums> result = new HashMap<>();
        streaming.query(
                "SELECT l.item, l.warehouse, l.owner, l.first_day, l.last_day, l.closing_qty, l.closing_value, "
                        + "l.last_out_day, s.value_days, s.zero_days, s.issue_qty, s.issue_cost, s.demand, "
                        + "s.opening_qty_h, s.opening_value_h, s.closing_qty_b, s.closing_value_b, "
                        + "CASE WHEN l.last_out_day IS NULL OR l.last_out_day <= :bend THEN NULL ELSE COALESCE("
                        + "s.last_out, (SELECT MAX(o.last_out_day) FROM analytics_monthly o WHERE o.item = l.item "
                        + "AND o.warehouse = l.warehouse AND o.owner = l.owner AND o.month_start < :s)) END AS out_before "
                        + "FROM (SELECT " + LATEST_COLUMNS + " FROM analytics_key_latest" + scope
                        + "first_day <= :bend) l "
                        + "LEFT JOIN (SELECT item, warehouse, owner, "
                        + "SUM(CASE WHEN month_start >= :a THEN value_days ELSE 0 END) AS value_days, "
                        + "SUM(CASE WHEN month_start >= :a THEN zero_days ELSE 0 END) AS zero_days, "
                        + "SUM(CASE WHEN month_start >= :a THEN issue_qty ELSE 0 END) AS issue_qty, "
                        + "SUM(CASE WHEN month_start >= :a THEN issue_cost ELSE 0 END) AS issue_cost, "
                        + "MAX(CASE WHEN month_start >= :a AND demand_qty > 0 THEN 1 ELSE 0 END) AS demand, "
                        + "MAX(last_out_day) AS last_out, "
                        + "MAX(CASE WHEN month_start = :h THEN opening_qty END) AS opening_qty_h, "
                        + "MAX(CASE WHEN month_start = :h THEN opening_value END) AS opening_value_h, "
                        + "MAX(CASE WHEN month_start = :b THEN closing_qty END) AS closing_qty_b, "
                        + "MAX(CASE WHEN month_start = :b THEN closing_value END) AS closing_value_b "
                        + "FROM analytics_monthly" + scope + "month_start >= :s AND month_start <= :b "
                        + "GROUP BY item, warehouse, owner) s "
                        + "ON s.item = l.item AND s.warehouse = l.warehouse AND s.owner = l.owner",
                params,
                (RowCallbackHandler) rs -> {
                    LocalDate first = rs.getDate("first_day").toLocalDate();
                    LocalDate last = rs.getDate("last_day").toLocalDate();
                    boolean settled = !last.isAfter(b.bEnd());
                    Date out = rs.getDate("last_out_day");
                    Date before = rs.getDate("out_before");
                    LocalDate lastOut = out == null
                            ? null
                            : !out.toLocalDate().isAfter(b.bEnd())
                                    ? out.toLocalDate()
                                    : before == null ? null : before.toLocalDate();
                    BigDecimal valueDays = rs.getBigDecimal("value_days");
                    result.put(
                            key(rs),
                            new KeyPeriod.MonthSums(
                                    valueDays == null ? BigDecimal.ZERO : valueDays,
                                    rs.getLong("zero_days"),
                                    orZero(rs.getBigDecimal("issue_qty")),
                                    orZero(rs.getBigDecimal("issue_cost")),
                                    rs.getInt("demand") > 0,
                                    first,
                                    lastOut,
                                    YearMonth.from(first),
                                    settled ? YearMonth.from(last) : YearMonth.from(b.b()),
                                    settled ? rs.getBigDecimal("closing_qty") : rs.getBigDecimal("closing_qty_b"),
                                    settled ? rs.getBigDecimal("closing_value") : rs.getBigDecimal("closing_value_b"),
                                    rs.getBigDecimal("opening_qty_h"),
                                    rs.getBigDecimal("opening_value_h")));
                });
        return result;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /**
     * The two ends of a period per key (KeyPeriod.Edge, ADR 0070), summed by the database from the daily rows from H to
     * the day before A (the head, index 0) and after B's end up to the period's end (the tail, index 1): one row an
     * end instead of one a day.
     */
    @Transactional(readOnly = true)
    public Map<SnapshotKey, KeyPeriod.Edge[]> edgeSums(
            KeyPeriod.Bounds b,
            LocalDate from,
            LocalDate to,
            String warehouse,
            String owner,
            Collection<String> items) {
        ScopeFilter f = new ScopeFilter(items, warehouse, owner, null);
        Map<String, Object> params = f.params();
        params.put("h", Date.valueOf(b.h()));
        params.put("a", Date.valueOf(b.a()));
        params.put("bend", Date.valueOf(b.bEnd()));
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        params.put("after", Date.valueOf(to.plusDays(1)));
        params.put("own", SnapshotKey.OWN);
        String scope = f.whereAnd();
        String window = " OVER (PARTITION BY item, warehouse, owner, seg ORDER BY snapshot_day)";
        String next = "LEAD(snapshot_day)" + window;
        String span = daysBetween(
                "snapshot_day",
                "COALESCE(" + next + ", CASE WHEN seg = 0 THEN CAST(:a AS DATE) ELSE CAST(:after AS DATE) END)");
        String in = "snapshot_day >= :from";
        Map<SnapshotKey, KeyPeriod.Edge[]> result = new HashMap<>();
        streaming.query(
                "SELECT item, warehouse, owner, seg, MIN(snapshot_day) AS first_day, "
                        + "MAX(CASE WHEN rn = 1 THEN receipt_qty END) AS first_receipt, "
                        + "MAX(CASE WHEN rn = 1 THEN closing_qty END) AS first_closing, "
                        + "MAX(CASE WHEN rn = 1 THEN issue_qty END) AS first_issue, "
                        + "MAX(CASE WHEN rn > 1 AND (issue_qty > 0 OR (owner <> :own AND prev_qty + receipt_qty > "
                        + "closing_qty)) THEN snapshot_day END) AS last_out, "
                        + "MAX(CASE WHEN snapshot_day < :from AND (next_day IS NULL OR next_day >= :from) "
                        + "THEN closing_qty END) AS pre_qty, "
                        + "MAX(CASE WHEN snapshot_day < :from AND (next_day IS NULL OR next_day >= :from) "
                        + "THEN closing_value END) AS pre_value, "
                        + "MIN(CASE WHEN " + in + " THEN snapshot_day END) AS first_in, "
                        + "SUM(CASE WHEN " + in + " THEN closing_value * span ELSE 0 END) AS value_days, "
                        + "SUM(CASE WHEN " + in + " AND closing_qty <= 0 THEN span ELSE 0 END) AS zero_days, "
                        + "SUM(CASE WHEN " + in + " THEN issue_qty ELSE 0 END) AS issue_qty, "
                        + "SUM(CASE WHEN " + in + " THEN issue_cost ELSE 0 END) AS issue_cost, "
                        + "MAX(CASE WHEN " + in + " AND demand_qty > 0 THEN 1 ELSE 0 END) AS demand, "
                        + "MAX(CASE WHEN next_day IS NULL THEN closing_qty END) AS last_qty, "
                        + "MAX(CASE WHEN next_day IS NULL THEN closing_value END) AS last_value FROM ("
                        + "SELECT item, warehouse, owner, seg, snapshot_day, closing_qty, closing_value, receipt_qty, "
                        + "issue_qty, issue_cost, demand_qty, ROW_NUMBER()" + window + " AS rn, "
                        + "LAG(closing_qty)" + window + " AS prev_qty, " + next + " AS next_day, " + span + " AS span "
                        + "FROM (SELECT " + DAILY_COLUMNS + ", CASE WHEN snapshot_day < :a THEN 0 ELSE 1 END AS seg "
                        + "FROM analytics_daily" + scope
                        + "((snapshot_day >= :h AND snapshot_day < :a) OR (snapshot_day > :bend AND snapshot_day <= :to))"
                        + ") d) r GROUP BY item, warehouse, owner, seg",
                params,
                (RowCallbackHandler) rs -> {
                    Date out = rs.getDate("last_out");
                    Date firstIn = rs.getDate("first_in");
                    KeyPeriod.Edge edge = new KeyPeriod.Edge(
                            rs.getDate("first_day").toLocalDate(),
                            rs.getBigDecimal("first_receipt"),
                            rs.getBigDecimal("first_closing"),
                            rs.getBigDecimal("first_issue"),
                            out == null ? null : out.toLocalDate(),
                            rs.getBigDecimal("pre_qty"),
                            rs.getBigDecimal("pre_value"),
                            firstIn == null ? null : firstIn.toLocalDate(),
                            rs.getBigDecimal("value_days"),
                            rs.getLong("zero_days"),
                            rs.getBigDecimal("issue_qty"),
                            rs.getBigDecimal("issue_cost"),
                            rs.getInt("demand") > 0,
                            rs.getBigDecimal("last_qty"),
                            rs.getBigDecimal("last_value"));
                    result.computeIfAbsent(key(rs), k -> new KeyPeriod.Edge[2])[rs.getInt("seg")] = edge;
                });
        return result;
    }

    /** The stored months of the keys in the filter from {@code from} to {@code to} (month starts), by key and month. */
    @Transactional(readOnly = true)
    public Map<SnapshotKey, List<MonthlyRollup.Month>> months(
            YearMonth from, YearMonth to, String warehouse, String owner, Collection<String> items) {
        ScopeFilter f = new ScopeFilter(items, warehouse, owner, null);
        Map<String, Object> params = f.params();
        params.put("from", Date.valueOf(from.atDay(1)));
        params.put("to", Date.valueOf(to.atDay(1)));
        String scope = f.whereAnd();
        Map<SnapshotKey, List<MonthlyRollup.Month>> result = new LinkedHashMap<>();
        streaming.query(
                "SELECT " + MONTHLY_COLUMNS + " FROM analytics_monthly" + scope
                        + "month_start >= :from AND month_start <= :to ORDER BY item, warehouse, owner, month_start",
                params,
                (RowCallbackHandler) rs -> {
                    MonthlyRollup.Month m = month(rs);
                    result.computeIfAbsent(m.key(), x -> new ArrayList<>()).add(m);
                });
        return result;
    }

    private static MonthlyRollup.Month month(ResultSet rs) throws SQLException {
        Date out = rs.getDate("last_out_day");
        Date first = rs.getDate("first_day");
        return new MonthlyRollup.Month(
                key(rs),
                YearMonth.from(rs.getDate("month_start").toLocalDate()),
                rs.getBigDecimal("opening_qty"),
                rs.getBigDecimal("opening_value"),
                rs.getBigDecimal("closing_qty"),
                rs.getBigDecimal("closing_value"),
                rs.getBigDecimal("value_days"),
                rs.getInt("zero_days"),
                rs.getBigDecimal("receipt_qty"),
                rs.getBigDecimal("issue_qty"),
                rs.getBigDecimal("issue_cost"),
                rs.getBigDecimal("demand_qty"),
                first == null ? null : first.toLocalDate(),
                out == null ? null : out.toLocalDate());
    }

    static SnapshotKey keyOf(ResultSet rs) throws SQLException {
        return key(rs);
    }

    static DailyFigures figuresOf(ResultSet rs) throws SQLException {
        return figures(rs);
    }

    private static SnapshotKey key(ResultSet rs) throws SQLException {
        return new SnapshotKey(rs.getString("item"), rs.getString("warehouse"), rs.getString("owner"));
    }

    private static DailyFigures figures(ResultSet rs) throws SQLException {
        return new DailyFigures(
                key(rs),
                rs.getDate("snapshot_day").toLocalDate(),
                rs.getBigDecimal("closing_qty"),
                rs.getBigDecimal("closing_value"),
                rs.getBigDecimal("receipt_qty"),
                rs.getBigDecimal("issue_qty"),
                rs.getBigDecimal("issue_cost"),
                rs.getBigDecimal("demand_qty"));
    }
}
