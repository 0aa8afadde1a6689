package org.openvmi.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openvmi.security.OpenVmiUser;
import org.openvmi.security.Role;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.SortColumns;
import org.openvmi.shared.cluster.CacheVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;
    private final CacheVersions cacheVersions;

    UserRepository(JdbcClient jdbc, CacheVersions cacheVersions) {
        this.jdbc = jdbc;
        this.cacheVersions = cacheVersions;
    }

    /** A user with its lock state as of {@code now}. */
    public Optional<OpenVmiUser> findByUsername(String username, Instant now) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = :u")
                .param("u", username)
                .query((rs, i) -> row(rs, now))
                .optional();
    }

    public Optional<OpenVmiUser> findByApiKeyHash(String keyHash, Instant now) {
        return jdbc.sql("""
                SELECT u.* FROM api_key k JOIN app_user u ON u.id = k.user_id
                WHERE k.key_hash = :h AND k.revoked_at IS NULL""").param("h", keyHash).query((rs, i) -> row(rs, now)).optional();
    }

    /** The user of an active key and the key's scopes (null: unrestricted), in one indexed lookup. */
    public record KeyOwner(OpenVmiUser user, java.util.Set<org.openvmi.security.ApiKeyScope> scopes) {}

    public Optional<KeyOwner> findKeyOwner(String keyHash, Instant now) {
        return jdbc.sql("""
                SELECT u.*, k.scopes AS key_scopes FROM api_key k JOIN app_user u ON u.id = k.user_id
                WHERE k.key_hash = :h AND k.revoked_at IS NULL""")
                .param("h", keyHash)
                .query((rs, i) -> new KeyOwner(
                        row(rs, now), org.openvmi.security.ApiKeyScope.parseAll(rs.getString("key_scopes"))))
                .optional();
    }

    public List<OpenVmiUser> findAll(Instant now) {
        return jdbc.sql("SELECT * FROM app_user ORDER BY username")
                .query((rs, i) -> row(rs, now))
                .list();
    }

    /** The user list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "username",
            "id",
            "username",
            "username",
            "name",
            "display_name",
            "supplier",
            "supplier_code",
            "enabled",
            "enabled");

    public List<OpenVmiUser> findPage(PageRequest page, Instant now) {
        return jdbc.sql("SELECT * FROM app_user" + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, i) -> row(rs, now))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    public long insert(
            String username,
            String passwordHash,
            String displayName,
            String roles,
            Long supplierId,
            String supplierCode,
            String email,
            String language,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, roles, supplier_id, supplier_code, email,
                                      preferred_language, created_at)
                VALUES (:u, :p, :d, :r, :sid, :scode, :email, :lang, :now)""")
                .param("u", username)
                .param("p", passwordHash)
                .param("d", displayName)
                .param("r", roles)
                .param("sid", supplierId)
                .param("scode", supplierCode)
                .param("email", email)
                .param("lang", language)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(
            long id,
            String displayName,
            String roles,
            Long supplierId,
            String supplierCode,
            boolean enabled,
            String email,
            String language) {
        jdbc.sql("""
                UPDATE app_user SET display_name = :d, roles = :r, supplier_id = :sid, supplier_code = :scode,
                       enabled = :e, email = :email, preferred_language = :lang, version = version + 1 WHERE id = :id""")
                .param("d", displayName)
                .param("r", roles)
                .param("sid", supplierId)
                .param("scode", supplierCode)
                .param("e", enabled)
                .param("email", email)
                .param("lang", language)
                .param("id", id)
                .update();
        // roles, supplier binding and the enabled flag decide what the user's API keys may do (ApiKeyOwners)
        cacheVersions.bump(CacheVersions.API_KEYS);
    }

    /** The user's own time zone (an IANA zone ID), empty when it has none (or no such user). */
    public java.util.Optional<String> timeZone(String username) {
        return jdbc.sql("SELECT time_zone FROM app_user WHERE username = :u")
                .param("u", username)
                .query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(z -> z);
    }

    /** The chosen time zones of these users, by username (users without one are absent). */
    public java.util.Map<String, String> timeZones(java.util.Collection<String> usernames) {
        java.util.Map<String, String> zones = new java.util.HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("SELECT username, time_zone FROM app_user WHERE username IN (:u) AND time_zone IS NOT NULL")
                    .param("u", usernames)
                    .query((rs, i) -> zones.put(rs.getString(1), rs.getString(2)))
                    .list();
        }
        return zones;
    }

    /** Sets (null: clears) the user's own time zone; false when there is no such user. */
    public boolean setTimeZone(String username, String zone) {
        return jdbc.sql("UPDATE app_user SET time_zone = :z WHERE username = :u")
                        .param("z", zone)
                        .param("u", username)
                        .update()
                == 1;
    }

    public void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :p, failed_attempts = 0, locked_until = NULL WHERE id = :id")
                .param("p", passwordHash)
                .param("id", id)
                .update();
    }

    /** Counts one failed login; returns the new count of consecutive failures. */
    public int recordFailure(String username) {
        jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE username = :u")
                .param("u", username)
                .update();
        return jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    public void lockUntil(String username, Instant until) {
        jdbc.sql("UPDATE app_user SET locked_until = :t, failed_attempts = 0 WHERE username = :u")
                .param("t", Timestamp.from(until))
                .param("u", username)
                .update();
        cacheVersions.bump(CacheVersions.API_KEYS); // a locked user's API keys stop working too
    }

    private static final String HAS_FAILURES = "(failed_attempts <> 0 OR locked_until IS NOT NULL)";

    /** Whether a failed login is still counted or a lock is set (the common case, none, needs no write). */
    public boolean hasFailures(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u AND " + HAS_FAILURES)
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void resetFailures(String username) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = :u AND " + HAS_FAILURES)
                .param("u", username)
                .update();
    }

    private static OpenVmiUser row(ResultSet rs, Instant now) throws SQLException {
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        long supplierId = rs.getLong("supplier_id");
        return new OpenVmiUser(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                Role.parseAll(rs.getString("roles")),
                rs.wasNull() ? null : supplierId,
                rs.getString("supplier_code"),
                rs.getBoolean("enabled"),
                lockedUntil != null && lockedUntil.toInstant().isAfter(now),
                rs.getString("email"),
                rs.getString("preferred_language"));
    }
}
