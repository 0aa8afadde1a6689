package org.openvmi.procurement.web;

import java.util.Locale;
import org.openvmi.procurement.OverdueKind;
import org.openvmi.procurement.OverdueStatus;
import org.openvmi.procurement.OverdueSupply;
import org.openvmi.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The overdue-supply list (采购延迟), filtered by status (default OPEN; "" = all) and kind, oldest due date first;
 * a supplier user sees only its own lines.
 */
@Controller
class OverdueSupplyPageController {

    private final OverdueSupply overdue;

    OverdueSupplyPageController(OverdueSupply overdue) {
        this.overdue = overdue;
    }

    @GetMapping("/overdue-supply")
    String list(
            @RequestParam(required = false, defaultValue = "OPEN") String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        model.addAttribute("page", overdue.find(status, kind, null, null, PageRequest.forPage(page, size)));
        model.addAttribute("status", upper(status));
        model.addAttribute("kind", upper(kind));
        model.addAttribute("statuses", OverdueStatus.values());
        model.addAttribute("kinds", OverdueKind.values());
        return "procurement/overdue-supply";
    }

    private static String upper(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }
}
