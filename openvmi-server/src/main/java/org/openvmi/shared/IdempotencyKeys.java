package org.openvmi.shared;

/**
 * The one check of an {@code Idempotency-Key} header, for every use case that reads it (movements, stock documents,
 * consignment). The key is stored in a VARCHAR(200) primary or unique key: a longer key used to fail on the insert
 * after the use case had run (500), and a non-ASCII or control character is not something a client generates on
 * purpose (RFC 9110 header values are visible ASCII in practice), so both are refused up front with a 400.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {}

    /** The trimmed key, or null when none was sent (absent or blank); 400 naming the header when it is unusable. */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String key = raw.trim();
        if (key.length() > MAX_LENGTH) {
            throw InvalidInputException.of(HEADER, "at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw InvalidInputException.of(
                        HEADER, "only printable ASCII characters (no control or non-ASCII characters)");
            }
        }
        return key;
    }
}
