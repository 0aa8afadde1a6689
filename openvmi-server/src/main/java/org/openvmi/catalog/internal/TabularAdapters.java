package org.openvmi.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.model.TabularAdapter;
import org.springframework.stereotype.Component;

/**
 * The registry of what {@code /imports/{entity}} and {@code /exports/{entity}} accept. Explicit on purpose: one
 * place lists every importable entity. To add one (warehouses, locations, suppliers, supplier-items): write a
 * {@link TabularAdapter} in this package (see {@link ItemTabularAdapter}), add it as a constructor parameter and to
 * the list below (a feature outside the catalog just declares its adapter as a bean), add its i18n label {@code imports.entity.<entity>} (both languages) and check its rule in
 * {@code AccessRules}.
 */
@Component
public class TabularAdapters {

    private final Map<String, TabularAdapter<?>> byEntity = new LinkedHashMap<>();

    TabularAdapters(
            ItemTabularAdapter items,
            WarehouseTabularAdapter warehouses,
            LocationTabularAdapter locations,
            SupplierTabularAdapter suppliers,
            SupplierItemTabularAdapter supplierItems,
            List<TabularAdapter<?>> ofOtherFeatures) {
        for (TabularAdapter<?> adapter : List.of(items, warehouses, locations, suppliers, supplierItems)) {
            byEntity.put(adapter.entity(), adapter);
        }
        // other features' lists (stock policies …) after master data, in bean order
        for (TabularAdapter<?> adapter : ofOtherFeatures) {
            byEntity.putIfAbsent(adapter.entity(), adapter);
        }
    }

    public Optional<TabularAdapter<?>> find(String entity) {
        return Optional.ofNullable(byEntity.get(entity));
    }

    /** The entities in the order the UI lists them. */
    public List<String> entities() {
        return List.copyOf(byEntity.keySet());
    }
}
