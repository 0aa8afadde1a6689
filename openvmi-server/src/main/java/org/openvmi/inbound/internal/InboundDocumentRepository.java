package org.openvmi.inbound.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.openvmi.inbound.InboundKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per posted source document, keyed by kind, party (OWN for the buyer side, a supplier's code for its stock
 * reports) and source id. The row is claimed first, in the posting's transaction: a concurrent twin waits on the key
 * until the first commits, then fails on it and is run again, and then finds the stored result.
 */
@Repository
public class InboundDocumentRepository {

    /** The stored request hash and result (null while the claiming transaction has not finished). */
    public record Stored(String requestHash, String resultJson) {}

    private final JdbcClient jdbc;

    InboundDocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(InboundKind kind, String party, String sourceId) {
        return jdbc.sql("""
                SELECT request_hash, result_json FROM inbound_document
                WHERE kind = :k AND party = :p AND source_id = :s""")
                .param("k", kind.name())
                .param("p", party)
                .param("s", sourceId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** Throws DuplicateKeyException when the document was claimed by a transaction that committed meanwhile. */
    public void claim(InboundKind kind, String party, String sourceId, String hash, String user, Instant now) {
        jdbc.sql("""
                INSERT INTO inbound_document (kind, party, source_id, request_hash, posted_by, posted_at)
                VALUES (:k, :p, :s, :h, :u, :now)""")
                .param("k", kind.name())
                .param("p", party)
                .param("s", sourceId)
                .param("h", hash)
                .param("u", user)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void store(InboundKind kind, String party, String sourceId, String resultJson) {
        jdbc.sql("""
                UPDATE inbound_document SET result_json = :r
                WHERE kind = :k AND party = :p AND source_id = :s""")
                .param("r", resultJson)
                .param("k", kind.name())
                .param("p", party)
                .param("s", sourceId)
                .update();
    }
}
