package org.openvmi.rules.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.openvmi.rules.RuleVersionView;
import org.openvmi.rules.RuleView;
import org.openvmi.rules.model.RuleDefinition;
import org.openvmi.rules.model.Trigger;
import org.openvmi.shared.cluster.CacheVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Rules and their versions; the definition is kept as JSON (scope, trigger, condition, actions). */
@Repository
public class RuleStore {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CacheVersions cacheVersions;
    /** {@link #listened}, consulted on every posting: kept until a rule is written (ADR 0072). */
    private final Supplier<Set<Trigger.Event>> listened;

    RuleStore(JdbcClient jdbc, CacheVersions cacheVersions) {
        this.jdbc = jdbc;
        this.cacheVersions = cacheVersions;
        this.listened = cacheVersions.cached(CacheVersions.RULES, this::readListened);
    }

    /**
     * The events at least one enabled rule listens to, kept in memory until a rule is created, changed, deleted or
     * switched off (on this instance at that transaction's end, on the others within the cache poll): an event no
     * rule listens to is not even noted.
     */
    public Set<Trigger.Event> listened() {
        return listened.get();
    }

    private Set<Trigger.Event> readListened() {
        Set<Trigger.Event> events = EnumSet.noneOf(Trigger.Event.class);
        for (Stored r : enabled()) {
            for (Trigger.Event e : Trigger.Event.values()) {
                if (r.definition().trigger().on(e)) {
                    events.add(e);
                }
            }
        }
        return Collections.unmodifiableSet(events);
    }

    /** A stored rule with its definition and the engine's bookkeeping. */
    public record Stored(
            long id,
            RuleDefinition definition,
            String owner,
            boolean enabled,
            int version,
            int consecutiveFailures,
            String disabledReason,
            String disabledCode,
            Instant lastSlot,
            Instant createdAt,
            Instant updatedAt,
            String updatedBy) {

        public RuleView view() {
            return new RuleView(
                    id,
                    definition.name(),
                    definition.description(),
                    owner,
                    definition.ownerSupplier(),
                    definition.scope(),
                    definition.trigger(),
                    definition.condition(),
                    definition.actions(),
                    enabled,
                    version,
                    consecutiveFailures,
                    disabledReason,
                    disabledCode,
                    createdAt,
                    updatedAt,
                    updatedBy);
        }
    }

    private static final String COLUMNS = "id, definition_json, owner_username, enabled, version, consecutive_failures,"
            + " disabled_reason, disabled_code, last_slot, created_at, updated_at, updated_by";

    public long insert(RuleDefinition d, String owner, boolean enabled, Instant now) {
        cacheVersions.bump(CacheVersions.RULES);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rule_definition (name, owner_username, owner_supplier, definition_json, enabled, version,
                                             created_at, updated_at, updated_by)
                VALUES (:name, :owner, :sup, :json, :enabled, 1, :now, :now, :owner)""")
                .param("name", d.name())
                .param("owner", owner)
                .param("sup", d.ownerSupplier())
                .param("json", json.writeValueAsString(d))
                .param("enabled", enabled)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        version(id, 1, "CREATED", d, enabled, owner, now);
        return id;
    }

    /** Replaces the definition if the version still matches; false when someone changed it meanwhile. */
    public boolean update(long id, int expected, RuleDefinition d, boolean enabled, String by, Instant now) {
        cacheVersions.bump(CacheVersions.RULES);
        int n = jdbc.sql("""
                UPDATE rule_definition SET name = :name, owner_supplier = :sup, definition_json = :json,
                       enabled = :enabled, version = version + 1, updated_at = :now, updated_by = :by,
                       consecutive_failures = CASE WHEN :enabled THEN 0 ELSE consecutive_failures END,
                       disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END,
                       disabled_code = CASE WHEN :enabled THEN NULL ELSE disabled_code END
                WHERE id = :id AND version = :v AND NOT deleted""")
                .param("name", d.name())
                .param("sup", d.ownerSupplier())
                .param("json", json.writeValueAsString(d))
                .param("enabled", enabled)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("id", id)
                .param("v", expected)
                .update();
        if (n == 1) {
            version(id, expected + 1, "UPDATED", d, enabled, by, now);
        }
        return n == 1;
    }

    public void delete(long id, String by, Instant now) {
        cacheVersions.bump(CacheVersions.RULES);
        Stored s = find(id).orElseThrow();
        jdbc.sql("UPDATE rule_definition SET deleted = TRUE, enabled = FALSE, version = version + 1, updated_at = :now,"
                        + " updated_by = :by WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("id", id)
                .update();
        version(id, s.version() + 1, "DELETED", s.definition(), false, by, now);
    }

    private void version(
            long id, int version, String change, RuleDefinition d, boolean enabled, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO rule_version (rule_id, version, change_kind, definition_json, enabled, changed_by, changed_at)
                VALUES (:id, :v, :change, :json, :enabled, :by, :now)""")
                .param("id", id)
                .param("v", version)
                .param("change", change)
                .param("json", json.writeValueAsString(d))
                .param("enabled", enabled)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_definition WHERE id = :id AND NOT deleted")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public List<Stored> page(int offset, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_definition WHERE NOT deleted ORDER BY name, id"
                        + " OFFSET :o ROWS FETCH NEXT :s ROWS ONLY")
                .param("o", offset)
                .param("s", size)
                .query(this::map)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM rule_definition WHERE NOT deleted")
                .query(Long.class)
                .single();
    }

    public List<Stored> enabled() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_definition WHERE enabled AND NOT deleted ORDER BY id")
                .query(this::map)
                .list();
    }

    /** Claims a cron firing of a rule for this instance: true for the first caller of a slot, across instances. */
    public boolean claim(long id, Instant slot) {
        return jdbc.sql("UPDATE rule_definition SET last_slot = :slot"
                                + " WHERE id = :id AND enabled AND (last_slot IS NULL OR last_slot < :slot)")
                        .param("slot", Timestamp.from(slot))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** A good run resets the failure count. */
    public void succeeded(long id) {
        jdbc.sql("UPDATE rule_definition SET consecutive_failures = 0 WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Counts a failed run; returns the count after it. */
    public int failed(long id) {
        jdbc.sql("UPDATE rule_definition SET consecutive_failures = consecutive_failures + 1 WHERE id = :id")
                .param("id", id)
                .update();
        return jdbc.sql("SELECT consecutive_failures FROM rule_definition WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    /**
     * Switches a failing rule off with the reason (its English text) and its code (what pages show it by, ADR 0084),
     * as a version of its own (by "rules-engine").
     */
    public void disable(long id, String code, String reason, Instant now) {
        cacheVersions.bump(CacheVersions.RULES);
        Stored s = find(id).orElseThrow();
        jdbc.sql(
                        "UPDATE rule_definition SET enabled = FALSE, disabled_reason = :r, disabled_code = :c, version = version + 1,"
                                + " updated_at = :now, updated_by = 'rules-engine' WHERE id = :id")
                .param("r", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("c", code)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        version(id, s.version() + 1, "DISABLED_BY_ENGINE", s.definition(), false, "rules-engine", now);
    }

    public List<RuleVersionView> versions(long id) {
        return jdbc.sql("""
                SELECT version, change_kind, changed_by, changed_at, enabled, definition_json FROM rule_version
                WHERE rule_id = :id ORDER BY version DESC""")
                .param("id", id)
                .query((rs, n) -> new RuleVersionView(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5),
                        json.readValue(rs.getString(6), RuleDefinition.class).condition()))
                .list();
    }

    private Stored map(ResultSet rs, int n) throws SQLException {
        Timestamp slot = rs.getTimestamp("last_slot");
        return new Stored(
                rs.getLong("id"),
                json.readValue(rs.getString("definition_json"), RuleDefinition.class),
                rs.getString("owner_username"),
                rs.getBoolean("enabled"),
                rs.getInt("version"),
                rs.getInt("consecutive_failures"),
                rs.getString("disabled_reason"),
                rs.getString("disabled_code"),
                slot == null ? null : slot.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
