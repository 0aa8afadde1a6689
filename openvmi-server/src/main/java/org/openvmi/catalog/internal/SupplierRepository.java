package org.openvmi.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.SupplierCommand;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.SupplierItemView;
import org.openvmi.catalog.SupplierView;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Suppliers and their source lists. A supplier user sees only its own supplier and source list: every read takes
 * the party scope and turns it into a predicate here.
 */
@Repository
public class SupplierRepository {

    /** The supplier list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "s.code",
            "s.id",
            "code",
            "s.code",
            "name",
            "s.name",
            "contact",
            "s.contact_name",
            "phone",
            "s.contact_phone",
            "email",
            "s.contact_email",
            "items",
            "item_count",
            "active",
            "s.active");

    private static final String SELECT_SUPPLIER = """
            SELECT s.*, (SELECT COUNT(*) FROM supplier_item si WHERE si.supplier_id = s.id) AS item_count
            FROM supplier s""";
    private static final String SELECT_SOURCE = """
            SELECT si.*, s.code AS supplier_code, i.code AS item_code, i.name AS item_name
            FROM supplier_item si JOIN supplier s ON s.id = si.supplier_id JOIN item i ON i.id = si.item_id""";

    private final JdbcClient jdbc;

    SupplierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SupplierView> findByCode(String code, PartyScope scope) {
        return jdbc.sql(SELECT_SUPPLIER + " WHERE s.code = :code AND " + scope.predicate("s.id"))
                .param("code", code)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(SupplierRepository::supplier)
                .optional();
    }

    public Optional<Long> idOf(String code) {
        return jdbc.sql("SELECT id FROM supplier WHERE code = :code")
                .param("code", code)
                .query(Long.class)
                .optional();
    }

    public PageResult<SupplierView> find(String text, Boolean active, PageRequest page, PartyScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSupplierId", scope.supplierIdParam());
        StringBuilder filter = new StringBuilder(" WHERE ").append(scope.predicate("s.id"));
        if (text != null && !text.isBlank()) {
            filter.append(
                    " AND (LOWER(s.code) LIKE :text OR LOWER(s.name) LIKE :text OR LOWER(s.contact_name) LIKE :text)");
            params.put("text", "%" + text.trim().toLowerCase() + "%");
        }
        if (active != null) {
            filter.append(" AND s.active = :active");
            params.put("active", active);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM supplier s" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<SupplierView> rows = jdbc.sql(
                        SELECT_SUPPLIER + filter + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(SupplierRepository::supplier)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public long count(PartyScope scope) {
        return jdbc.sql("SELECT COUNT(*) FROM supplier s WHERE " + scope.predicate("s.id"))
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(Long.class)
                .single();
    }

    public long insert(SupplierCommand c) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supplier (code, name, contact_name, contact_phone, contact_email, address, active)
                VALUES (:code, :name, :cn, :cp, :ce, :address, :active)""")
                .param("code", c.getCode())
                .param("name", c.getName())
                .param("cn", c.getContactName())
                .param("cp", c.getContactPhone())
                .param("ce", c.getContactEmail())
                .param("address", c.getAddress())
                .param("active", c.isActive())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean update(long id, int expectedVersion, SupplierCommand c) {
        return jdbc.sql("""
                UPDATE supplier SET name = :name, contact_name = :cn, contact_phone = :cp, contact_email = :ce,
                       address = :address, active = :active, version = version + 1
                WHERE id = :id AND version = :version""")
                        .param("name", c.getName())
                        .param("cn", c.getContactName())
                        .param("cp", c.getContactPhone())
                        .param("ce", c.getContactEmail())
                        .param("address", c.getAddress())
                        .param("active", c.isActive())
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM supplier WHERE id = :id").param("id", id).update();
    }

    public Optional<SupplierItemView> findSource(String supplierCode, String itemCode, PartyScope scope) {
        return jdbc.sql(SELECT_SOURCE + " WHERE s.code = :s AND i.code = :i AND " + scope.predicate("s.id"))
                .param("s", supplierCode)
                .param("i", itemCode)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(SupplierRepository::source)
                .optional();
    }

    /** Source-list lines, filtered by supplier and/or item (either may be null). */
    public PageResult<SupplierItemView> findSources(
            String supplierCode, String itemCode, PageRequest page, PartyScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSupplierId", scope.supplierIdParam());
        StringBuilder filter = new StringBuilder(" WHERE ").append(scope.predicate("s.id"));
        if (supplierCode != null) {
            filter.append(" AND s.code = :s");
            params.put("s", supplierCode);
        }
        if (itemCode != null) {
            filter.append(" AND i.code = :i");
            params.put("i", itemCode);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM supplier_item si JOIN supplier s ON s.id = si.supplier_id "
                        + "JOIN item i ON i.id = si.item_id" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<SupplierItemView> rows = jdbc.sql(
                        SELECT_SOURCE + filter + " ORDER BY s.code, i.code LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(SupplierRepository::source)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public void insertSource(long supplierId, long itemId, SupplierItemCommand c) {
        jdbc.sql("""
                INSERT INTO supplier_item (supplier_id, item_id, supplier_part_no, price, currency, moq, pack_size,
                                           lead_time_days, is_primary)
                VALUES (:s, :i, :pn, :price, :cur, :moq, :pack, :lead, :primary)""")
                .param("s", supplierId)
                .param("i", itemId)
                .param("pn", c.getSupplierPartNo())
                .param("price", c.getPrice())
                .param("cur", c.getCurrency())
                .param("moq", c.getMoq())
                .param("pack", c.getPackSize())
                .param("lead", c.getLeadTimeDays())
                .param("primary", c.isPrimary())
                .update();
    }

    public boolean updateSource(long id, int expectedVersion, SupplierItemCommand c) {
        return jdbc.sql("""
                UPDATE supplier_item SET supplier_part_no = :pn, price = :price, currency = :cur, moq = :moq,
                       pack_size = :pack, lead_time_days = :lead, is_primary = :primary, version = version + 1
                WHERE id = :id AND version = :version""")
                        .param("pn", c.getSupplierPartNo())
                        .param("price", c.getPrice())
                        .param("cur", c.getCurrency())
                        .param("moq", c.getMoq())
                        .param("pack", c.getPackSize())
                        .param("lead", c.getLeadTimeDays())
                        .param("primary", c.isPrimary())
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    /** Makes every other source of the item a backup, so an item has at most one primary source. */
    public void demoteOtherPrimaries(long itemId, long exceptSupplierId) {
        jdbc.sql("UPDATE supplier_item SET is_primary = FALSE, version = version + 1 "
                        + "WHERE item_id = :i AND supplier_id <> :s AND is_primary = TRUE")
                .param("i", itemId)
                .param("s", exceptSupplierId)
                .update();
    }

    public void deleteSource(long id) {
        jdbc.sql("DELETE FROM supplier_item WHERE id = :id").param("id", id).update();
    }

    private static SupplierView supplier(ResultSet rs, int n) throws SQLException {
        return new SupplierView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getString("contact_email"),
                rs.getString("address"),
                rs.getBoolean("active"),
                rs.getInt("item_count"),
                rs.getInt("version"));
    }

    private static SupplierItemView source(ResultSet rs, int n) throws SQLException {
        return new SupplierItemView(
                rs.getLong("id"),
                rs.getString("supplier_code"),
                rs.getString("item_code"),
                rs.getString("item_name"),
                rs.getString("supplier_part_no"),
                Decimals.plain(rs.getBigDecimal("price")),
                rs.getString("currency").trim(),
                Decimals.plain(rs.getBigDecimal("moq")),
                Decimals.plain(rs.getBigDecimal("pack_size")),
                rs.getInt("lead_time_days"),
                rs.getBoolean("is_primary"),
                rs.getInt("version"));
    }
}
