package org.openvmi.integration.internal;

import static org.openvmi.integration.internal.Payloads.plain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.planning.SuggestionsCreated;
import org.openvmi.rules.RuleFired;
import org.springframework.stereotype.Component;

/**
 * suggestion.created (one event per suggestion a planning run or a rule recorded, in that transaction, keyed
 * {@code item@warehouse}; a purchase or VMI replenishment belongs to its supplier, so only that supplier's
 * subscriptions get it; a transfer is the buyer's) and rule.fired (one per action a rule carried out for a subject,
 * the buyer's own: a rule is the buyer's, its purchase suggestion goes out as suggestion.created).
 */
@Component
class PlanningEvents {

    private final EventOutbox outbox;
    private final CatalogRefs catalog;
    private final Clock clock;

    PlanningEvents(EventOutbox outbox, CatalogRefs catalog, Clock clock) {
        this.outbox = outbox;
        this.catalog = catalog;
        this.clock = clock;
    }

    @OutboxListener
    public void on(SuggestionsCreated e) {
        if (e.suggestions().isEmpty()) {
            return;
        }
        Set<Long> itemIds = new HashSet<>();
        Set<Long> warehouseIds = new HashSet<>();
        Set<Long> supplierIds = new HashSet<>();
        for (SuggestionsCreated.Created s : e.suggestions()) {
            itemIds.add(s.itemId());
            warehouseIds.add(s.warehouseId());
            if (s.fromWarehouseId() != null) {
                warehouseIds.add(s.fromWarehouseId());
            }
            if (s.supplierId() != null) {
                supplierIds.add(s.supplierId());
            }
        }
        Map<Long, ItemRef> items = catalog.itemsById(itemIds);
        Map<Long, NamedRef> warehouses = catalog.warehousesById(warehouseIds);
        Map<Long, String> suppliers = supplierIds.isEmpty() ? Map.of() : catalog.supplierCodes(supplierIds);
        Instant now = clock.instant();
        List<OutboundEvent> out = new ArrayList<>();
        for (SuggestionsCreated.Created s : e.suggestions()) {
            ItemRef item = items.get(s.itemId());
            NamedRef warehouse = warehouses.get(s.warehouseId());
            if (item == null || warehouse == null) {
                continue;
            }
            String supplier = s.supplierId() == null ? null : suppliers.get(s.supplierId());
            NamedRef from = s.fromWarehouseId() == null ? null : warehouses.get(s.fromWarehouseId());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("suggestion", s.id());
            data.put("type", s.type());
            data.put("item", item.code());
            data.put("warehouse", warehouse.code());
            data.put("supplier", supplier);
            data.put("fromWarehouse", from == null ? null : from.code());
            data.put("qty", plain(s.qty()));
            data.put("unit", item.uom());
            data.put("run", s.runId());
            data.put("rule", s.ruleId());
            out.add(new OutboundEvent(
                    WebhookEventTypes.SUGGESTION_CREATED,
                    "suggestion.created:" + s.id(),
                    AlertWebhooks.key(item.code(), warehouse.code()),
                    // a transfer is between the buyer's warehouses: its own, whatever supplier it names
                    "TRANSFER".equals(s.type()) ? null : supplier,
                    now,
                    data));
        }
        outbox.publishAll(out);
    }

    @OutboxListener
    public void on(RuleFired e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("firing", e.firingId());
        data.put("rule", e.ruleId());
        data.put("ruleName", e.ruleName());
        data.put("item", e.item());
        data.put("warehouse", e.warehouse());
        data.put("action", e.action());
        data.put("window", e.window());
        data.put("severity", e.severity());
        data.put("message", e.message());
        data.put("quantity", e.quantity() == null ? null : plain(e.quantity()));
        outbox.publish(new OutboundEvent(
                WebhookEventTypes.RULE_FIRED,
                "rule.fired:" + e.firingId(),
                AlertWebhooks.key(e.item(), e.warehouse()),
                null,
                Objects.requireNonNullElse(e.firedAt(), clock.instant()),
                data));
    }
}
