package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.inventory.CountSummary;
import org.openvmi.inventory.CountView;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Count sheets as the API shows them; book quantities of a blind sheet stay hidden until it is posted. */
@Repository
public class CountQueryRepository {

    /** The count list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "c.id DESC",
            "c.id",
            "id",
            "c.id",
            "status",
            "c.status",
            "warehouse",
            CatalogRefs.warehouseCode("c.warehouse_id"),
            "location",
            CatalogRefs.locationCode("c.location_id"),
            "category",
            "c.category",
            "reference",
            "c.reference",
            "created",
            "c.created_at",
            "posted",
            "c.posted_at");

    /** The sheet's own rows; warehouse, location and item codes come from catalog, one query per page (ADR 0068). */
    private static final String FROM = " FROM stock_count c";

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    CountQueryRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public Optional<CountView> view(long id) {
        return jdbc.sql("SELECT c.*" + FROM + " WHERE c.id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    boolean blind = rs.getBoolean("blind");
                    long postingId = rs.getLong("posting_id");
                    Long posting = rs.wasNull() ? null : postingId;
                    long warehouseId = rs.getLong("warehouse_id");
                    long locationId = rs.getLong("location_id");
                    Long location = rs.wasNull() ? null : locationId;
                    return new CountView(
                            id,
                            status,
                            code(catalog.warehousesById(List.of(warehouseId)).get(warehouseId)),
                            location == null
                                    ? null
                                    : code(catalog.locationsById(List.of(location))
                                            .get(location)),
                            rs.getString("category"),
                            blind,
                            rs.getString("reference"),
                            rs.getString("created_by"),
                            instant(rs, "created_at"),
                            rs.getString("posted_by"),
                            instant(rs, "posted_at"),
                            posting,
                            rs.getLong("version"),
                            null,
                            null);
                })
                .optional()
                .map(this::withLines);
    }

    private CountView withLines(CountView c) {
        boolean posted = "POSTED".equals(c.status());
        boolean showBook = !c.blind() || posted; // as CountSheet.showsBook()
        List<CountView.Line> lines = new ArrayList<>();
        List<CountView.VarianceLine> variances = new ArrayList<>();
        record Row(
                long itemId,
                long locationId,
                int lineNo,
                String owner,
                String lot,
                BigDecimal book,
                BigDecimal counted,
                boolean found,
                BigDecimal bookAtPosting,
                BigDecimal variance) {}
        List<Row> rows = jdbc.sql("SELECT cl.* FROM stock_count_line cl WHERE cl.count_id = :id ORDER BY cl.line_no")
                .param("id", c.id())
                .query((rs, n) -> {
                    String lot = rs.getString("lot");
                    return new Row(
                            rs.getLong("item_id"),
                            rs.getLong("location_id"),
                            rs.getInt("line_no"),
                            rs.getString("owner"),
                            lot == null || lot.isEmpty() ? null : lot,
                            qty(rs, "book_qty"),
                            qty(rs, "counted_qty"),
                            rs.getBoolean("found"),
                            qty(rs, "book_at_posting"),
                            qty(rs, "variance"));
                })
                .list();
        Map<Long, ItemRef> items =
                catalog.itemsById(rows.stream().map(Row::itemId).collect(Collectors.toSet()));
        Map<Long, LocationRef> locations =
                catalog.locationsById(rows.stream().map(Row::locationId).collect(Collectors.toSet()));
        for (Row r : rows) {
            ItemRef item = items.get(r.itemId());
            String locationCode = code(locations.get(r.locationId()));
            lines.add(new CountView.Line(
                    r.lineNo(),
                    item == null ? null : item.code(),
                    item == null ? null : item.name(),
                    item == null ? null : item.uom(),
                    locationCode,
                    r.owner(),
                    r.lot(),
                    showBook ? r.book() : null,
                    r.counted(),
                    r.found()));
            variances.add(new CountView.VarianceLine(
                    r.lineNo(),
                    item == null ? null : item.code(),
                    locationCode,
                    r.owner(),
                    r.lot(),
                    r.book(),
                    r.bookAtPosting(),
                    r.counted(),
                    r.variance()));
        }
        CountView.VarianceReport report = null;
        if (posted) {
            BigDecimal net =
                    variances.stream().map(CountView.VarianceLine::variance).reduce(BigDecimal.ZERO, BigDecimal::add);
            int withVariance = (int)
                    variances.stream().filter(v -> v.variance().signum() != 0).count();
            report = new CountView.VarianceReport(variances, withVariance, Decimals.plain(net));
        }
        return new CountView(
                c.id(),
                c.status(),
                c.warehouse(),
                c.location(),
                c.category(),
                c.blind(),
                c.reference(),
                c.createdBy(),
                c.createdAt(),
                c.postedBy(),
                c.postedAt(),
                c.postingId(),
                c.version(),
                lines,
                report);
    }

    public PageResult<CountSummary> find(String status, String warehouse, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("1=1"));
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.add("c.status = :status");
            params.put("status", status);
        }
        if (warehouse != null && !warehouse.isBlank()) {
            where.add(CatalogRefs.warehouseCodeIn("c.warehouse_id", "warehouse"));
            params.put("warehouse", List.of(warehouse.trim()));
        }
        String filter = " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) " + FROM + filter)
                .params(params)
                .query(Long.class)
                .single();
        record Row(CountSummary summary, long warehouseId, Long locationId) {}
        List<Row> found = jdbc.sql("""
                SELECT c.*,
                       (SELECT COUNT(*) FROM stock_count_line cl WHERE cl.count_id = c.id) AS line_total,
                       (SELECT COUNT(cl.counted_qty) FROM stock_count_line cl WHERE cl.count_id = c.id) AS counted_total
                """ + FROM + filter + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> {
                    long locationId = rs.getLong("location_id");
                    Long location = rs.wasNull() ? null : locationId;
                    return new Row(
                            new CountSummary(
                                    rs.getLong("id"),
                                    rs.getString("status"),
                                    null,
                                    null,
                                    rs.getString("category"),
                                    rs.getBoolean("blind"),
                                    rs.getString("reference"),
                                    rs.getInt("line_total"),
                                    rs.getInt("counted_total"),
                                    instant(rs, "created_at"),
                                    instant(rs, "posted_at")),
                            rs.getLong("warehouse_id"),
                            location);
                })
                .list();
        Map<Long, NamedRef> warehouses =
                catalog.warehousesById(found.stream().map(Row::warehouseId).collect(Collectors.toSet()));
        Map<Long, LocationRef> locations = catalog.locationsById(found.stream()
                .map(Row::locationId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        List<CountSummary> rows = found.stream()
                .map(r -> {
                    CountSummary s = r.summary();
                    return new CountSummary(
                            s.id(),
                            s.status(),
                            code(warehouses.get(r.warehouseId())),
                            r.locationId() == null ? null : code(locations.get(r.locationId())),
                            s.category(),
                            s.blind(),
                            s.reference(),
                            s.lines(),
                            s.counted(),
                            s.createdAt(),
                            s.postedAt());
                })
                .toList();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    private static String code(NamedRef ref) {
        return ref == null ? null : ref.code();
    }

    private static String code(LocationRef ref) {
        return ref == null ? null : ref.code();
    }

    private static BigDecimal qty(ResultSet rs, String column) throws SQLException {
        return Decimals.plain(rs.getBigDecimal(column));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
