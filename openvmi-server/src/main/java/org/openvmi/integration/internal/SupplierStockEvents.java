package org.openvmi.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.procurement.AvailableStockChanged;
import org.springframework.stereotype.Component;

/**
 * supplier-stock.reported: a supplier reported its available stock of some items (API, file or portal), one event
 * per report (a report of more than {@value #MAX_ITEMS} items as several, in order), written in the reporting
 * transaction, keyed by the supplier and belonging to it. It names the items; the figures are read from
 * GET /api/v1/supplier-stock.
 */
@Component
class SupplierStockEvents {

    /** Item codes per event: 1,000 codes of up to 64 characters stay well inside an outbox row. */
    static final int MAX_ITEMS = 1000;

    private final EventOutbox outbox;
    private final CatalogRefs catalog;
    private final Clock clock;

    SupplierStockEvents(EventOutbox outbox, CatalogRefs catalog, Clock clock) {
        this.outbox = outbox;
        this.catalog = catalog;
        this.clock = clock;
    }

    @OutboxListener
    public void on(AvailableStockChanged e) {
        String supplier = catalog.supplierCodes(List.of(e.supplierId())).get(e.supplierId());
        if (supplier == null) {
            return;
        }
        Map<Long, ItemRef> items = catalog.itemsById(e.itemIds());
        List<String> codes = e.itemIds().stream()
                .map(items::get)
                .filter(Objects::nonNull)
                .map(ItemRef::code)
                .toList();
        Instant now = clock.instant();
        // A whole-catalogue file (5,000 rows) named in one event outgrew the outbox row and broke the upload: a large
        // report goes out in parts, keyed alike so that a consumer gets them in order.
        List<OutboundEvent> parts = new ArrayList<>();
        for (int from = 0; from < codes.size(); from += MAX_ITEMS) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("supplier", supplier);
            data.put("items", codes.subList(from, Math.min(codes.size(), from + MAX_ITEMS)));
            parts.add(new OutboundEvent(
                    WebhookEventTypes.SUPPLIER_STOCK_REPORTED,
                    "supplier-stock.reported:" + UUID.randomUUID(),
                    "supplier:" + supplier,
                    supplier,
                    now,
                    data));
        }
        outbox.publishAll(parts);
    }
}
