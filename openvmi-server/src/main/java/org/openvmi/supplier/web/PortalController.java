package org.openvmi.supplier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvmi.supplier.PortalHome;
import org.openvmi.supplier.PortalView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The supplier portal home: the page and the same data as JSON. */
@Tag(name = "Supplier portal", description = "The supplier portal's home as JSON")
@Controller
class PortalController {

    private final PortalHome portal;
    private final MessageSource messages;

    PortalController(PortalHome portal, MessageSource messages) {
        this.portal = portal;
        this.messages = messages;
    }

    @Operation(operationId = "getPortal", summary = "The supplier portal's home: the caller's items and locations")
    @GetMapping("/api/v1/portal")
    @ResponseBody
    PortalView api() {
        return portal.home();
    }

    @GetMapping("/portal")
    String page(Model model) {
        PortalView view = portal.home();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("days", view.dayLabels());
        chart.put(
                "qty",
                view.dailyConsumption().stream()
                        .map(q -> q.stripTrailingZeros().toPlainString())
                        .toList());
        chart.put("label", messages.getMessage("supplier.portal.consumed", null, LocaleContextHolder.getLocale()));
        model.addAttribute("portal", view);
        model.addAttribute("chart", chart);
        return "supplier/portal";
    }
}
