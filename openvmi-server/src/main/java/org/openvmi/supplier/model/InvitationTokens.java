package org.openvmi.supplier.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One-time invitation links: 32 random bytes as the token, only its SHA-256 stored (a database copy cannot be used to
 * sign in), and the rule of when a link may still be used.
 */
public final class InvitationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a link cannot be used, or null when it can. */
    public enum Refusal {
        USED,
        EXPIRED
    }

    private InvitationTokens() {}

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Refusal check(Instant expiresAt, Instant acceptedAt, Instant now) {
        if (acceptedAt != null) {
            return Refusal.USED;
        }
        return now.isAfter(expiresAt) ? Refusal.EXPIRED : null;
    }
}
