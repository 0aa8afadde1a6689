package org.openvmi.consignment.internal;

import java.time.Clock;
import java.util.function.Supplier;
import org.openvmi.shared.IdempotentRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} inside a consignment use case's transaction, stored in {@code vmi_request}; see
 * {@link IdempotentRequests} for the rules. A concurrent first request is run again by {@link UseCases}.
 */
@Component
public class Idempotency {

    private final IdempotentRequests requests;

    Idempotency(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.requests = new IdempotentRequests(jdbc, json, clock, "vmi_request");
    }

    public <T> T once(String key, String operation, Object request, Class<T> answerType, Supplier<T> useCase) {
        return requests.once(key, operation, request, answerType, useCase);
    }
}
