package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.consignment.internal.AgreementRepository;
import org.openvmi.consignment.internal.SettlementRepository;
import org.openvmi.consignment.internal.ShipmentRepository;
import org.openvmi.consignment.model.FifoPick;
import org.openvmi.consignment.model.OwnershipMode;
import org.openvmi.inventory.LedgerLine;
import org.openvmi.inventory.MovementType;
import org.openvmi.inventory.StockFilter;
import org.openvmi.inventory.StockQueries;
import org.openvmi.inventory.StockView;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.Money;
import org.openvmi.shared.PageRequest;
import org.springframework.stereotype.Component;

/**
 * What receipts and consumptions share: the stock layers of an item at a VMI location, the agreement terms in force
 * for each supplier, and turning a passage of ownership into its two ledger lines (−q supplier-owned, +q OWN, same
 * key otherwise) and its settlement line. The caller posts both in one transaction.
 */
@Component
class Ownership {

    /** A quantity whose ownership passes from a supplier to the buyer, with the terms it is settled at. */
    record Passage(AgreementRepository.Terms terms, String kind, String lot, BigDecimal qty) {}

    private final StockQueries stock;
    private final ShipmentRepository shipments;
    private final AgreementRepository agreements;
    private final SettlementRepository settlements;
    private final CatalogRefs refs;

    Ownership(
            StockQueries stock,
            ShipmentRepository shipments,
            AgreementRepository agreements,
            SettlementRepository settlements,
            CatalogRefs refs) {
        this.stock = stock;
        this.shipments = shipments;
        this.agreements = agreements;
        this.settlements = settlements;
        this.refs = refs;
    }

    /** Available stock per owner and lot, with the time each lot first arrived here. */
    List<FifoPick.Layer> layers(ItemRef item, LocationRef location) {
        Map<String, Instant> first = shipments.firstReceipts(item.id(), location.id());
        List<FifoPick.Layer> layers = new ArrayList<>();
        for (StockView v : stock.stock(
                        new StockFilter(item.code(), null, location.code(), null, false),
                        new PageRequest(0, PageRequest.MAX_SIZE))
                .content()) {
            String lot = v.lot() == null ? "" : v.lot();
            layers.add(new FifoPick.Layer(v.owner(), lot, v.available(), first.get(lot)));
        }
        return layers;
    }

    /** The terms in force now of every supplier owning stock in the layers (suppliers without an agreement absent). */
    Map<String, AgreementRepository.Terms> terms(
            List<FifoPick.Layer> layers, ItemRef item, LocationRef location, Instant at) {
        List<String> owners = layers.stream()
                .map(FifoPick.Layer::owner)
                .filter(o -> !"OWN".equals(o))
                .distinct()
                .toList();
        Map<String, AgreementRepository.Terms> terms = new HashMap<>();
        refs.suppliers(owners)
                .forEach((code, id) ->
                        agreements.termsAt(id, code, item, location, at).ifPresent(t -> terms.put(code, t)));
        return terms;
    }

    Optional<AgreementRepository.Terms> terms(
            long supplierId, String supplierCode, ItemRef item, LocationRef location, Instant at) {
        return agreements.termsAt(supplierId, supplierCode, item, location, at);
    }

    static AgreementRepository.Terms require(
            Map<String, AgreementRepository.Terms> terms, String supplier, ItemRef item, LocationRef location) {
        AgreementRepository.Terms t = terms.get(supplier);
        if (t == null) {
            throw new BusinessRuleException(
                    "item",
                    "No VMI agreement of supplier '" + supplier + "' is in force for item '" + item.code() + "' at '"
                            + location.code() + "': its consigned stock cannot be settled");
        }
        return t;
    }

    /** The two ledger lines of a passage: −q supplier-owned, +q OWN, same item, location and lot. */
    static List<LedgerLine> lines(Passage p, ItemRef item, LocationRef location, String reference) {
        String lot = p.lot().isEmpty() ? null : p.lot();
        return List.of(
                LedgerLine.of(
                        MovementType.OWNERSHIP_TRANSFER,
                        item.id(),
                        location.id(),
                        p.terms().supplierId(),
                        lot,
                        p.qty().negate(),
                        "ownership to buyer (" + p.kind() + ")",
                        reference),
                LedgerLine.of(
                        MovementType.OWNERSHIP_TRANSFER,
                        item.id(),
                        location.id(),
                        null,
                        lot,
                        p.qty(),
                        "ownership from " + p.terms().supplier() + " (" + p.kind() + ")",
                        reference));
    }

    /** The settlement line of every passage, at the price of its agreement version; returns what was settled. */
    List<ConsumptionView.Settled> settle(
            List<Passage> passages, long postingId, String reference, Instant at, LocalDate on) {
        List<ConsumptionView.Settled> settled = new ArrayList<>();
        for (Passage p : passages) {
            AgreementRepository.Terms t = p.terms();
            Money amount = Money.settled(p.qty(), t.price(), t.currency());
            settlements.insertLine(new SettlementRepository.NewLine(
                    t.supplierId(),
                    t.agreementId(),
                    t.versionNo(),
                    p.kind(),
                    t.itemId(),
                    t.locationId(),
                    p.lot(),
                    p.qty(),
                    t.price(),
                    amount.amount(),
                    t.currency(),
                    reference,
                    postingId,
                    at,
                    on));
            settled.add(new ConsumptionView.Settled(
                    t.supplier(),
                    p.kind(),
                    p.lot().isEmpty() ? null : p.lot(),
                    plain(p.qty()),
                    plain(t.price()),
                    amount.amount(),
                    t.currency(),
                    t.agreementId(),
                    t.versionNo()));
        }
        return settled;
    }

    /**
     * STAGED: after the change the buyer should own min(total, safety); what it owns less passes now, from the
     * supplier's layers in FIFO order.
     */
    static List<Passage> staged(AgreementRepository.Terms t, List<FifoPick.Layer> after) {
        if (t == null || t.mode() != OwnershipMode.STAGED) {
            return List.of();
        }
        BigDecimal total = after.stream().map(FifoPick.Layer::available).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal own = after.stream()
                .filter(l -> "OWN".equals(l.owner()))
                .map(FifoPick.Layer::available)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal move = org.openvmi.consignment.model.StagedOwnership.toTransfer(total, own, t.safety());
        if (move.signum() <= 0) {
            return List.of();
        }
        List<FifoPick.Layer> supplierLayers =
                after.stream().filter(l -> t.supplier().equals(l.owner())).toList();
        List<FifoPick.Pick> picks = FifoPick.pick(supplierLayers, move.min(FifoPick.available(supplierLayers)), false);
        return picks.stream()
                .map(p -> new Passage(t, "STAGED", p.lot(), p.qty()))
                .toList();
    }

    /** The layers after taking the picks out (and, for receipts, adding what arrived). */
    static List<FifoPick.Layer> minus(List<FifoPick.Layer> layers, List<FifoPick.Pick> picks) {
        List<FifoPick.Layer> out = new ArrayList<>();
        for (FifoPick.Layer l : layers) {
            BigDecimal taken = picks.stream()
                    .filter(p -> p.owner().equals(l.owner()) && p.lot().equals(l.lot()))
                    .map(FifoPick.Pick::qty)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add(new FifoPick.Layer(l.owner(), l.lot(), l.available().subtract(taken), l.receivedAt()));
        }
        return out;
    }

    static BigDecimal plain(BigDecimal v) {
        return org.openvmi.shared.Decimals.plain(v);
    }
}
