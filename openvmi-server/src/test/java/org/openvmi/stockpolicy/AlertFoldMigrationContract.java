package org.openvmi.stockpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration to one open below-alert per item × warehouse, on a database that still holds the old model's open
 * duplicates: the schema as it was before it, rows written the old way, then the migration itself.
 */
abstract class AlertFoldMigrationContract {

    /** The last migration before the one folding alerts. */
    static final String BEFORE = "202612050410";

    abstract DataSource freshDatabase();

    @Test
    void open_duplicates_fold_into_the_most_severe_alert_of_each_subject_and_seen_alerts_stay_seen() {
        DataSource ds = freshDatabase();
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .target(BEFORE)
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        for (String code : List.of("I1", "I2", "I3")) {
            jdbc.sql("INSERT INTO item (code, name, uom) VALUES (:c, :c, 'PCS')")
                    .param("c", code)
                    .update();
        }
        for (String code : List.of("W1", "W2")) {
            jdbc.sql("INSERT INTO warehouse (code, name) VALUES (:c, :c)")
                    .param("c", code)
                    .update();
        }
        // I1@W1 out of stock the old way: three open alerts; I2@W1 two; I3@W2 one; I3@W1 above max and a resolved one
        old(jdbc, "BELOW_WARNING", "I1", "W1", "OPEN");
        old(jdbc, "BELOW_SAFETY", "I1", "W1", "ACKNOWLEDGED");
        old(jdbc, "STOCKOUT", "I1", "W1", "OPEN");
        old(jdbc, "BELOW_WARNING", "I2", "W1", "OPEN");
        old(jdbc, "BELOW_SAFETY", "I2", "W1", "OPEN");
        old(jdbc, "BELOW_WARNING", "I3", "W2", "OPEN");
        old(jdbc, "ABOVE_MAX", "I3", "W1", "OPEN");
        old(jdbc, "BELOW_WARNING", "I3", "W1", "RESOLVED");
        long seenUpTo =
                jdbc.sql("SELECT MAX(id) FROM stock_alert").query(Long.class).single();
        jdbc.sql("INSERT INTO alert_seen (username, last_alert_id) VALUES ('seen-all', :id), ('seen-none', 0)")
                .param("id", seenUpTo)
                .update();

        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        Map<String, String> open = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT i.code AS item, w.code AS wh, a.alert_type, a.open_key FROM stock_alert a
                JOIN item i ON i.id = a.item_id JOIN warehouse w ON w.id = a.warehouse_id
                WHERE a.open_key IS NOT NULL""")
                .query((rs, n) -> open.put(
                        rs.getString("item") + "@" + rs.getString("wh") + ":" + rs.getString("alert_type"),
                        rs.getString("open_key").replaceAll("[0-9]+", "#")))
                .list();
        assertThat(open)
                .isEqualTo(Map.of(
                        "I1@W1:STOCKOUT", "BELOW:#:#:null",
                        "I2@W1:BELOW_SAFETY", "BELOW:#:#:null",
                        "I3@W2:BELOW_WARNING", "BELOW:#:#:null",
                        "I3@W1:ABOVE_MAX", "ABOVE_MAX:#:#:null"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM stock_alert WHERE resolve_comment = 'folded into one alert per item and warehouse' AND status = 'RESOLVED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_alert_level")
                        .query(Long.class)
                        .single())
                .isEqualTo(8);
        // the database now refuses a second open below-alert of a subject, whatever its level
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> old(jdbc, "BELOW_WARNING", "I1", "W1", "OPEN", "BELOW")))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(jdbc.sql("SELECT last_level_id FROM alert_seen WHERE username = 'seen-all'")
                        .query(Long.class)
                        .single())
                .isEqualTo(jdbc.sql("SELECT MAX(id) FROM stock_alert_level")
                        .query(Long.class)
                        .single());
        assertThat(jdbc.sql("SELECT last_level_id FROM alert_seen WHERE username = 'seen-none'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void old(JdbcClient jdbc, String type, String item, String warehouse, String status) {
        old(jdbc, type, item, warehouse, status, type);
    }

    private static void old(JdbcClient jdbc, String type, String item, String warehouse, String status, String kind) {
        long itemId = jdbc.sql("SELECT id FROM item WHERE code = :c")
                .param("c", item)
                .query(Long.class)
                .single();
        long whId = jdbc.sql("SELECT id FROM warehouse WHERE code = :c")
                .param("c", warehouse)
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO stock_alert (alert_type, item_id, warehouse_id, status, open_key, qty_at_raise, line_qty, raised_at)
                VALUES (:type, :item, :wh, :status, :key, 0, 10, CURRENT_TIMESTAMP)""")
                .param("type", type)
                .param("item", itemId)
                .param("wh", whId)
                .param("status", status)
                .param("key", "RESOLVED".equals(status) ? null : kind + ":" + itemId + ":" + whId + ":null")
                .update();
    }
}
