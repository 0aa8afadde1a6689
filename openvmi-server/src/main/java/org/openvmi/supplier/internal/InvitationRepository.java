package org.openvmi.supplier.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openvmi.supplier.InvitationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class InvitationRepository {

    /** A stored invitation found by its token. */
    public record Pending(long id, String username, Instant expiresAt, Instant acceptedAt) {
    }

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String username, long supplierId, String email, String tokenHash, Instant expiresAt, Instant now,
                       String by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supplier_invitation (username, supplier_id, email, token_hash, expires_at, created_at, created_by)
                VALUES (:u, :s, :e, :h, :x, :now, :by)""")
                .param("u", username).param("s", supplierId).param("e", email).param("h", tokenHash)
                .param("x", Timestamp.from(expiresAt)).param("now", Timestamp.from(now)).param("by", by)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Locked, so that two uses of one link at once set the password only once. */
    public Optional<Pending> lockByToken(String tokenHash) {
        return jdbc.sql("SELECT id, username, expires_at, accepted_at FROM supplier_invitation WHERE token_hash = :h FOR UPDATE")
                .param("h", tokenHash)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    public Optional<Pending> findByToken(String tokenHash) {
        return jdbc.sql("SELECT id, username, expires_at, accepted_at FROM supplier_invitation WHERE token_hash = :h")
                .param("h", tokenHash)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    public boolean accept(long id, Instant now) {
        return jdbc.sql("UPDATE supplier_invitation SET accepted_at = :now WHERE id = :id AND accepted_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    public List<InvitationView> recent(int limit, Instant now) {
        return jdbc.sql("""
                SELECT v.*, s.code AS supplier_code FROM supplier_invitation v JOIN supplier s ON s.id = v.supplier_id
                ORDER BY v.id DESC LIMIT :limit""").param("limit", limit)
                .query((rs, n) -> view(rs, now)).list();
    }

    public Optional<InvitationView> find(long id, Instant now) {
        return jdbc.sql("""
                SELECT v.*, s.code AS supplier_code FROM supplier_invitation v JOIN supplier s ON s.id = v.supplier_id
                WHERE v.id = :id""").param("id", id).query((rs, n) -> view(rs, now)).optional();
    }

    private static InvitationView view(ResultSet rs, Instant now) throws SQLException {
        Instant expires = rs.getTimestamp("expires_at").toInstant();
        Timestamp accepted = rs.getTimestamp("accepted_at");
        String status = accepted != null ? "ACCEPTED" : expires.isBefore(now) ? "EXPIRED" : "OPEN";
        return new InvitationView(rs.getLong("id"), rs.getString("username"), rs.getString("supplier_code"),
                rs.getString("email"), expires, rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                accepted == null ? null : accepted.toInstant(), status);
    }
}
