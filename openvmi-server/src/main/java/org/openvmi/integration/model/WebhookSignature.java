package org.openvmi.integration.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * X-OpenVMI-Signature: {@code sha256=} + hex HMAC-SHA256 with the subscription's secret over
 * {@code timestamp + "." + body}, where timestamp is X-OpenVMI-Timestamp (seconds since the epoch). Signing the
 * timestamp lets receivers refuse replays of old deliveries.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time check of a received signature, as a receiver does it. */
    public static boolean verify(String secret, String timestamp, String body, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                        signature.getBytes(StandardCharsets.UTF_8));
    }
}
