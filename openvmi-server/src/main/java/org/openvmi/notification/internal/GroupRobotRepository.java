package org.openvmi.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.notification.GroupRobotView;
import org.openvmi.notification.NotificationChannel;
import org.openvmi.notification.model.GroupRobot;
import org.openvmi.notification.model.RobotMessages;
import org.openvmi.shared.PartyScope;
import org.openvmi.stockpolicy.AlertType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Group robots ({@code notification_robot}, ADR 0076); a supplier's scope sees its own supplier's robots only. */
@Repository
public class GroupRobotRepository {

    private static final String SELECT = "SELECT r.*, " + CatalogRefs.warehouseCode("r.warehouse_id") + " AS wh_code, "
            + CatalogRefs.supplierCode("r.supplier_id") + " AS sup_code, "
            + "(SELECT m.status FROM notification_mail m WHERE m.robot_id = r.id ORDER BY m.id DESC LIMIT 1) AS last_status, "
            + "(SELECT m.last_error FROM notification_mail m WHERE m.robot_id = r.id ORDER BY m.id DESC LIMIT 1) AS last_error, "
            + "(SELECT m.last_error_code FROM notification_mail m WHERE m.robot_id = r.id ORDER BY m.id DESC LIMIT 1)"
            + " AS last_error_code, "
            + "(SELECT COALESCE(m.sent_at, m.created_at) FROM notification_mail m WHERE m.robot_id = r.id"
            + " ORDER BY m.id DESC LIMIT 1) AS last_at FROM notification_robot r";

    /** What a robot row is written from: the validated command with ids resolved. */
    public record Row(
            String name,
            NotificationChannel channel,
            String url,
            String secret,
            Long warehouseId,
            Long supplierId,
            boolean alerts,
            Set<AlertType> alertTypes,
            boolean approvals,
            boolean toShip,
            String language,
            boolean enabled) {}

    private final JdbcClient jdbc;

    GroupRobotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String scoped(PartyScope scope) {
        return scope.seesAll() ? "1 = 1" : scope.supplierId() == null ? "1 = 0" : "r.supplier_id = :sup";
    }

    public List<GroupRobotView> list(PartyScope scope) {
        return jdbc.sql(SELECT + " WHERE " + scoped(scope) + " ORDER BY r.name, r.id")
                .param("sup", scope.supplierId())
                .query((rs, n) -> view(rs))
                .list();
    }

    public Optional<GroupRobotView> find(long id, PartyScope scope) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND " + scoped(scope))
                .param("id", id)
                .param("sup", scope.supplierId())
                .query((rs, n) -> view(rs))
                .optional();
    }

    /** The stored secret (never shown): kept when an update leaves it blank. */
    public Optional<String> secret(long id) {
        return jdbc.sql("SELECT robot_secret FROM notification_robot WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(s -> s);
    }

    /** Every robot as the senders match and post: enabled or not, with address and secret. */
    public List<GroupRobot> all() {
        return jdbc.sql("SELECT r.*, " + CatalogRefs.warehouseCode("r.warehouse_id")
                        + " AS wh_code FROM notification_robot r ORDER BY r.id")
                .query((rs, n) -> robot(rs))
                .list();
    }

    public Optional<GroupRobot> robot(long id) {
        return jdbc.sql("SELECT r.*, " + CatalogRefs.warehouseCode("r.warehouse_id")
                        + " AS wh_code FROM notification_robot r WHERE r.id = :id")
                .param("id", id)
                .query((rs, n) -> robot(rs))
                .optional();
    }

    public boolean anyEnabled() {
        return jdbc.sql("SELECT COUNT(*) FROM notification_robot WHERE enabled = TRUE")
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long insert(Row r, String by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification_robot (name, channel, robot_url, robot_secret, warehouse_id, supplier_id, alerts,
                       alert_types, approvals, to_ship, message_language, enabled, created_by, created_at, updated_at)
                VALUES (:name, :channel, :url, :secret, :wh, :sup, :alerts, :types, :approvals, :toShip, :lang, :enabled,
                        :by, :now, :now)""").params(params(r, by, now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, Row r, Instant now) {
        jdbc.sql("""
                UPDATE notification_robot SET name = :name, channel = :channel, robot_url = :url, robot_secret = :secret,
                       warehouse_id = :wh, supplier_id = :sup, alerts = :alerts, alert_types = :types,
                       approvals = :approvals, to_ship = :toShip, message_language = :lang, enabled = :enabled,
                       updated_at = :now
                WHERE id = :id""").params(params(r, null, now)).param("id", id).update();
    }

    public void setEnabled(long id, boolean enabled, Instant now) {
        jdbc.sql("UPDATE notification_robot SET enabled = :enabled, updated_at = :now WHERE id = :id")
                .param("enabled", enabled)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** The robot as stored, in the form an update writes it: an update to an equal row changes nothing. */
    public Optional<Row> row(long id) {
        return jdbc.sql("SELECT r.*, " + CatalogRefs.warehouseCode("r.warehouse_id")
                        + " AS wh_code FROM notification_robot r WHERE r.id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    GroupRobot g = robot(rs);
                    return new Row(
                            g.name(),
                            g.channel(),
                            g.url(),
                            g.secret(),
                            rs.getObject("warehouse_id", Long.class),
                            g.supplierId(),
                            g.alerts(),
                            g.alertTypes(),
                            g.approvals(),
                            g.toShip(),
                            g.language(),
                            g.enabled());
                })
                .optional();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM notification_robot WHERE id = :id")
                .param("id", id)
                .update();
    }

    private static java.util.Map<String, Object> params(Row r, String by, Instant now) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", r.name());
        p.put("channel", r.channel().name());
        p.put("url", r.url());
        p.put("secret", r.secret());
        p.put("wh", r.warehouseId());
        p.put("sup", r.supplierId());
        p.put("alerts", r.alerts());
        p.put(
                "types",
                r.alertTypes().isEmpty()
                        ? null
                        : r.alertTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        p.put("approvals", r.approvals());
        p.put("toShip", r.toShip());
        p.put("lang", r.language());
        p.put("enabled", r.enabled());
        p.put("by", by);
        p.put("now", Timestamp.from(now));
        return p;
    }

    private static Set<AlertType> types(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(","))
                .map(AlertType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AlertType.class)));
    }

    private static GroupRobot robot(ResultSet rs) throws SQLException {
        return new GroupRobot(
                rs.getLong("id"),
                rs.getString("name"),
                NotificationChannel.valueOf(rs.getString("channel")),
                rs.getString("robot_url"),
                rs.getString("robot_secret"),
                rs.getString("wh_code"),
                rs.getObject("supplier_id", Long.class),
                rs.getBoolean("alerts"),
                types(rs.getString("alert_types")),
                rs.getBoolean("approvals"),
                rs.getBoolean("to_ship"),
                rs.getString("message_language"),
                rs.getBoolean("enabled"));
    }

    private static GroupRobotView view(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp("last_at");
        String secret = rs.getString("robot_secret");
        return new GroupRobotView(
                rs.getLong("id"),
                rs.getString("name"),
                NotificationChannel.valueOf(rs.getString("channel")),
                RobotMessages.masked(rs.getString("robot_url")),
                secret != null && !secret.isBlank(),
                rs.getString("wh_code"),
                rs.getString("sup_code"),
                rs.getBoolean("alerts"),
                types(rs.getString("alert_types")).stream().sorted().toList(),
                rs.getBoolean("approvals"),
                rs.getBoolean("to_ship"),
                rs.getString("message_language"),
                rs.getBoolean("enabled"),
                rs.getString("last_status"),
                rs.getString("last_error"),
                rs.getString("last_error_code"),
                last == null ? null : last.toInstant());
    }
}
