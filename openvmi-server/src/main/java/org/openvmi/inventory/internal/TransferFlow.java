package org.openvmi.inventory.internal;

import static org.openvmi.inventory.internal.DocumentTransactions.refuse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.LocationView;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.TransferReceiptRequest;
import org.openvmi.inventory.model.DocumentRules;
import org.openvmi.inventory.model.Transfer;
import org.openvmi.inventory.model.TransferReceipt;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Ship, receive and close: each loads the transfer, lets it decide, saves its new state only if nobody changed it
 * meanwhile (else {@link StaleDocumentException} and the use case runs again), then posts what it recorded. Runs
 * inside the caller's transaction, so the document and its movements commit together.
 */
@Component
public class TransferFlow {

    private final TransferRepository transfers;
    private final TransferPostings postings;
    private final CatalogRefs refs;
    private final WarehouseCatalog warehouses;
    private final Clock clock;

    TransferFlow(
            TransferRepository transfers,
            TransferPostings postings,
            CatalogRefs refs,
            WarehouseCatalog warehouses,
            Clock clock) {
        this.transfers = transfers;
        this.postings = postings;
        this.refs = refs;
        this.warehouses = warehouses;
        this.clock = clock;
    }

    public void ship(long id) {
        Transfer t = load(id);
        LocationRef to = refs.locations(Set.of(t.toLocation())).get(t.toLocation());
        List<LocationView> transit = warehouses
                .findLocations(to.warehouse(), null, LocationType.IN_TRANSIT, PageRequest.of(0, 1))
                .content();
        refuse(t.ship(transit.isEmpty() ? null : transit.get(0).code(), to.warehouse()));
        // the in-transit location is stored first: the ledger is posted with the ids the transfer row holds
        transfers.markShipped(id, transit.get(0).id(), clock.instant());
        save(t, null);
        transfers.ensureDestinationBalances(id, clock.instant());
    }

    public void receive(long id, TransferReceiptRequest request) {
        List<TransferReceipt> receipts = receipts(request);
        Transfer t = load(id);
        refuse(t.receive(receipts));
        save(t, null);
    }

    public void close(long id, String reason) {
        Transfer t = load(id);
        refuse(t.close());
        save(t, DocumentRules.text(reason, 200));
    }

    private Transfer load(long id) {
        return transfers.load(id).orElseThrow(() -> new NotFoundException("Transfer", id));
    }

    private void save(Transfer t, String closeReason) {
        if (!transfers.changeStatus(t)) {
            throw new StaleDocumentException("Transfer", t.id());
        }
        transfers.saveQuantities(t);
        if (t.status().isFinal()) {
            transfers.markFinished(t.id(), closeReason, clock.instant());
        }
        postings.post(t);
    }

    private List<TransferReceipt> receipts(TransferReceiptRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request == null || request.lines() == null || request.lines().isEmpty()) {
            errors.add("lines", "at least one line is required").throwIfAny();
        }
        List<String> codes = request.lines().stream()
                .filter(l -> l != null && l.item() != null)
                .map(l -> l.item().trim())
                .toList();
        Map<String, ItemRef> items = refs.items(codes);
        List<TransferReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            TransferReceiptRequest.Line l = request.lines().get(i);
            if (l == null) {
                errors.add("lines[" + i + "]", "must not be null");
                continue;
            }
            ItemRef item = l.item() == null ? null : items.get(l.item().trim());
            if (item == null) {
                errors.add(
                        "lines[" + i + "].item",
                        l.item() == null
                                ? CodedRefusal.required()
                                : CodedRefusal.unknown("item", l.item().trim()));
            }
            var qty = DocumentRules.positive("lines[" + i + "].qty", l.qty(), errors);
            String owner =
                    l.owner() == null || l.owner().isBlank() ? null : l.owner().trim();
            if (item != null && qty != null) {
                receipts.add(new TransferReceipt(
                        item.code(), owner, l.lot() == null ? "" : l.lot().trim(), qty));
            }
        }
        errors.throwIfAny();
        return receipts;
    }
}
