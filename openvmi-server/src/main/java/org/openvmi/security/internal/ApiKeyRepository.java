package org.openvmi.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openvmi.security.ApiKeyView;
import org.openvmi.shared.cluster.CacheVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    private final JdbcClient jdbc;
    private final CacheVersions cacheVersions;

    ApiKeyRepository(JdbcClient jdbc, CacheVersions cacheVersions) {
        this.jdbc = jdbc;
        this.cacheVersions = cacheVersions;
    }

    public long insert(
            String name, String prefix, String hash, long userId, String createdBy, Instant now, String scopes) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_key (name, key_prefix, key_hash, user_id, created_at, created_by, scopes)
                VALUES (:n, :p, :h, :u, :now, :by, :scopes)""")
                .param("n", name)
                .param("p", prefix)
                .param("h", hash)
                .param("u", userId)
                .param("scopes", scopes)
                .param("now", Timestamp.from(now))
                .param("by", createdBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<ApiKeyView> findAll() {
        return jdbc.sql(SELECT + " ORDER BY k.id DESC")
                .query(ApiKeyRepository::row)
                .list();
    }

    public List<ApiKeyView> findPage(int limit, long offset) {
        return jdbc.sql(SELECT + " ORDER BY k.id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(ApiKeyRepository::row)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single();
    }

    public Optional<ApiKeyView> findById(long id) {
        return jdbc.sql(SELECT + " WHERE k.id = :id")
                .param("id", id)
                .query(ApiKeyRepository::row)
                .optional();
    }

    /** Revokes the key; every instance stops accepting it within a second (ApiKeyOwners). */
    public boolean revoke(long id, Instant now) {
        boolean revoked = jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
        if (revoked) {
            cacheVersions.bump(CacheVersions.API_KEYS);
        }
        return revoked;
    }

    private static ApiKeyView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKeyView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getString("username"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                revoked == null ? null : revoked.toInstant(),
                org.openvmi.security.ApiKeyScope.parseAll(rs.getString("scopes")));
    }

    private static final String SELECT = """
            SELECT k.id AS id, k.name AS name, k.key_prefix AS prefix, u.username AS username,
                   k.created_at AS created_at, k.created_by AS created_by, k.revoked_at AS revoked_at,
                   k.scopes AS scopes
            FROM api_key k JOIN app_user u ON u.id = k.user_id""";
}
