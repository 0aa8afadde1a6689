package org.openvmi.consignment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.consignment.CallOffView;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Call-off plans; reads limited to the caller's party scope. The SQL reads consignment's tables only; supplier, item
 * and location codes of a page come from catalog, one query per kind, and the list sorts by them through catalog's
 * fragments (ADR 0052).
 */
@Repository
public class CallOffRepository {

    /** The call-off list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "c.id DESC",
            "c.id",
            "no",
            "c.id",
            "supplier",
            CatalogRefs.supplierCode("c.supplier_id"),
            "item",
            CatalogRefs.itemCode("c.item_id"),
            "location",
            CatalogRefs.locationCode("c.location_id"),
            "qty",
            "c.qty",
            "neededby",
            "c.needed_by",
            "status",
            "c.status");

    public record Head(
            long id,
            String status,
            long rowVersion,
            BigDecimal proposedQty,
            LocalDate proposedDate,
            BigDecimal qty,
            BigDecimal shipped) {}

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    CallOffRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A call-off still to be filled by shipments, with what shipments filled so far. */
    public record Unfilled(long id, String status, BigDecimal qty, BigDecimal shipped) {}

    /**
     * The call-offs of a supplier's item at a location, raised before {@code at}, still waiting for stock (requested,
     * proposed, confirmed or partly shipped), in needed-by order, locked until the shipment's transaction ends.
     */
    public List<Unfilled> unfilled(long supplierId, long itemId, long locationId, Instant at) {
        return jdbc.sql("""
                SELECT id, status, qty, shipped_qty FROM vmi_calloff
                WHERE supplier_id = :s AND item_id = :i AND location_id = :l AND created_at <= :at
                  AND status IN ('REQUESTED', 'PROPOSED', 'CONFIRMED', 'PARTIALLY_SHIPPED') AND shipped_qty < qty
                ORDER BY needed_by, id FOR UPDATE""")
                .param("s", supplierId)
                .param("i", itemId)
                .param("l", locationId)
                .param("at", Sql.ts(at))
                .query((rs, n) ->
                        new Unfilled(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }

    public void shipped(long id, BigDecimal shipped, String status) {
        jdbc.sql("UPDATE vmi_calloff SET shipped_qty = :q, status = :st, row_version = row_version + 1 WHERE id = :id")
                .param("q", shipped)
                .param("st", status)
                .param("id", id)
                .update();
    }

    /** What a shipment line filled of a call-off. */
    public void filled(long callOffId, long shipmentLineId, BigDecimal qty) {
        jdbc.sql("INSERT INTO vmi_calloff_fill (calloff_id, shipment_line_id, qty) VALUES (:c, :l, :q)")
                .param("c", callOffId)
                .param("l", shipmentLineId)
                .param("q", qty)
                .update();
    }

    public long insert(
            long supplierId,
            long itemId,
            long locationId,
            BigDecimal qty,
            LocalDate neededBy,
            String comment,
            String user,
            Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("s", supplierId);
        p.put("i", itemId);
        p.put("l", locationId);
        p.put("q", qty);
        p.put("d", neededBy);
        p.put("c", comment);
        p.put("u", user);
        p.put("now", Sql.ts(now));
        return Sql.insert(jdbc, """
                INSERT INTO vmi_calloff (supplier_id, item_id, location_id, qty, needed_by, status, comment_text, created_by,
                    created_at) VALUES (:s, :i, :l, :q, :d, 'REQUESTED', :c, :u, :now)""", p);
    }

    public Optional<Head> head(long id, PartyScope scope) {
        return jdbc.sql(
                        "SELECT id, status, row_version, proposed_qty, proposed_date, qty, shipped_qty FROM vmi_calloff c"
                                + " WHERE id = :id AND " + scope.predicate("c.supplier_id"))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new Head(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getBigDecimal(4),
                        Sql.date(rs, "proposed_date"),
                        rs.getBigDecimal("qty"),
                        rs.getBigDecimal("shipped_qty")))
                .optional();
    }

    /** The new state (and, for a proposal or its acceptance, the quantities), if unchanged since {@code rowVersion}. */
    public boolean change(
            long id,
            long rowVersion,
            String status,
            BigDecimal qty,
            LocalDate neededBy,
            BigDecimal proposedQty,
            LocalDate proposedDate,
            String comment,
            String user,
            Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("st", status);
        p.put("q", qty == null ? BigDecimal.ZERO : qty);
        p.put("d", neededBy == null ? LocalDate.EPOCH : neededBy);
        p.put("pq", proposedQty == null ? BigDecimal.ZERO : proposedQty);
        p.put("pd", proposedDate == null ? LocalDate.EPOCH : proposedDate);
        p.put("c", comment == null ? "" : comment);
        p.put("u", user);
        p.put("now", Sql.ts(now));
        p.put("id", id);
        p.put("v", rowVersion);
        return jdbc.sql(
                                "UPDATE vmi_calloff SET status = :st, row_version = row_version + 1, answered_by = :u, answered_at = :now"
                                        + (qty == null ? "" : ", qty = :q")
                                        + (neededBy == null ? "" : ", needed_by = :d")
                                        + (proposedQty == null ? "" : ", proposed_qty = :pq")
                                        + (proposedDate == null ? "" : ", proposed_date = :pd")
                                        + (comment == null ? "" : ", comment_text = :c")
                                        + " WHERE id = :id AND row_version = :v")
                        .params(p)
                        .update()
                == 1;
    }

    private static final String SELECT = "SELECT c.* FROM vmi_calloff c ";

    public Optional<CallOffView> view(long id, PartyScope scope) {
        return jdbc.sql(SELECT + " WHERE c.id = :id AND " + scope.predicate("c.supplier_id"))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> row(rs))
                .optional()
                .map(r -> withCodes(List.of(r)).get(0));
    }

    public PageResult<CallOffView> find(String status, PartyScope scope, PageRequest page) {
        String where = " WHERE " + scope.predicate("c.supplier_id") + (status == null ? "" : " AND c.status = :st");
        long total = jdbc.sql("SELECT COUNT(*) FROM vmi_calloff c" + where)
                .param("scopeSupplierId", scope.supplierIdParam())
                .param("st", String.valueOf(status))
                .query(Long.class)
                .single();
        List<CallOffView> content =
                withCodes(jdbc.sql(SELECT + where + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                        .param("scopeSupplierId", scope.supplierIdParam())
                        .param("st", String.valueOf(status))
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query((rs, n) -> row(rs))
                        .list());
        return new PageResult<>(content, page.page(), page.size(), total);
    }

    /** A call-off before catalog's codes. */
    private record Row(long supplierId, long itemId, long locationId, CallOffView view) {}

    /** The rows with supplier, item and location codes, one catalog query per kind. */
    private List<CallOffView> withCodes(List<Row> rows) {
        Map<Long, String> suppliers = catalog.supplierCodes(
                rows.stream().map(Row::supplierId).distinct().toList());
        Map<Long, ItemRef> items =
                catalog.itemsById(rows.stream().map(Row::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                rows.stream().map(Row::locationId).distinct().toList());
        return rows.stream()
                .map(r -> {
                    CallOffView v = r.view();
                    ItemRef item = items.get(r.itemId());
                    return new CallOffView(
                            v.id(),
                            suppliers.get(r.supplierId()),
                            item.code(),
                            item.name(),
                            locations.get(r.locationId()).code(),
                            v.qty(),
                            v.neededBy(),
                            v.status(),
                            v.proposedQty(),
                            v.proposedDate(),
                            v.comment(),
                            v.createdBy(),
                            v.createdAt(),
                            v.answeredBy(),
                            v.answeredAt(),
                            v.shippedQty());
                })
                .toList();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("supplier_id"), rs.getLong("item_id"), rs.getLong("location_id"), view(rs));
    }

    private static CallOffView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CallOffView(
                rs.getLong("id"),
                null,
                null,
                null,
                null,
                Decimals.plain(rs.getBigDecimal("qty")),
                Sql.date(rs, "needed_by"),
                rs.getString("status"),
                Decimals.plain(rs.getBigDecimal("proposed_qty")),
                Sql.date(rs, "proposed_date"),
                rs.getString("comment_text"),
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"),
                rs.getString("answered_by"),
                Sql.instant(rs, "answered_at"),
                Decimals.plain(rs.getBigDecimal("shipped_qty")));
    }
}
