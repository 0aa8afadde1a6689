package org.openvmi.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files of the imports applied once per file, by entity and SHA-256 of their bytes. */
@Repository
public class ImportFileRepository {

    private final JdbcClient jdbc;

    ImportFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of rows the earlier import of the same bytes wrote, if there was one. */
    public Optional<Integer> rowsOf(String entity, String contentHash) {
        return jdbc.sql("SELECT rows_imported FROM import_file WHERE entity = :e AND content_hash = :h")
                .param("e", entity)
                .param("h", contentHash)
                .query(Integer.class)
                .optional();
    }

    /** Records an applied file; a concurrent import of the same file fails here on the unique key and rolls back. */
    public void record(String entity, String contentHash, String fileName, int rows, String user, Instant at) {
        jdbc.sql("""
                INSERT INTO import_file (entity, content_hash, file_name, rows_imported, username, imported_at)
                VALUES (:e, :h, :f, :r, :u, :t)""")
                .param("e", entity)
                .param("h", contentHash)
                .param("f", fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .param("r", rows)
                .param("u", user)
                .param("t", Timestamp.from(at))
                .update();
    }
}
