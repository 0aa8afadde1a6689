package org.openvmi.supplier.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.supplier.InvitationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class InvitationRepository {

    /** A stored invitation found by its token. */
    public record Pending(long id, String username, Instant expiresAt, Instant acceptedAt) {}

    private final JdbcClient jdbc;
    private final CatalogRefs refs;

    InvitationRepository(JdbcClient jdbc, CatalogRefs refs) {
        this.jdbc = jdbc;
        this.refs = refs;
    }

    public long insert(
            String username,
            long supplierId,
            String email,
            String tokenHash,
            Instant expiresAt,
            Instant now,
            String by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supplier_invitation (username, supplier_id, email, token_hash, expires_at, created_at, created_by)
                VALUES (:u, :s, :e, :h, :x, :now, :by)""")
                .param("u", username)
                .param("s", supplierId)
                .param("e", email)
                .param("h", tokenHash)
                .param("x", Timestamp.from(expiresAt))
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Locked, so that two uses of one link at once set the password only once. */
    public Optional<Pending> lockByToken(String tokenHash) {
        return jdbc.sql(
                        "SELECT id, username, expires_at, accepted_at FROM supplier_invitation WHERE token_hash = :h FOR UPDATE")
                .param("h", tokenHash)
                .query((rs, n) -> new Pending(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    public Optional<Pending> findByToken(String tokenHash) {
        return jdbc.sql("SELECT id, username, expires_at, accepted_at FROM supplier_invitation WHERE token_hash = :h")
                .param("h", tokenHash)
                .query((rs, n) -> new Pending(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    public boolean accept(long id, Instant now) {
        return jdbc.sql("UPDATE supplier_invitation SET accepted_at = :now WHERE id = :id AND accepted_at IS NULL")
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    public List<InvitationView> recent(int limit, Instant now) {
        return withSupplierCodes(jdbc.sql("SELECT v.* FROM supplier_invitation v ORDER BY v.id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> view(rs, now))
                .list());
    }

    public Optional<InvitationView> find(long id, Instant now) {
        return withSupplierCodes(jdbc.sql("SELECT v.* FROM supplier_invitation v WHERE v.id = :id")
                        .param("id", id)
                        .query((rs, n) -> view(rs, now))
                        .list())
                .stream()
                .findFirst();
    }

    /** The supplier codes from catalog's API (ADR 0052); rows come back with the supplier's id in its place. */
    private List<InvitationView> withSupplierCodes(List<Row> rows) {
        Map<Long, String> codes =
                refs.supplierCodes(rows.stream().map(Row::supplierId).distinct().toList());
        return rows.stream()
                .filter(r -> codes.containsKey(r.supplierId()))
                .map(r -> r.view().apply(codes.get(r.supplierId())))
                .toList();
    }

    private record Row(long supplierId, Function<String, InvitationView> view) {}

    private static Row view(ResultSet rs, Instant now) throws SQLException {
        Instant expires = rs.getTimestamp("expires_at").toInstant();
        Timestamp accepted = rs.getTimestamp("accepted_at");
        String status = accepted != null ? "ACCEPTED" : expires.isBefore(now) ? "EXPIRED" : "OPEN";
        long id = rs.getLong("id");
        String username = rs.getString("username");
        String email = rs.getString("email");
        Instant created = rs.getTimestamp("created_at").toInstant();
        String by = rs.getString("created_by");
        Instant acceptedAt = accepted == null ? null : accepted.toInstant();
        return new Row(
                rs.getLong("supplier_id"),
                supplier ->
                        new InvitationView(id, username, supplier, email, expires, created, by, acceptedAt, status));
    }
}
