package org.openvmi.web;

import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ShellController {

    private final ItemCatalog items;
    private final WarehouseCatalog warehouses;
    private final SupplierCatalog suppliers;

    ShellController(ItemCatalog items, WarehouseCatalog warehouses, SupplierCatalog suppliers) {
        this.items = items;
        this.warehouses = warehouses;
        this.suppliers = suppliers;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("itemCount", items.count());
        model.addAttribute("warehouseCount", warehouses.count());
        model.addAttribute("supplierCount", suppliers.count());
        model.addAttribute("itemsByCategory", items.countByCategory());
        return "home";
    }
}
