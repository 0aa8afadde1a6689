package org.openvmi.inventory.web;

import java.util.List;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierView;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseView;
import org.openvmi.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the inventory pages share: choices for their selects and localised texts. */
@Component
class InventoryPages {

    /** The movement types people post directly (the others come from their documents). */
    static final List<String> DIRECT_TYPES = List.of("RECEIPT", "ISSUE", "CONSUME", "RETURN", "ADJUST");

    static final List<String> ALL_TYPES = List.of(
            "RECEIPT",
            "ISSUE",
            "CONSUME",
            "RETURN",
            "ADJUST",
            "TRANSFER_OUT",
            "TRANSFER_IN",
            "COUNT",
            "OWNERSHIP_TRANSFER");

    private final WarehouseCatalog warehouses;
    private final SupplierCatalog suppliers;
    private final MessageSource messages;

    InventoryPages(WarehouseCatalog warehouses, SupplierCatalog suppliers, MessageSource messages) {
        this.warehouses = warehouses;
        this.suppliers = suppliers;
        this.messages = messages;
    }

    List<WarehouseView> warehouses() {
        return warehouses.find(null, PageRequest.of(0, PageRequest.MAX_SIZE)).content();
    }

    /** The suppliers the caller may see (a supplier user: its own). */
    List<SupplierView> suppliers() {
        return suppliers
                .find(null, null, PageRequest.of(0, PageRequest.MAX_SIZE))
                .content();
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
