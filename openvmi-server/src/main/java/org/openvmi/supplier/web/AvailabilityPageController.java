package org.openvmi.supplier.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.web.XlsxDownload;
import org.openvmi.supplier.ShortageOrder;
import org.openvmi.supplier.ShortageView;
import org.openvmi.supplier.SupplierAvailability;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The buyer's "who has stock" screen (one or many items, optional quantity) and the shortage list. */
@Controller
class AvailabilityPageController {

    private final SupplierAvailability availability;
    private final MessageSource messages;
    private final Clock clock;

    AvailabilityPageController(SupplierAvailability availability, MessageSource messages, Clock clock) {
        this.availability = availability;
        this.messages = messages;
        this.clock = clock;
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

    /** Every shortage of the filter (not one page) as a spreadsheet, in the page's default order. */
    @GetMapping("/shortages/export")
    void exportShortages(@RequestParam(required = false) String warehouse, HttpServletResponse response)
            throws IOException {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        List<List<?>> rows = new java.util.ArrayList<>();
        for (ShortageView s : availability.shortages(warehouse == null || warehouse.isBlank() ? null : warehouse)) {
            rows.add(Arrays.asList(
                    s.item(),
                    s.itemName(),
                    s.uom(),
                    s.warehouse(),
                    s.onHand(),
                    s.onOrder(),
                    s.position(),
                    s.safety(),
                    s.warning(),
                    s.max(),
                    s.need(),
                    BigDecimal.valueOf(s.covering())));
        }
        List<String> headings = new java.util.ArrayList<>();
        for (String key : List.of(
                "supplier.item",
                "supplier.itemName",
                "supplier.shortages.export.uom",
                "supplier.warehouse",
                "supplier.shortages.export.onHand",
                "supplier.shortages.export.onOrder",
                "supplier.shortages.export.position",
                "supplier.shortages.export.safety",
                "supplier.shortages.export.warning",
                "supplier.shortages.export.max",
                "supplier.shortages.export.need",
                "supplier.shortages.export.covering")) {
            headings.add(messages.getMessage(key, null, key, locale));
        }
        XlsxDownload.write(response, "shortages", clock, headings, rows);
    }
}
