package org.openvmi.procurement.internal;

import java.util.List;
import java.util.Optional;

import org.openvmi.procurement.ApprovalRuleView;
import org.openvmi.procurement.model.ApprovalRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The approval rule table. */
@Repository
public class RuleRepository {

    private static final String SELECT = """
            SELECT r.*, w.code AS warehouse_code FROM proc_approval_rule r
            LEFT JOIN warehouse w ON w.id = r.warehouse_id""";

    private final JdbcClient jdbc;

    RuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ApprovalRule> active() {
        return jdbc.sql(SELECT + " WHERE r.active = TRUE").query((rs, n) -> new ApprovalRule(rs.getLong("id"),
                rs.getString("name"), rs.getInt("priority"), rs.getString("category"),
                (Long) rs.getObject("warehouse_id", Long.class), rs.getBigDecimal("min_amount"),
                rs.getBigDecimal("max_amount"), rs.getString("currency"),
                ApprovalRule.parseApprovers(rs.getString("approvers")), rs.getString("urgent_approver"),
                rs.getBoolean("active"))).list();
    }

    public List<ApprovalRuleView> all() {
        return jdbc.sql(SELECT + " ORDER BY r.priority, r.id").query((rs, n) -> view(rs)).list();
    }

    public Optional<ApprovalRuleView> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query((rs, n) -> view(rs)).optional();
    }

    public long insert(ApprovalRuleView r, Long warehouseId) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO proc_approval_rule (name, priority, category, warehouse_id, min_amount, max_amount, currency,
                                                approvers, urgent_approver, active)
                VALUES (:name, :priority, :category, :wh, :min, :max, :cur, :approvers, :urgent, :active)""")
                .params(params(r, warehouseId)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean update(long id, ApprovalRuleView r, Long warehouseId) {
        return jdbc.sql("""
                UPDATE proc_approval_rule SET name = :name, priority = :priority, category = :category,
                    warehouse_id = :wh, min_amount = :min, max_amount = :max, currency = :cur, approvers = :approvers,
                    urgent_approver = :urgent, active = :active, version = version + 1 WHERE id = :id""")
                .params(params(r, warehouseId)).param("id", id).update() == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM proc_approval_rule WHERE id = :id").param("id", id).update() == 1;
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

    private static ApprovalRuleView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApprovalRuleView(rs.getLong("id"), rs.getString("name"), rs.getInt("priority"),
                rs.getString("category"), rs.getString("warehouse_code"), rs.getBigDecimal("min_amount"),
                rs.getBigDecimal("max_amount"), rs.getString("currency"),
                ApprovalRule.parseApprovers(rs.getString("approvers")), rs.getString("urgent_approver"),
                rs.getBoolean("active"));
    }
}
