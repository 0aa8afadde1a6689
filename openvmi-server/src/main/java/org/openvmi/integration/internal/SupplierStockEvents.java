package org.openvmi.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.procurement.AvailableStockChanged;
import org.springframework.stereotype.Component;

/**
 * supplier-stock.reported: a supplier reported its available stock of some items (API, file or portal), one event
 * per report, written in the reporting transaction, keyed by the supplier and belonging to it. It names the items;
 * the figures are read from GET /api/v1/supplier-stock.
 */
@Component
class SupplierStockEvents {

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
        String supplier =
                catalog.supplierCodes(java.util.List.of(e.supplierId())).get(e.supplierId());
        if (supplier == null) {
            return;
        }
        Map<Long, ItemRef> items = catalog.itemsById(e.itemIds());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("supplier", supplier);
        data.put(
                "items",
                e.itemIds().stream()
                        .map(items::get)
                        .filter(java.util.Objects::nonNull)
                        .map(ItemRef::code)
                        .toList());
        Instant now = clock.instant();
        outbox.publish(new OutboundEvent(
                WebhookEventTypes.SUPPLIER_STOCK_REPORTED,
                "supplier-stock.reported:" + UUID.randomUUID(),
                "supplier:" + supplier,
                supplier,
                now,
                data));
    }
}
