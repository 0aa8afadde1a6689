package org.openvmi.inventory;

import jakarta.validation.Validator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.openvmi.inventory.internal.KeyGate;
import org.openvmi.inventory.internal.LineResolver;
import org.openvmi.inventory.internal.PostingCoalescer;
import org.openvmi.inventory.internal.PostingEngine;
import org.openvmi.shared.ConcurrencyRetry;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.IdempotencyKeys;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.dao.DuplicateKeyException;
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

    private final PostingEngine engine;
    private final KeyGate gate;
    private final PostingCoalescer coalescer;
    private final LineResolver resolver;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Validator validator;
    // a concurrent posting with the same key committed first, or a concurrent creator of the same balance row: run
    // again; the replay then answers with the first result
    private final ConcurrencyRetry retry =
            ConcurrencyRetry.of(ConcurrencyRetry.DEFAULT_ATTEMPTS).alsoOn(DuplicateKeyException.class);

    InventoryLedger(
            PostingEngine engine,
            KeyGate gate,
            PostingCoalescer coalescer,
            LineResolver resolver,
            PlatformTransactionManager transactionManager,
            JsonMapper json,
            Validator validator) {
        this.validator = validator;
        this.engine = engine;
        this.gate = gate;
        this.coalescer = coalescer;
        this.resolver = resolver;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    /**
     * Posts what people and integrations send (REST, scan page): codes, only the types posted directly (not
     * transfers, counts, ownership, opening balances), no consumption of consignment stock.
     */
    public PostingResult post(PostingRequest request, String idempotencyKey) {
        String key = IdempotencyKeys.normalise(idempotencyKey);
        refuseInvalid(request);
        String hash = key == null ? null : hash(request);
        // a posting of one stock key queues for it here, not on the balance row's lock in the database, and runs in one
        // transaction with the others queued for it (ADR 0092, 0098; openvmi.inventory.key-gate=coalesce, the default)
        List<MovementRequest> lines = lines(request);
        return coalescer.post(
                lines,
                key,
                hash,
                () -> gate.around(
                        lines,
                        () -> retry.run(() -> transactions.execute(status -> engine.replay(key, hash)
                                .orElseGet(() -> engine.apply(resolver.fromCodes(lines), key, hash))))));
    }

    /**
     * Posts what integrations send (codes, the types of {@link #post}) inside the caller's transaction, without an
     * idempotency key: the caller (the inbound documents of ADR 0063) keeps its own key per source document in the
     * same transaction and retries the whole of it on concurrency failures.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PostingResult postWithin(PostingRequest request) {
        refuseInvalid(request);
        return engine.apply(resolver.fromCodes(lines(request)), null, null);
    }

    /**
     * Posts the lines of a feature's document (receipt, shipment, consumption, transfer, count, ownership transfer,
     * opening balance) inside the caller's transaction, by id and of any type: the use case decides which types it
     * posts. The caller retries its whole transaction on concurrency failures.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PostingResult record(List<LedgerLine> lines) {
        return engine.apply(resolver.fromLines(lines), null, null);
    }

    /**
     * Checks lines as {@link #record} would, without writing anything (an import's row report before its posting):
     * the 400 naming every bad field as {@code lines[i].field}, or nothing.
     */
    public void check(List<LedgerLine> lines) {
        resolver.fromLines(lines);
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
            resolver.fromCodes(lines(request));
        } catch (InvalidInputException e) {
            e.errors().stream()
                    .filter(other -> all.stream().noneMatch(f -> f.field().equals(other.field())))
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
}
