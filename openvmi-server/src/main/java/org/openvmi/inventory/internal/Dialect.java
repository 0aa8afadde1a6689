package org.openvmi.inventory.internal;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database the ledger runs on, for the few statements written per dialect (ADR 0083). */
final class Dialect {

    private Dialect() {}

    static boolean isPostgres(DataSource dataSource) {
        try {
            return "PostgreSQL"
                    .equalsIgnoreCase(
                            JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            return false;
        }
    }
}
