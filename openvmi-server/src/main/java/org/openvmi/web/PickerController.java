package org.openvmi.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openvmi.catalog.CatalogPicks;
import org.openvmi.procurement.PurchaseOrderPicks;
import org.openvmi.security.Role;
import org.openvmi.security.UserPicks;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.Pick;
import org.openvmi.shared.web.EnumLabels;
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

    /** The roles an approval step may name ({@code role:FINANCE}: any user with that role). */
    private static final List<Role> APPROVING_ROLES =
            List.of(Role.ADMIN, Role.BUYER, Role.WAREHOUSE, Role.FINANCE, Role.PLANNER);

    private final CatalogPicks catalog;
    private final PurchaseOrderPicks orders;
    private final UserPicks users;
    private final EnumLabels enums;

    PickerController(CatalogPicks catalog, PurchaseOrderPicks orders, UserPicks users, EnumLabels enums) {
        this.catalog = catalog;
        this.orders = orders;
        this.users = users;
        this.enums = enums;
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
                    case "users" -> approvers(text);
                    default -> throw new NotFoundException("Picker", kind);
                };
        model.addAttribute("picks", picks);
        model.addAttribute("typed", text);
        return "fragments/picker :: options";
    }

    /**
     * The user picker serves the approval rules' approvers: the roles whose code or label (in the page's language:
     * "财务") contains the text, as {@code role:FINANCE} labelled "财务（任一用户）", then the users — so nobody has to
     * know the {@code role:} syntax to name a role.
     */
    private List<Pick> approvers(String text) {
        String typed = text.trim().toLowerCase(Locale.ROOT);
        List<Pick> picks = new ArrayList<>();
        for (Role role : APPROVING_ROLES) {
            String value = "role:" + role.name();
            if (value.toLowerCase(Locale.ROOT).contains(typed)
                    || enums.label("Role", role).toLowerCase(Locale.ROOT).contains(typed)) {
                picks.add(new Pick(value, enums.person(value)));
            }
        }
        picks.addAll(users.find(text));
        return picks;
    }
}
