package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.openvmi.inventory.InsufficientStockException;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.MovementView;
import org.openvmi.inventory.PostingResult;
import org.openvmi.inventory.model.MovementType;
import org.openvmi.inventory.model.PostingLine;
import org.openvmi.inventory.model.StockKey;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.Decimals;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one posting inside the caller's transaction: idempotency check, moving average cost, balance changes in
 * stock-key order (so concurrent batches never deadlock), then the movements in request order.
 */
@Component
public class PostingEngine {

    /** Balance ids never change once a key exists, so committed ones are cached to save a query per line. */
    private final Map<StockKey, Long> balanceIds = new ConcurrentHashMap<>();

    private final LineResolver resolver;
    private final BalanceRepository balances;
    private final PostingRepository postings;
    private final JsonMapper json;
    private final Clock clock;

    PostingEngine(LineResolver resolver, BalanceRepository balances, PostingRepository postings, JsonMapper json,
                  Clock clock) {
        this.resolver = resolver;
        this.balances = balances;
        this.postings = postings;
        this.json = json;
        this.clock = clock;
    }

    /** The first answer to this key, when the same request was posted before; 422 when the key came with another body. */
    public Optional<PostingResult> replay(String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return postings.findByIdempotencyKey(idempotencyKey).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw new BusinessRuleException("Idempotency-Key",
                        "Idempotency-Key '" + idempotencyKey + "' was already used for a different request");
            }
            return json.readValue(stored.responseJson(), PostingResult.class);
        });
    }

    public PostingResult apply(List<MovementRequest> requests, String idempotencyKey, String requestHash, boolean internal) {
        List<LineResolver.Resolved> lines = resolver.resolve(requests, internal);
        Instant now = clock.instant();
        String user = currentUser();
        long postingId = postings.insert(idempotencyKey, requestHash, user, now);

        updateAverageCosts(lines, now);
        List<Long> ids = applyBalances(lines, now);
        List<Long> movementIds = postings.insertMovements(postingId,
                lines.stream().map(LineResolver.Resolved::line).toList(), ids, user, now);

        List<MovementView> views = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineResolver.Resolved r = lines.get(i);
            PostingLine l = r.line();
            views.add(new MovementView(movementIds.get(i), postingId, l.type().name(), r.item().code(),
                    r.location().warehouse(), r.location().code(), l.key().owner(), l.key().lot().isEmpty() ? null : l.key().lot(),
                    Decimals.plain(l.signedQty()), Decimals.plain(l.unitCost()), l.reference(), l.reason(), user, now));
        }
        PostingResult result = new PostingResult(postingId, views);
        if (idempotencyKey != null) {
            postings.storeResponse(postingId, json.writeValueAsString(result));
        }
        return result;
    }

    private List<Long> applyBalances(List<LineResolver.Resolved> lines, Instant now) {
        Long[] ids = new Long[lines.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> lines.get(i).line().key()));
        Map<StockKey, Long> created = new TreeMap<>();
        for (int i : order) {
            LineResolver.Resolved r = lines.get(i);
            PostingLine line = r.line();
            Long id = balanceIds.get(line.key());
            if (id == null) {
                id = balances.idOf(line.key()).orElse(null);
                if (id == null) {
                    if (line.signedQty().signum() < 0 && !line.allowNegative()) {
                        throw insufficient(r, BigDecimal.ZERO);
                    }
                    id = balances.create(line.key(), line.ownerSupplierId(), now);
                }
                created.put(line.key(), id);
            }
            if (!balances.change(id, line.signedQty(), line.allowNegative(), now)) {
                throw insufficient(r, balances.available(id));
            }
            ids[i] = id;
        }
        rememberAfterCommit(created);
        return List.of(ids);
    }

    /** Receipts of own stock with a price move the item's average cost: (avg·Q + q·p) / (Q + q). */
    private void updateAverageCosts(List<LineResolver.Resolved> lines, Instant now) {
        Map<Long, List<PostingLine>> priced = new TreeMap<>();
        for (LineResolver.Resolved r : lines) {
            PostingLine l = r.line();
            if (l.type() == MovementType.RECEIPT && l.unitCost() != null && l.key().ownStock()) {
                priced.computeIfAbsent(l.key().itemId(), k -> new ArrayList<>()).add(l);
            }
        }
        // item_cost rows are locked in item order and before any balance, so this cannot deadlock with other postings
        priced.forEach((itemId, receipts) -> {
            BigDecimal average = postings.lockAverageCost(itemId);
            boolean exists = average != null;
            BigDecimal onHand = postings.ownOnHand(itemId).max(BigDecimal.ZERO);
            for (PostingLine l : receipts) {
                BigDecimal total = onHand.add(l.signedQty());
                average = average == null || onHand.signum() == 0 ? l.unitCost()
                        : average.multiply(onHand).add(l.signedQty().multiply(l.unitCost()))
                        .divide(total, MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_UP);
                onHand = total;
            }
            postings.saveAverageCost(itemId, average, exists, now);
        });
    }

    private void rememberAfterCommit(Map<StockKey, Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                balanceIds.putAll(ids);
            }
        });
    }

    private static InsufficientStockException insufficient(LineResolver.Resolved r, BigDecimal available) {
        PostingLine l = r.line();
        return new InsufficientStockException(l.index(), r.item().code(), r.location().code(), l.key().owner(),
                l.key().lot(), Decimals.plain(available), Decimals.plain(l.signedQty().negate()));
    }

    private static String currentUser() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
