package org.openvmi.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} inside a use case's transaction, over a feature's own request table (columns
 * idempotency_key, operation, request_hash, response_json, created_at): the first request with a key runs and its
 * answer is stored under the key; a retry with the same operation and body gets that answer and changes nothing; the
 * same key with another body is 422. Two concurrent first requests: the second insert fails on the primary key, the
 * caller runs its use case again and then replays.
 */
public final class IdempotentRequests {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final String table;

    /** {@code table} is a constant of the calling feature, never user input. */
    public IdempotentRequests(JdbcClient jdbc, JsonMapper json, Clock clock, String table) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.table = table;
    }

    /** Runs {@code useCase} once per key (trimmed, checked by {@link IdempotencyKeys}); without a key it simply runs. */
    public <T> T once(String rawKey, String operation, Object request, Class<T> answerType, Supplier<T> useCase) {
        String key = IdempotencyKeys.normalise(rawKey);
        if (key == null) {
            return useCase.get();
        }
        String hash = hash(operation, request);
        record Stored(String hash, String answer) {}
        var stored = jdbc.sql("SELECT request_hash, response_json FROM " + table + " WHERE idempotency_key = :k")
                .param("k", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2)))
                .optional();
        if (stored.isPresent()) {
            if (!stored.get().hash().equals(hash)) {
                throw new BusinessRuleException(
                        "Idempotency-Key", "Idempotency-Key '" + key + "' was already used for a different request");
            }
            return json.readValue(stored.get().answer(), answerType);
        }
        T answer = useCase.get();
        jdbc.sql("INSERT INTO " + table + " (idempotency_key, operation, request_hash, response_json, created_at) "
                        + "VALUES (:k, :op, :h, :r, :now)")
                .param("k", key)
                .param("op", operation)
                .param("h", hash)
                .param("r", json.writeValueAsString(answer))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return answer;
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
