package org.openvmi.security;

import java.time.Instant;

/**
 * An API key as listed: never its secret, which is shown once when created. {@code scopes} limit what it may call
 * (null: every right of its user).
 */
public record ApiKeyView(
        long id,
        String name,
        String prefix,
        String username,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        java.util.Set<ApiKeyScope> scopes) {

    public boolean active() {
        return revokedAt == null;
    }
}
