package org.openvmi.shared.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the embedded H2 file in proportion to its data. With {@code WRITE_DELAY=0} (needed so that an acknowledged
 * commit is on disk, ADR 0003) H2 does not start the MVStore's background writer, and that thread is also what
 * rewrites sparse chunks: without it every commit leaves a chunk that keeps a few live pages, and the file grew to
 * 4 GB for 220,000 movements (chunks 4 % live). This job does the background writer's compaction on a schedule
 * instead; RETENTION_TIME=0 in the URL lets the freed space be reused at once (ADR 0016).
 */
public class EmbeddedStoreMaintenance {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreMaintenance.class);

    private final DataSource dataSource;
    private final BulkWrites bulkWrites;
    private final int targetFillRate;
    private final int maxRewriteBytes;

    EmbeddedStoreMaintenance(DataSource dataSource, BulkWrites bulkWrites, int targetFillRate, int maxRewriteBytes) {
        this.dataSource = dataSource;
        this.bulkWrites = bulkWrites;
        this.targetFillRate = targetFillRate;
        this.maxRewriteBytes = maxRewriteBytes;
    }

    @Scheduled(
            initialDelayString = "${openvmi.embedded.compact-interval:10s}",
            fixedDelayString = "${openvmi.embedded.compact-interval:10s}")
    public void compact() {
        if (bulkWrites != null && bulkWrites.running()) {
            // H2's background writer runs during a bulk job and compacts as it stores (the demo seeding spent a fifth
            // of its CPU in these rounds besides); the first round after the job catches up
            return;
        }
        try {
            compactOnce();
        } catch (RuntimeException | SQLException e) {
            // a skipped round only lets the file grow a little more until the next one
            log.warn("Compaction of the embedded database skipped: {}", e.toString());
        }
    }

    /** Rewrites the live pages of chunks below the target fill rate; returns whether it rewrote any. */
    public boolean compactOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = storeOf(connection);
            if (store == null || store.isClosed() || store.getFileStore() == null) {
                return false;
            }
            boolean rewritten = false;
            // the share of live data in the chunks (not the file's share used by chunks, which stays high): a
            // few bounded rounds per call, so that a burst of commits is caught up within a minute or two
            for (int round = 0; round < 8 && store.getFileStore().getChunksFillRate() < targetFillRate; round++) {
                if (!store.compact(targetFillRate, maxRewriteBytes)) {
                    break;
                }
                rewritten = true;
            }
            return rewritten;
        }
    }

    private static MVStore storeOf(Connection connection) throws SQLException {
        // H2's own engine objects: the embedded database runs in this JVM, and compaction has no SQL command
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        var store = session.getDatabase().getStore();
        return store == null ? null : store.getMvStore();
    }
}
