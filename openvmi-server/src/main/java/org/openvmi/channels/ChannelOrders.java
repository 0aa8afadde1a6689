package org.openvmi.channels;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.channels.internal.ChannelOrderRepository;
import org.openvmi.channels.internal.ChannelRepository;
import org.openvmi.channels.internal.ChannelRuleCache;
import org.openvmi.channels.internal.ChannelStock;
import org.openvmi.channels.internal.KeptStock;
import org.openvmi.channels.model.Allocation;
import org.openvmi.channels.model.AllocationRule;
import org.openvmi.channels.model.ChannelOrderStatus;
import org.openvmi.inventory.FreeStock;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerLine;
import org.openvmi.inventory.MovementType;
import org.openvmi.inventory.Reservations;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConcurrencyRetry;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Channel orders: reserve (within the channel's available-to-sell, through the inventory module's reservations),
 * commit (issue through the ledger) or release. One transaction each, holding the items' channel locks (item id
 * order) while it computes the allocation and reserves, so concurrent orders of any channels never take a unit twice.
 * Idempotent per channel and order id.
 */
@Service
public class ChannelOrders {

    /** What {@link #place} answers: the order and whether it was new (201) or a retry (200). */
    public record Placed(ChannelOrderView order, boolean created) {}

    private final ChannelRepository channels;
    private final ChannelOrderRepository orders;
    private final ChannelStock stock;
    private final ChannelRuleCache cache;
    private final KeptStock kept;
    private final Reservations reservations;
    private final InventoryLedger ledger;
    private final CatalogRefs refs;
    private final Validator validator;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ConcurrencyRetry retry =
            ConcurrencyRetry.of(ConcurrencyRetry.DEFAULT_ATTEMPTS).alsoOn(DuplicateKeyException.class);

    ChannelOrders(
            ChannelRepository channels,
            ChannelOrderRepository orders,
            ChannelStock stock,
            ChannelRuleCache cache,
            KeptStock kept,
            Reservations reservations,
            InventoryLedger ledger,
            CatalogRefs refs,
            Validator validator,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.channels = channels;
        this.orders = orders;
        this.stock = stock;
        this.cache = cache;
        this.kept = kept;
        this.reservations = reservations;
        this.ledger = ledger;
        this.refs = refs;
        this.validator = validator;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Placed place(String channelCode, ChannelOrderRequest request) {
        RequestValidation.check(validator, request);
        if (request == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        String orderId = request.orderId() == null ? null : request.orderId().trim();
        if (orderId == null || orderId.isEmpty()) {
            errors.add("orderId", CodedRefusal.required());
        }
        if (request.lines() == null || request.lines().isEmpty()) {
            errors.add("lines", CodedRefusal.required());
        }
        List<ChannelOrderRequest.Line> lines = request.lines() == null ? List.of() : request.lines();
        // item codes from the kept references (ADR 0082: no SQL once known; a renamed code within the refresh bound)
        Map<String, ItemRef> found = kept.items(lines.stream()
                .map(ChannelOrderRequest.Line::item)
                .filter(i -> i != null && !i.isBlank())
                .distinct()
                .toList());
        for (int i = 0; i < lines.size(); i++) {
            ChannelOrderRequest.Line l = lines.get(i);
            if (l == null || l.item() == null || l.item().isBlank()) {
                errors.add("lines[" + i + "].item", CodedRefusal.required());
            } else if (!found.containsKey(l.item())) {
                errors.add("lines[" + i + "].item", CodedRefusal.unknown("item", l.item()));
            }
            if (l == null || l.qty() == null) {
                errors.add("lines[" + i + "].qty", CodedRefusal.required());
            } else if (l.qty().signum() <= 0) {
                errors.add("lines[" + i + "].qty", CodedRefusal.positive());
            }
        }
        errors.throwIfAny();
        Map<Long, BigDecimal> wanted = new LinkedHashMap<>();
        Map<Long, ItemRef> items = new LinkedHashMap<>();
        for (ChannelOrderRequest.Line l : lines) {
            ItemRef ref = found.get(l.item());
            items.put(ref.id(), ref);
            wanted.merge(ref.id(), l.qty(), BigDecimal::add);
        }
        String hash = hash(lines, found);
        long[] refusedBy = new long[1];
        try {
            return place(channelCode, orderId, lines, found, wanted, items, hash, refusedBy);
        } catch (ConflictException refused) {
            if (refusedBy[0] != 0) {
                // kept for the channel-order fill rate (ADR 0058): the refused units are demand the channel missed
                transactions.executeWithoutResult(s -> orders.refused(refusedBy[0], orderId, wanted, clock.instant()));
            }
            throw refused;
        }
    }

    private Placed place(
            String channelCode,
            String orderId,
            List<ChannelOrderRequest.Line> lines,
            Map<String, ItemRef> found,
            Map<Long, BigDecimal> wanted,
            Map<Long, ItemRef> items,
            String hash,
            long[] refusedBy) {
        return retry.run(() -> transactions.execute(status -> {
            refusedBy[0] = 0;
            // the channel's id and code from the rule copy (neither ever changes); its rule is read fresh below
            ChannelRepository.Row channel = cachedChannel(channelCode);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
            String user = CurrentUser.name();
            // the order first: a retry finds its twin by the unique key, a new order needs no lookup (ADR 0097); a
            // refusal below rolls the row back
            java.util.OptionalLong inserted = orders.insertIfNew(channel.id(), orderId, hash, user, now);
            if (inserted.isEmpty()) {
                var existing = orders.find(channel.id(), orderId)
                        .orElseThrow(() -> new DuplicateKeyException(
                                "order '" + orderId + "' is being placed by a twin request; trying again"));
                if (!existing.requestHash().equals(hash)) {
                    throw new BusinessRuleException(
                            "orderId",
                            "Order '" + orderId + "' of channel '" + channel.code()
                                    + "' was already placed with other lines");
                }
                return new Placed(view(existing.id()), false);
            }
            long id = inserted.getAsLong();
            channels.lockItems(items.keySet());
            // rules, pauses and holds fresh, under the item locks, in one statement (never the ATP copy)
            ChannelStock.Picture p = stock.judgedPicture(items.keySet());
            List<AllocationRule> rules = p.rules();
            if (rules.stream().noneMatch(r -> r.channelId() == channel.id())) {
                throw new ConflictException(
                        "channel", "Channel '" + channel.code() + "' is inactive: it sells nothing");
            }
            AllocationRule rule = p.rules().stream()
                    .filter(r -> r.channelId() == channel.id())
                    .findFirst()
                    .orElseThrow();
            List<String> refusals = new ArrayList<>();
            wanted.forEach((itemId, qty) -> {
                BigDecimal atp = p.allocation().get(itemId).of(channel.id()).total();
                if (atp.compareTo(qty) < 0) {
                    String why = p.paused(itemId, channel.id())
                            ? " (the channel is paused for it: free stock "
                                    + Decimals.plain(p.poolFree(itemId, rule)).toPlainString() + " below its line "
                                    + Decimals.plain(rule.pauseBelow()).toPlainString() + ")"
                            : "";
                    refusals.add("item '" + items.get(itemId).code() + "': available to sell "
                            + Decimals.plain(atp).toPlainString() + ", requested "
                            + Decimals.plain(qty).toPlainString() + why);
                }
            });
            if (!refusals.isEmpty()) {
                refusedBy[0] = channel.id();
                throw new ConflictException(
                        "lines", "Channel '" + channel.code() + "' cannot sell " + String.join("; ", refusals));
            }
            List<ChannelOrderView.Line> viewLines = new ArrayList<>();
            List<ChannelOrderRepository.LineRow> lineRows = new ArrayList<>();
            for (ChannelOrderRequest.Line l : lines) {
                lineRows.add(
                        new ChannelOrderRepository.LineRow(found.get(l.item()).id(), l.qty()));
                viewLines.add(new ChannelOrderView.Line(found.get(l.item()).code(), Decimals.plain(l.qty())));
            }
            orders.lines(id, lineRows); // one batch
            String reference = ("channel " + channel.code() + " " + orderId);
            reference = reference.length() > 100 ? reference.substring(0, 100) : reference;
            List<ChannelOrderView.Hold> holds = new ArrayList<>();
            List<ChannelOrderRepository.HoldRow> holdRows = new ArrayList<>();
            Map<Long, Map<Long, BigDecimal>> reserved = new LinkedHashMap<>();
            List<Reservations.Hold> pending = new ArrayList<>();
            for (var e : wanted.entrySet()) {
                plan(
                        pending,
                        items.get(e.getKey()),
                        e.getValue(),
                        p.allocation().get(e.getKey()).of(channel.id()),
                        p.free().getOrDefault(e.getKey(), List.of()));
            }
            // every hold of the order in one batch per table, on the balance rows just read (ADR 0090)
            long[] reservationIds = reservations.reserveAll(pending, reference);
            for (int i = 0; i < pending.size(); i++) {
                Reservations.Hold h = pending.get(i);
                FreeStock f = h.row();
                String lot = f.lot() == null || f.lot().isEmpty() ? null : f.lot();
                holdRows.add(new ChannelOrderRepository.HoldRow(
                        reservationIds[i], f.itemId(), f.warehouseId(), h.itemCode(), f.location(), f.lot(), h.qty()));
                holds.add(new ChannelOrderView.Hold(
                        reservationIds[i], h.itemCode(), f.location(), lot, Decimals.plain(h.qty())));
                reserved.computeIfAbsent(f.itemId(), k -> new HashMap<>())
                        .merge(f.warehouseId(), h.qty(), BigDecimal::add);
            }
            orders.holds(id, holdRows); // one batch
            orders.addHeld(channel.id(), reserved); // the running totals the next order reads (ADR 0097)
            stock.judgeAfterReserving(items.keySet(), rules, p, reserved);
            kept.dropAfterCompletion(items.keySet()); // the ATP copy of these items: their holds and free stock moved
            // the new order as view(id) would read it back, without reading it back (lines in order, holds by id)
            holds.sort(java.util.Comparator.comparingLong(ChannelOrderView.Hold::reservation));
            return new Placed(
                    ChannelOrderView.reserved(
                            channel.code(), orderId, List.copyOf(viewLines), List.copyOf(holds), user, now),
                    true);
        }));
    }

    /** The channel by code from the rule copy, or from the database when the copy does not know it yet. */
    private ChannelRepository.Row cachedChannel(String code) {
        ChannelRepository.Row cached = cache.get().byCode().get(code);
        return cached != null ? cached : channel(code);
    }

    /**
     * The holds of one item: from the channel's share per warehouse, on the free rows of each warehouse in the order
     * the free stock was read (largest first); a share the free rows cannot cover is a 409 (the stock moved).
     */
    private void plan(
            List<Reservations.Hold> pending,
            ItemRef item,
            BigDecimal qty,
            Allocation.Share share,
            List<FreeStock> free) {
        BigDecimal need = qty;
        for (var w : share.byWarehouse().entrySet()) {
            BigDecimal fromWarehouse = need.min(w.getValue());
            for (FreeStock f : free) {
                if (fromWarehouse.signum() <= 0) {
                    break;
                }
                if (f.warehouseId() != w.getKey()) {
                    continue;
                }
                BigDecimal t = fromWarehouse.min(f.free());
                pending.add(new Reservations.Hold(f, item.code(), t));
                fromWarehouse = fromWarehouse.subtract(t);
                need = need.subtract(t);
            }
            if (need.signum() <= 0) {
                return;
            }
        }
        if (need.signum() > 0) {
            throw new ConflictException(
                    "lines", "Item '" + item.code() + "': the stock moved while reserving; try again");
        }
    }

    /** Issues the order's stock through the ledger (its reservations released in the same transaction). */
    public ChannelOrderView commit(String channelCode, String orderId) {
        return close(channelCode, orderId, ChannelOrderStatus.COMMITTED);
    }

    public ChannelOrderView release(String channelCode, String orderId) {
        return close(channelCode, orderId, ChannelOrderStatus.RELEASED);
    }

    private ChannelOrderView close(String channelCode, String orderId, ChannelOrderStatus to) {
        return retry.run(() -> transactions.execute(status -> {
            ChannelRepository.Row channel = cachedChannel(channelCode);
            ChannelOrderRepository.Order order = orders.find(channel.id(), orderId)
                    .orElseThrow(() -> new NotFoundException("Channel order", orderId));
            if (order.status() == to) {
                return view(order.id()); // a retry: already done
            }
            order.status().moveTo(to, orderId);
            List<Long> itemIds = orders.itemIds(order.id());
            channels.lockItems(itemIds);
            List<ChannelOrderRepository.EndedHold> ended = orders.close(
                            order.id(), to, CurrentUser.name(), clock.instant())
                    .orElseThrow(() -> new ConflictException(
                            "status", "Order '" + orderId + "' was changed meanwhile; try again"));
            List<ChannelOrderRepository.HoldRow> holds = orders.rawHolds(order.id()); // codes not needed
            for (var h : holds) {
                reservations.release(h.reservationId());
            }
            orders.subtractHeld(ended); // after the balance rows, as on every path (ADR 0097)
            if (to == ChannelOrderStatus.COMMITTED) {
                var locations = refs.locations(new TreeSet<>(holds.stream()
                        .map(ChannelOrderRepository.HoldRow::location)
                        .toList()));
                String reference = ("channel " + channel.code() + " " + orderId);
                reference = reference.length() > 100 ? reference.substring(0, 100) : reference;
                List<LedgerLine> lines = new ArrayList<>();
                for (var h : holds) {
                    lines.add(LedgerLine.of(
                            MovementType.ISSUE,
                            h.itemId(),
                            locations.get(h.location()).id(),
                            null,
                            h.lot().isEmpty() ? null : h.lot(),
                            h.qty(),
                            "channel order",
                            reference));
                }
                ledger.record(lines);
            }
            stock.judgePauses(Set.copyOf(itemIds));
            kept.dropAfterCompletion(itemIds);
            return view(order.id());
        }));
    }

    /**
     * Every line of the channel orders first asked for in {@code [from, to)}: placed orders in their state, and orders
     * refused for lack of available-to-sell and never placed (analytics' channel-order fill rate, ADR 0058).
     */
    public List<ChannelOrderOutcome> outcomes(java.time.Instant from, java.time.Instant to) {
        var rows = orders.outcomes(from, to);
        Map<Long, ItemRef> codes = orders.itemRefs(
                rows.stream().map(ChannelOrderRepository.OutcomeRow::itemId).toList());
        return rows.stream()
                .map(r -> new ChannelOrderOutcome(
                        r.channel(),
                        r.orderId(),
                        codes.get(r.itemId()).code(),
                        r.qty(),
                        ChannelOrderOutcome.Outcome.valueOf(r.status()),
                        r.at()))
                .toList();
    }

    public ChannelOrderView get(String channelCode, String orderId) {
        ChannelRepository.Row channel =
                channels.byCode(channelCode).orElseThrow(() -> new NotFoundException("Channel", channelCode));
        return orders.find(channel.id(), orderId)
                .map(o -> view(o.id()))
                .orElseThrow(() -> new NotFoundException("Channel order", orderId));
    }

    private ChannelRepository.Row channel(String code) {
        return channels.byCode(code).orElseThrow(() -> new NotFoundException("Channel", code));
    }

    private ChannelOrderView view(long id) {
        return orders.view(id).orElseThrow();
    }

    private static String hash(List<ChannelOrderRequest.Line> lines, Map<String, ItemRef> refs) {
        StringBuilder s = new StringBuilder();
        for (ChannelOrderRequest.Line l : lines) {
            s.append(refs.get(l.item()).id())
                    .append('=')
                    .append(l.qty().stripTrailingZeros().toPlainString())
                    .append(';');
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
