package org.openvmi.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.audit.AuditTrail;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditTrail implements AuditTrail {

    /** The audit log's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "id DESC", "id", "at", "at", "actor", "actor", "action", "action", "entity", "entity", "key", "entity_key");

    private static final String INSERT = """
            INSERT INTO audit_log (at, actor, action, entity, entity_key, before_json, after_json)
            VALUES (:at, :actor, :action, :entity, :key, :before, :after)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entity, String entityKey, Object before, Object after) {
        insert(CurrentUser.name(), action, entity, entityKey, toJson(before), toJson(after));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(clock.instant());
        String actor = CurrentUser.name();
        SqlParameterSource[] rows = changes.stream()
                .map(c -> new MapSqlParameterSource()
                        .addValue("at", at)
                        .addValue("actor", actor)
                        .addValue("action", c.action())
                        .addValue("entity", c.entity())
                        .addValue("key", c.entityKey())
                        .addValue("before", toJson(c.before()))
                        .addValue("after", toJson(c.after())))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate(INSERT, rows);
    }

    @Override
    @Transactional
    public void recordAs(String actor, String action, String entity, String entityKey, Object details) {
        insert(actor, action, entity, entityKey, null, toJson(details));
    }

    private void insert(String actor, String action, String entity, String key, String before, String after) {
        jdbc.sql(INSERT)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("action", action)
                .param("entity", entity)
                .param("key", key)
                .param("before", before)
                .param("after", after)
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<AuditEntry> find(AuditQuery q, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (q.actor() != null) {
            where.add("actor = :actor");
            params.put("actor", q.actor());
        }
        if (q.action() != null) {
            where.add("action = :action");
            params.put("action", q.action());
        }
        if (q.entity() != null) {
            where.add("entity = :entity");
            params.put("entity", q.entity());
        }
        if (q.entityKey() != null) {
            where.add("entity_key = :key");
            params.put("key", q.entityKey());
        }
        if (q.from() != null) {
            where.add("at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.add("at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEntry> rows = jdbc.sql(
                        "SELECT * FROM audit_log" + filter + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, i) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("entity"),
                        rs.getString("entity_key"),
                        rs.getString("before_json"),
                        rs.getString("after_json")))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
