package org.openvmi.procurement.internal;

import java.util.List;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.procurement.ApprovalRuleView;
import org.openvmi.procurement.model.ApprovalRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The approval rule table. */
@Repository
public class RuleRepository {

    private static final String SELECT = "SELECT r.* FROM proc_approval_rule r";

    private final JdbcClient jdbc;
    private final CatalogRefs refs;

    RuleRepository(JdbcClient jdbc, CatalogRefs refs) {
        this.jdbc = jdbc;
        this.refs = refs;
    }

    public List<ApprovalRule> active() {
        return jdbc.sql(SELECT + " WHERE r.active = TRUE")
                .query((rs, n) -> new ApprovalRule(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getInt("priority"),
                        rs.getString("category"),
                        (Long) rs.getObject("warehouse_id", Long.class),
                        rs.getBigDecimal("min_amount"),
                        rs.getBigDecimal("max_amount"),
                        rs.getString("currency"),
                        ApprovalRule.parseApprovers(rs.getString("approvers")),
                        rs.getString("urgent_approver"),
                        rs.getBoolean("active")))
                .list();
    }

    public List<ApprovalRuleView> all() {
        return withWarehouseCodes(jdbc.sql(SELECT + " ORDER BY r.priority, r.id")
                .query((rs, n) -> view(rs))
                .list());
    }

    public Optional<ApprovalRuleView> find(long id) {
        return withWarehouseCodes(jdbc.sql(SELECT + " WHERE r.id = :id")
                        .param("id", id)
                        .query((rs, n) -> view(rs))
                        .list())
                .stream()
                .findFirst();
    }

    /** The warehouse codes from catalog's API (ADR 0052); a rule without a warehouse keeps none. */
    private List<ApprovalRuleView> withWarehouseCodes(List<Row> rows) {
        var codes = refs.warehousesById(rows.stream()
                .map(Row::warehouseId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        return rows.stream()
                .map(r -> r.view()
                        .apply(
                                r.warehouseId() == null || !codes.containsKey(r.warehouseId())
                                        ? null
                                        : codes.get(r.warehouseId()).code()))
                .toList();
    }

    private record Row(Long warehouseId, java.util.function.Function<String, ApprovalRuleView> view) {}

    public long insert(ApprovalRuleView r, Long warehouseId) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO proc_approval_rule (name, priority, category, warehouse_id, min_amount, max_amount, currency,
                                                approvers, urgent_approver, active)
                VALUES (:name, :priority, :category, :wh, :min, :max, :cur, :approvers, :urgent, :active)""").params(params(r, warehouseId)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean update(long id, ApprovalRuleView r, Long warehouseId) {
        return jdbc.sql("""
                UPDATE proc_approval_rule SET name = :name, priority = :priority, category = :category,
                    warehouse_id = :wh, min_amount = :min, max_amount = :max, currency = :cur, approvers = :approvers,
                    urgent_approver = :urgent, active = :active, version = version + 1 WHERE id = :id""").params(params(r, warehouseId)).param("id", id).update() == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM proc_approval_rule WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private static java.util.Map<String, Object> params(ApprovalRuleView r, Long warehouseId) {
        var p = new java.util.HashMap<String, Object>();
        p.put("name", r.name());
        p.put("priority", r.priority());
        p.put("category", r.category());
        p.put("wh", warehouseId);
        p.put("min", r.minAmount());
        p.put("max", r.maxAmount());
        p.put("cur", r.currency());
        p.put("approvers", String.join("; ", r.approvers()));
        p.put("urgent", r.urgentApprover());
        p.put("active", r.active());
        return p;
    }

    private static Row view(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        String name = rs.getString("name");
        int priority = rs.getInt("priority");
        String category = rs.getString("category");
        var min = rs.getBigDecimal("min_amount");
        var max = rs.getBigDecimal("max_amount");
        String currency = rs.getString("currency");
        var approvers = ApprovalRule.parseApprovers(rs.getString("approvers"));
        String urgent = rs.getString("urgent_approver");
        boolean active = rs.getBoolean("active");
        return new Row(
                rs.getObject("warehouse_id", Long.class),
                warehouse -> new ApprovalRuleView(
                        id, name, priority, category, warehouse, min, max, currency, approvers, urgent, active));
    }
}
