package org.openvmi.analytics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.analytics.model.DailyFigures;
import org.openvmi.analytics.model.GroupFacts;
import org.openvmi.analytics.model.SnapshotBuilder.DayKey;
import org.openvmi.analytics.model.SnapshotKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The group-level summable facts of ADR 0079 ({@code analytics_group_day}, {@link GroupFacts}): kept by the snapshot
 * job's batch ({@link #update}, after the daily rows are saved and before the months are rolled, so that the latest
 * state and the months still describe the time before the batch), built from the daily rows when the migration left
 * them to build ({@link #buildIfNeeded}), and summed over a period ({@link #totals}).
 */
@Component
public class GroupFactsStore {

    private static final Logger log = LoggerFactory.getLogger(GroupFactsStore.class);
    private static final String MARKER = "group-facts";
    /** The marker's value after a batch with the monthly rollup off (0: facts to build, 1: built). */
    private static final long ROLLUP_WAS_OFF = -1L;

    private static final String DAILY_COLUMNS = "item, warehouse, owner, snapshot_day, closing_qty, closing_value, "
            + "receipt_qty, issue_qty, issue_cost, demand_qty";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final NamedParameterJdbcTemplate streaming;
    private final SnapshotRepository snapshots;
    private volatile boolean built;

    GroupFactsStore(JdbcClient jdbc, JdbcTemplate template, SnapshotRepository snapshots) {
        this.snapshots = snapshots;
        this.jdbc = jdbc;
        this.template = template;
        JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(10_000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    /** Builds the facts from the daily rows unless built already (the migration leaves them to build). */
    @Transactional
    public boolean buildIfNeeded() {
        if (built) {
            return false;
        }
        Long state = jdbc.sql("SELECT last_movement_id FROM analytics_cursor WHERE name = :n FOR UPDATE")
                .param("n", MARKER)
                .query(Long.class)
                .optional()
                .orElse(1L);
        if (state == ROLLUP_WAS_OFF) {
            // batches with the rollup off wrote no latest rows and months, from which the facts' upkeep takes each
            // key's state before a month: both first, from the daily rows (ADR 0089)
            long months = snapshots.rebuildMonths();
            log.info("Analytics months and latest rows rolled again after the rollup was off: {} months", months);
        }
        if (state == 0L || state == ROLLUP_WAS_OFF) {
            rebuild();
            return true;
        }
        built = true;
        return false;
    }

    /**
     * Marks the facts, the months and the latest rows to be built again unless marked already (a batch with the monthly
     * rollup switched off, ADR 0089: it writes no latest rows and months, without which the facts cannot follow; stale
     * facts must not stay marked as built, nor stale latest rows feed the facts' upkeep once the rollup is on again).
     */
    public void markStale() {
        if (jdbc.sql("UPDATE analytics_cursor SET last_movement_id = :off WHERE name = :n AND last_movement_id <> :off")
                        .param("off", ROLLUP_WAS_OFF)
                        .param("n", MARKER)
                        .update()
                > 0) {
            log.info("Analytics group facts marked to be built again: the monthly rollup is switched off");
        }
        built = false;
    }

    /** Marks the facts to be built again (after daily rows were written otherwise than by the job). */
    public void invalidate() {
        jdbc.sql("UPDATE analytics_cursor SET last_movement_id = 0 WHERE name = :n")
                .param("n", MARKER)
                .update();
        built = false;
    }

    /**
     * Builds every fact again from all daily rows (streamed in item × warehouse order); answers the rows written.
     */
    @Transactional
    public long rebuild() {
        long t = System.nanoTime();
        GroupFacts facts = new GroupFacts();
        Map<SnapshotKey, List<DailyFigures>> subject = new LinkedHashMap<>();
        String[] current = new String[2];
        streaming.query(
                "SELECT " + DAILY_COLUMNS + " FROM analytics_daily ORDER BY item, warehouse, owner, snapshot_day",
                Map.of(),
                (RowCallbackHandler) rs -> {
                    DailyFigures f = SnapshotRepository.figuresOf(rs);
                    if (current[0] != null
                            && !(current[0].equals(f.key().item())
                                    && current[1].equals(f.key().warehouse()))) {
                        addSubject(facts, subject);
                    }
                    current[0] = f.key().item();
                    current[1] = f.key().warehouse();
                    subject.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
                });
        addSubject(facts, subject);
        facts.prune();
        jdbc.sql("DELETE FROM analytics_group_day").update();
        insert(facts.days());
        jdbc.sql("UPDATE analytics_cursor SET last_movement_id = 1, updated_at = :now WHERE name = :n")
                .param("now", java.sql.Timestamp.from(Instant.now()))
                .param("n", MARKER)
                .update();
        built = true;
        log.info(
                "Analytics group facts built: {} rows in {} ms",
                facts.days().size(),
                (System.nanoTime() - t) / 1_000_000);
        return facts.days().size();
    }

    private static void addSubject(GroupFacts facts, Map<SnapshotKey, List<DailyFigures>> subject) {
        if (subject.isEmpty()) {
            return;
        }
        LocalDate first = null;
        for (List<DailyFigures> rows : subject.values()) {
            LocalDate d = rows.get(0).day();
            first = first == null || d.isBefore(first) ? d : first;
        }
        facts.add(YearMonth.from(first).atDay(1), Map.of(), subject, 1);
        subject.clear();
    }

    /**
     * What the upkeep of one item × warehouse needs between batches (ADR 0089): the month {@code since} (first day) of
     * the batch that kept it, its keys' state before that day, and their daily rows from it on as stored after that
     * batch. Unmodifiable.
     */
    public record SubjectMonth(
            LocalDate since,
            Map<SnapshotKey, GroupFacts.Opening> openings,
            Map<SnapshotKey, List<DailyFigures>> rows) {}

    /**
     * Applies a batch (ADR 0079): {@code before} the stored rows of the touched days before the batch, {@code written}
     * the rows it saved. For each item × warehouse the batch touched, the contribution of its keys' rows from the
     * month of the batch's earliest day on is taken away as it was and added as it is; each key's state before that
     * month comes from its latest state (ADR 0058) or the opening of its month row, both not yet updated by the batch.
     * <p>
     * {@code kept}: what this instance's previous batches left of the item × warehouses (ADR 0089, valid only when the
     * cursor is still theirs, see {@link KeyStates}): an item × warehouse kept for the same month needs no read — its
     * rows as they were are the kept ones, as they are the kept ones with the written days put in (the batch writes
     * nothing else). Answers every touched item × warehouse's rows from the month on after this batch, to keep.
     */
    public Map<String, SubjectMonth> update(
            Map<DayKey, DailyFigures> before, Map<DayKey, DailyFigures> written, Map<String, SubjectMonth> kept) {
        if (written.isEmpty()) {
            return Map.of();
        }
        if (!built && buildIfNeeded()) {
            return Map.of(); // built from the rows saved, this batch's included
        }
        LocalDate first = written.keySet().stream()
                .map(DayKey::day)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate since = YearMonth.from(first).atDay(1);
        Set<String> items = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        Map<SnapshotKey, Set<LocalDate>> touched = new HashMap<>();
        Map<String, Map<SnapshotKey, List<DailyFigures>>> writtenBySubject = new HashMap<>();
        written.forEach((d, f) -> {
            String s = subject(d.key());
            subjects.add(s);
            touched.computeIfAbsent(d.key(), k -> new HashSet<>()).add(d.day());
            writtenBySubject
                    .computeIfAbsent(s, x -> new HashMap<>())
                    .computeIfAbsent(d.key(), k -> new ArrayList<>())
                    .add(f);
        });
        Set<String> known = new HashSet<>();
        for (String s : subjects) {
            SubjectMonth m = kept.get(s);
            if (m != null && m.since().equals(since)) {
                known.add(s);
            }
        }
        Set<String> unknown = new HashSet<>(subjects);
        unknown.removeAll(known);
        unknown.forEach(s -> items.add(s.substring(0, s.indexOf('\u0000'))));
        // each key's state before the month `since`
        Map<SnapshotKey, GroupFacts.Opening> openings = new HashMap<>();
        Set<SnapshotKey> fromMonth = new HashSet<>();
        if (!items.isEmpty()) {
            jdbc.sql("SELECT item, warehouse, owner, first_day, last_day, closing_qty, closing_value "
                            + "FROM analytics_key_latest WHERE item IN (:items)")
                    .param("items", items)
                    .query(rs -> {
                        SnapshotKey k = SnapshotRepository.keyOf(rs);
                        if (!unknown.contains(subject(k))) {
                            return;
                        }
                        LocalDate firstDay = rs.getDate("first_day").toLocalDate();
                        LocalDate lastDay = rs.getDate("last_day").toLocalDate();
                        if (!firstDay.isBefore(since)) {
                            openings.put(k, GroupFacts.Opening.NONE);
                        } else if (lastDay.isBefore(since)) {
                            openings.put(
                                    k,
                                    new GroupFacts.Opening(
                                            rs.getBigDecimal("closing_qty"), rs.getBigDecimal("closing_value")));
                        } else {
                            fromMonth.add(k);
                        }
                    });
        }
        if (!fromMonth.isEmpty()) {
            jdbc.sql("SELECT item, warehouse, owner, opening_qty, opening_value FROM analytics_monthly "
                            + "WHERE item IN (:items) AND month_start = :since")
                    .param(
                            "items",
                            fromMonth.stream().map(SnapshotKey::item).distinct().toList())
                    .param("since", Date.valueOf(since))
                    .query(rs -> {
                        SnapshotKey k = SnapshotRepository.keyOf(rs);
                        if (fromMonth.contains(k)) {
                            openings.put(
                                    k,
                                    new GroupFacts.Opening(
                                            rs.getBigDecimal("opening_qty"), rs.getBigDecimal("opening_value")));
                        }
                    });
        }
        // the rows from `since` on as they are now, by item × warehouse and key
        Map<String, Map<SnapshotKey, List<DailyFigures>>> now = new HashMap<>();
        if (!items.isEmpty()) {
            jdbc.sql("SELECT " + DAILY_COLUMNS
                            + " FROM analytics_daily WHERE item IN (:items) AND snapshot_day >= :since "
                            + "ORDER BY item, warehouse, owner, snapshot_day")
                    .param("items", items)
                    .param("since", Date.valueOf(since))
                    .query(rs -> {
                        DailyFigures f = SnapshotRepository.figuresOf(rs);
                        String s = subject(f.key());
                        if (unknown.contains(s)) {
                            now.computeIfAbsent(s, x -> new LinkedHashMap<>())
                                    .computeIfAbsent(f.key(), k -> new ArrayList<>())
                                    .add(f);
                        }
                    });
        }
        GroupFacts facts = new GroupFacts();
        Map<String, Map<SnapshotKey, GroupFacts.Opening>> openingsBySubject = new HashMap<>();
        openings.forEach((k, o) -> openingsBySubject
                .computeIfAbsent(subject(k), x -> new HashMap<>())
                .put(k, o));
        Map<String, SubjectMonth> keep = new HashMap<>();
        for (String s : subjects) {
            Map<SnapshotKey, List<DailyFigures>> after;
            Map<SnapshotKey, List<DailyFigures>> was;
            Map<SnapshotKey, GroupFacts.Opening> open;
            if (known.contains(s)) {
                SubjectMonth m = kept.get(s);
                open = m.openings();
                was = m.rows();
                after = withWritten(was, writtenBySubject.get(s));
            } else {
                open = Map.copyOf(openingsBySubject.getOrDefault(s, Map.of()));
                after = now.getOrDefault(s, Map.of());
                was = new HashMap<>();
                for (Map.Entry<SnapshotKey, List<DailyFigures>> e : after.entrySet()) {
                    SnapshotKey k = e.getKey();
                    List<DailyFigures> rows = e.getValue();
                    Set<LocalDate> days = touched.getOrDefault(k, Set.of());
                    List<DailyFigures> old = new ArrayList<>(rows.size());
                    for (DailyFigures r : rows) {
                        if (!days.contains(r.day())) {
                            old.add(r);
                        } else {
                            DailyFigures stored = before.get(new DayKey(k, r.day()));
                            if (stored != null) {
                                old.add(stored);
                            }
                        }
                    }
                    was.put(k, old);
                }
            }
            facts.add(since, open, after, 1);
            facts.add(since, open, was, -1);
            Map<SnapshotKey, List<DailyFigures>> rows = new HashMap<>();
            after.forEach((k, l) -> rows.put(k, List.copyOf(l)));
            keep.put(s, new SubjectMonth(since, open, Map.copyOf(rows)));
        }
        facts.prune();
        apply(facts.days());
        return keep;
    }

    /** The rows of {@code stored} (each key's sorted by day) with the written rows in place of or beside theirs. */
    private static Map<SnapshotKey, List<DailyFigures>> withWritten(
            Map<SnapshotKey, List<DailyFigures>> stored, Map<SnapshotKey, List<DailyFigures>> written) {
        Map<SnapshotKey, List<DailyFigures>> result = new HashMap<>(stored);
        written.forEach((k, rows) -> {
            java.util.TreeMap<LocalDate, DailyFigures> byDay = new java.util.TreeMap<>();
            stored.getOrDefault(k, List.of()).forEach(r -> byDay.put(r.day(), r));
            rows.forEach(r -> byDay.put(r.day(), r));
            result.put(k, new ArrayList<>(byDay.values()));
        });
        return result;
    }

    private static String subject(SnapshotKey k) {
        return k.item() + "\u0000" + k.warehouse();
    }

    /** Adds the facts to the stored ones (an update, else an insert). */
    private void apply(Map<GroupFacts.Group, GroupFacts.Day> days) {
        if (days.isEmpty()) {
            return;
        }
        List<Map.Entry<GroupFacts.Group, GroupFacts.Day>> entries = new ArrayList<>(days.entrySet());
        int[][] counts = template.batchUpdate(
                "UPDATE analytics_group_day SET value_delta = value_delta + ?, receipt_qty = receipt_qty + ?, "
                        + "issue_qty = issue_qty + ?, issue_cost = issue_cost + ?, demand_qty = demand_qty + ?, "
                        + "zero_delta = zero_delta + ?, demand_count = demand_count + ? "
                        + "WHERE warehouse = ? AND owner = ? AND fact_day = ?",
                entries,
                entries.size(),
                (ps, e) -> {
                    GroupFacts.Day d = e.getValue();
                    ps.setBigDecimal(1, d.valueDelta);
                    ps.setBigDecimal(2, d.receiptQty);
                    ps.setBigDecimal(3, d.issueQty);
                    ps.setBigDecimal(4, d.issueCost);
                    ps.setBigDecimal(5, d.demandQty);
                    ps.setLong(6, d.zeroDelta);
                    ps.setLong(7, d.demandCount);
                    ps.setString(8, e.getKey().warehouse());
                    ps.setString(9, e.getKey().owner());
                    ps.setDate(10, Date.valueOf(e.getKey().day()));
                });
        Map<GroupFacts.Group, GroupFacts.Day> missing = new LinkedHashMap<>();
        int i = 0;
        for (int[] chunk : counts) {
            for (int c : chunk) {
                if (c == 0) {
                    Map.Entry<GroupFacts.Group, GroupFacts.Day> e = entries.get(i);
                    missing.put(e.getKey(), e.getValue());
                }
                i++;
            }
        }
        insert(missing);
    }

    private void insert(Map<GroupFacts.Group, GroupFacts.Day> days) {
        List<Map.Entry<GroupFacts.Group, GroupFacts.Day>> entries = new ArrayList<>(days.entrySet());
        template.batchUpdate(
                "INSERT INTO analytics_group_day (warehouse, owner, fact_day, day_no, value_delta, receipt_qty, "
                        + "issue_qty, issue_cost, demand_qty, zero_delta, demand_count) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries,
                5_000,
                (ps, e) -> {
                    GroupFacts.Day d = e.getValue();
                    ps.setString(1, e.getKey().warehouse());
                    ps.setString(2, e.getKey().owner());
                    ps.setDate(3, Date.valueOf(e.getKey().day()));
                    ps.setInt(4, (int) e.getKey().day().toEpochDay());
                    ps.setBigDecimal(5, d.valueDelta);
                    ps.setBigDecimal(6, d.receiptQty);
                    ps.setBigDecimal(7, d.issueQty);
                    ps.setBigDecimal(8, d.issueCost);
                    ps.setBigDecimal(9, d.demandQty);
                    ps.setLong(10, d.zeroDelta);
                    ps.setLong(11, d.demandCount);
                });
    }

    /** Every stored fact (for the contract test's comparison with a rebuild). */
    @Transactional(readOnly = true)
    public Map<GroupFacts.Group, List<Object>> all() {
        Map<GroupFacts.Group, List<Object>> result =
                new java.util.TreeMap<>(java.util.Comparator.comparing(GroupFacts.Group::warehouse)
                        .thenComparing(GroupFacts.Group::owner)
                        .thenComparing(GroupFacts.Group::day));
        jdbc.sql("SELECT * FROM analytics_group_day").query(rs -> {
            List<Object> v = new ArrayList<>();
            for (String c : List.of("value_delta", "receipt_qty", "issue_qty", "issue_cost", "demand_qty")) {
                v.add(rs.getBigDecimal(c).stripTrailingZeros());
            }
            v.add(rs.getLong("zero_delta"));
            v.add(rs.getLong("demand_count"));
            boolean zero = v.stream().allMatch(x -> x instanceof BigDecimal b ? b.signum() == 0 : (Long) x == 0L);
            if (!zero) {
                result.put(
                        new GroupFacts.Group(
                                rs.getString("warehouse"),
                                rs.getString("owner"),
                                rs.getDate("fact_day").toLocalDate()),
                        v);
            }
        });
        return result;
    }

    /** The sums of a period over the groups in scope (see {@link #totals}). */
    public record Totals(
            BigDecimal ownValue,
            BigDecimal consignmentValue,
            BigDecimal ownValueDays,
            BigDecimal ownIssueCost,
            BigDecimal issued,
            long zeroDays,
            long countedDays) {}

    /**
     * The sums of the period {@code from..to} over the warehouse × owner groups in scope ({@code warehouse},
     * {@code owner}: null = every one): closing values at {@code to}, the own value-days, own issue cost and issued
     * quantity of the period, and the month rule's stockout days (per item × warehouse, all owners, without a supplier
     * filter; per key of that supplier with one). Refused demand is not in the facts (the caller adds it).
     */
    @Transactional(readOnly = true)
    public Totals totals(String warehouse, String owner, LocalDate from, LocalDate to) {
        int fromNo = (int) from.toEpochDay();
        int toNo = (int) to.toEpochDay();
        int n = toNo - fromNo + 1;
        String stockoutOwner = owner == null ? GroupFacts.ALL_OWNERS : owner;
        Map<String, Object> params = new HashMap<>();
        params.put("from", fromNo);
        params.put("to", toNo);
        params.put("n", n);
        params.put("own", SnapshotKey.OWN);
        params.put("all", GroupFacts.ALL_OWNERS);
        params.put("zowner", stockoutOwner);
        params.put("warehouse", warehouse);
        params.put("owner", owner);
        params.put("monthStart", (int) YearMonth.from(from).atDay(1).toEpochDay());
        String scope = new ScopeFilter(null, warehouse, owner).whereAnd() + "day_no <= :to";
        String carried = "(CASE WHEN day_no < :from THEN :n ELSE :to - day_no + 1 END)";
        Totals[] result = new Totals[1];
        streaming.query(
                "SELECT SUM(CASE WHEN owner = :own THEN value_delta ELSE 0 END) AS own_value, "
                        + "SUM(CASE WHEN owner <> :own AND owner <> :all THEN value_delta ELSE 0 END) AS cons_value, "
                        + "SUM(CASE WHEN owner = :own THEN value_delta * " + carried
                        + " ELSE 0 END) AS own_value_days, "
                        + "SUM(CASE WHEN owner = :own AND day_no >= :from THEN issue_cost ELSE 0 END) AS own_cost, "
                        + "SUM(CASE WHEN owner <> :all AND day_no >= :from THEN issue_qty ELSE 0 END) AS issued, "
                        + "SUM(CASE WHEN owner = :zowner THEN zero_delta * " + carried
                        + " ELSE 0 END) AS zero_days FROM analytics_group_day" + scope,
                params,
                (RowCallbackHandler) rs -> result[0] = new Totals(
                        orZero(rs.getBigDecimal("own_value")),
                        orZero(rs.getBigDecimal("cons_value")),
                        orZero(rs.getBigDecimal("own_value_days")),
                        orZero(rs.getBigDecimal("own_cost")),
                        orZero(rs.getBigDecimal("issued")),
                        rs.getLong("zero_days"),
                        0));
        long[] counted = new long[1];
        streaming.query(
                "SELECT day_no, SUM(demand_count) AS keys FROM analytics_group_day" + scope
                        + " AND owner = :zowner AND day_no >= :monthStart AND demand_count <> 0 GROUP BY day_no",
                params,
                (RowCallbackHandler) rs -> {
                    LocalDate start = LocalDate.ofEpochDay(rs.getInt("day_no"));
                    LocalDate a = start.isBefore(from) ? from : start;
                    LocalDate end = YearMonth.from(start).atEndOfMonth();
                    LocalDate b = end.isAfter(to) ? to : end;
                    counted[0] += rs.getLong("keys") * (b.toEpochDay() - a.toEpochDay() + 1);
                });
        Totals t = result[0];
        return new Totals(
                t.ownValue(),
                t.consignmentValue(),
                t.ownValueDays(),
                t.ownIssueCost(),
                t.issued(),
                t.zeroDays(),
                counted[0]);
    }

    /**
     * The state at the end of {@code day} of every key in scope from its latest row (ADR 0058) as a one-day
     * {@link KeyPeriod} (closing, last day stock went out, first day), or null when a key in scope has a row after
     * {@code day} (then the latest row is not the state at that day).
     */
    @Transactional(readOnly = true)
    public Map<SnapshotKey, org.openvmi.analytics.model.KeyPeriod> latestStates(
            String warehouse, String owner, LocalDate day) {
        ScopeFilter filter = new ScopeFilter(null, warehouse, owner);
        Map<String, Object> params = filter.params();
        String scope = filter.where();
        Map<SnapshotKey, org.openvmi.analytics.model.KeyPeriod> result = new HashMap<>();
        boolean[] later = new boolean[1];
        streaming.query(
                "SELECT item, warehouse, owner, first_day, last_day, closing_qty, closing_value, last_out_day "
                        + "FROM analytics_key_latest" + scope,
                params,
                (RowCallbackHandler) rs -> {
                    LocalDate last = rs.getDate("last_day").toLocalDate();
                    if (last.isAfter(day)) {
                        later[0] = true;
                        return;
                    }
                    SnapshotKey k = SnapshotRepository.keyOf(rs);
                    Date out = rs.getDate("last_out_day");
                    result.put(
                            k,
                            new org.openvmi.analytics.model.KeyPeriod(
                                    k,
                                    rs.getBigDecimal("closing_qty"),
                                    rs.getBigDecimal("closing_value"),
                                    BigDecimal.ZERO,
                                    0,
                                    BigDecimal.ZERO,
                                    BigDecimal.ZERO,
                                    false,
                                    out == null ? null : out.toLocalDate(),
                                    rs.getDate("first_day").toLocalDate()));
                });
        return later[0] ? null : result;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
