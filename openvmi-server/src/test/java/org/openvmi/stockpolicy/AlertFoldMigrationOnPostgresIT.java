package org.openvmi.stockpolicy;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openvmi.testsupport.PostgresAvailable;
import org.openvmi.testsupport.PostgresTestDatabase;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link AlertFoldMigrationContract} on a database of its own on the PostgreSQL test server, dropped afterwards. */
@ExtendWith(PostgresAvailable.class)
class AlertFoldMigrationOnPostgresIT extends AlertFoldMigrationContract {

    private String database;

    @Override
    DataSource freshDatabase() {
        database = PostgresTestDatabase.createDatabase();
        return new DriverManagerDataSource(
                PostgresTestDatabase.url(database), PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }

    @AfterEach
    void drop() {
        if (database != null) {
            PostgresTestDatabase.dropDatabase(database);
        }
    }
}
