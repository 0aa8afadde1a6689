package org.openvmi.rules.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.rules.ClearanceTaskView;
import org.openvmi.rules.FiringView;
import org.openvmi.rules.RuleRunView;
import org.openvmi.rules.model.Facts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The run log, the actions carried out (firings, unique per subject, action and window) and clearance tasks. */
@Repository
public class RunStore {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a run of the log (its {@code id} is not read) and answers it with the id it was given. */
    public RuleRunView record(RuleRunView run) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rule_run (rule_id, window_key, started_at, millis, status, subjects, fired, created, error,
                                      error_code, trigger_kind)
                VALUES (:rule, :w, :at, :ms, :status, :subjects, :fired, :created, :error, :code, :trigger)""")
                .param("code", run.errorCode())
                .param("trigger", run.trigger())
                .param("rule", run.rule())
                .param("w", run.window())
                .param("at", Timestamp.from(run.startedAt()))
                .param("ms", run.millis())
                .param("status", run.status())
                .param("subjects", run.subjects())
                .param("fired", run.fired())
                .param("created", run.created())
                .param("error", cut(run.error()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return new RuleRunView(
                id,
                run.rule(),
                run.window(),
                run.startedAt(),
                run.millis(),
                run.status(),
                run.subjects(),
                run.fired(),
                run.created(),
                run.error(),
                run.errorCode(),
                run.trigger());
    }

    public void finish(long run, long millis, int created) {
        jdbc.sql("UPDATE rule_run SET millis = :ms, created = :c WHERE id = :id")
                .param("ms", millis)
                .param("c", created)
                .param("id", run)
                .update();
    }

    public List<RuleRunView> runs(long rule, int offset, int size) {
        return jdbc.sql("""
                SELECT id, rule_id, window_key, started_at, millis, status, subjects, fired, created, error, error_code,
                       trigger_kind
                FROM rule_run WHERE rule_id = :rule ORDER BY started_at DESC, id DESC OFFSET :o ROWS FETCH NEXT :s ROWS ONLY""")
                .param("rule", rule)
                .param("o", offset)
                .param("s", size)
                .query((rs, n) -> new RuleRunView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12)))
                .list();
    }

    public long countRuns(long rule) {
        return jdbc.sql("SELECT COUNT(*) FROM rule_run WHERE rule_id = :rule")
                .param("rule", rule)
                .query(Long.class)
                .single();
    }

    /**
     * Records an action for a subject in a window unless it was carried out already: the id of the new firing, or
     * null for a repeat. The unique key (rule, subject, action, window) backs this check against a concurrent run.
     */
    public Long fire(
            long rule,
            long run,
            Facts f,
            int action,
            String type,
            String window,
            String severity,
            String messageEn,
            String messageZh,
            BigDecimal qty,
            Instant now) {
        boolean done = jdbc.sql("""
                SELECT COUNT(*) FROM rule_firing WHERE rule_id = :rule AND item_id = :item AND warehouse_id = :wh
                AND action_index = :a AND window_key = :w""")
                        .param("rule", rule)
                        .param("item", f.itemId())
                        .param("wh", f.warehouseId())
                        .param("a", action)
                        .param("w", window)
                        .query(Long.class)
                        .single()
                > 0;
        if (done) {
            return null;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rule_firing (rule_id, run_id, item_id, warehouse_id, item, warehouse, action_index,
                       action_type, window_key, severity, message_en, message_zh, quantity, facts_json, fired_at)
                VALUES (:rule, :run, :item, :wh, :ic, :wc, :a, :type, :w, :sev, :en, :zh, :qty, :facts, :now)""")
                .param("rule", rule)
                .param("run", run)
                .param("item", f.itemId())
                .param("wh", f.warehouseId())
                .param("ic", f.item())
                .param("wc", f.warehouse())
                .param("a", action)
                .param("type", type)
                .param("w", window)
                .param("sev", severity)
                .param("en", cut(messageEn))
                .param("zh", cut(messageZh))
                .param("qty", qty)
                .param("facts", json.writeValueAsString(f.shown()))
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The item × warehouse pairs ({itemId, warehouseId}) a rule ever raised an alert for: their alert may be open. */
    public List<long[]> alerted(long rule) {
        return jdbc.sql("""
                SELECT DISTINCT item_id, warehouse_id FROM rule_firing WHERE rule_id = :rule AND action_type = 'ALERT'""")
                .param("rule", rule)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    public List<FiringView> firings(Long rule, String type, boolean chinese, int offset, int size) {
        return jdbc.sql("""
                SELECT f.id, f.rule_id, r.name, f.item, f.warehouse, f.action_type, f.severity,
                       CASE WHEN :zh THEN f.message_zh ELSE f.message_en END, f.quantity, f.fired_at
                FROM rule_firing f JOIN rule_definition r ON r.id = f.rule_id
                WHERE (CAST(:rule AS BIGINT) IS NULL OR f.rule_id = :rule)
                  AND (CAST(:type AS VARCHAR(30)) IS NULL OR f.action_type = :type)
                ORDER BY f.fired_at DESC, f.id DESC OFFSET :o ROWS FETCH NEXT :s ROWS ONLY""")
                .param("zh", chinese)
                .param("rule", rule)
                .param("type", type)
                .param("o", offset)
                .param("s", size)
                .query((rs, n) -> new FiringView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBigDecimal(9),
                        rs.getTimestamp(10).toInstant()))
                .list();
    }

    /** Whether the subject already has an OPEN clearance task from this rule (a second one would say the same). */
    public boolean openTask(long rule, Facts f) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM clearance_task WHERE rule_id = :rule AND item_id = :item AND warehouse_id = :wh
                AND status = 'OPEN'""")
                        .param("rule", rule)
                        .param("item", f.itemId())
                        .param("wh", f.warehouseId())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long openTask(long rule, long firing, Facts f, String assignee, LocalDate due, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO clearance_task (rule_id, firing_id, item_id, warehouse_id, item, warehouse, qty, stock_value,
                                            status, assignee, due_date, created_at)
                VALUES (:rule, :firing, :item, :wh, :ic, :wc, :qty, :value, 'OPEN', :assignee, :due, :now)""")
                .param("rule", rule)
                .param("firing", firing)
                .param("item", f.itemId())
                .param("wh", f.warehouseId())
                .param("ic", f.item())
                .param("wc", f.warehouse())
                .param("qty", f.onHand())
                .param("value", f.stockValue())
                .param("assignee", assignee)
                .param("due", Date.valueOf(due))
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String TASK = """
            SELECT t.id, t.rule_id, r.name, t.item, t.warehouse, t.qty, t.stock_value, t.status, t.assignee, t.due_date,
                   t.outcome, t.note, t.created_at, t.closed_at, t.closed_by
            FROM clearance_task t JOIN rule_definition r ON r.id = t.rule_id""";

    public List<ClearanceTaskView> tasks(String status, String warehouse, LocalDate today, int offset, int size) {
        return jdbc.sql(TASK + """
                 WHERE (CAST(:status AS VARCHAR(20)) IS NULL OR t.status = :status)
                   AND (CAST(:wh AS VARCHAR(64)) IS NULL OR t.warehouse = :wh)
                ORDER BY CASE WHEN t.status = 'OPEN' THEN 0 ELSE 1 END, t.due_date, t.id
                OFFSET :o ROWS FETCH NEXT :s ROWS ONLY""")
                .param("status", status)
                .param("wh", warehouse)
                .param("o", offset)
                .param("s", size)
                .query((rs, n) -> task(rs, today))
                .list();
    }

    public long countTasks(String status, String warehouse) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM clearance_task t WHERE (CAST(:status AS VARCHAR(20)) IS NULL OR t.status = :status)
                   AND (CAST(:wh AS VARCHAR(64)) IS NULL OR t.warehouse = :wh)""")
                .param("status", status)
                .param("wh", warehouse)
                .query(Long.class)
                .single();
    }

    public java.util.Optional<ClearanceTaskView> task(long id, LocalDate today) {
        return jdbc.sql(TASK + " WHERE t.id = :id")
                .param("id", id)
                .query((rs, n) -> task(rs, today))
                .optional();
    }

    /** Closes an OPEN task; false when it was closed meanwhile. */
    public boolean close(long id, String outcome, String note, String by, Instant now) {
        return jdbc.sql("""
                UPDATE clearance_task SET status = 'DONE', outcome = :outcome, note = :note, closed_by = :by,
                       closed_at = :now WHERE id = :id AND status = 'OPEN'""")
                        .param("outcome", outcome)
                        .param("note", note)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    private static ClearanceTaskView task(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getDate(10).toLocalDate();
        Timestamp closed = rs.getTimestamp(14);
        String status = rs.getString(8);
        return new ClearanceTaskView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBigDecimal(6),
                rs.getBigDecimal(7),
                status,
                rs.getString(9),
                due,
                "OPEN".equals(status) && due.isBefore(today),
                rs.getString(11),
                rs.getString(12),
                rs.getTimestamp(13).toInstant(),
                closed == null ? null : closed.toInstant(),
                rs.getString(15));
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
