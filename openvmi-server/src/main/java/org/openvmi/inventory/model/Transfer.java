package org.openvmi.inventory.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A transfer between two warehouses. It guards its own state changes — each returns the reason when it refuses — and
 * records an event for each change so that the ledger posts exactly what the transfer did. Locations are codes.
 */
public final class Transfer {

    private final long id;
    private final long version;
    private final String fromLocation;
    private final String toLocation;
    private TransferStatus status;
    private String transitLocation;
    private final List<TransferLine> lines;
    private final List<TransferEvent> events = new ArrayList<>();

    public Transfer(
            long id,
            long version,
            TransferStatus status,
            String fromLocation,
            String toLocation,
            String transitLocation,
            List<TransferLine> lines) {
        this.id = id;
        this.version = version;
        this.status = status;
        this.fromLocation = fromLocation;
        this.toLocation = toLocation;
        this.transitLocation = transitLocation;
        this.lines = new ArrayList<>(lines);
    }

    /**
     * The route rule of a new transfer: between two different warehouses, and neither end an in-transit location
     * (in-transit stock belongs to the transfers that carry it).
     */
    public static Optional<Refusal> route(
            String fromWarehouse, boolean fromInTransit, String toWarehouse, boolean toInTransit) {
        if (fromInTransit) {
            return Optional.of(Refusal.rule("from", "must not be an in-transit location"));
        }
        if (toInTransit) {
            return Optional.of(Refusal.rule("to", "must not be an in-transit location"));
        }
        if (fromWarehouse.equals(toWarehouse)) {
            return Optional.of(Refusal.rule(
                    "to",
                    "must be in another warehouse than the source (both are in " + fromWarehouse
                            + "); move stock within a warehouse with an issue and a receipt"));
        }
        return Optional.empty();
    }

    /**
     * Ships every line in full into the in-transit location of the destination warehouse; refused when that
     * warehouse has none (null), since stock on its way must stay in the ledger.
     */
    public Optional<Refusal> ship(String inTransitLocation, String toWarehouse) {
        TransferStatus shipped = status.moveTo(TransferStatus.SHIPPED, id);
        if (inTransitLocation == null) {
            return Optional.of(Refusal.rule(
                    "to",
                    "Warehouse " + toWarehouse + " of the destination " + toLocation
                            + " has no in-transit location (type IN_TRANSIT): add one, so that stock on its way stays in the"
                            + " ledger"));
        }
        transitLocation = inTransitLocation;
        List<TransferEvent.Moved> moved = new ArrayList<>();
        lines.replaceAll(l -> l.withShipped(l.qty()));
        lines.forEach(l -> moved.add(new TransferEvent.Moved(l, l.qty())));
        status = shipped;
        events.add(new TransferEvent(TransferEvent.Type.SHIPPED, moved));
        return Optional.empty();
    }

    /** Receives some or all of what is in transit; never more than was shipped and not yet received. */
    public Optional<Refusal> receive(List<TransferReceipt> receipts) {
        status.moveTo(TransferStatus.RECEIVED, id); // refuses unless in transit: a receipt may finish it
        if (receipts.isEmpty()) {
            return Optional.of(Refusal.rule("lines", "at least one line is required"));
        }
        Map<Integer, BigDecimal> now = new LinkedHashMap<>();
        for (int i = 0; i < receipts.size(); i++) {
            TransferReceipt r = receipts.get(i);
            List<TransferLine> candidates = lines.stream()
                    .filter(l -> l.matches(r.item(), r.owner(), r.lot()))
                    .toList();
            if (candidates.isEmpty()) {
                return Optional.of(Refusal.rule(
                        "lines[" + i + "].item",
                        "item '" + r.item() + "'" + lot(r.lot())
                                + (r.owner() == null ? "" : " of owner '" + r.owner() + "'") + " is not on transfer "
                                + id));
            }
            if (candidates.size() > 1) {
                return Optional.of(Refusal.rule(
                        "lines[" + i + "].owner",
                        "item '" + r.item() + "'" + lot(r.lot()) + " is on transfer " + id
                                + " for several owners: give the owner"));
            }
            TransferLine line = candidates.get(0);
            BigDecimal total = now.getOrDefault(line.lineNo(), BigDecimal.ZERO).add(r.qty());
            if (total.compareTo(line.open()) > 0) {
                return Optional.of(Refusal.rule(
                        "lines[" + i + "].qty",
                        "Receiving more than shipped: item '"
                                + line.item() + "'" + lot(line.lot()) + " shipped " + plain(line.shipped())
                                + ", received "
                                + plain(line.received()) + ", open " + plain(line.open()) + ", requested "
                                + plain(total)));
            }
            now.put(line.lineNo(), total);
        }
        List<TransferEvent.Moved> moved = new ArrayList<>();
        lines.replaceAll(
                l -> now.containsKey(l.lineNo()) ? l.withReceived(l.received().add(now.get(l.lineNo()))) : l);
        lines.stream()
                .filter(l -> now.containsKey(l.lineNo()))
                .forEach(l -> moved.add(new TransferEvent.Moved(l, now.get(l.lineNo()))));
        status = status.moveTo(
                lines.stream().allMatch(l -> l.open().signum() == 0)
                        ? TransferStatus.RECEIVED
                        : TransferStatus.PARTIALLY_RECEIVED,
                id);
        events.add(new TransferEvent(TransferEvent.Type.RECEIVED, moved));
        return Optional.empty();
    }

    /** Closes a transfer still in transit: what was not received becomes the difference, written off in transit. */
    public Optional<Refusal> close() {
        TransferStatus closed = status.moveTo(TransferStatus.CLOSED, id);
        List<TransferEvent.Moved> differences = lines.stream()
                .filter(l -> l.open().signum() > 0)
                .map(l -> new TransferEvent.Moved(l, l.open()))
                .toList();
        status = closed;
        events.add(new TransferEvent(TransferEvent.Type.CLOSED, differences));
        return Optional.empty();
    }

    public long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public TransferStatus status() {
        return status;
    }

    public String fromLocation() {
        return fromLocation;
    }

    public String toLocation() {
        return toLocation;
    }

    public String transitLocation() {
        return transitLocation;
    }

    public List<TransferLine> lines() {
        return List.copyOf(lines);
    }

    public List<TransferEvent> events() {
        return List.copyOf(events);
    }

    private static String lot(String lot) {
        return lot == null || lot.isEmpty() ? "" : " lot '" + lot + "'";
    }

    private static String plain(BigDecimal q) {
        BigDecimal s = q.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
