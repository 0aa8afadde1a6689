package org.openvmi.catalog.internal;

import static org.openvmi.catalog.internal.WarehouseBatchRepository.allOne;
import static org.openvmi.catalog.internal.WarehouseBatchRepository.versioned;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.SupplierCommand;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.SupplierItemView;
import org.openvmi.catalog.SupplierView;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PartyScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Suppliers and source lists in bulk, for imports and exports: reads by many keys at once (see {@link AnyOf}) and
 * writes with JDBC batches. Exports take the party scope: a supplier user gets its own supplier's rows only.
 */
@Repository
class SupplierBatchRepository {

    private static final String SELECT_SUPPLIER = """
            SELECT s.*, (SELECT COUNT(*) FROM supplier_item si WHERE si.supplier_id = s.id) AS item_count
            FROM supplier s""";
    private static final String SELECT_SOURCE = """
            SELECT si.*, s.code AS supplier_code, i.code AS item_code, i.name AS item_name
            FROM supplier_item si JOIN supplier s ON s.id = si.supplier_id JOIN item i ON i.id = si.item_id""";

    /** An item as a source-list line refers to it. */
    record ItemKey(long id, String code, String name) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final AnyOf anyOf;

    SupplierBatchRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, AnyOf anyOf) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.anyOf = anyOf;
    }

    /** Existing suppliers by code, among the given codes (whatever the caller's scope: imports are buyer-side). */
    Map<String, SupplierView> findByCodes(Collection<String> codes) {
        Map<String, SupplierView> byCode = new HashMap<>();
        for (Object chunk : anyOf.chunks(codes, String.class)) {
            jdbc.sql(SELECT_SUPPLIER + " WHERE " + anyOf.sql("s.code", "codes"))
                    .param("codes", chunk)
                    .query(SupplierBatchRepository::supplier)
                    .list()
                    .forEach(s -> byCode.put(s.code(), s));
        }
        return byCode;
    }

    Map<String, Long> insert(List<SupplierCommand> suppliers) {
        batch.batchUpdate(
                """
                INSERT INTO supplier (code, name, contact_name, contact_phone, contact_email, address, active)
                VALUES (:code, :name, :cn, :cp, :ce, :address, :active)""", suppliers.stream().map(SupplierBatchRepository::fields).toArray(SqlParameterSource[]::new));
        Map<String, Long> ids = new HashMap<>();
        for (Object chunk :
                anyOf.chunks(suppliers.stream().map(SupplierCommand::getCode).toList(), String.class)) {
            jdbc.sql("SELECT id, code FROM supplier WHERE " + anyOf.sql("code", "codes"))
                    .param("codes", chunk)
                    .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1)))
                    .list();
        }
        return ids;
    }

    boolean update(Map<Long, Integer> versionsById, Map<Long, SupplierCommand> byId) {
        return allOne(batch.batchUpdate("""
                UPDATE supplier SET name = :name, contact_name = :cn, contact_phone = :cp, contact_email = :ce,
                       address = :address, active = :active, version = version + 1
                WHERE id = :id AND version = :version""", versioned(versionsById, byId, SupplierBatchRepository::fields)));
    }

    List<SupplierView> findAll(PartyScope scope) {
        return jdbc.sql(SELECT_SUPPLIER + " WHERE " + scope.predicate("s.id") + " ORDER BY s.code")
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(SupplierBatchRepository::supplier)
                .list();
    }

    /** Items by code, among the given codes. */
    Map<String, ItemKey> itemsByCodes(Collection<String> codes) {
        Map<String, ItemKey> byCode = new HashMap<>();
        for (Object chunk : anyOf.chunks(codes, String.class)) {
            jdbc.sql("SELECT id, code, name FROM item WHERE " + anyOf.sql("code", "codes"))
                    .param("codes", chunk)
                    .query((rs, n) ->
                            byCode.put(rs.getString(2), new ItemKey(rs.getLong(1), rs.getString(2), rs.getString(3))))
                    .list();
        }
        return byCode;
    }

    /** Every source-list line of the given items, of any supplier. */
    List<SupplierItemView> sourcesOfItems(Collection<Long> itemIds) {
        List<SupplierItemView> found = new ArrayList<>();
        for (Object chunk : anyOf.chunks(itemIds, Long.class)) {
            found.addAll(jdbc.sql(SELECT_SOURCE + " WHERE " + anyOf.sql("si.item_id", "ids"))
                    .param("ids", chunk)
                    .query(SupplierBatchRepository::source)
                    .list());
        }
        return found;
    }

    /** Inserts source-list lines; each row holds its supplier id ({@code s}) and item id ({@code i}). */
    void insertSources(List<MapSqlParameterSource> rows) {
        batch.batchUpdate("""
                INSERT INTO supplier_item (supplier_id, item_id, supplier_part_no, price, currency, moq, pack_size,
                                           lead_time_days, is_primary)
                VALUES (:s, :i, :pn, :price, :cur, :moq, :pack, :lead, :primary)""", rows.toArray(SqlParameterSource[]::new));
    }

    boolean updateSources(Map<Long, Integer> versionsById, Map<Long, SupplierItemCommand> byId) {
        return allOne(batch.batchUpdate("""
                UPDATE supplier_item SET supplier_part_no = :pn, price = :price, currency = :cur, moq = :moq,
                       pack_size = :pack, lead_time_days = :lead, is_primary = :primary, version = version + 1
                WHERE id = :id AND version = :version""", versioned(versionsById, byId, SupplierBatchRepository::sourceFields)));
    }

    /** Makes these source-list lines backups (they were the primary source of an item that got another). */
    void demote(Collection<Long> sourceIds) {
        for (Object chunk : anyOf.chunks(sourceIds, Long.class)) {
            jdbc.sql("UPDATE supplier_item SET is_primary = FALSE, version = version + 1 WHERE "
                            + anyOf.sql("id", "ids"))
                    .param("ids", chunk)
                    .update();
        }
    }

    List<SupplierItemView> findAllSources(PartyScope scope) {
        return jdbc.sql(SELECT_SOURCE + " WHERE " + scope.predicate("s.id") + " ORDER BY s.code, i.code")
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(SupplierBatchRepository::source)
                .list();
    }

    static MapSqlParameterSource sourceFields(SupplierItemCommand c) {
        return new MapSqlParameterSource()
                .addValue("pn", c.getSupplierPartNo())
                .addValue("price", c.getPrice())
                .addValue("cur", c.getCurrency())
                .addValue("moq", c.getMoq())
                .addValue("pack", c.getPackSize())
                .addValue("lead", c.getLeadTimeDays())
                .addValue("primary", c.isPrimary());
    }

    private static MapSqlParameterSource fields(SupplierCommand c) {
        return new MapSqlParameterSource()
                .addValue("code", c.getCode())
                .addValue("name", c.getName())
                .addValue("cn", c.getContactName())
                .addValue("cp", c.getContactPhone())
                .addValue("ce", c.getContactEmail())
                .addValue("address", c.getAddress())
                .addValue("active", c.isActive());
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
