package org.openvmi.web;

import java.util.List;
import org.openvmi.catalog.CatalogPicks;
import org.openvmi.procurement.PurchaseOrderPicks;
import org.openvmi.security.UserPicks;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.Pick;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The choices of a searchable picker as an HTML list for htmx ({@code fragments/picker :: options}): what matches the
 * typed text by code, name or barcode, in the caller's party scope (see {@code static/js/picker.js}).
 */
@Controller
class PickerController {

    private final CatalogPicks catalog;
    private final PurchaseOrderPicks orders;
    private final UserPicks users;

    PickerController(CatalogPicks catalog, PurchaseOrderPicks orders, UserPicks users) {
        this.catalog = catalog;
        this.orders = orders;
        this.users = users;
    }

    @GetMapping("/pick/{kind}")
    String pick(@PathVariable String kind, @RequestParam(defaultValue = "") String q, Model model) {
        String text = q.length() > 100 ? q.substring(0, 100) : q;
        List<Pick> picks = text.isBlank()
                ? List.of()
                : switch (kind) {
                    case "items" -> catalog.items(text);
                    case "warehouses" -> catalog.warehouses(text);
                    case "locations" -> catalog.locations(text);
                    case "suppliers" -> catalog.suppliers(text);
                    case "purchase-orders" -> orders.find(text);
                    case "users" -> users.find(text);
                    default -> throw new NotFoundException("Picker", kind);
                };
        model.addAttribute("picks", picks);
        model.addAttribute("typed", text);
        return "fragments/picker :: options";
    }
}
