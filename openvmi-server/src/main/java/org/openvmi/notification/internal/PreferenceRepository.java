package org.openvmi.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.notification.EmailMode;
import org.openvmi.notification.model.Preference;
import org.openvmi.stockpolicy.AlertType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PreferenceRepository {

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Preference> find(String username) {
        return jdbc.sql("SELECT * FROM notification_preference WHERE username = :u")
                .param("u", username)
                .query((rs, i) -> row(rs))
                .optional();
    }

    /** Whether anyone's notifications go to a group robot (then events are handled even with mail off). */
    public boolean anyRobot() {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM notification_preference WHERE channel <> 'EMAIL' AND robot_url IS NOT NULL")
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Map<String, Preference> findAll() {
        return jdbc
                .sql("SELECT * FROM notification_preference")
                .query((rs, i) -> Map.entry(rs.getString("username"), row(rs)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void save(String username, Preference p, Instant now) {
        String warehouses = String.join(",", p.warehouses().stream().sorted().toList());
        String types = p.alertTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        int updated = jdbc.sql("""
                UPDATE notification_preference SET email_mode = :m, warehouses = :w, alert_types = :t, channel = :c,
                       robot_url = :url, robot_secret = :secret, updated_at = :now
                WHERE username = :u""")
                .param("c", p.channel().name())
                .param("url", p.robotUrl())
                .param("secret", p.robotSecret())
                .param("m", p.emailMode().name())
                .param("w", warehouses)
                .param("t", types)
                .param("now", Timestamp.from(now))
                .param("u", username)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO notification_preference (username, email_mode, warehouses, alert_types, channel,
                                                         robot_url, robot_secret, updated_at)
                    VALUES (:u, :m, :w, :t, :c, :url, :secret, :now)""")
                    .param("c", p.channel().name())
                    .param("url", p.robotUrl())
                    .param("secret", p.robotSecret())
                    .param("m", p.emailMode().name())
                    .param("w", warehouses)
                    .param("t", types)
                    .param("now", Timestamp.from(now))
                    .param("u", username)
                    .update();
        }
    }

    private static Preference row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Preference p = row(rs.getString("email_mode"), rs.getString("warehouses"), rs.getString("alert_types"));
        return new Preference(
                p.emailMode(),
                p.warehouses(),
                p.alertTypes(),
                org.openvmi.notification.NotificationChannel.valueOf(rs.getString("channel")),
                rs.getString("robot_url"),
                rs.getString("robot_secret"));
    }

    private static Preference row(String mode, String warehouses, String types) {
        Set<String> w = split(warehouses);
        Set<AlertType> t = EnumSet.noneOf(AlertType.class);
        split(types).forEach(s -> t.add(AlertType.valueOf(s)));
        return new Preference(EmailMode.valueOf(mode), w, t);
    }

    private static Set<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
