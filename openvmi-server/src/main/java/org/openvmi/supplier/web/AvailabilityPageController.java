package org.openvmi.supplier.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.supplier.ShortageOrder;
import org.openvmi.supplier.SupplierAvailability;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The buyer's "who has stock" screen (one or many items, optional quantity) and the shortage list. */
@Controller
class AvailabilityPageController {

    private final SupplierAvailability availability;

    AvailabilityPageController(SupplierAvailability availability) {
        this.availability = availability;
    }

    @GetMapping("/who-has-stock")
    String whoHasStock(
            @RequestParam(required = false) String items, @RequestParam(required = false) BigDecimal qty, Model model) {
        model.addAttribute("items", items);
        model.addAttribute("qty", qty);
        List<String> codes = items == null
                ? List.of()
                : Arrays.stream(items.split("[,;\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        if (!codes.isEmpty()) {
            try {
                model.addAttribute("answer", availability.whoHasStock(codes, qty));
            } catch (InvalidInputException e) {
                model.addAttribute("flashError", e.getMessage());
            }
        }
        return "supplier/who-has-stock";
    }

    @GetMapping("/shortages")
    String shortages(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        model.addAttribute("warehouse", warehouse);
        model.addAttribute(
                "page",
                availability.shortages(
                        warehouse, ShortageOrder.of(sort), "desc".equals(dir), PageRequest.forPage(page, size)));
        return "supplier/shortages";
    }
}
