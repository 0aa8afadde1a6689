package org.openvmi.supplier.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.openvmi.supplier.StockSource;
import org.openvmi.supplier.SupplierStockColumn;
import org.openvmi.supplier.SupplierStockHistoryView;
import org.openvmi.supplier.SupplierStockView;
import org.openvmi.supplier.model.Freshness;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Supplier stock rows and their history; every read is limited to the caller's party scope. */
@Repository
public class SupplierStockRepository {

    /** The supplier stock list's sortable columns (URL key, SQL); a supplier and an item make a row. */
    static final SortColumns SORT = SortColumns.of(
            Codes.SUPPLIER + ", " + Codes.ITEM,
            Codes.SUPPLIER + ", " + Codes.ITEM,
            "supplier",
            Codes.SUPPLIER,
            "item",
            Codes.ITEM,
            "name",
            CatalogRefs.itemName("ss.item_id"),
            "available",
            "ss.available_qty",
            "inproduction",
            "ss.in_production",
            "from",
            "ss.available_from",
            "leadtime",
            "ss.production_lead_days",
            "lowwater",
            "ss.low_water",
            "asof",
            "ss.as_of",
            "source",
            "ss.source");

    /** Catalog-issued sort keys (ADR 0052): the row's supplier and item codes. */
    private static final class Codes {
        static final String SUPPLIER = CatalogRefs.supplierCode("ss.supplier_id");
        static final String ITEM = CatalogRefs.itemCode("ss.item_id");
    }

    /** An item on a supplier's source list, with the supplier's own part number (may be null). */
    public record SourceItem(long itemId, String code, String name, String uom, int leadTimeDays, String partNo) {}

    /** What is stored for a supplier item before a report: its figures and as-of time (an unchanged row keeps it). */
    public record Stored(
            long itemId,
            BigDecimal available,
            BigDecimal inProduction,
            LocalDate availableFrom,
            Integer leadTimeDays,
            BigDecimal lowWater,
            Instant asOf) {}

    /** One row to store (current and history). */
    public record Write(
            long supplierId,
            long itemId,
            BigDecimal available,
            BigDecimal inProduction,
            LocalDate availableFrom,
            Integer leadTimeDays,
            BigDecimal lowWater,
            Instant asOf,
            StockSource source,
            Instant recordedAt,
            String recordedBy) {}

    /** Filters of the list; null = any. */
    public record Filter(String supplier, String item, List<String> items, Boolean stale) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    private final CatalogRefs catalog;

    SupplierStockRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.catalog = catalog;
    }

    /** The supplier's source list by item code: one query, whatever the size of the file. */
    public Map<String, SourceItem> sourceList(long supplierId) {
        Map<String, SourceItem> items = new LinkedHashMap<>();
        catalog.sourceList(supplierId)
                .forEach(i -> items.put(
                        i.code(),
                        new SourceItem(i.itemId(), i.code(), i.name(), i.uom(), i.leadTimeDays(), i.partNo())));
        return items;
    }

    /** The supplier's stored rows by item id, locked against a concurrent report of the same supplier. */
    public Map<Long, Stored> storedForUpdate(long supplierId) {
        Map<Long, Stored> stored = new HashMap<>();
        jdbc.sql("""
                SELECT item_id, available_qty, in_production, available_from, production_lead_days, low_water, as_of
                FROM supplier_stock WHERE supplier_id = :s FOR UPDATE""")
                .param("s", supplierId)
                .query((rs, n) -> stored.put(
                        rs.getLong(1),
                        new Stored(
                                rs.getLong(1),
                                rs.getBigDecimal(2),
                                rs.getBigDecimal(3),
                                date(rs, "available_from"),
                                integer(rs, "production_lead_days"),
                                rs.getBigDecimal(6),
                                rs.getTimestamp(7).toInstant())))
                .list();
        return stored;
    }

    /** Updates the rows that exist, inserts the others, and appends every row to the history: three batches. */
    public void save(List<Write> rows, Map<Long, Stored> stored) {
        List<SqlParameterSource> updates = new ArrayList<>();
        List<SqlParameterSource> inserts = new ArrayList<>();
        List<SqlParameterSource> all = new ArrayList<>();
        for (Write w : rows) {
            MapSqlParameterSource p = params(w);
            (stored.containsKey(w.itemId()) ? updates : inserts).add(p);
            all.add(p);
        }
        if (!updates.isEmpty()) {
            batch.batchUpdate("""
                    UPDATE supplier_stock SET available_qty = :available, in_production = :inProduction,
                           available_from = :availableFrom, production_lead_days = :leadTimeDays, low_water = :lowWater,
                           as_of = :asOf, source = :source, recorded_at = :recordedAt, recorded_by = :recordedBy,
                           version = version + 1
                    WHERE supplier_id = :supplierId AND item_id = :itemId""", updates.toArray(SqlParameterSource[]::new));
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO supplier_stock (supplier_id, item_id, available_qty, in_production, available_from,
                           production_lead_days, low_water, as_of, source, recorded_at, recorded_by)
                    VALUES (:supplierId, :itemId, :available, :inProduction, :availableFrom, :leadTimeDays, :lowWater,
                           :asOf, :source, :recordedAt, :recordedBy)""", inserts.toArray(SqlParameterSource[]::new));
        }
        batch.batchUpdate("""
                INSERT INTO supplier_stock_history (supplier_id, item_id, available_qty, in_production, available_from,
                       production_lead_days, low_water, as_of, source, recorded_at, recorded_by)
                VALUES (:supplierId, :itemId, :available, :inProduction, :availableFrom, :leadTimeDays, :lowWater,
                       :asOf, :source, :recordedAt, :recordedBy)""", all.toArray(SqlParameterSource[]::new));
    }

    private static MapSqlParameterSource params(Write w) {
        return new MapSqlParameterSource()
                .addValue("supplierId", w.supplierId())
                .addValue("itemId", w.itemId())
                .addValue("available", w.available())
                .addValue("inProduction", w.inProduction() == null ? BigDecimal.ZERO : w.inProduction())
                .addValue(
                        "availableFrom",
                        w.availableFrom() == null ? null : Date.valueOf(w.availableFrom()),
                        java.sql.Types.DATE)
                .addValue("leadTimeDays", w.leadTimeDays(), java.sql.Types.INTEGER)
                .addValue("lowWater", w.lowWater(), java.sql.Types.NUMERIC)
                .addValue("asOf", Timestamp.from(w.asOf()))
                .addValue("source", w.source().name())
                .addValue("recordedAt", Timestamp.from(w.recordedAt()))
                .addValue("recordedBy", w.recordedBy());
    }

    /** The supplier's remembered column names: header key → upload column, or → null for a header it ignores. */
    public Map<String, String> columnMap(long supplierId) {
        Map<String, String> map = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT header_key, target_column FROM supplier_stock_column_map WHERE supplier_id = :s ORDER BY header")
                .param("s", supplierId)
                .query((rs, n) -> map.put(rs.getString(1), rs.getString(2)))
                .list();
        return map;
    }

    /** The remembered headers as the supplier wrote them, with their column (null: ignored). */
    public List<SupplierStockColumn> columns(long supplierId) {
        return jdbc.sql(
                        "SELECT header, target_column FROM supplier_stock_column_map WHERE supplier_id = :s ORDER BY header")
                .param("s", supplierId)
                .query((rs, n) -> new SupplierStockColumn(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Remembers these headers (replacing what was remembered for the same header; with {@code replaceAll} all). */
    public void rememberColumns(
            long supplierId, List<SupplierStockColumn> columns, boolean replaceAll, String user, Instant now) {
        if (replaceAll) {
            jdbc.sql("DELETE FROM supplier_stock_column_map WHERE supplier_id = :s")
                    .param("s", supplierId)
                    .update();
        }
        for (SupplierStockColumn c : columns) {
            String key = org.openvmi.supplier.model.ColumnNames.key(c.header());
            jdbc.sql("DELETE FROM supplier_stock_column_map WHERE supplier_id = :s AND header_key = :k")
                    .param("s", supplierId)
                    .param("k", key)
                    .update();
            jdbc.sql("""
                    INSERT INTO supplier_stock_column_map (supplier_id, header_key, header, target_column, updated_by,
                           updated_at) VALUES (:s, :k, :h, :c, :u, :now)""")
                    .param("s", supplierId)
                    .param("k", key)
                    .param("h", c.header().trim())
                    .param("c", c.column(), java.sql.Types.VARCHAR)
                    .param("u", user)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    public List<SupplierStockView> find(
            Filter filter, PartyScope scope, Instant now, Duration staleAfter, int limit, long offset) {
        return find(filter, scope, now, staleAfter, new PageRequest(0, limit), offset);
    }

    /** A page of the list in the order it asked for ({@link #SORT}). */
    public List<SupplierStockView> find(
            Filter filter, PartyScope scope, Instant now, Duration staleAfter, PageRequest page) {
        return find(filter, scope, now, staleAfter, page, page.offset());
    }

    private List<SupplierStockView> find(
            Filter filter, PartyScope scope, Instant now, Duration staleAfter, PageRequest page, long offset) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = where(filter, scope, now, staleAfter, sql);
        sql.append(SORT.orderBy(page)).append(" LIMIT :limit OFFSET :offset");
        params.put("limit", page.size());
        params.put("offset", offset);
        return withCatalog(jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> row(rs, now, staleAfter))
                .list());
    }

    /** A stock row before catalog's codes, names and part number. */
    private record Row(long supplierId, long itemId, SupplierStockView view) {}

    /** The page's supplier and item codes and names and part numbers, one catalog query per kind. */
    private List<SupplierStockView> withCatalog(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> supplierIds = new java.util.TreeSet<>();
        java.util.Set<Long> itemIds = new java.util.TreeSet<>();
        rows.forEach(r -> {
            supplierIds.add(r.supplierId());
            itemIds.add(r.itemId());
        });
        Map<Long, org.openvmi.catalog.NamedRef> suppliers = catalog.suppliersById(supplierIds);
        Map<Long, org.openvmi.catalog.ItemRef> items = catalog.itemsById(itemIds);
        Map<Long, Map<Long, String>> parts = catalog.partNumbers(supplierIds, itemIds);
        return rows.stream()
                .map(r -> {
                    org.openvmi.catalog.NamedRef s = suppliers.get(r.supplierId());
                    org.openvmi.catalog.ItemRef i = items.get(r.itemId());
                    SupplierStockView v = r.view();
                    return new SupplierStockView(
                            s.code(),
                            s.name(),
                            i.code(),
                            i.name(),
                            i.uom(),
                            v.available(),
                            v.inProduction(),
                            v.availableFrom(),
                            v.leadTimeDays(),
                            v.lowWater(),
                            v.asOf(),
                            v.source(),
                            v.recordedAt(),
                            v.recordedBy(),
                            v.ageHours(),
                            v.stale(),
                            parts.getOrDefault(r.supplierId(), Map.of()).get(r.itemId()));
                })
                .toList();
    }

    public long count(Filter filter, PartyScope scope, Instant now, Duration staleAfter) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM supplier_stock ss");
        Map<String, Object> params = where(filter, scope, now, staleAfter, sql);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static Map<String, Object> where(
            Filter f, PartyScope scope, Instant now, Duration staleAfter, StringBuilder sql) {
        Map<String, Object> params = new HashMap<>();
        sql.append(" WHERE ").append(scope.predicate("ss.supplier_id"));
        params.put("scopeSupplierId", scope.supplierIdParam());
        if (f.supplier() != null) {
            sql.append(" AND ").append(CatalogRefs.supplierCodeIs("ss.supplier_id", "supplier"));
            params.put("supplier", f.supplier());
        }
        if (f.item() != null) {
            sql.append(" AND ").append(CatalogRefs.itemCodeIs("ss.item_id", "item"));
            params.put("item", f.item());
        }
        if (f.items() != null) {
            sql.append(f.items().isEmpty() ? " AND 1=0" : " AND " + CatalogRefs.itemCodeIn("ss.item_id", "items"));
            params.put("items", f.items().isEmpty() ? List.of("") : f.items());
        }
        if (f.stale() != null) {
            sql.append(f.stale() ? " AND ss.as_of < :staleBefore" : " AND ss.as_of >= :staleBefore");
            params.put("staleBefore", Timestamp.from(now.minus(staleAfter)));
        }
        return params;
    }

    public List<SupplierStockHistoryView> history(long supplierId, long itemId, int limit) {
        org.openvmi.catalog.NamedRef supplier =
                catalog.suppliersById(List.of(supplierId)).get(supplierId);
        org.openvmi.catalog.ItemRef item = catalog.itemsById(List.of(itemId)).get(itemId);
        if (supplier == null || item == null) {
            return List.of(); // the inner joins found no rows either
        }
        return jdbc.sql("""
                SELECT h.* FROM supplier_stock_history h
                WHERE h.supplier_id = :s AND h.item_id = :i ORDER BY h.id DESC LIMIT :limit""")
                .param("s", supplierId)
                .param("i", itemId)
                .param("limit", limit)
                .query((rs, n) -> new SupplierStockHistoryView(
                        supplier.code(),
                        item.code(),
                        rs.getBigDecimal("available_qty"),
                        rs.getBigDecimal("in_production"),
                        date(rs, "available_from"),
                        integer(rs, "production_lead_days"),
                        rs.getBigDecimal("low_water"),
                        rs.getTimestamp("as_of").toInstant(),
                        StockSource.valueOf(rs.getString("source")),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by")))
                .list();
    }

    private static Row row(ResultSet rs, Instant now, Duration staleAfter) throws SQLException {
        Instant asOf = rs.getTimestamp("as_of").toInstant();
        Freshness fresh = Freshness.of(asOf, now, staleAfter);
        return new Row(
                rs.getLong("supplier_id"),
                rs.getLong("item_id"),
                new SupplierStockView(
                        null,
                        null,
                        null,
                        null,
                        null,
                        rs.getBigDecimal("available_qty"),
                        rs.getBigDecimal("in_production"),
                        date(rs, "available_from"),
                        integer(rs, "production_lead_days"),
                        rs.getBigDecimal("low_water"),
                        asOf,
                        StockSource.valueOf(rs.getString("source")),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by"),
                        fresh.ageHours(),
                        fresh.stale(),
                        null));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** The stock row's own columns; codes, names and the part number come from catalog (ADR 0052). */
    private static final String SELECT = """
            SELECT ss.supplier_id, ss.item_id, ss.available_qty, ss.in_production, ss.available_from,
                   ss.production_lead_days, ss.low_water, ss.as_of, ss.source, ss.recorded_at, ss.recorded_by
            FROM supplier_stock ss""";
}
