package org.openvmi.catalog.internal;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.LocationView;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.catalog.WarehouseView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Warehouses and locations in bulk, for imports and exports: reads by many codes at once (see {@link AnyOf}) and
 * writes with JDBC batches. Not supplier data: every signed-in user may read them.
 */
@Repository
class WarehouseBatchRepository {

    private static final String SELECT_WAREHOUSE = """
            SELECT w.*, (SELECT COUNT(*) FROM location l WHERE l.warehouse_id = w.id) AS location_count,
                   (SELECT r.code FROM location r WHERE r.id = w.receiving_location_id) AS receiving_location
            FROM warehouse w""";
    private static final String SELECT_LOCATION = """
            SELECT l.*, w.code AS warehouse_code FROM location l JOIN warehouse w ON w.id = l.warehouse_id""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final AnyOf anyOf;

    WarehouseBatchRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, AnyOf anyOf) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.anyOf = anyOf;
    }

    /** Existing warehouses by code, among the given codes. */
    Map<String, WarehouseView> findByCodes(Collection<String> codes) {
        Map<String, WarehouseView> byCode = new HashMap<>();
        for (Object chunk : anyOf.chunks(codes, String.class)) {
            jdbc.sql(SELECT_WAREHOUSE + " WHERE " + anyOf.sql("w.code", "codes"))
                    .param("codes", chunk)
                    .query(WarehouseBatchRepository::warehouse)
                    .list()
                    .forEach(w -> byCode.put(w.code(), w));
        }
        return byCode;
    }

    /** Inserts the warehouses and returns their new ids by code. */
    Map<String, Long> insert(List<WarehouseCommand> warehouses) {
        batch.batchUpdate(
                "INSERT INTO warehouse (code, name, address) VALUES (:code, :name, :address)",
                warehouses.stream().map(WarehouseBatchRepository::fields).toArray(SqlParameterSource[]::new));
        return ids(
                "warehouse", warehouses.stream().map(WarehouseCommand::getCode).toList());
    }

    /** Updates warehouses by id if their version is still the given one; false when any of them moved on meanwhile. */
    boolean update(Map<Long, Integer> versionsById, Map<Long, WarehouseCommand> byId) {
        return allOne(batch.batchUpdate("""
                UPDATE warehouse SET name = :name, address = :address, version = version + 1
                WHERE id = :id AND version = :version""", versioned(versionsById, byId, WarehouseBatchRepository::fields)));
    }

    List<WarehouseView> findAll() {
        return jdbc.sql(SELECT_WAREHOUSE + " ORDER BY w.code")
                .query(WarehouseBatchRepository::warehouse)
                .list();
    }

    /** Existing locations (of any warehouse) by code, among the given codes. */
    Map<String, LocationView> findLocationsByCodes(Collection<String> codes) {
        Map<String, LocationView> byCode = new HashMap<>();
        for (Object chunk : anyOf.chunks(codes, String.class)) {
            jdbc.sql(SELECT_LOCATION + " WHERE " + anyOf.sql("l.code", "codes"))
                    .param("codes", chunk)
                    .query(WarehouseBatchRepository::location)
                    .list()
                    .forEach(l -> byCode.put(l.code(), l));
        }
        return byCode;
    }

    /** Inserts the locations into the warehouses of the given ids and returns their new ids by code. */
    Map<String, Long> insertLocations(Map<LocationCommand, Long> warehouseIds) {
        batch.batchUpdate(
                """
                INSERT INTO location (warehouse_id, code, name, type, allow_negative)
                VALUES (:wh, :code, :name, :type, :neg)""",
                warehouseIds.entrySet().stream()
                        .map(e -> locationFields(e.getKey()).addValue("wh", e.getValue()))
                        .toArray(SqlParameterSource[]::new));
        return ids(
                "location",
                warehouseIds.keySet().stream().map(LocationCommand::getCode).toList());
    }

    boolean updateLocations(Map<Long, Integer> versionsById, Map<Long, LocationCommand> byId) {
        return allOne(batch.batchUpdate("""
                UPDATE location SET name = :name, type = :type, allow_negative = :neg, version = version + 1
                WHERE id = :id AND version = :version""", versioned(versionsById, byId, WarehouseBatchRepository::locationFields)));
    }

    List<LocationView> findAllLocations() {
        return jdbc.sql(SELECT_LOCATION + " ORDER BY w.code, l.code")
                .query(WarehouseBatchRepository::location)
                .list();
    }

    private Map<String, Long> ids(String table, List<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        for (Object chunk : anyOf.chunks(codes, String.class)) {
            jdbc.sql("SELECT id, code FROM " + table + " WHERE " + anyOf.sql("code", "codes"))
                    .param("codes", chunk)
                    .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1)))
                    .list();
        }
        return ids;
    }

    static <C> SqlParameterSource[] versioned(
            Map<Long, Integer> versionsById,
            Map<Long, C> byId,
            java.util.function.Function<C, MapSqlParameterSource> fields) {
        List<SqlParameterSource> rows = new ArrayList<>();
        byId.forEach((id, c) -> rows.add(fields.apply(c).addValue("id", id).addValue("version", versionsById.get(id))));
        return rows.toArray(SqlParameterSource[]::new);
    }

    static boolean allOne(int[] counts) {
        for (int n : counts) {
            if (n != 1 && n != Statement.SUCCESS_NO_INFO) {
                return false;
            }
        }
        return true;
    }

    private static MapSqlParameterSource fields(WarehouseCommand c) {
        return new MapSqlParameterSource()
                .addValue("code", c.getCode())
                .addValue("name", c.getName())
                .addValue("address", c.getAddress());
    }

    private static MapSqlParameterSource locationFields(LocationCommand c) {
        return new MapSqlParameterSource()
                .addValue("code", c.getCode())
                .addValue("name", c.getName())
                .addValue("type", c.getType().name())
                .addValue("neg", c.isAllowNegative());
    }

    private static WarehouseView warehouse(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new WarehouseView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getInt("location_count"),
                rs.getInt("version"),
                rs.getString("receiving_location"));
    }

    private static LocationView location(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new LocationView(
                rs.getLong("id"),
                rs.getString("warehouse_code"),
                rs.getString("code"),
                rs.getString("name"),
                LocationType.valueOf(rs.getString("type")),
                rs.getBoolean("allow_negative"),
                rs.getInt("version"));
    }
}
