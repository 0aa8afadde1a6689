package org.openvmi.shared.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.H2FileTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On the embedded H2 file a bulk job's commits are left to H2's background writer, and afterwards every commit is
 * written before it is acknowledged again (WRITE_DELAY=0, ADR 0016), with nothing of the job left unwritten.
 */
@H2FileTest
class BulkWritesTest {

    @Autowired
    BulkWrites bulkWrites;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void commits_during_a_bulk_job_are_deferred_and_all_written_when_it_ends() throws Exception {
        assertThat(store().getAutoCommitDelay()).as("the URL's WRITE_DELAY=0").isZero();
        jdbc.sql("CREATE TABLE IF NOT EXISTS bulk_writes_probe (n INT)").update();
        long before = store().getCurrentVersion();
        int cacheBefore = store().getCacheSize();
        assertThat(cacheBefore).as("H2's default page cache (MB)").isLessThan(BulkWrites.bulkCacheMb());

        String answer = bulkWrites.during(() -> {
            assertThat(store().getAutoCommitDelay()).isEqualTo(BulkWrites.DELAY_MS);
            assertThat(store().getCacheSize()).as("a larger page cache").isEqualTo(BulkWrites.bulkCacheMb());
            for (int i = 0; i < 20; i++) {
                jdbc.sql("INSERT INTO bulk_writes_probe (n) VALUES (:n)")
                        .param("n", i)
                        .update();
            }
            // not a stored version per commit: 20 commits, at most the background writer's few stores
            assertThat(store().getCurrentVersion() - before).isLessThan(20);
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(store().getAutoCommitDelay()).isZero();
        assertThat(store().getCacheSize()).as("the page cache as before").isEqualTo(cacheBefore);
        assertThat(store().hasUnsavedChanges())
                .as("the job's commits are in the file")
                .isFalse();
        long version = store().getCurrentVersion();
        jdbc.sql("DELETE FROM bulk_writes_probe").update();
        assertThat(store().getCurrentVersion())
                .as("a commit after the job is stored at once")
                .isGreaterThan(version);
        assertThat(store().hasUnsavedChanges()).isFalse();
    }

    @Test
    void a_failing_job_restores_the_write_delay_too() throws Exception {
        assertThatThrownBy(() -> bulkWrites.during(() -> {
                    throw new IllegalStateException("half-way");
                }))
                .hasMessage("half-way");
        assertThat(store().getAutoCommitDelay()).isZero();
        assertThat(store().getCacheSize()).isLessThan(BulkWrites.bulkCacheMb());
    }

    private MVStore store() {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session =
                    (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            return session.getDatabase().getStore().getMvStore();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
