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
            "w.code",
            "location",
            "l.code",
            "category",
            "c.category",
            "reference",
            "c.reference",
            "created",
            "c.created_at",
            "posted",
            "c.posted_at");

    private static final String FROM = """
            FROM stock_count c JOIN warehouse w ON w.id = c.warehouse_id LEFT JOIN location l ON l.id = c.location_id""";

    private final JdbcClient jdbc;

    CountQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CountView> view(long id) {
        return jdbc.sql("SELECT c.*, w.code AS wh, l.code AS loc " + FROM + " WHERE c.id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    boolean blind = rs.getBoolean("blind");
                    long postingId = rs.getLong("posting_id");
                    Long posting = rs.wasNull() ? null : postingId;
                    return new CountView(
                            id,
                            status,
                            rs.getString("wh"),
                            rs.getString("loc"),
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
        jdbc.sql("""
                SELECT cl.*, i.code AS item_code, i.name AS item_name, i.uom, l.code AS location_code
                FROM stock_count_line cl JOIN item i ON i.id = cl.item_id JOIN location l ON l.id = cl.location_id
                WHERE cl.count_id = :id ORDER BY cl.line_no""").param("id", c.id()).query(rs -> {
            String lot = rs.getString("lot");
            lot = lot == null || lot.isEmpty() ? null : lot;
            BigDecimal book = qty(rs, "book_qty");
            lines.add(new CountView.Line(
                    rs.getInt("line_no"),
                    rs.getString("item_code"),
                    rs.getString("item_name"),
                    rs.getString("uom"),
                    rs.getString("location_code"),
                    rs.getString("owner"),
                    lot,
                    showBook ? book : null,
                    qty(rs, "counted_qty"),
                    rs.getBoolean("found")));
            variances.add(new CountView.VarianceLine(
                    rs.getInt("line_no"),
                    rs.getString("item_code"),
                    rs.getString("location_code"),
                    rs.getString("owner"),
                    lot,
                    book,
                    qty(rs, "book_at_posting"),
                    qty(rs, "counted_qty"),
                    qty(rs, "variance")));
        });
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
            where.add("w.code = :warehouse");
            params.put("warehouse", warehouse.trim());
        }
        String filter = " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) " + FROM + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<CountSummary> rows = jdbc.sql("""
                SELECT c.*, w.code AS wh, l.code AS loc,
                       (SELECT COUNT(*) FROM stock_count_line cl WHERE cl.count_id = c.id) AS line_total,
                       (SELECT COUNT(cl.counted_qty) FROM stock_count_line cl WHERE cl.count_id = c.id) AS counted_total
                """ + FROM + filter + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new CountSummary(
                        rs.getLong("id"),
                        rs.getString("status"),
                        rs.getString("wh"),
                        rs.getString("loc"),
                        rs.getString("category"),
                        rs.getBoolean("blind"),
                        rs.getString("reference"),
                        rs.getInt("line_total"),
                        rs.getInt("counted_total"),
                        instant(rs, "created_at"),
                        instant(rs, "posted_at")))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    private static BigDecimal qty(ResultSet rs, String column) throws SQLException {
        return Decimals.plain(rs.getBigDecimal(column));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
