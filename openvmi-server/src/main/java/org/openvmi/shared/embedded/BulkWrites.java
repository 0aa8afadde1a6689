package org.openvmi.shared.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a bulk job of many small transactions (the demo seeder: ~1,500 commits) run on the embedded H2 file without a
 * file write per commit. With {@code WRITE_DELAY=0} (the URL, ADR 0003/0016) every commit serializes the pages it
 * changed into a new chunk before it is acknowledged; that was the largest single cost of seeding the demo on a fresh
 * data folder. During {@link #during} H2's background writer stores the changes every {@link #DELAY_MS} ms instead;
 * afterwards the delay is 0 again and everything is stored before the job counts as done, so normal
 * operation keeps its durability (a commit acknowledged after the job survives kill -9). A job killed half-way loses
 * at most its last {@link #DELAY_MS} ms — for the demo seeder, whose interrupted seeding leaves a database that is
 * not seeded again anyway (ADR 0032), no difference. The setting is the engine's (not {@code SET WRITE_DELAY}, which
 * would be stored in the database) and applies to every session while the job runs.
 */
public class BulkWrites {

    static final int DELAY_MS = 500;

    private static final Logger log = LoggerFactory.getLogger(BulkWrites.class);

    private final DataSource dataSource;
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

    public BulkWrites(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Without an embedded H2 file (PostgreSQL, H2 in memory) this only runs the work. */
    public static <T> T during(BulkWrites writes, Supplier<T> work) {
        return writes == null ? work.get() : writes.during(work);
    }

    public <T> T during(Supplier<T> work) {
        boolean deferred = writeDelay(DELAY_MS);
        if (deferred) {
            if (running.getAndIncrement() == 0) {
                enlargeCache();
            }
        }
        try {
            return work.get();
        } finally {
            if (deferred) {
                if (running.decrementAndGet() == 0) {
                    restoreCache();
                }
                if (writeDelay(0)) {
                    flush();
                }
            }
        }
    }

    /**
     * The page cache during the job, in MB: H2's default of 16 MB holds a fraction of what the demo year writes
     * (~100 MB), so the job read pages it had just written back from the file (4 % of the seeder's samples). At most
     * an eighth of the heap.
     */
    static int bulkCacheMb() {
        return (int) Math.max(16, Math.min(BULK_CACHE_MB, Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024)));
    }

    static final int BULK_CACHE_MB = 256;

    /** The cache size before the job (MB), to go back to; 0 while no job runs. */
    private volatile int cacheMbBefore;

    private void enlargeCache() {
        withStore(store -> {
            int before = store.getMvStore().getCacheSize();
            if (before < bulkCacheMb()) {
                cacheMbBefore = before;
                // H2's Store takes KB, its MVStore answers MB; setting it empties the cache
                store.setCacheSize(bulkCacheMb() * 1024);
            }
        });
    }

    private void restoreCache() {
        int before = cacheMbBefore;
        if (before > 0) {
            cacheMbBefore = 0;
            withStore(store -> store.setCacheSize(before * 1024));
        }
    }

    private void withStore(java.util.function.Consumer<org.h2.mvstore.db.Store> action) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = databaseOf(connection);
            if (database != null && database.getStore() != null) {
                action.accept(database.getStore());
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not change the embedded database's page cache: {}", e.toString());
        }
    }

    /**
     * Whether a bulk job runs with deferred writes: H2's background writer then compacts the file itself
     * ({@code AUTO_COMPACT_FILL_RATE} in the URL), so {@link EmbeddedStoreMaintenance} skips its rounds meanwhile.
     */
    boolean running() {
        return running.get() > 0;
    }

    private boolean writeDelay(int millis) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = databaseOf(connection);
            if (database == null
                    || database.getStore() == null
                    || database.getStore().getMvStore().getFileStore() == null) {
                return false;
            }
            database.setWriteDelay(millis);
            return true;
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not set the embedded database's write delay to {} ms: {}", millis, e.toString());
            return false;
        }
    }

    private void flush() {
        try (Connection connection = dataSource.getConnection()) {
            Database database = databaseOf(connection);
            if (database != null && database.getStore() != null) {
                // stores what the background writer has not yet, as a commit with WRITE_DELAY=0 would
                database.getStore().flush();
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not flush the embedded database after a bulk job: {}", e.toString());
        }
    }

    private static Database databaseOf(Connection connection) throws SQLException {
        // H2's own engine objects, as for compaction (EmbeddedStoreMaintenance): the write delay of a running
        // database has no SQL command that is not also stored as a setting
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        return session.getDatabase();
    }
}
