package org.openvmi.inventory.internal;

import java.time.Clock;
import java.util.function.Supplier;
import org.openvmi.shared.IdempotentRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for the write endpoints of stock documents (transfers, reservations), stored in
 * {@code stock_document_request}; see {@link IdempotentRequests} for the rules.
 */
@Component
public class DocumentIdempotency {

    private final IdempotentRequests requests;

    DocumentIdempotency(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.requests = new IdempotentRequests(jdbc, json, clock, "stock_document_request");
    }

    public <T> T once(String key, String operation, Object request, Class<T> answerType, Supplier<T> useCase) {
        return requests.once(key, operation, request, answerType, useCase);
    }
}
