package org.openvmi.planning.internal;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The database's time in SQL, for what instances compare across each other (ADR 0085): chunk leases and run
 * heartbeats are written and judged by {@code CURRENT_TIMESTAMP}, never an instance's clock, so instances whose
 * clocks are minutes apart agree on them. Only the interval arithmetic differs between PostgreSQL and H2; which of
 * the two it is ({@link #postgres()}) is asked once here for the repositories that write their SQL per database.
 */
@Component
class DatabaseClock {

    private final boolean postgres;

    DatabaseClock(DataSource dataSource) {
        this.postgres = isPostgres(dataSource);
    }

    boolean postgres() {
        return postgres;
    }

    /**
     * The database's now plus the milliseconds in the named parameter {@code param} (without its colon); a negative
     * value for a time before now (the parameter is bound negative rather than negated in SQL, where H2 would not know
     * its type).
     */
    String plusMillis(String param) {
        return postgres
                ? "CURRENT_TIMESTAMP + :" + param + " * INTERVAL '1 millisecond'"
                : "DATEADD(MILLISECOND, :" + param + ", CURRENT_TIMESTAMP)";
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            return "PostgreSQL"
                    .equalsIgnoreCase(JdbcUtils.extractDatabaseMetaData(
                            dataSource, java.sql.DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            return false;
        }
    }
}
