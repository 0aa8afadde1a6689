package org.openvmi.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockChanged;
import org.springframework.stereotype.Component;

/**
 * stock.changed, batched per posting: one event per item at a warehouse whose stock the posting moved, however many
 * lines and movements it had there, written in the posting's transaction and keyed {@code item@warehouse}. It says
 * that stock moved, not how much: a consumer reads the stock (GET /api/v1/stock) when it needs the figures.
 */
@Component
class StockEvents {

    private final EventOutbox outbox;
    private final CatalogRefs catalog;
    private final Clock clock;

    StockEvents(EventOutbox outbox, CatalogRefs catalog, Clock clock) {
        this.outbox = outbox;
        this.catalog = catalog;
        this.clock = clock;
    }

    @OutboxListener
    public void on(StockChanged e) {
        if (e.subjects().isEmpty() || !outbox.consumed(WebhookEventTypes.STOCK_CHANGED)) {
            // nothing consumes stock.changed: not even the catalog reads (ADR 0066)
            return;
        }
        // the codes the posting used (no catalog read on the ledger's path); read by id only for subjects without them
        List<ItemWarehouse> unnamed =
                e.subjects().stream().filter(s -> !e.codes().containsKey(s)).toList();
        Map<Long, ItemRef> items = unnamed.isEmpty()
                ? Map.of()
                : catalog.itemsById(
                        unnamed.stream().map(ItemWarehouse::itemId).distinct().toList());
        Map<Long, NamedRef> warehouses = unnamed.isEmpty()
                ? Map.of()
                : catalog.warehousesById(unnamed.stream()
                        .map(ItemWarehouse::warehouseId)
                        .distinct()
                        .toList());
        Instant now = clock.instant();
        String posting = UUID.randomUUID().toString();
        List<OutboundEvent> out = new ArrayList<>();
        for (ItemWarehouse s : e.subjects()) {
            StockChanged.Codes known = e.codes().get(s);
            ItemRef item = items.get(s.itemId());
            NamedRef warehouse = warehouses.get(s.warehouseId());
            if (known == null && (item == null || warehouse == null)) {
                continue;
            }
            String itemCode = known != null ? known.item() : item.code();
            String warehouseCode = known != null ? known.warehouse() : warehouse.code();
            String unit = known != null ? known.uom() : item.uom();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("item", itemCode);
            data.put("warehouse", warehouseCode);
            data.put("unit", unit);
            out.add(new OutboundEvent(
                    WebhookEventTypes.STOCK_CHANGED,
                    "stock.changed:" + posting + ":" + s.itemId() + ":" + s.warehouseId(),
                    AlertWebhooks.key(itemCode, warehouseCode),
                    null,
                    now,
                    data));
        }
        outbox.publishAll(out);
    }
}
