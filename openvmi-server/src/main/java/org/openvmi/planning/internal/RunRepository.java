package org.openvmi.planning.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.NamedRef;
import org.openvmi.planning.RunView;
import org.openvmi.planning.model.RunStatus;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class RunRepository {

    /** The run list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "r.id DESC",
            "r.id",
            "id",
            "r.id",
            "status",
            "r.status",
            "horizon",
            "r.horizon_days",
            "servicelevel",
            "r.service_level",
            "startedby",
            "r.started_by",
            "created",
            "r.created_at");

    private static final String SELECT = "SELECT r.* FROM planning_run r";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CatalogRefs refs;
    /** A heartbeat's limit: the database's now plus {@code :sinceMs}, bound as minus the stale limit. */
    private final String staleBefore;

    RunRepository(JdbcClient jdbc, JsonMapper json, CatalogRefs refs, DatabaseClock database) {
        this.jdbc = jdbc;
        this.refs = refs;
        this.json = json;
        this.staleBefore = database.plusMillis("sinceMs");
    }

    /** Locks the guard row: run creation is serialized across instances until the transaction ends. */
    public void lockGuard() {
        jdbc.sql("SELECT id FROM planning_run_guard WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .single();
    }

    /** Claims a scheduled firing for this instance: true for the first caller of a slot, across instances. */
    public boolean claimSchedule(Instant slot) {
        return jdbc.sql("UPDATE planning_run_guard SET scheduled_slot = :slot"
                                + " WHERE id = 1 AND (scheduled_slot IS NULL OR scheduled_slot < :slot)")
                        .param("slot", Timestamp.from(slot))
                        .update()
                == 1;
    }

    /** The last claimed scheduled firing, null when none was ever claimed. */
    public Instant scheduledSlot() {
        Timestamp slot = jdbc.sql("SELECT scheduled_slot FROM planning_run_guard WHERE id = 1")
                .query((rs, n) -> rs.getTimestamp(1))
                .list()
                .get(0); // single() refuses a null value
        return slot == null ? null : slot.toInstant();
    }

    /** Gives a claimed firing back (its run could not start), so a later catch-up runs it. */
    public void unclaimSchedule(Instant slot, Instant previous) {
        jdbc.sql("UPDATE planning_run_guard SET scheduled_slot = :prev WHERE id = 1 AND scheduled_slot = :slot")
                .param("prev", previous == null ? null : Timestamp.from(previous))
                .param("slot", Timestamp.from(slot))
                .update();
    }

    /**
     * A queued or running run; {@code stale} when its heartbeat is older than the stale limit by the database's clock
     * (heartbeats are written by it too), so no instance's clock decides that another instance stopped.
     */
    public record Active(long id, Long warehouseId, List<String> items, boolean stale) {}

    public List<Active> active(java.time.Duration staleAfter) {
        return jdbc.sql("SELECT id, warehouse_id, item_codes, CASE WHEN COALESCE(heartbeat_at, created_at) < "
                        + staleBefore + " THEN 1 ELSE 0 END AS stale FROM planning_run"
                        + " WHERE status IN ('QUEUED', 'RUNNING')")
                .param("sinceMs", -staleAfter.toMillis())
                .query((rs, n) -> new Active(
                        rs.getLong("id"),
                        (Long) rs.getObject("warehouse_id", Long.class),
                        codes(rs.getString("item_codes")),
                        rs.getInt("stale") == 1))
                .list();
    }

    public long insert(
            Long warehouseId,
            List<String> itemCodes,
            String category,
            Long supplierId,
            int horizonDays,
            BigDecimal serviceLevel,
            String user,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO planning_run (status, phase, warehouse_id, item_codes, category, supplier_id, horizon_days,
                                          service_level, started_by, created_at, heartbeat_at)
                VALUES ('QUEUED', 'QUEUED', :w, :items, :cat, :sup, :h, :sl, :user, :now, CURRENT_TIMESTAMP)""")
                .param("w", warehouseId)
                .param("items", itemCodes == null ? null : String.join("\n", itemCodes))
                .param("cat", category)
                .param("sup", supplierId)
                .param("h", horizonDays)
                .param("sl", serviceLevel)
                .param("user", user)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** QUEUED or RUNNING → RUNNING in phase FIT with its total; false when the run was failed meanwhile. */
    public boolean start(long id, int total, java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.sql("""
                        UPDATE planning_run SET status = 'RUNNING', phase = 'FIT', total = :t, history_from = :f,
                               history_to = :to, heartbeat_at = CURRENT_TIMESTAMP WHERE id = :id AND status IN (:from)""")
                        .param("t", total)
                        .param("f", java.sql.Date.valueOf(from))
                        .param("to", java.sql.Date.valueOf(to))
                        .param("id", id)
                        .param("from", RunStatus.from(RunStatus.RUNNING))
                        .update()
                == 1;
    }

    /**
     * Moves the run to {@code status} in {@code phase} when its status allows it ({@link RunStatus#next()}); false when
     * it does not (a run failed meanwhile is not started again).
     */
    public boolean phase(long id, String status, String phase, Instant now) {
        return jdbc.sql("UPDATE planning_run SET status = :s, phase = :p, heartbeat_at = CURRENT_TIMESTAMP,"
                                + " started_at = COALESCE(started_at, :now) WHERE id = :id AND status IN (:from)")
                        .param("s", status)
                        .param("p", phase)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("from", RunStatus.from(RunStatus.valueOf(status)))
                        .update()
                == 1;
    }

    /**
     * A heartbeat of the runs this instance works on (queued in its executor, running, or with a chunk it holds), so
     * that a long chunk does not make its run look stopped ({@code openvmi.planning.stale-after}).
     */
    public void heartbeat(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE planning_run SET heartbeat_at = CURRENT_TIMESTAMP WHERE id IN (:ids)"
                        + " AND status IN ('QUEUED', 'RUNNING')")
                .param("ids", List.copyOf(ids))
                .update();
    }

    public void progress(long id, int done, int suggestions, int policies) {
        jdbc.sql("""
                UPDATE planning_run SET done = done + :d, suggestions = suggestions + :s,
                       policies_changed = policies_changed + :p, heartbeat_at = CURRENT_TIMESTAMP WHERE id = :id""")
                .param("d", done)
                .param("s", suggestions)
                .param("p", policies)
                .param("id", id)
                .update();
    }

    /**
     * Marks the run DONE with its summary, only from the statuses {@link RunStatus#from} allows (RUNNING): a run FAILED
     * meanwhile (its heartbeat judged stale, say) stays FAILED, and of the instances finishing a split run's last
     * chunks at once (ADR 0076) exactly one completes it. True for the caller that did.
     */
    public boolean finish(long id, Map<String, Object> summary, long readMs, long fitMs, long writeMs, Instant now) {
        return jdbc.sql("""
                        UPDATE planning_run SET status = 'DONE', phase = 'DONE', summary_json = :j, read_ms = :r,
                               fit_ms = :f, write_ms = :w, finished_at = :now, heartbeat_at = CURRENT_TIMESTAMP
                        WHERE id = :id AND status IN (:from)""")
                        .param("j", json.writeValueAsString(summary))
                        .param("r", readMs)
                        .param("f", fitMs)
                        .param("w", writeMs)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("from", RunStatus.from(RunStatus.DONE))
                        .update()
                == 1;
    }

    /** The run's status, empty for no such run. */
    public Optional<String> status(long id) {
        return jdbc.sql("SELECT status FROM planning_run WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /**
     * The spec of a split run as another instance reads it from the run's row: warehouse, category, supplier, horizon,
     * service level and history window (a split run names no items and no pairs).
     */
    public Optional<RunSpec> spec(long id) {
        return jdbc.sql("""
                        SELECT warehouse_id, category, supplier_id, horizon_days, service_level, history_from, history_to
                        FROM planning_run WHERE id = :id AND history_from IS NOT NULL""")
                .param("id", id)
                .query((rs, n) -> new RunSpec(
                        id,
                        rs.getObject("warehouse_id", Long.class),
                        null,
                        rs.getString("category"),
                        rs.getObject("supplier_id", Long.class),
                        rs.getInt("horizon_days"),
                        rs.getBigDecimal("service_level").doubleValue(),
                        rs.getDate("history_from").toLocalDate(),
                        rs.getDate("history_to").toLocalDate(),
                        null))
                .optional();
    }

    /**
     * Fails a queued or running run whose heartbeat is older than {@code staleAfter} by the database's clock, judged in
     * the same statement (a heartbeat meanwhile keeps it running); true when it did.
     */
    public boolean failStale(long id, java.time.Duration staleAfter, String code, String error, Instant now) {
        return failWhere(id, code, error, now, " AND COALESCE(heartbeat_at, created_at) < " + staleBefore)
                        .param("sinceMs", -staleAfter.toMillis())
                        .update()
                == 1;
    }

    /**
     * Fails a run with the code pages show it by ({@link RunView#errorCode()}: queueFull, noHeartbeat, failed) and the
     * English text the API answers in {@code error} (ADR 0084).
     */
    public void fail(long id, String code, String error, Instant now) {
        failWhere(id, code, error, now, "").update();
    }

    /** The UPDATE that fails a queued or running run, with a further condition ({@code ""} for none). */
    private JdbcClient.StatementSpec failWhere(long id, String code, String error, Instant now, String condition) {
        return jdbc.sql("UPDATE planning_run SET status = 'FAILED', phase = 'FAILED', error = :e, error_code = :c,"
                        + " finished_at = :now WHERE id = :id AND status IN ('QUEUED', 'RUNNING')" + condition)
                .param("e", error == null ? "failed" : error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("c", code)
                .param("now", Timestamp.from(now))
                .param("id", id);
    }

    public Optional<RunView> find(long id) {
        return withCodes(jdbc.sql(SELECT + " WHERE r.id = :id")
                        .param("id", id)
                        .query(this::view)
                        .list())
                .stream()
                .findFirst();
    }

    public PageResult<RunView> list(PageRequest page) {
        long total =
                jdbc.sql("SELECT COUNT(*) FROM planning_run").query(Long.class).single();
        List<Row> rows = jdbc.sql(SELECT + SORT.orderBy(page) + " LIMIT :l OFFSET :o")
                .param("l", page.size())
                .param("o", page.offset())
                .query(this::view)
                .list();
        return new PageResult<>(withCodes(rows), page.page(), page.size(), total);
    }

    /** A run row before catalog has named its warehouse and supplier. */
    private record Row(Long warehouseId, Long supplierId, BiFunction<String, String, RunView> view) {}

    /** Warehouse and supplier codes of one page from catalog's API (ADR 0052); a run without one keeps none. */
    private List<RunView> withCodes(List<Row> rows) {
        Map<Long, NamedRef> warehouses = refs.warehousesById(rows.stream()
                .map(Row::warehouseId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<Long, String> suppliers = refs.supplierCodes(rows.stream()
                .map(Row::supplierId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return rows.stream()
                .map(r -> r.view()
                        .apply(
                                r.warehouseId() == null || !warehouses.containsKey(r.warehouseId())
                                        ? null
                                        : warehouses.get(r.warehouseId()).code(),
                                r.supplierId() == null ? null : suppliers.get(r.supplierId())))
                .toList();
    }

    private Row view(ResultSet rs, int n) throws SQLException {
        Map<String, Map<String, Integer>> summary = new LinkedHashMap<>();
        String j = rs.getString("summary_json");
        if (j != null) {
            summary = json.readValue(j, new TypeReference<Map<String, Map<String, Integer>>>() {});
        }
        Instant started = instant(rs, "started_at");
        Instant finished = instant(rs, "finished_at");
        long id = rs.getLong("id");
        String status = rs.getString("status");
        String phase = rs.getString("phase");
        int done = rs.getInt("done");
        int total = rs.getInt("total");
        List<String> items = codes(rs.getString("item_codes"));
        String category = rs.getString("category");
        int horizon = rs.getInt("horizon_days");
        var serviceLevel = Decimals.plain(rs.getBigDecimal("service_level"));
        int suggestions = rs.getInt("suggestions");
        int policiesChanged = rs.getInt("policies_changed");
        Map<String, Integer> models = summary.getOrDefault("models", Map.of());
        Map<String, Integer> byType = summary.getOrDefault("suggestions", Map.of());
        long readMs = rs.getLong("read_ms");
        long fitMs = rs.getLong("fit_ms");
        long writeMs = rs.getLong("write_ms");
        Long duration = started != null && finished != null ? finished.toEpochMilli() - started.toEpochMilli() : null;
        String error = rs.getString("error");
        String errorCode = rs.getString("error_code");
        String startedBy = rs.getString("started_by");
        Instant created = instant(rs, "created_at");
        return new Row(
                rs.getObject("warehouse_id", Long.class),
                rs.getObject("supplier_id", Long.class),
                (warehouse, supplier) -> new RunView(
                        id,
                        status,
                        phase,
                        done,
                        total,
                        warehouse,
                        items,
                        category,
                        supplier,
                        horizon,
                        serviceLevel,
                        suggestions,
                        policiesChanged,
                        models,
                        byType,
                        readMs,
                        fitMs,
                        writeMs,
                        duration,
                        error,
                        errorCode,
                        startedBy,
                        created,
                        started,
                        finished));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<String> codes(String text) {
        return text == null ? null : Arrays.asList(text.split("\n"));
    }
}
