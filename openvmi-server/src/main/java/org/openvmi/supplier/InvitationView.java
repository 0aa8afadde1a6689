package org.openvmi.supplier;

import java.time.Instant;

/** An invitation as listed (never its token): OPEN until accepted or expired. */
public record InvitationView(
        long id,
        String username,
        String supplier,
        String email,
        Instant expiresAt,
        Instant createdAt,
        String createdBy,
        Instant acceptedAt,
        String status) {}
