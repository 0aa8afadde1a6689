package org.openvmi.procurement.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.procurement.PurchaseOrderView;
import org.openvmi.procurement.model.PurchaseOrderStatus;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Purchase orders, their lines and timeline. Reads are party-scoped: a supplier sees only its own POs. The SQL reads
 * procurement's tables only; supplier, warehouse and item codes of a page come from catalog, one query per kind (ADR
 * 0052), and the list sorts by their codes through catalog's fragments.
 */
@Repository
public class PurchaseOrderRepository {

    /** The purchase order list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "p.id DESC",
            "p.id",
            "number",
            "p.id",
            "status",
            "p.status",
            "supplier",
            CatalogRefs.supplierCode("p.supplier_id"),
            "warehouse",
            CatalogRefs.warehouseCode("p.warehouse_id"),
            "total",
            "p.total",
            "revision",
            "p.revision",
            "ordered",
            "p.ordered_on");

    public record NewLine(
            int lineNo,
            long itemId,
            BigDecimal requestedQty,
            BigDecimal qty,
            BigDecimal price,
            LocalDate neededBy,
            BigDecimal overPct,
            BigDecimal underPct,
            Long suggestionId,
            Long requisitionId) {}

    public record Tolerance(BigDecimal overPct, BigDecimal underPct, BigDecimal pricePct, BigDecimal qtyPct) {
        public static final Tolerance NONE =
                new Tolerance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static final String SELECT = "SELECT p.* FROM proc_purchase_order p";

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    PurchaseOrderRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public long insert(
            long supplierId,
            Long requisitionId,
            long warehouseId,
            String currency,
            BigDecimal total,
            LocalDate orderedOn,
            String user,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO proc_purchase_order (supplier_id, requisition_id, warehouse_id, status, currency, total,
                                                 ordered_on, created_by, created_at)
                VALUES (:s, :r, :w, :status, :cur, :total, :on, :user, :now)""")
                .param("status", PurchaseOrderStatus.SENT.name())
                .param("s", supplierId)
                .param("r", requisitionId)
                .param("w", warehouseId)
                .param("cur", currency)
                .param("total", total)
                .param("on", orderedOn)
                .param("user", user)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertLine(long poId, NewLine l) {
        jdbc.sql("""
                INSERT INTO proc_po_line (po_id, line_no, item_id, requested_qty, qty, price, needed_by, over_pct,
                                          under_pct, suggestion_id, requisition_id)
                VALUES (:po, :n, :i, :rq, :q, :p, :d, :over, :under, :sug, :req)""")
                .param("po", poId)
                .param("n", l.lineNo())
                .param("i", l.itemId())
                .param("rq", l.requestedQty())
                .param("q", l.qty())
                .param("p", l.price())
                .param("d", l.neededBy())
                .param("over", l.overPct())
                .param("under", l.underPct())
                .param("sug", l.suggestionId())
                .param("req", l.requisitionId())
                .update();
    }

    public void event(long poId, int revision, String type, String actor, Instant at, String details) {
        jdbc.sql("""
                INSERT INTO proc_po_event (po_id, revision, event_type, actor, happened_at, details)
                VALUES (:po, :rev, :t, :a, :at, :d)""")
                .param("po", poId)
                .param("rev", revision)
                .param("t", type)
                .param("a", actor)
                .param("at", Timestamp.from(at))
                .param("d", details == null || details.length() <= 4000 ? details : details.substring(0, 4000))
                .update();
    }

    /** Conditional status change: false when the PO is not in one of {@code from} any more. */
    public boolean transition(long id, List<String> from, String to, boolean newRevision) {
        return jdbc.sql("UPDATE proc_purchase_order SET status = :to, version = version + 1"
                                + (newRevision ? ", revision = revision + 1" : "")
                                + " WHERE id = :id AND status IN (:from)")
                        .param("to", to)
                        .param("id", id)
                        .param("from", from)
                        .update()
                == 1;
    }

    public void recomputeTotal(long id) {
        jdbc.sql("""
                UPDATE proc_purchase_order SET total = (SELECT COALESCE(SUM((l.qty - l.cancelled_qty) * l.price), 0) FROM proc_po_line l
                WHERE l.po_id = proc_purchase_order.id) WHERE id = :id""").param("id", id).update();
    }

    public void propose(long lineId, BigDecimal qty, LocalDate date) {
        jdbc.sql("UPDATE proc_po_line SET proposed_qty = :q, proposed_date = :d WHERE id = :id")
                .param("q", qty)
                .param("d", date)
                .param("id", lineId)
                .update();
    }

    public void confirmLine(long lineId, LocalDate date) {
        jdbc.sql(
                        "UPDATE proc_po_line SET confirmed_date = :d, proposed_qty = NULL, proposed_date = NULL WHERE id = :id")
                .param("d", date)
                .param("id", lineId)
                .update();
    }

    public void acceptProposals(long poId) {
        jdbc.sql("""
                UPDATE proc_po_line SET qty = COALESCE(proposed_qty, qty),
                    confirmed_date = COALESCE(proposed_date, confirmed_date, needed_by),
                    proposed_qty = NULL, proposed_date = NULL WHERE po_id = :po""").param("po", poId).update();
    }

    public void clearProposals(long poId) {
        jdbc.sql("UPDATE proc_po_line SET proposed_qty = NULL, proposed_date = NULL WHERE po_id = :po")
                .param("po", poId)
                .update();
    }

    public void closeLines(long poId) {
        jdbc.sql("UPDATE proc_po_line SET line_status = 'CLOSED' WHERE po_id = :po")
                .param("po", poId)
                .update();
    }

    /** Cancels an OPEN line: its unreceived rest is noted as cancelled. False when the line is no longer open. */
    public boolean cancelLine(long lineId) {
        return jdbc.sql("""
                UPDATE proc_po_line SET line_status = 'CANCELLED', cancelled_qty = GREATEST(qty - received_qty, 0),
                    proposed_qty = NULL, proposed_date = NULL
                WHERE id = :id AND line_status = 'OPEN'""").param("id", lineId).update() == 1;
    }

    /**
     * Adds a receipt to a line in one conditional statement: only an OPEN line, and only up to ordered × (1 + over%).
     * Concurrent receipts for the same line queue on its row, so together they can never pass the tolerance.
     */
    public boolean receive(long lineId, BigDecimal qty, BigDecimal rejected) {
        return jdbc.sql("""
                UPDATE proc_po_line SET received_qty = received_qty + :q, rejected_qty = rejected_qty + :rj
                WHERE id = :id AND line_status = 'OPEN' AND received_qty + :q <= qty * (1 + over_pct / 100)""")
                        .param("q", qty)
                        .param("rj", rejected)
                        .param("id", lineId)
                        .update()
                == 1;
    }

    public void closeIfComplete(long lineId) {
        jdbc.sql("""
                UPDATE proc_po_line SET line_status = 'CLOSED'
                WHERE id = :id AND received_qty >= qty * (1 - under_pct / 100)""").param("id", lineId).update();
    }

    public boolean allLinesClosed(long poId) {
        return jdbc.sql("SELECT COUNT(*) FROM proc_po_line WHERE po_id = :po AND line_status = 'OPEN'")
                        .param("po", poId)
                        .query(Long.class)
                        .single()
                == 0;
    }

    /** Locks a line for invoicing (the invoiced quantity is read and raised in one transaction). */
    public void lockLine(long lineId) {
        jdbc.sql("SELECT id FROM proc_po_line WHERE id = :id FOR UPDATE")
                .param("id", lineId)
                .query(Long.class)
                .list();
    }

    public void addInvoiced(long lineId, BigDecimal qty) {
        jdbc.sql("UPDATE proc_po_line SET invoiced_qty = invoiced_qty + :q WHERE id = :id")
                .param("q", qty)
                .param("id", lineId)
                .update();
    }

    public Tolerance tolerance(long supplierId, long itemId) {
        return jdbc
                .sql("""
                SELECT over_pct, under_pct, price_pct, qty_pct FROM proc_tolerance
                WHERE supplier_id = :s AND (item_id = :i OR item_id IS NULL) ORDER BY item_id NULLS LAST""")
                .param("s", supplierId)
                .param("i", itemId)
                .query((rs, n) -> new Tolerance(
                        rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list()
                .stream()
                .findFirst()
                .orElse(Tolerance.NONE);
    }

    public void saveTolerance(long supplierId, Long itemId, Tolerance t) {
        int n = jdbc.sql("""
                UPDATE proc_tolerance SET over_pct = :o, under_pct = :u, price_pct = :p, qty_pct = :q
                WHERE supplier_id = :s AND\s""" + (itemId == null ? "item_id IS NULL" : "item_id = :i"))
                .param("o", t.overPct())
                .param("u", t.underPct())
                .param("p", t.pricePct())
                .param("q", t.qtyPct())
                .param("s", supplierId)
                .param("i", itemId)
                .update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO proc_tolerance (supplier_id, item_id, over_pct, under_pct, price_pct, qty_pct)
                    VALUES (:s, :i, :o, :u, :p, :q)""")
                    .param("o", t.overPct())
                    .param("u", t.underPct())
                    .param("p", t.pricePct())
                    .param("q", t.qtyPct())
                    .param("s", supplierId)
                    .param("i", itemId)
                    .update();
        }
    }

    public long supplierIdOf(long poId) {
        return jdbc.sql("SELECT supplier_id FROM proc_purchase_order WHERE id = :id")
                .param("id", poId)
                .query(Long.class)
                .single();
    }

    public Optional<PurchaseOrderView> find(long id, PartyScope scope) {
        return jdbc.sql(SELECT + " WHERE p.id = :id AND " + scope.predicate("p.supplier_id"))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> header(rs))
                .optional()
                .map(h -> withDetails(List.of(h)).get(0));
    }

    public PageResult<PurchaseOrderView> find(
            String status, Long supplierId, Long requisitionId, PageRequest page, PartyScope scope) {
        return find(status, supplierId, requisitionId, null, page, scope);
    }

    /**
     * {@code dueBy}: only open orders (still to receive) with a line not fully received that is due, by its confirmed
     * date or else its needed-by date, on or before that day; null for all.
     */
    public PageResult<PurchaseOrderView> find(
            String status, Long supplierId, Long requisitionId, LocalDate dueBy, PageRequest page, PartyScope scope) {
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.predicate("p.supplier_id"));
        Map<String, Object> p = new HashMap<>();
        p.put("scopeSupplierId", scope.supplierIdParam());
        if (dueBy != null) {
            where.append(" AND p.status IN (:receivable)"
                    + " AND EXISTS (SELECT 1 FROM proc_po_line dl WHERE dl.po_id = p.id AND dl.received_qty < dl.qty"
                    + " AND COALESCE(dl.confirmed_date, dl.needed_by) <= :dueBy)");
            p.put("dueBy", dueBy);
            p.put("receivable", PurchaseOrderStatus.receivableNames());
        }
        if (status != null) {
            where.append(" AND p.status = :status");
            p.put("status", status);
        }
        if (supplierId != null) {
            where.append(" AND p.supplier_id = :sid");
            p.put("sid", supplierId);
        }
        if (requisitionId != null) {
            where.append(" AND p.requisition_id = :rid");
            p.put("rid", requisitionId);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM proc_purchase_order p" + where)
                .params(p)
                .query(Long.class)
                .single();
        List<PurchaseOrderView> rows =
                withDetails(jdbc.sql(SELECT + where + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                        .params(p)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query((rs, n) -> header(rs))
                        .list());
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** An order's head before catalog's codes. */
    private record Head(long supplierId, long warehouseId, PurchaseOrderView view) {}

    /** A line before catalog's item code and name. */
    private record LineRow(long itemId, PurchaseOrderView.Line line) {}

    /**
     * The orders with lines, timeline and catalog's codes: lines and events per order as before, then one catalog
     * query per kind for the whole page.
     */
    private List<PurchaseOrderView> withDetails(List<Head> heads) {
        Map<Long, List<LineRow>> linesOf = new HashMap<>();
        Map<Long, List<PurchaseOrderView.Event>> eventsOf = new HashMap<>();
        for (Head head : heads) {
            long id = head.view().id();
            linesOf.put(id, lines(id));
            eventsOf.put(
                    id,
                    jdbc.sql("SELECT * FROM proc_po_event WHERE po_id = :id ORDER BY happened_at, id")
                            .param("id", id)
                            .query((rs, n) -> new PurchaseOrderView.Event(
                                    rs.getInt("revision"),
                                    rs.getString("event_type"),
                                    rs.getString("actor"),
                                    rs.getTimestamp("happened_at").toInstant(),
                                    rs.getString("details")))
                            .list());
        }
        Map<Long, NamedRef> suppliers = catalog.suppliersById(
                heads.stream().map(Head::supplierId).distinct().toList());
        Map<Long, NamedRef> warehouses = catalog.warehousesById(
                heads.stream().map(Head::warehouseId).distinct().toList());
        Map<Long, ItemRef> items = catalog.itemsById(linesOf.values().stream()
                .flatMap(List::stream)
                .map(LineRow::itemId)
                .distinct()
                .toList());
        return heads.stream()
                .map(head -> {
                    PurchaseOrderView h = head.view();
                    NamedRef supplier = suppliers.get(head.supplierId());
                    List<PurchaseOrderView.Line> lines = linesOf.get(h.id()).stream()
                            .map(r -> {
                                PurchaseOrderView.Line l = r.line();
                                ItemRef item = items.get(r.itemId());
                                return new PurchaseOrderView.Line(
                                        l.id(),
                                        l.lineNo(),
                                        item.code(),
                                        item.name(),
                                        l.requestedQty(),
                                        l.qty(),
                                        l.price(),
                                        l.neededBy(),
                                        l.confirmedDate(),
                                        l.proposedQty(),
                                        l.proposedDate(),
                                        l.receivedQty(),
                                        l.rejectedQty(),
                                        l.invoicedQty(),
                                        l.overPct(),
                                        l.underPct(),
                                        l.status(),
                                        l.cancelledQty(),
                                        l.suggestion());
                            })
                            .toList();
                    return new PurchaseOrderView(
                            h.id(),
                            h.number(),
                            supplier.code(),
                            supplier.name(),
                            h.requisition(),
                            warehouses.get(head.warehouseId()).code(),
                            h.status(),
                            h.currency(),
                            h.total(),
                            h.revision(),
                            h.orderedOn(),
                            h.createdBy(),
                            h.createdAt(),
                            lines,
                            eventsOf.get(h.id()));
                })
                .toList();
    }

    private List<LineRow> lines(long poId) {
        return jdbc.sql("SELECT l.* FROM proc_po_line l WHERE l.po_id = :id ORDER BY l.line_no")
                .param("id", poId)
                .query((rs, n) -> new LineRow(
                        rs.getLong("item_id"),
                        new PurchaseOrderView.Line(
                                rs.getLong("id"),
                                rs.getInt("line_no"),
                                null,
                                null,
                                rs.getBigDecimal("requested_qty"),
                                rs.getBigDecimal("qty"),
                                rs.getBigDecimal("price"),
                                date(rs, "needed_by"),
                                date(rs, "confirmed_date"),
                                rs.getBigDecimal("proposed_qty"),
                                date(rs, "proposed_date"),
                                rs.getBigDecimal("received_qty"),
                                rs.getBigDecimal("rejected_qty"),
                                rs.getBigDecimal("invoiced_qty"),
                                rs.getBigDecimal("over_pct"),
                                rs.getBigDecimal("under_pct"),
                                rs.getString("line_status"),
                                rs.getBigDecimal("cancelled_qty"),
                                rs.getObject("suggestion_id", Long.class))))
                .list();
    }

    private static Head header(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Head(
                rs.getLong("supplier_id"),
                rs.getLong("warehouse_id"),
                new PurchaseOrderView(
                        id,
                        "PO-" + id,
                        null,
                        null,
                        rs.getObject("requisition_id", Long.class),
                        null,
                        rs.getString("status"),
                        rs.getString("currency"),
                        rs.getBigDecimal("total"),
                        rs.getInt("revision"),
                        date(rs, "ordered_on"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        List.of(),
                        List.of()));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
