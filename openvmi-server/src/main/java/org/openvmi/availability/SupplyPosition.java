package org.openvmi.availability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openvmi.shared.OpenSupply;

/**
 * Supply and demand of one item at one warehouse by date (ADR 0028). Starts from the stock on hand today at the
 * warehouse's own locations and adds every open line the features publish ({@link OpenSupply}): inbound (PO lines,
 * shipment notices, VMI shipments, requisitions and call-offs not yet ordered or shipped, transfers coming in) and
 * outbound (transfers going out, reservations). Lines dated before today are late, not gone: they count from today.
 * The ledger's reserved total is authoritative; when the active reservations do not add up to it, one undocumented
 * RESERVATION line today holds the difference.
 *
 * <p>Inventory position = on hand + on order − reserved − committed = the projected available after the last line.
 * Available to promise = the lowest projected available from today on (never below 0): what can be promised now
 * without leaving any later line uncovered.
 */
public record SupplyPosition(
        LocalDate today,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal onOrder,
        BigDecimal committed,
        BigDecimal ownOnHand,
        List<Entry> timeline) {

    /** One line of the timeline; {@code projected} is what is available after it. */
    public record Entry(
            LocalDate date,
            OpenSupply.Event event,
            String document,
            Long supplierId,
            BigDecimal qty,
            BigDecimal projected) {}

    public static SupplyPosition of(
            LocalDate today,
            BigDecimal onHand,
            BigDecimal reserved,
            BigDecimal ownOnHand,
            List<OpenSupply.Line> lines) {
        List<OpenSupply.Line> sorted = new ArrayList<>(lines);
        BigDecimal documented = BigDecimal.ZERO;
        for (OpenSupply.Line l : lines) {
            if (l.event() == OpenSupply.Event.RESERVATION) {
                documented = documented.add(l.qty().negate());
            }
        }
        BigDecimal gap = reserved.subtract(documented);
        if (gap.signum() != 0 && !lines.isEmpty()) {
            OpenSupply.Line any = lines.get(0);
            sorted.add(new OpenSupply.Line(
                    any.itemId(), any.warehouseId(), today, OpenSupply.Event.RESERVATION, null, null, gap.negate()));
        } else if (gap.signum() != 0) {
            sorted.add(new OpenSupply.Line(0, 0, today, OpenSupply.Event.RESERVATION, null, null, gap.negate()));
        }
        sorted.sort(Comparator.comparing((OpenSupply.Line l) -> effective(l.date(), today))
                .thenComparing(l -> l.qty().signum() < 0 ? 0 : 1)
                .thenComparing(l -> l.event().ordinal())
                .thenComparing(l -> l.document() == null ? "" : l.document()));
        List<Entry> timeline = new ArrayList<>();
        BigDecimal projected = onHand;
        timeline.add(new Entry(today, OpenSupply.Event.ON_HAND, null, null, onHand, projected));
        BigDecimal onOrder = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        for (OpenSupply.Line l : sorted) {
            projected = projected.add(l.qty());
            if (l.qty().signum() > 0) {
                onOrder = onOrder.add(l.qty());
            } else if (l.event() != OpenSupply.Event.RESERVATION) {
                committed = committed.subtract(l.qty());
            }
            timeline.add(new Entry(l.date(), l.event(), l.document(), l.supplierId(), l.qty(), projected));
        }
        return new SupplyPosition(today, onHand, reserved, onOrder, committed, ownOnHand, List.copyOf(timeline));
    }

    private static LocalDate effective(LocalDate date, LocalDate today) {
        return date == null || date.isBefore(today) ? today : date;
    }

    /** On hand + on order − reserved − committed. */
    public BigDecimal inventoryPosition() {
        return onHand.add(onOrder).subtract(reserved).subtract(committed);
    }

    /** The part of on order coming in by transfer (drafts and in transit). */
    public BigDecimal inTransit() {
        return timeline.stream()
                .filter(e -> e.event() == OpenSupply.Event.TRANSFER_IN)
                .map(Entry::qty)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The lowest projected available from today on, at least 0. */
    public BigDecimal availableToPromise() {
        BigDecimal min = onHand.subtract(reserved);
        for (Entry e : timeline) {
            min = min.min(e.projected());
        }
        return min.max(BigDecimal.ZERO);
    }
}
