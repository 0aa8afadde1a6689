package org.openvmi.security;

import java.time.Instant;

/** An API key as listed: never its secret, which is shown once when created. */
public record ApiKeyView(long id, String name, String prefix, String username, Instant createdAt, String createdBy,
                         Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
