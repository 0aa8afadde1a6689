package org.openvmi.consignment;

import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.H2TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode shows consignment too: S001's agreement, a received shipment and one consumption with its settlement. */
@SpringBootTest(properties = {"openvmi.demo-data=true", "openvmi.security.bcrypt-strength=4"})
@ContextConfiguration(initializers = H2TestDatabase.class)
class VmiDemoSeedTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_demo_supplier_S001_has_an_agreement_stock_in_its_vmi_zone_and_a_settlement_line() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vmi_agreement").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM vmi_shipment").query(String.class).single()).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("SELECT SUM(qty) FROM vmi_settlement_line").query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("450");
    }
}
