package org.openvmi.consignment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.NamedRef;
import org.openvmi.consignment.SlaSummary;
import org.openvmi.shared.PartyScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SLA episodes of VMI lines (below min → replenished), read per supplier within the caller's scope. */
@Repository
public class SlaRepository {

    public record Open(long id, Instant belowSince, Instant dueAt, Instant stockoutSince) {}

    private final JdbcClient jdbc;
    private final CatalogRefs refs;

    SlaRepository(JdbcClient jdbc, CatalogRefs refs) {
        this.jdbc = jdbc;
        this.refs = refs;
    }

    static String key(long agreementId, long itemId, long locationId) {
        return agreementId + ":" + itemId + ":" + locationId;
    }

    public Optional<Open> open(long agreementId, long itemId, long locationId) {
        return jdbc.sql("SELECT id, below_since, due_at, stockout_since FROM vmi_sla_episode WHERE open_key = :k")
                .param("k", key(agreementId, itemId, locationId))
                .query((rs, n) -> new Open(
                        rs.getLong(1),
                        Sql.instant(rs, "below_since"),
                        Sql.instant(rs, "due_at"),
                        Sql.instant(rs, "stockout_since")))
                .optional();
    }

    public void start(AgreementRepository.Terms t, Instant now, Instant due, boolean stockout) {
        Map<String, Object> p = new HashMap<>();
        p.put("a", t.agreementId());
        p.put("s", t.supplierId());
        p.put("i", t.itemId());
        p.put("l", t.locationId());
        p.put("min", t.min());
        p.put("now", Sql.ts(now));
        p.put("due", Sql.ts(due));
        p.put("so", stockout ? 1 : 0);
        p.put("sos", stockout ? Sql.ts(now) : null);
        p.put("k", key(t.agreementId(), t.itemId(), t.locationId()));
        jdbc.sql("""
                INSERT INTO vmi_sla_episode (agreement_id, supplier_id, item_id, location_id, min_qty, below_since, due_at,
                    stockout_since, stockouts, open_key)
                VALUES (:a, :s, :i, :l, :min, :now, :due, :sos, :so, :k)""").params(p).update();
    }

    public void stockoutStarts(long id, Instant now) {
        jdbc.sql(
                        "UPDATE vmi_sla_episode SET stockout_since = :now, stockouts = stockouts + 1 WHERE id = :id AND stockout_since IS NULL")
                .param("now", Sql.ts(now))
                .param("id", id)
                .update();
    }

    public void stockoutEnds(long id, BigDecimal hours) {
        jdbc.sql(
                        "UPDATE vmi_sla_episode SET stockout_since = NULL, stockout_hours = stockout_hours + :h WHERE id = :id")
                .param("h", hours)
                .param("id", id)
                .update();
    }

    public void close(long id, Instant now, BigDecimal lateHours) {
        jdbc.sql("UPDATE vmi_sla_episode SET replenished_at = :now, late_hours = :late, open_key = NULL WHERE id = :id")
                .param("now", Sql.ts(now))
                .param("late", lateHours)
                .param("id", id)
                .update();
    }

    public List<SlaSummary> summary(PartyScope scope, Instant now) {
        record Row(long supplierId, java.util.function.Function<NamedRef, SlaSummary> summary) {}
        List<Row> rows = jdbc.sql("""
                SELECT e.supplier_id, COUNT(e.id) AS episodes,
                       SUM(CASE WHEN e.replenished_at IS NOT NULL AND e.late_hours = 0 THEN 1 ELSE 0 END) AS on_time,
                       SUM(CASE WHEN e.late_hours > 0 THEN 1 ELSE 0 END) AS late,
                       COALESCE(SUM(e.late_hours), 0) AS late_hours,
                       COALESCE(SUM(e.stockouts), 0) AS stockouts, COALESCE(SUM(e.stockout_hours), 0) AS stockout_hours,
                       SUM(CASE WHEN e.open_key IS NOT NULL THEN 1 ELSE 0 END) AS open_count,
                       SUM(CASE WHEN e.open_key IS NOT NULL AND e.due_at < :now THEN 1 ELSE 0 END) AS overdue,
                       COALESCE(SUM(COALESCE(e.late_hours, 0) * COALESCE(v.penalty_per_late_hour, 0)
                                    + e.stockout_hours * COALESCE(v.penalty_per_stockout_day, 0) / 24), 0) AS penalty
                FROM vmi_sla_episode e
                JOIN vmi_agreement a ON a.id = e.agreement_id
                JOIN vmi_agreement_version v ON v.agreement_id = a.id AND v.version_no = a.current_version
                WHERE\s""" + scope.predicate("e.supplier_id") + " GROUP BY e.supplier_id")
                .param("now", Sql.ts(now))
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> {
                    long episodes = rs.getLong("episodes");
                    long onTime = rs.getLong("on_time");
                    long late = rs.getLong("late");
                    BigDecimal lateHours = rs.getBigDecimal("late_hours").setScale(2);
                    long stockouts = rs.getLong("stockouts");
                    BigDecimal stockoutHours =
                            rs.getBigDecimal("stockout_hours").setScale(2);
                    long open = rs.getLong("open_count");
                    long overdue = rs.getLong("overdue");
                    BigDecimal penalty = rs.getBigDecimal("penalty").setScale(2, java.math.RoundingMode.HALF_UP);
                    return new Row(
                            rs.getLong(1),
                            s -> new SlaSummary(
                                    s.code(),
                                    s.name(),
                                    episodes,
                                    onTime,
                                    late,
                                    lateHours,
                                    stockouts,
                                    stockoutHours,
                                    open,
                                    overdue,
                                    penalty));
                })
                .list();
        // supplier code and name from catalog's API (ADR 0052), sorted by code as the join did
        Map<Long, NamedRef> suppliers =
                refs.suppliersById(rows.stream().map(Row::supplierId).toList());
        return rows.stream()
                .filter(r -> suppliers.containsKey(r.supplierId()))
                .map(r -> r.summary().apply(suppliers.get(r.supplierId())))
                .sorted(java.util.Comparator.comparing(SlaSummary::supplier))
                .toList();
    }
}
