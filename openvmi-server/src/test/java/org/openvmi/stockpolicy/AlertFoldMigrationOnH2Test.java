package org.openvmi.stockpolicy;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** {@link AlertFoldMigrationContract} on a fresh in-memory H2 database in PostgreSQL mode. */
class AlertFoldMigrationOnH2Test extends AlertFoldMigrationContract {

    /** One connection throughout: H2 evaluated the check constraints with a closed session once Flyway's had gone. */
    @Override
    DataSource freshDatabase() {
        return new SingleConnectionDataSource(
                "jdbc:h2:mem:fold_" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "",
                true);
    }
}
