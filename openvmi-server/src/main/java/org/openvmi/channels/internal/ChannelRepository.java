package org.openvmi.channels.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.channels.PauseLogView;
import org.openvmi.channels.model.AllocationRule;
import org.openvmi.channels.model.ChannelStatus;
import org.openvmi.channels.model.PauseReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Channels, their warehouses, the per-item locks and pauses, and the pause log. Warehouse and item codes come from
 * catalog's {@link CatalogRefs}, one batched query per list (ADR 0052: this SQL names only channels' tables).
 */
@Repository
public class ChannelRepository {

    private final JdbcClient jdbc;
    private final CatalogRefs refs;
    private final org.openvmi.shared.cluster.CacheVersions cacheVersions;
    /** {@link #anyActive}, consulted after every posting: kept until a channel is written (ADR 0072). */
    private final java.util.function.Supplier<Boolean> anyActive;

    ChannelRepository(JdbcClient jdbc, CatalogRefs refs, org.openvmi.shared.cluster.CacheVersions cacheVersions) {
        this.jdbc = jdbc;
        this.refs = refs;
        this.cacheVersions = cacheVersions;
        this.anyActive = cacheVersions.cached(
                org.openvmi.shared.cluster.CacheVersions.CHANNELS,
                () -> jdbc.sql("SELECT COUNT(*) FROM channel WHERE status <> 'INACTIVE'")
                                .query(Long.class)
                                .single()
                        > 0);
    }

    /**
     * Whether any channel is not switched off, kept in memory until a channel is created or changed (on the other
     * instances within the cache poll): without one, no stock change can pause or resume anything.
     */
    public boolean anyActive() {
        return anyActive.get();
    }

    public record Row(
            long id,
            String code,
            String name,
            int priority,
            BigDecimal percentage,
            BigDecimal fixedQuota,
            BigDecimal safetyBuffer,
            BigDecimal pauseBelow,
            ChannelStatus status,
            String updatedBy,
            Instant updatedAt) {}

    private static final String COLUMNS =
            "id, code, name, priority, percentage, fixed_quota, safety_buffer, pause_below, "
                    + "status, updated_by, updated_at";

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getInt("priority"),
                rs.getBigDecimal("percentage"),
                rs.getBigDecimal("fixed_quota"),
                rs.getBigDecimal("safety_buffer"),
                rs.getBigDecimal("pause_below"),
                ChannelStatus.valueOf(rs.getString("status")),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    public long insert(Row r, Collection<Long> warehouses) {
        cacheVersions.bump(org.openvmi.shared.cluster.CacheVersions.CHANNELS);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO channel (code, name, priority, percentage, fixed_quota, safety_buffer, pause_below, status,
                                     updated_by, updated_at)
                VALUES (:code, :name, :priority, :pct, :quota, :buffer, :pause, :status, :by, :at)""")
                .param("code", r.code())
                .param("name", r.name())
                .param("priority", r.priority())
                .param("pct", r.percentage())
                .param("quota", r.fixedQuota())
                .param("buffer", r.safetyBuffer())
                .param("pause", r.pauseBelow())
                .param("status", r.status().name())
                .param("by", r.updatedBy())
                .param("at", Timestamp.from(r.updatedAt()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        setWarehouses(id, warehouses);
        return id;
    }

    public void update(Row r, Collection<Long> warehouses) {
        cacheVersions.bump(org.openvmi.shared.cluster.CacheVersions.CHANNELS);
        jdbc.sql("""
                UPDATE channel SET name = :name, priority = :priority, percentage = :pct, fixed_quota = :quota,
                       safety_buffer = :buffer, pause_below = :pause, status = :status, updated_by = :by,
                       updated_at = :at, version = version + 1
                WHERE id = :id""")
                .param("id", r.id())
                .param("name", r.name())
                .param("priority", r.priority())
                .param("pct", r.percentage())
                .param("quota", r.fixedQuota())
                .param("buffer", r.safetyBuffer())
                .param("pause", r.pauseBelow())
                .param("status", r.status().name())
                .param("by", r.updatedBy())
                .param("at", Timestamp.from(r.updatedAt()))
                .update();
        setWarehouses(r.id(), warehouses);
    }

    private void setWarehouses(long channelId, Collection<Long> warehouses) {
        jdbc.sql("DELETE FROM channel_warehouse WHERE channel_id = :c")
                .param("c", channelId)
                .update();
        for (long w : new TreeSet<>(warehouses)) {
            jdbc.sql("INSERT INTO channel_warehouse (channel_id, warehouse_id) VALUES (:c, :w)")
                    .param("c", channelId)
                    .param("w", w)
                    .update();
        }
    }

    /** The warehouse ids of a channel's pool. */
    public List<Long> warehouseIds(long channelId) {
        return jdbc.sql("SELECT warehouse_id FROM channel_warehouse WHERE channel_id = :c ORDER BY warehouse_id")
                .param("c", channelId)
                .query(Long.class)
                .list();
    }

    /** The items a channel is paused for now by its line (held pauses, set by a rule or a person, left out). */
    public List<Long> pausedItemsOf(long channelId) {
        return jdbc.sql(
                        "SELECT item_id FROM channel_item_pause WHERE channel_id = :c AND reason = 'LINE' ORDER BY item_id")
                .param("c", channelId)
                .query(Long.class)
                .list();
    }

    public Optional<Row> byCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Locks the channel's row (a change of its rule waits for orders computing with the old one, and back). */
    public Optional<Row> lockByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel WHERE code = :code FOR UPDATE")
                .param("code", code)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public List<Row> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel ORDER BY priority, code")
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Warehouse codes of each channel, by channel id, each list sorted by code. */
    public Map<Long, List<String>> warehouseCodes() {
        Map<Long, List<Long>> ids = new HashMap<>();
        jdbc.sql("SELECT channel_id, warehouse_id FROM channel_warehouse")
                .query((rs, n) -> ids.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        Map<Long, NamedRef> warehouses = refs.warehousesById(ids.values().stream()
                .flatMap(List::stream)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        Map<Long, List<String>> codes = new HashMap<>();
        ids.forEach((channel, list) -> codes.put(
                channel,
                list.stream().map(w -> warehouses.get(w).code()).sorted().toList()));
        return codes;
    }

    /**
     * The allocation rules of the channels that sell (ACTIVE; INACTIVE ones are left out), by priority and code: one
     * query, channels joined with their pools (every channel order reads them under its item locks).
     */
    public List<AllocationRule> rules() {
        Map<Long, AllocationRule> rules = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.id, c.code, c.priority, c.percentage, c.fixed_quota, c.safety_buffer, c.pause_below,
                       cw.warehouse_id
                FROM channel c LEFT JOIN channel_warehouse cw ON cw.channel_id = c.id
                WHERE c.status <> 'INACTIVE' ORDER BY c.priority, c.code, cw.warehouse_id""").query(rs -> {
            long id = rs.getLong(1);
            AllocationRule r = rules.get(id);
            if (r == null) {
                r = new AllocationRule(
                        id,
                        rs.getString(2),
                        rs.getInt(3),
                        new HashSet<>(),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7));
                rules.put(id, r);
            }
            long warehouse = rs.getLong(8);
            if (!rs.wasNull()) {
                r.pool().add(warehouse);
            }
        });
        return withFixedPools(rules.values());
    }

    /**
     * Locks the given items for channel work, in id order (rows created on first use): one statement per item once its
     * row exists ({@code SELECT … FOR UPDATE}); the first use inserts the row and locks it then.
     */
    public void lockItems(Collection<Long> itemIds) {
        for (long id : new TreeSet<>(itemIds)) {
            if (lockRow(id)) {
                continue;
            }
            jdbc.sql("INSERT INTO channel_item_lock (item_id) VALUES (:i) ON CONFLICT DO NOTHING")
                    .param("i", id)
                    .update();
            if (!lockRow(id)) {
                throw new IllegalStateException("channel lock row of item " + id + " is missing");
            }
        }
    }

    private boolean lockRow(long itemId) {
        return jdbc.sql("SELECT item_id FROM channel_item_lock WHERE item_id = :i FOR UPDATE")
                .param("i", itemId)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** Per item id, the channels paused for it. */
    public Map<Long, Set<Long>> paused(Collection<Long> itemIds) {
        Map<Long, Set<Long>> paused = new HashMap<>();
        if (itemIds.isEmpty()) {
            return paused;
        }
        jdbc.sql("SELECT item_id, channel_id FROM channel_item_pause WHERE item_id IN (:items)")
                .param("items", itemIds)
                .query((rs, n) -> paused.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                        .add(rs.getLong(2)))
                .list();
        return paused;
    }

    public Map<Long, Integer> pausedCounts() {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT channel_id, COUNT(*) FROM channel_item_pause GROUP BY channel_id")
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /** Items some channel is paused for now, newest first (for the page). */
    public List<Long> pausedItems(int limit) {
        return jdbc.sql("SELECT item_id FROM channel_item_pause GROUP BY item_id ORDER BY MAX(paused_at) DESC LIMIT :n")
                .param("n", limit)
                .query(Long.class)
                .list();
    }

    public void pause(long channelId, long itemId, Instant at) {
        jdbc.sql("INSERT INTO channel_item_pause (channel_id, item_id, paused_at) VALUES (:c, :i, :at)")
                .param("c", channelId)
                .param("i", itemId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Why the channel is paused for the item now; empty when it is not. */
    public Optional<PauseReason> pauseReason(long channelId, long itemId) {
        return jdbc.sql("SELECT reason FROM channel_item_pause WHERE channel_id = :c AND item_id = :i")
                .param("c", channelId)
                .param("i", itemId)
                .query(String.class)
                .optional()
                .map(PauseReason::valueOf);
    }

    /** Holds the channel paused for the item ({@code reason} RULE or MANUAL): a line pause becomes a held one. */
    public void hold(long channelId, long itemId, PauseReason reason, String by, Instant at) {
        int changed = jdbc.sql(
                        "UPDATE channel_item_pause SET reason = :r, paused_by = :by WHERE channel_id = :c AND item_id = :i")
                .param("r", reason.name())
                .param("by", by)
                .param("c", channelId)
                .param("i", itemId)
                .update();
        if (changed == 0) {
            jdbc.sql("""
                    INSERT INTO channel_item_pause (channel_id, item_id, paused_at, reason, paused_by)
                    VALUES (:c, :i, :at, :r, :by)""")
                    .param("c", channelId)
                    .param("i", itemId)
                    .param("at", Timestamp.from(at))
                    .param("r", reason.name())
                    .param("by", by)
                    .update();
        }
    }

    public void resume(long channelId, long itemId) {
        jdbc.sql("DELETE FROM channel_item_pause WHERE channel_id = :c AND item_id = :i")
                .param("c", channelId)
                .param("i", itemId)
                .update();
    }

    /**
     * A log row: per item ({@code itemId} and {@code poolFree} set) for an automatic pause or resume, or for the
     * channel as a whole ({@code itemId} and {@code poolFree} null) when a person deactivated or reactivated it.
     */
    public void log(
            long channelId, Long itemId, ChannelStatus status, BigDecimal poolFree, BigDecimal threshold, Instant at) {
        log(channelId, itemId, status, poolFree, threshold, at, null, null, null);
    }

    /** A log row with why ({@code reason}, null for the line or a whole-channel change), who and a note. */
    public void log(
            long channelId,
            Long itemId,
            ChannelStatus status,
            BigDecimal poolFree,
            BigDecimal threshold,
            Instant at,
            PauseReason reason,
            String actor,
            String note) {
        jdbc.sql("""
                INSERT INTO channel_pause_log (channel_id, item_id, status, pool_free, threshold, logged_at, reason,
                       actor, note)
                VALUES (:c, :i, :s, :free, :line, :at, :reason, :actor, :note)""")
                .param("reason", reason == null ? null : reason.name())
                .param("actor", actor)
                .param("note", note)
                .param("c", channelId)
                .param("i", itemId)
                .param("s", status.name())
                .param("free", poolFree)
                .param("line", threshold)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The newest {@code limit} entries of the pause log (of one channel, or all), newest first. */
    public List<PauseLogView> pauseLog(String channelCode, int limit) {
        record Entry(
                String channel,
                Long itemId,
                String status,
                BigDecimal poolFree,
                BigDecimal threshold,
                Instant loggedAt,
                String reason,
                String actor,
                String note) {}
        List<Entry> page = jdbc.sql("""
                SELECT c.code AS channel, l.item_id, l.status, l.pool_free, l.threshold, l.logged_at, l.reason, l.actor,
                       l.note
                FROM channel_pause_log l JOIN channel c ON c.id = l.channel_id
                WHERE (CAST(:code AS VARCHAR(40)) IS NULL OR c.code = :code)
                ORDER BY l.id DESC LIMIT :n""")
                .param("code", channelCode)
                .param("n", limit)
                .query((rs, n) -> new Entry(
                        rs.getString("channel"),
                        rs.getObject("item_id") == null ? null : rs.getLong("item_id"),
                        rs.getString("status"),
                        rs.getBigDecimal("pool_free"),
                        rs.getBigDecimal("threshold"),
                        rs.getTimestamp("logged_at").toInstant(),
                        rs.getString("reason"),
                        rs.getString("actor"),
                        rs.getString("note")))
                .list();
        Map<Long, ItemRef> items = refs.itemsById(new TreeSet<>(page.stream()
                .map(Entry::itemId)
                .filter(java.util.Objects::nonNull)
                .toList()));
        return page.stream()
                .map(e -> new PauseLogView(
                        e.channel(),
                        e.itemId() == null ? null : items.get(e.itemId()).code(),
                        e.status(),
                        e.poolFree(),
                        e.threshold(),
                        e.loggedAt(),
                        e.reason(),
                        e.actor(),
                        e.note()))
                .toList();
    }

    /** Per item: the channels paused for it, and per channel and warehouse what they hold reserved. */
    public record PausesAndHolds(
            Map<Long, Set<Long>> paused, Map<Long, Map<Long, Map<Long, BigDecimal>>> held, Map<Long, Set<Long>> kept) {}

    /** The rules in force and the items' pauses and holds. */
    public record RulesPausesAndHolds(List<AllocationRule> rules, PausesAndHolds pausesAndHolds) {}

    /**
     * {@link #rules} and {@link #pausesAndHolds} in one statement (a channel order reads both under its item locks;
     * ADR 0082).
     */
    public RulesPausesAndHolds rulesPausesAndHolds(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return new RulesPausesAndHolds(rules(), new PausesAndHolds(Map.of(), Map.of(), Map.of()));
        }
        Map<Long, AllocationRule> rules = new LinkedHashMap<>();
        Map<Long, Set<Long>> paused = new HashMap<>();
        Map<Long, Map<Long, Map<Long, BigDecimal>>> held = new HashMap<>();
        Map<Long, Set<Long>> kept = new HashMap<>();
        jdbc.sql("""
                SELECT 'R' AS kind, c.id AS channel_id, c.code, c.priority, c.percentage, c.fixed_quota,
                       c.safety_buffer, c.pause_below, cw.warehouse_id, CAST(NULL AS BIGINT) AS item_id,
                       CAST(NULL AS NUMERIC(19, 4)) AS qty
                FROM channel c LEFT JOIN channel_warehouse cw ON cw.channel_id = c.id
                WHERE c.status <> 'INACTIVE'
                UNION ALL
                SELECT CASE WHEN reason = 'LINE' THEN 'P' ELSE 'K' END, channel_id, NULL, NULL, NULL, NULL, NULL, NULL,
                       NULL, item_id, NULL
                FROM channel_item_pause WHERE item_id IN (:items)
                UNION ALL
                SELECT 'H', channel_id, NULL, NULL, NULL, NULL, NULL, NULL, warehouse_id, item_id, qty
                FROM channel_item_held WHERE item_id IN (:items) AND qty <> 0
                ORDER BY kind DESC, priority, code, warehouse_id""").param("items", itemIds).query(rs -> {
            String kind = rs.getString("kind");
            long channel = rs.getLong("channel_id");
            switch (kind) {
                case "R" -> {
                    AllocationRule r = rules.computeIfAbsent(channel, id -> {
                        try {
                            return new AllocationRule(
                                    id,
                                    rs.getString("code"),
                                    rs.getInt("priority"),
                                    new HashSet<>(),
                                    rs.getBigDecimal("percentage"),
                                    rs.getBigDecimal("fixed_quota"),
                                    rs.getBigDecimal("safety_buffer"),
                                    rs.getBigDecimal("pause_below"));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    long warehouse = rs.getLong("warehouse_id");
                    if (!rs.wasNull()) {
                        r.pool().add(warehouse);
                    }
                }
                case "P", "K" -> {
                    paused.computeIfAbsent(rs.getLong("item_id"), k -> new HashSet<>())
                            .add(channel);
                    if ("K".equals(kind)) {
                        kept.computeIfAbsent(rs.getLong("item_id"), k -> new HashSet<>())
                                .add(channel);
                    }
                }
                default ->
                    held.computeIfAbsent(rs.getLong("item_id"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(channel, k -> new HashMap<>())
                            .put(rs.getLong("warehouse_id"), rs.getBigDecimal("qty"));
            }
        });
        List<AllocationRule> list = withFixedPools(rules.values());
        return new RulesPausesAndHolds(list, new PausesAndHolds(paused, held, kept));
    }

    /** The rules as read, each with its pool (filled while reading) made unmodifiable. */
    private static List<AllocationRule> withFixedPools(java.util.Collection<AllocationRule> rules) {
        return rules.stream()
                .map(r -> new AllocationRule(
                        r.channelId(),
                        r.code(),
                        r.priority(),
                        Set.copyOf(r.pool()),
                        r.percentage(),
                        r.fixedQuota(),
                        r.safetyBuffer(),
                        r.pauseBelow()))
                .toList();
    }

    /** {@link #paused} and {@link #held} in one round trip (the ATP read and every order need both). */
    public PausesAndHolds pausesAndHolds(Collection<Long> itemIds) {
        Map<Long, Set<Long>> paused = new HashMap<>();
        Map<Long, Map<Long, Map<Long, BigDecimal>>> held = new HashMap<>();
        Map<Long, Set<Long>> kept = new HashMap<>(); // held pauses (a rule's or a person's)
        if (itemIds.isEmpty()) {
            return new PausesAndHolds(paused, held, kept);
        }
        jdbc.sql("""
                SELECT CASE WHEN reason = 'LINE' THEN 'P' ELSE 'K' END AS kind, item_id, channel_id, CAST(NULL AS BIGINT) AS warehouse_id,
                       CAST(NULL AS NUMERIC(19, 4)) AS qty
                FROM channel_item_pause WHERE item_id IN (:items)
                UNION ALL
                SELECT 'H' AS kind, item_id, channel_id, warehouse_id, qty
                FROM channel_item_held WHERE item_id IN (:items) AND qty <> 0""")
                .param("items", itemIds)
                .query((rs, n) -> {
                    String kind = rs.getString("kind");
                    if ("P".equals(kind) || "K".equals(kind)) {
                        paused.computeIfAbsent(rs.getLong("item_id"), k -> new HashSet<>())
                                .add(rs.getLong("channel_id"));
                        if ("K".equals(kind)) {
                            kept.computeIfAbsent(rs.getLong("item_id"), k -> new HashSet<>())
                                    .add(rs.getLong("channel_id"));
                        }
                    } else {
                        held.computeIfAbsent(rs.getLong("item_id"), k -> new LinkedHashMap<>())
                                .computeIfAbsent(rs.getLong("channel_id"), k -> new HashMap<>())
                                .put(rs.getLong("warehouse_id"), rs.getBigDecimal("qty"));
                    }
                    return n;
                })
                .list();
        return new PausesAndHolds(paused, held, kept);
    }

    /**
     * Per item id, the channels that have orders of it (placed, in any state): the channels that deal in the item
     * even while their pools hold none (index {@code channel_order_line_item}).
     */
    public Map<Long, Set<Long>> orderedBy(Collection<Long> itemIds) {
        Map<Long, Set<Long>> ordered = new HashMap<>();
        if (itemIds.isEmpty()) {
            return ordered;
        }
        jdbc.sql("""
                SELECT DISTINCT l.item_id, o.channel_id
                FROM channel_order_line l JOIN channel_order o ON o.id = l.channel_order_id
                WHERE l.item_id IN (:items)""")
                .param("items", itemIds)
                .query((rs, n) -> ordered.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                        .add(rs.getLong(2)))
                .list();
        return ordered;
    }

    /** Items the channels have sold or hold, most recent first (what the allocation page shows by default). */
    public List<Long> recentItems(int limit) {
        return jdbc.sql("""
                SELECT l.item_id FROM channel_order_line l JOIN channel_order o ON o.id = l.channel_order_id
                GROUP BY l.item_id ORDER BY MAX(o.id) DESC LIMIT :n""").param("n", limit).query(Long.class).list();
    }
}
