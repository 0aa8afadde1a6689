package org.openvmi.consignment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.openvmi.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} inside a consignment use case's transaction: the first request with a key runs and its
 * answer is stored under the key; a retry with the same operation and body gets that answer and changes nothing; the
 * same key with another body is 422. Two concurrent first requests: the second insert fails on the primary key, the
 * use case runs again (see {@link UseCases}) and then replays.
 */
@Component
public class Idempotency {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public <T> T once(String key, String operation, Object request, Class<T> answerType, Supplier<T> useCase) {
        if (key == null || key.isBlank()) {
            return useCase.get();
        }
        String k = key.trim();
        if (k.length() > 200) {
            throw new BusinessRuleException("Idempotency-Key", "at most 200 characters");
        }
        String hash = hash(operation, request);
        record Stored(String hash, String answer) {
        }
        var stored = jdbc.sql("SELECT request_hash, response_json FROM vmi_request WHERE idempotency_key = :k")
                .param("k", k).query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
        if (stored.isPresent()) {
            if (!stored.get().hash().equals(hash)) {
                throw new BusinessRuleException("Idempotency-Key",
                        "Idempotency-Key '" + k + "' was already used for a different request");
            }
            return json.readValue(stored.get().answer(), answerType);
        }
        T answer = useCase.get();
        jdbc.sql("""
                INSERT INTO vmi_request (idempotency_key, operation, request_hash, response_json, created_at)
                VALUES (:k, :op, :h, :r, :now)""")
                .param("k", k).param("op", operation).param("h", hash).param("r", json.writeValueAsString(answer))
                .param("now", Sql.ts(clock.instant())).update();
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
