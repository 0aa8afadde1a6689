package org.openvmi.procurement.web;

import java.util.Arrays;

import org.openvmi.procurement.OverdueKind;
import org.openvmi.procurement.OverdueStatus;
import org.openvmi.procurement.OverdueSupply;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The overdue-supply list (采购延迟), filtered by status (default OPEN; "" = all) and kind, oldest due date first. */
@Controller
class OverdueSupplyPageController {

    private final OverdueSupply overdue;

    OverdueSupplyPageController(OverdueSupply overdue) {
        this.overdue = overdue;
    }

    @GetMapping("/overdue-supply")
    String list(@RequestParam(required = false, defaultValue = "OPEN") String status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model) {
        OverdueStatus s = parse(OverdueStatus.class, "status", status);
        OverdueKind k = parse(OverdueKind.class, "kind", kind);
        model.addAttribute("page", overdue.find(s, k, PageRequest.forPage(page, size)));
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("statuses", OverdueStatus.values());
        model.addAttribute("kinds", OverdueKind.values());
        return "procurement/overdue-supply";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> InvalidInputException.of(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
    }
}
