package org.openvmi.shared.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables' CHECK constraints keep working after the pool closed the connection that ran the migrations. H2 2.4.240
 * bound each constraint to the session that created it: once the pool retired Flyway's connection (after 30 minutes
 * by default, or sooner under load) every insert into such a table failed with "Check constraint invalid" until the
 * server was restarted. Seen as 108 failing tests in a CI run that lasted over 30 minutes; fixed by staying on 2.3.232.
 */
@H2Test
class EmbeddedCheckConstraintsOnH2Test {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void constraints_hold_and_still_admit_valid_rows_after_every_connection_of_the_pool_was_closed() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        // what maxLifetime does after 30 minutes: idle connections, among them the one Flyway used, are closed now
        pool.getHikariPoolMXBean().softEvictConnections();

        String warehouse = Fixtures.unique("CHK");
        jdbc.sql("INSERT INTO warehouse (code, name) VALUES (?, ?)")
                .params(warehouse, "约束检查仓")
                .update();
        long warehouseId = jdbc.sql("SELECT id FROM warehouse WHERE code = ?")
                .param(warehouse)
                .query(Long.class)
                .single();

        int inserted = jdbc.sql("INSERT INTO location (warehouse_id, code, name, type) VALUES (?, ?, ?, 'STORAGE')")
                .params(warehouseId, warehouse + "-A", "A")
                .update();
        assertThat(inserted).isEqualTo(1);
        assertThatThrownBy(
                        () -> jdbc.sql("INSERT INTO location (warehouse_id, code, name, type) VALUES (?, ?, ?, 'ROOF')")
                                .params(warehouseId, warehouse + "-B", "B")
                                .update())
                .hasMessageContaining("location_type_check")
                .hasMessageNotContaining("invalid");
    }
}
