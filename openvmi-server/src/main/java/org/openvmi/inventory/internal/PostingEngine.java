package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.inventory.InsufficientStockException;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.MovementType;
import org.openvmi.inventory.MovementView;
import org.openvmi.inventory.PostingResult;
import org.openvmi.inventory.StockChanged;
import org.openvmi.inventory.model.PostingLine;
import org.openvmi.inventory.model.StockKey;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.Decimals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one posting of resolved lines ({@link LineResolver}) inside the caller's transaction: the posting row, moving average cost, balance rows of new
 * keys, the movements in request order and the stored answer, and last the balance changes in stock-key order (so
 * concurrent batches never deadlock, and hold their row locks only until the commit).
 */
@Component
public class PostingEngine {

    /** Balance ids never change once a key exists, so committed ones are cached to save a query per line. */
    private final Map<StockKey, Long> balanceIds = new ConcurrentHashMap<>();

    private final BalanceRepository balances;
    private final PostingRepository postings;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CatalogRefs catalog;
    private final KeyGate gate;

    PostingEngine(
            BalanceRepository balances,
            PostingRepository postings,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher events,
            CatalogRefs catalog,
            KeyGate gate) {
        this.catalog = catalog;
        this.gate = gate;
        this.balances = balances;
        this.postings = postings;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** The first answer to this key, when the same request was posted before; 422 when the key came with another body. */
    public Optional<PostingResult> replay(String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return postings.findByIdempotencyKey(idempotencyKey).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw new BusinessRuleException(
                        "Idempotency-Key",
                        "Idempotency-Key '" + idempotencyKey + "' was already used for a different request");
            }
            return json.readValue(stored.responseJson(), PostingResult.class);
        });
    }

    /**
     * The order of the work is chosen for concurrency: the posting, the item cost rows, new balance rows, the movements
     * and the stored answer come first; the balance changes, which lock rows other postings of the same keys wait for,
     * come last, as one batch in stock-key order, so those locks are held for one round trip and the commit.
     */
    public PostingResult apply(List<LineResolver.Resolved> lines, String idempotencyKey, String requestHash) {
        return apply(lines, idempotencyKey, requestHash, true);
    }

    /**
     * The same; {@code reportRefusals} false for a try whose refusal is not the answer (a posting coalesced with others,
     * ADR 0098: refused, it is posted again on its own, and only that refusal counts as refused demand).
     */
    PostingResult apply(
            List<LineResolver.Resolved> lines, String idempotencyKey, String requestHash, boolean reportRefusals) {
        Instant now = clock.instant();
        String user = CurrentUser.name();
        // H2: the posting row first, as always; PostgreSQL: with its movements below, in one statement (ADR 0083)
        boolean oneStatement = postings.writesInOneStatement() && !lines.isEmpty();
        long postingId = oneStatement ? 0 : postings.insert(idempotencyKey, requestHash, user, now);

        updateAverageCosts(lines, now);
        List<Integer> order = keyOrder(lines);
        List<Long> ids = resolveBalances(lines, order, now);
        List<PostingLine> postingLines =
                lines.stream().map(LineResolver.Resolved::line).toList();
        List<Long> movementIds;
        if (oneStatement) {
            PostingRepository.Written written =
                    postings.insertWithMovements(idempotencyKey, requestHash, user, now, postingLines, ids);
            postingId = written.postingId();
            movementIds = written.movementIds();
        } else {
            movementIds = postings.insertMovements(postingId, postingLines, ids, user, now);
        }

        List<MovementView> views = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineResolver.Resolved r = lines.get(i);
            PostingLine l = r.line();
            views.add(new MovementView(
                    movementIds.get(i),
                    postingId,
                    l.type().name(),
                    r.item().code(),
                    r.location().warehouse(),
                    r.location().code(),
                    l.key().owner(),
                    l.key().lot().isEmpty() ? null : l.key().lot(),
                    Decimals.plain(l.signedQty()),
                    Decimals.plain(l.unitCost()),
                    l.reference(),
                    l.reason(),
                    user,
                    now));
        }
        PostingResult result = new PostingResult(postingId, views);
        if (idempotencyKey != null) {
            postings.storeResponse(postingId, json.writeValueAsString(result));
        }
        // everything that needs no lock is done before the balance rows are changed: from that statement to the
        // commit, postings of the same keys wait (the hot key's queue)
        SortedSet<ItemWarehouse> subjects = new TreeSet<>();
        Map<ItemWarehouse, StockChanged.Codes> codes = new HashMap<>();
        for (LineResolver.Resolved r : lines) {
            ItemWarehouse subject =
                    new ItemWarehouse(r.item().id(), r.location().warehouseId());
            subjects.add(subject);
            codes.putIfAbsent(
                    subject,
                    new StockChanged.Codes(
                            r.item().code(), r.location().warehouse(), r.item().uom()));
        }
        StockChanged changed = new StockChanged(subjects, codes);
        if (gate.gatesBalances()) {
            gate.beforeBalances(lines.stream().map(r -> r.line().key()).toList());
        }
        applyBalances(lines, order, ids, now, reportRefusals);
        events.publishEvent(changed);
        return result;
    }

    /** Line indexes sorted by stock key (stable: lines of one key keep their request order). */
    private static List<Integer> keyOrder(List<LineResolver.Resolved> lines) {
        List<Integer> order = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> lines.get(i).line().key()));
        return order;
    }

    /**
     * The balance row of every line's key, creating missing ones in stock-key order (a concurrent creator of the same
     * key makes this throw DuplicateKeyException, and the posting is retried as a whole).
     */
    private List<Long> resolveBalances(List<LineResolver.Resolved> lines, List<Integer> order, Instant now) {
        Long[] ids = new Long[lines.size()];
        Map<StockKey, Long> found = new TreeMap<>();
        for (int i : order) {
            PostingLine line = lines.get(i).line();
            Long id = balanceIds.get(line.key());
            if (id == null) {
                id = found.get(line.key());
            }
            if (id == null) {
                id = balances.idOf(line.key()).orElse(null);
                if (id == null) {
                    id = balances.create(line.key(), line.ownerSupplierId(), now);
                }
                found.put(line.key(), id);
            }
            ids[i] = id;
        }
        rememberAfterCommit(found);
        return List.of(ids);
    }

    /**
     * All balance changes in one batch of conditional statements, in stock-key order. The first refused line (in that
     * order) is reported with what was available to it: the statements after it ran too, so their effect on its key
     * is taken back out of the figure (the transaction is rolled back anyway).
     * <p>
     * Whether a location allows negative stock is catalog's, read in this transaction (never from the resolver's
     * cache) and only where it can matter: before the batch for the removals at locations the cache says allow it,
     * and after a refusal for that one location, in case it was switched on since the cache was filled; then the
     * change is applied as it would have been (ADR 0068). A posting that removes nothing below what is reserved
     * asks catalog nothing.
     */
    private void applyBalances(
            List<LineResolver.Resolved> lines,
            List<Integer> order,
            List<Long> ids,
            Instant now,
            boolean reportRefusals) {
        Set<Long> maybeNegative = new HashSet<>();
        for (int i : order) {
            LineResolver.Resolved r = lines.get(i);
            if (r.line().signedQty().signum() < 0 && r.location().allowNegative()) {
                maybeNegative.add(r.location().id());
            }
        }
        Set<Long> negativeAllowed = maybeNegative.isEmpty() ? Set.of() : catalog.allowingNegative(maybeNegative);
        List<BalanceRepository.Change> changes = new ArrayList<>(order.size());
        for (int i : order) {
            changes.add(new BalanceRepository.Change(
                    ids.get(i),
                    lines.get(i).line().signedQty(),
                    negativeAllowed.contains(lines.get(i).location().id())));
        }
        boolean[] applied = balances.changeAll(changes, now);
        for (int k = 0; k < applied.length; k++) {
            if (!applied[k]) {
                LineResolver.Resolved refused = lines.get(order.get(k));
                long locationId = refused.location().id();
                if (!changes.get(k).allowNegative()
                        && catalog.allowingNegative(Set.of(locationId)).contains(locationId)) {
                    balances.changeAnyway(changes.get(k), now);
                    applied[k] = true;
                    continue;
                }
                long balanceId = changes.get(k).balanceId();
                BigDecimal available = balances.available(balanceId);
                for (int later = k + 1; later < applied.length; later++) {
                    if (applied[later] && changes.get(later).balanceId() == balanceId) {
                        available = available.subtract(changes.get(later).signedQty());
                    }
                }
                InsufficientStockException e = insufficient(refused, available);
                if (reportRefusals
                        && org.openvmi.inventory.IssueRefused.isDemand(
                                refused.line().type().name())) {
                    events.publishEvent(new org.openvmi.inventory.IssueRefused(
                            refused.line().type().name(),
                            e.item(),
                            refused.location().warehouse(),
                            e.owner(),
                            e.requested(),
                            e.available(),
                            now));
                }
                throw e;
            }
        }
    }

    /** Receipts (and opening balances) of own stock with a price move the item's average cost: (avg·Q + q·p) / (Q + q). */
    private void updateAverageCosts(List<LineResolver.Resolved> lines, Instant now) {
        Map<Long, List<PostingLine>> priced = new TreeMap<>();
        for (LineResolver.Resolved r : lines) {
            PostingLine l = r.line();
            boolean withCost = l.type() == MovementType.RECEIPT || l.type() == MovementType.OPENING;
            if (withCost && l.unitCost() != null && l.key().ownStock()) {
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
                average = average == null || onHand.signum() == 0
                        ? l.unitCost()
                        : average.multiply(onHand)
                                .add(l.signedQty().multiply(l.unitCost()))
                                .divide(total, MathContext.DECIMAL64)
                                .setScale(6, RoundingMode.HALF_UP);
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
        return new InsufficientStockException(
                l.index(),
                r.item().code(),
                r.location().code(),
                l.key().owner(),
                l.key().lot(),
                Decimals.plain(available),
                Decimals.plain(l.signedQty().negate()));
    }
}
