package org.openvmi.security;

import java.util.List;
import java.util.Optional;
import org.openvmi.shared.Pick;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user picker (approvers, invitations): enabled buyer-side users by user name or display name. ADMIN only. */
@Service
public class UserPicks {

    private final JdbcClient jdbc;

    UserPicks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Pick> find(String text) {
        return jdbc.sql("""
                        SELECT username, display_name FROM app_user
                        WHERE enabled AND supplier_id IS NULL
                          AND (LOWER(username) LIKE :q ESCAPE '\\' OR LOWER(display_name) LIKE :q ESCAPE '\\')
                        ORDER BY username FETCH FIRST""" + " " + Pick.LIMIT + " ROWS ONLY")
                .param("q", Pick.containing(text))
                .query((rs, n) -> new Pick(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)))
                .list();
    }

    /** The user name of a user typed by its display name; empty when it is a user name or not exactly one user's. */
    @Transactional(readOnly = true)
    public Optional<String> usernameFor(String text) {
        if (text == null
                || text.isBlank()
                || !jdbc.sql("SELECT username FROM app_user WHERE username = :t")
                        .param("t", text.trim())
                        .query(String.class)
                        .list()
                        .isEmpty()) {
            return Optional.empty();
        }
        List<String> names = jdbc.sql("SELECT username FROM app_user WHERE display_name = :t AND supplier_id IS NULL")
                .param("t", text.trim())
                .query(String.class)
                .list();
        return names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
    }
}
