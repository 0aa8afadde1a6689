package org.openvmi.inventory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.validation.Validator;

import org.openvmi.inventory.internal.PostingEngine;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.IdempotencyKeys;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts stock movements. A posting is one transaction: every line or none. Deadlocks and serialization failures are
 * retried here and never reach a client; a retry with the same idempotency key returns the first answer and posts
 * nothing again.
 */
@Service
public class InventoryLedger {

    private static final int MAX_ATTEMPTS = 8;

    private final PostingEngine engine;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Validator validator;

    InventoryLedger(PostingEngine engine, PlatformTransactionManager transactionManager, JsonMapper json, Validator validator) {
        this.validator = validator;
        this.engine = engine;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    /** Posts lines of the types people and integrations may post directly (not transfers, counts, ownership). */
    public PostingResult post(PostingRequest request, String idempotencyKey) {
        String key = IdempotencyKeys.normalise(idempotencyKey);
        refuseInvalid(request);
        String hash = key == null ? null : hash(request);
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> engine.replay(key, hash)
                        .orElseGet(() -> engine.apply(lines(request), key, hash, false)));
            } catch (DuplicateKeyException | TransientDataAccessException e) {
                // a concurrent posting with the same key committed first, or the database chose us as a deadlock
                // victim: run again; the replay then answers with the first result
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                backoff(attempt);
            }
        }
    }

    /**
     * Posts lines of any type inside the caller's transaction, for the documents of this and other features
     * (transfers, counts, consignment). The caller retries its whole transaction on concurrency failures.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PostingResult postInternal(List<MovementRequest> lines) {
        return engine.apply(lines, null, null, true);
    }

    /**
     * Checks lines of any type without writing anything (an import's row report before its posting): the 400 naming
     * every bad field as {@code lines[i].field}, or nothing.
     */
    public void checkInternal(List<MovementRequest> lines) {
        engine.check(lines, true);
    }

    /**
     * Column sizes and NUMERIC bounds (Bean Validation on the request) are checked before anything is written; when a
     * line breaks one, the other lines' problems (unknown item, location …) are named in the same answer, as before.
     */
    private void refuseInvalid(PostingRequest request) {
        List<FieldErrors.FieldError> invalid = RequestValidation.violations(validator, request);
        if (invalid.isEmpty()) {
            return;
        }
        List<FieldErrors.FieldError> all = new ArrayList<>(invalid);
        try {
            engine.check(lines(request));
        } catch (InvalidInputException e) {
            e.errors().stream().filter(other -> all.stream().noneMatch(f -> f.field().equals(other.field())))
                    .forEach(all::add);
        }
        throw new InvalidInputException(all);
    }

    private static List<MovementRequest> lines(PostingRequest request) {
        return request == null ? null : request.lines();
    }

    private String hash(PostingRequest request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(50, (long) attempt * attempt * 2) + (long) (Math.random() * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
