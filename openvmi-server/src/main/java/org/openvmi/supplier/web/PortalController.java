package org.openvmi.supplier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularWriter;
import org.openvmi.supplier.PortalHome;
import org.openvmi.supplier.PortalView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

    /**
     * The portal's consumption chart as a spreadsheet (issue 15: every chart's data exportable to XLSX): a row per day
     * of the units of the caller's own items consumed at the buyer, the same figures as the chart. Always the signed-in
     * supplier's own (PortalHome reads the caller's party scope); nothing can name another supplier.
     */
    @GetMapping("/portal/charts/consumption.xlsx")
    void consumptionXlsx(HttpServletResponse response) throws IOException {
        PortalView view = portal.home();
        String file = "portal-consumption-" + view.supplier() + "-"
                + (view.dayLabels().isEmpty()
                                ? ""
                                : view.dayLabels().get(view.dayLabels().size() - 1))
                        .replace("-", "")
                + ".xlsx";
        response.setContentType(TabularFormat.XLSX.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        java.util.Locale locale = LocaleContextHolder.getLocale();
        try (TabularWriter writer = TabularWriter.open(
                List.of(
                        messages.getMessage("supplier.portal.export.day", null, locale),
                        messages.getMessage("supplier.portal.consumed", null, locale)),
                TabularFormat.XLSX,
                response.getOutputStream())) {
            for (int i = 0; i < view.dayLabels().size(); i++) {
                writer.row(
                        List.of(view.dayLabels().get(i), view.dailyConsumption().get(i)));
            }
        }
        response.flushBuffer();
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
