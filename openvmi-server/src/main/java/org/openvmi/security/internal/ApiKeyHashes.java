package org.openvmi.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** API keys are random and long, so a fast hash is enough to store them (no password hash per request). */
public final class ApiKeyHashes {

    /**
     * A fresh digest is cloned from this one: {@code MessageDigest.getInstance} looked the provider up on every API
     * request (ADR 0081). The prototype itself is never updated, so clones start empty.
     */
    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiKeyHashes() {}

    public static String sha256(String secret) {
        return HexFormat.of().formatHex(digest().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
