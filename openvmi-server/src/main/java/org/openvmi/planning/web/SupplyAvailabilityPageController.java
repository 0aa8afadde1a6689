package org.openvmi.planning.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.availability.Availability;
import org.openvmi.availability.AvailabilityView;
import org.openvmi.catalog.PlanningCatalog;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The availability panel of the item page (loaded there by htmx, so the catalog does not depend on planning):
 * projected available by date at one warehouse as a step chart and a table, with the figures planning uses.
 */
@Controller
class SupplyAvailabilityPageController {

    private final Availability availability;
    private final PlanningCatalog catalog;
    private final MessageSource messages;
    private final JsonMapper json;

    SupplyAvailabilityPageController(
            Availability availability, PlanningCatalog catalog, MessageSource messages, JsonMapper json) {
        this.availability = availability;
        this.catalog = catalog;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/availability/{item}")
    String panel(@PathVariable String item, @RequestParam(required = false) String warehouse, Model model) {
        List<String> warehouses =
                catalog.warehouseCodes().values().stream().sorted().toList();
        String chosen = warehouse != null && warehouses.contains(warehouse)
                ? warehouse
                : warehouses.isEmpty() ? null : warehouses.get(0);
        model.addAttribute("item", item);
        model.addAttribute("warehouses", warehouses);
        model.addAttribute("warehouse", chosen);
        if (chosen != null) {
            AvailabilityView a = availability.timeline(item, chosen);
            model.addAttribute("a", a);
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("dates", a.lines().stream().map(l -> l.date().toString()).toList());
            chart.put(
                    "projected",
                    a.lines().stream().map(AvailabilityView.Line::projected).toList());
            chart.put("atp", a.availableToPromise());
            chart.put("labels", Map.of("projected", text("availability.projected"), "atp", text("availability.atp")));
            model.addAttribute("chartJson", json.writeValueAsString(chart));
        }
        return "planning/availability :: panel";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
