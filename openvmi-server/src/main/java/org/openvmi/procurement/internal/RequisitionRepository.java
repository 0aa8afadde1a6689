package org.openvmi.procurement.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.procurement.RequisitionView;
import org.openvmi.procurement.model.RequisitionStatus;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Requisitions, their lines and approval steps. The SQL reads procurement's tables only; warehouse, item and supplier
 * codes of a page come from catalog, one query per kind (ADR 0052).
 */
@Repository
public class RequisitionRepository {

    /** The requisition lists' sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "r.id DESC",
            "r.id",
            "number",
            "r.id",
            "status",
            "r.status",
            "warehouse",
            CatalogRefs.warehouseCode("r.warehouse_id"),
            "urgent",
            "r.urgent",
            "amount",
            "r.amount",
            "requestedby",
            "r.requested_by",
            "created",
            "r.created_at");

    public record NewLine(
            int lineNo,
            long itemId,
            BigDecimal qty,
            java.time.LocalDate neededBy,
            BigDecimal estPrice,
            Long supplierId,
            Long suggestionId) {}

    /** What a line made from a suggestion carries beyond its item: kept when an edit leaves the item as it was. */
    public record LineLink(long itemId, Long supplierId, Long suggestionId, BigDecimal estPrice) {}

    /** Filters for lists; {@code approverNames} non-null = only requisitions with a pending step for one of them. */
    public record Filter(String status, Boolean urgent, String requestedBy, List<String> approverNames) {}

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    RequisitionRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public long insert(
            long warehouseId,
            boolean urgent,
            String note,
            String source,
            BigDecimal amount,
            String currency,
            String user,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO proc_requisition (warehouse_id, urgent, status, amount, currency, note, source_ref,
                                              requested_by, created_at)
                VALUES (:wh, :urgent, :status, :amount, :cur, :note, :src, :user, :now)""")
                .param("status", RequisitionStatus.DRAFT.name())
                .param("wh", warehouseId)
                .param("urgent", urgent)
                .param("amount", amount)
                .param("cur", currency)
                .param("note", note)
                .param("src", source)
                .param("user", user)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean updateHeader(
            long id, int version, long warehouseId, boolean urgent, String note, BigDecimal amount, String currency) {
        return jdbc.sql("""
                UPDATE proc_requisition SET warehouse_id = :wh, urgent = :urgent, note = :note, amount = :amount,
                    currency = :cur, version = version + 1
                WHERE id = :id AND version = :v AND status = :draft""")
                        .param("draft", RequisitionStatus.DRAFT.name())
                        .param("wh", warehouseId)
                        .param("urgent", urgent)
                        .param("note", note)
                        .param("amount", amount)
                        .param("cur", currency)
                        .param("id", id)
                        .param("v", version)
                        .update()
                == 1;
    }

    public void replaceLines(long id, List<NewLine> lines) {
        jdbc.sql("DELETE FROM proc_requisition_line WHERE requisition_id = :id")
                .param("id", id)
                .update();
        for (NewLine l : lines) {
            jdbc.sql("""
                    INSERT INTO proc_requisition_line (requisition_id, line_no, item_id, qty, needed_by, est_price,
                                                       supplier_id, suggestion_id)
                    VALUES (:r, :n, :i, :q, :d, :p, :s, :sug)""")
                    .param("r", id)
                    .param("n", l.lineNo())
                    .param("i", l.itemId())
                    .param("q", l.qty())
                    .param("d", l.neededBy())
                    .param("p", l.estPrice())
                    .param("s", l.supplierId())
                    .param("sug", l.suggestionId())
                    .update();
        }
    }

    /** The lines' suggestion and supplier links, in line order (only lines that have one). */
    public List<LineLink> links(long id) {
        return jdbc.sql("""
                SELECT item_id, supplier_id, suggestion_id, est_price FROM proc_requisition_line
                WHERE requisition_id = :id AND (supplier_id IS NOT NULL OR suggestion_id IS NOT NULL) ORDER BY line_no""")
                .param("id", id)
                .query((rs, n) -> new LineLink(
                        rs.getLong("item_id"),
                        rs.getObject("supplier_id", Long.class),
                        rs.getObject("suggestion_id", Long.class),
                        rs.getBigDecimal("est_price")))
                .list();
    }

    public void linkSuggestion(long id, long suggestionId) {
        jdbc.sql("UPDATE proc_requisition_line SET suggestion_id = :s WHERE requisition_id = :id")
                .param("s", suggestionId)
                .param("id", id)
                .update();
    }

    public void orderOnApproval(long id) {
        jdbc.sql("UPDATE proc_requisition SET order_on_approval = TRUE WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Moves the status conditionally: false when it was not {@code from} any more (a concurrent decision). */
    public boolean transition(long id, String from, String to, String timestampColumn, Instant now) {
        String set = timestampColumn == null ? "" : ", " + timestampColumn + " = :now";
        return jdbc.sql("UPDATE proc_requisition SET status = :to, version = version + 1" + set
                                + " WHERE id = :id AND status = :from")
                        .param("to", to)
                        .param("from", from)
                        .param("id", id)
                        .param("now", now == null ? null : Timestamp.from(now))
                        .update()
                == 1;
    }

    public void setRule(long id, String rule) {
        jdbc.sql("UPDATE proc_requisition SET rule_name = :r WHERE id = :id")
                .param("r", rule)
                .param("id", id)
                .update();
    }

    public void setRejectReason(long id, String reason) {
        jdbc.sql("UPDATE proc_requisition SET reject_reason = :r WHERE id = :id")
                .param("r", reason)
                .param("id", id)
                .update();
    }

    public void insertStep(long id, int stepNo, String approver, String status) {
        jdbc.sql("""
                INSERT INTO proc_approval_step (requisition_id, step_no, approver, status)
                VALUES (:r, :n, :a, :s)""")
                .param("r", id)
                .param("n", stepNo)
                .param("a", approver)
                .param("s", status)
                .update();
    }

    public void deleteSteps(long id) {
        jdbc.sql("DELETE FROM proc_approval_step WHERE requisition_id = :id")
                .param("id", id)
                .update();
    }

    /** Decides the pending step {@code stepNo}: false when it is no longer pending (someone else decided). */
    public boolean decideStep(long id, int stepNo, String status, String by, String comment, Instant now) {
        return jdbc.sql("""
                UPDATE proc_approval_step SET status = :s, decided_by = :by, decided_at = :now, comment_text = :c
                WHERE requisition_id = :r AND step_no = :n AND status = 'PENDING'""")
                        .param("s", status)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .param("c", comment)
                        .param("r", id)
                        .param("n", stepNo)
                        .update()
                == 1;
    }

    public void skipWaiting(long id) {
        jdbc.sql("UPDATE proc_approval_step SET status = 'SKIPPED' WHERE requisition_id = :r AND status = 'WAITING'")
                .param("r", id)
                .update();
    }

    public boolean activateStep(long id, int stepNo) {
        return jdbc.sql("""
                UPDATE proc_approval_step SET status = 'PENDING' WHERE requisition_id = :r AND step_no = :n
                AND status = 'WAITING'""").param("r", id).param("n", stepNo).update() == 1;
    }

    public boolean delegateStep(long id, int stepNo, String from, String to) {
        return jdbc.sql("""
                UPDATE proc_approval_step SET approver = :to, delegated_from = :from
                WHERE requisition_id = :r AND step_no = :n AND status = 'PENDING' AND approver = :from""")
                        .param("to", to)
                        .param("from", from)
                        .param("r", id)
                        .param("n", stepNo)
                        .update()
                == 1;
    }

    public Optional<RequisitionView> find(long id) {
        return jdbc.sql("""
                SELECT r.* FROM proc_requisition r WHERE r.id = :id""")
                .param("id", id)
                .query((rs, n) -> header(rs))
                .optional()
                .map(h -> withDetails(List.of(h)).get(0));
    }

    public long warehouseIdOf(long id) {
        return jdbc.sql("SELECT warehouse_id FROM proc_requisition WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    public PageResult<RequisitionView> find(Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        Map<String, Object> p = new HashMap<>();
        if (f.status() != null) {
            where.append(" AND r.status = :status");
            p.put("status", f.status());
        }
        if (f.urgent() != null) {
            where.append(" AND r.urgent = :urgent");
            p.put("urgent", f.urgent());
        }
        if (f.requestedBy() != null) {
            where.append(" AND r.requested_by = :by");
            p.put("by", f.requestedBy());
        }
        if (f.approverNames() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM proc_approval_step s WHERE s.requisition_id = r.id"
                    + " AND s.status = 'PENDING' AND s.approver IN (:approvers))");
            p.put("approvers", f.approverNames().isEmpty() ? List.of("-") : f.approverNames());
        }
        String from = " FROM proc_requisition r";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where)
                .params(p)
                .query(Long.class)
                .single();
        List<RequisitionView> rows =
                withDetails(jdbc.sql("SELECT r.*" + from + where + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                        .params(p)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query((rs, n) -> header(rs))
                        .list());
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** A requisition's head before catalog's warehouse code. */
    private record Head(long warehouseId, RequisitionView view) {}

    /** A line before catalog's item and supplier codes. */
    private record LineRow(long itemId, Long supplierId, RequisitionView.Line line) {}

    /** The requisitions with lines, steps, orders and catalog's codes (one catalog query per kind for the page). */
    private List<RequisitionView> withDetails(List<Head> heads) {
        Map<Long, List<LineRow>> linesOf = new HashMap<>();
        for (Head head : heads) {
            linesOf.put(head.view().id(), lines(head.view().id()));
        }
        List<Long> itemIds = linesOf.values().stream()
                .flatMap(List::stream)
                .map(LineRow::itemId)
                .distinct()
                .toList();
        Map<Long, ItemRef> items = catalog.itemsById(itemIds);
        Map<Long, String> categories = catalog.itemCategories(itemIds);
        Map<Long, String> suppliers = catalog.supplierCodes(linesOf.values().stream()
                .flatMap(List::stream)
                .map(LineRow::supplierId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        Map<Long, NamedRef> warehouses = catalog.warehousesById(
                heads.stream().map(Head::warehouseId).distinct().toList());
        return heads.stream()
                .map(head -> withDetails(
                        head.view(),
                        warehouses.get(head.warehouseId()).code(),
                        linesOf.get(head.view().id()).stream()
                                .map(r -> {
                                    RequisitionView.Line l = r.line();
                                    ItemRef item = items.get(r.itemId());
                                    return new RequisitionView.Line(
                                            l.lineNo(),
                                            item.code(),
                                            item.name(),
                                            categories.get(r.itemId()),
                                            l.qty(),
                                            l.neededBy(),
                                            l.estPrice(),
                                            r.supplierId() == null ? null : suppliers.get(r.supplierId()),
                                            l.suggestion());
                                })
                                .toList()))
                .toList();
    }

    private List<LineRow> lines(long id) {
        return jdbc.sql("""
                SELECT l.* FROM proc_requisition_line l WHERE l.requisition_id = :id ORDER BY l.line_no""")
                .param("id", id)
                .query((rs, n) -> new LineRow(
                        rs.getLong("item_id"),
                        rs.getObject("supplier_id", Long.class),
                        new RequisitionView.Line(
                                rs.getInt("line_no"),
                                null,
                                null,
                                null,
                                rs.getBigDecimal("qty"),
                                rs.getObject("needed_by", java.time.LocalDate.class),
                                rs.getBigDecimal("est_price"),
                                null,
                                rs.getObject("suggestion_id", Long.class))))
                .list();
    }

    private RequisitionView withDetails(RequisitionView h, String warehouse, List<RequisitionView.Line> lines) {
        List<RequisitionView.Step> steps = jdbc.sql("""
                SELECT * FROM proc_approval_step WHERE requisition_id = :id ORDER BY step_no""")
                .param("id", h.id())
                .query((rs, n) -> new RequisitionView.Step(
                        rs.getInt("step_no"),
                        rs.getString("approver"),
                        rs.getString("delegated_from"),
                        rs.getString("status"),
                        rs.getString("decided_by"),
                        instant(rs.getTimestamp("decided_at")),
                        rs.getString("comment_text")))
                .list();
        List<Long> pos = jdbc.sql("""
                SELECT id FROM proc_purchase_order WHERE requisition_id = :id
                   OR id IN (SELECT po_id FROM proc_po_line WHERE requisition_id = :id) ORDER BY id""").param("id", h.id()).query(Long.class).list();
        return new RequisitionView(
                h.id(),
                h.number(),
                warehouse,
                h.urgent(),
                h.status(),
                h.amount(),
                h.currency(),
                h.note(),
                h.source(),
                h.rule(),
                h.rejectReason(),
                h.requestedBy(),
                h.createdAt(),
                h.submittedAt(),
                h.decidedAt(),
                h.orderedAt(),
                h.version(),
                lines,
                steps,
                pos,
                h.orderOnApproval());
    }

    private static Head header(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        return new Head(
                rs.getLong("warehouse_id"),
                new RequisitionView(
                        id,
                        "PR-" + id,
                        null,
                        rs.getBoolean("urgent"),
                        rs.getString("status"),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        rs.getString("note"),
                        rs.getString("source_ref"),
                        rs.getString("rule_name"),
                        rs.getString("reject_reason"),
                        rs.getString("requested_by"),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("submitted_at")),
                        instant(rs.getTimestamp("decided_at")),
                        instant(rs.getTimestamp("ordered_at")),
                        rs.getInt("version"),
                        List.of(),
                        List.of(),
                        List.of(),
                        rs.getBoolean("order_on_approval")));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
