package org.openvmi.web;

import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ShellController {

    private final ItemCatalog items;
    private final WarehouseCatalog warehouses;
    private final SupplierCatalog suppliers;
    private final Workspace workspace;

    ShellController(ItemCatalog items, WarehouseCatalog warehouses, SupplierCatalog suppliers, Workspace workspace) {
        this.items = items;
        this.warehouses = warehouses;
        this.suppliers = suppliers;
        this.workspace = workspace;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Each role's to-dos (see {@link Workspace}); the buying side also gets the overview of its master data. */
    @GetMapping("/")
    String home(Model model) {
        var roles = Shell.roles();
        model.addAttribute("sections", workspace.sections(roles));
        model.addAttribute("lastRun", workspace.lastRun(roles));
        model.addAttribute("dashboards", workspace.dashboards(roles));
        boolean supplier = roles.contains(Role.SUPPLIER);
        model.addAttribute("supplierUser", supplier);
        if (supplier) {
            return "home";
        }
        model.addAttribute("itemCount", items.count());
        model.addAttribute("warehouseCount", warehouses.count());
        model.addAttribute("supplierCount", suppliers.count());
        model.addAttribute("itemsByCategory", items.countByCategory());
        return "home";
    }
}
