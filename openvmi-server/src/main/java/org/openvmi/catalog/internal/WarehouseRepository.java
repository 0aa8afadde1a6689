package org.openvmi.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.LocationView;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.catalog.WarehouseView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Warehouses and locations: not supplier data, every signed-in user may read them (suppliers ship to them). */
@Repository
public class WarehouseRepository {

    /** The warehouse list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "w.code",
            "w.id",
            "code",
            "w.code",
            "name",
            "w.name",
            "address",
            "w.address",
            "locations",
            "location_count");

    private static final String SELECT_WAREHOUSE = """
            SELECT w.*, (SELECT COUNT(*) FROM location l WHERE l.warehouse_id = w.id) AS location_count,
                   (SELECT r.code FROM location r WHERE r.id = w.receiving_location_id) AS receiving_location
            FROM warehouse w""";
    private static final String SELECT_LOCATION = """
            SELECT l.*, w.code AS warehouse_code FROM location l JOIN warehouse w ON w.id = l.warehouse_id""";

    private final JdbcClient jdbc;

    WarehouseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<WarehouseView> findByCode(String code) {
        return jdbc.sql(SELECT_WAREHOUSE + " WHERE w.code = :code")
                .param("code", code)
                .query(WarehouseRepository::warehouse)
                .optional();
    }

    public PageResult<WarehouseView> find(String text, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String filter = "";
        if (text != null && !text.isBlank()) {
            filter = " WHERE LOWER(w.code) LIKE :text OR LOWER(w.name) LIKE :text OR LOWER(w.address) LIKE :text";
            params.put("text", "%" + text.trim().toLowerCase() + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM warehouse w" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<WarehouseView> rows = jdbc.sql(
                        SELECT_WAREHOUSE + filter + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(WarehouseRepository::warehouse)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM warehouse").query(Long.class).single();
    }

    public long insert(WarehouseCommand c) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO warehouse (code, name, address) VALUES (:code, :name, :address)")
                .param("code", c.getCode())
                .param("name", c.getName())
                .param("address", c.getAddress())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean update(long id, int expectedVersion, WarehouseCommand c) {
        return jdbc.sql("""
                UPDATE warehouse SET name = :name, address = :address, version = version + 1,
                       receiving_location_id = (SELECT l.id FROM location l WHERE l.code = :receiving AND l.warehouse_id = :id)
                WHERE id = :id AND version = :version""")
                        .param("name", c.getName())
                        .param("address", c.getAddress())
                        .param("receiving", c.getReceivingLocation())
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM warehouse WHERE id = :id").param("id", id).update();
    }

    public Optional<LocationView> findLocation(String code) {
        return jdbc.sql(SELECT_LOCATION + " WHERE l.code = :code")
                .param("code", code)
                .query(WarehouseRepository::location)
                .optional();
    }

    public List<LocationView> locationsOf(long warehouseId) {
        return jdbc.sql(SELECT_LOCATION + " WHERE l.warehouse_id = :id ORDER BY l.code")
                .param("id", warehouseId)
                .query(WarehouseRepository::location)
                .list();
    }

    public PageResult<LocationView> findLocations(
            String warehouseCode, String text, LocationType type, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder filter = new StringBuilder(" WHERE 1=1");
        if (warehouseCode != null && !warehouseCode.isBlank()) {
            filter.append(" AND w.code = :wh");
            params.put("wh", warehouseCode);
        }
        if (text != null && !text.isBlank()) {
            filter.append(" AND (LOWER(l.code) LIKE :text OR LOWER(l.name) LIKE :text)");
            params.put("text", "%" + text.trim().toLowerCase() + "%");
        }
        if (type != null) {
            filter.append(" AND l.type = :type");
            params.put("type", type.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM location l JOIN warehouse w ON w.id = l.warehouse_id" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<LocationView> rows = jdbc.sql(
                        SELECT_LOCATION + filter + " ORDER BY w.code, l.code LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(WarehouseRepository::location)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    public long insertLocation(long warehouseId, LocationCommand c) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO location (warehouse_id, code, name, type, allow_negative)
                VALUES (:wh, :code, :name, :type, :neg)""")
                .param("wh", warehouseId)
                .param("code", c.getCode())
                .param("name", c.getName())
                .param("type", c.getType().name())
                .param("neg", c.isAllowNegative())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean updateLocation(long id, int expectedVersion, LocationCommand c) {
        return jdbc.sql("""
                UPDATE location SET name = :name, type = :type, allow_negative = :neg, version = version + 1
                WHERE id = :id AND version = :version""")
                        .param("name", c.getName())
                        .param("type", c.getType().name())
                        .param("neg", c.isAllowNegative())
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    public void deleteLocation(long id) {
        jdbc.sql("DELETE FROM location WHERE id = :id").param("id", id).update();
    }

    private static WarehouseView warehouse(ResultSet rs, int n) throws SQLException {
        return new WarehouseView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getInt("location_count"),
                rs.getInt("version"),
                rs.getString("receiving_location"));
    }

    private static LocationView location(ResultSet rs, int n) throws SQLException {
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
