package org.openvmi.procurement.internal;

import java.time.Clock;
import java.util.function.Supplier;
import org.openvmi.shared.IdempotentRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} of procurement's writes (the receiving page's receipt key, the bulk submit, approve and
 * order), stored in {@code proc_request}; see {@link IdempotentRequests} for the rules.
 */
@Component
public class ProcurementRequests {

    private final IdempotentRequests requests;

    ProcurementRequests(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.requests = new IdempotentRequests(jdbc, json, clock, "proc_request");
    }

    public <T> T once(String key, String operation, Object request, Class<T> answerType, Supplier<T> useCase) {
        return requests.once(key, operation, request, answerType, useCase);
    }
}
