package org.openvmi.stockpolicy.web;

import java.util.EnumSet;
import java.util.List;

import org.openvmi.shared.PageRequest;
import org.openvmi.shared.web.FormErrors;
import org.openvmi.stockpolicy.AlertStatus;
import org.openvmi.stockpolicy.AlertType;
import org.openvmi.stockpolicy.Alerts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The alert centre and the bell in the top bar (an htmx fragment polled every second). */
@Controller
@RequestMapping("/alerts")
class AlertPageController {

    private final Alerts alerts;
    private final MessageSource messages;

    AlertPageController(Alerts alerts, MessageSource messages) {
        this.alerts = alerts;
        this.messages = messages;
    }

    /** "ACTIVE" (the default) shows OPEN and ACKNOWLEDGED alerts, "ALL" everything, or one status. */
    @GetMapping
    String centre(@RequestParam(required = false) String status, @RequestParam(required = false) AlertType type,
                  @RequestParam(required = false) String warehouse, @RequestParam(required = false) String supplier,
                  @RequestParam(required = false) String item, @RequestParam(required = false) Integer page,
                  Model model) {
        String shown = status == null || status.isBlank() ? "ACTIVE" : status;
        List<AlertStatus> statuses = switch (shown) {
            case "ACTIVE" -> List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
            case "ALL" -> List.of();
            default -> List.of(AlertStatus.valueOf(shown));
        };
        model.addAttribute("page", alerts.find(type, statuses, warehouse, supplier, item, PageRequest.of(page, 50)));
        model.addAttribute("status", shown);
        model.addAttribute("statuses", List.of("ACTIVE", "OPEN", "ACKNOWLEDGED", "RESOLVED", "ALL"));
        model.addAttribute("type", type);
        model.addAttribute("types", EnumSet.allOf(AlertType.class));
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("supplier", supplier);
        model.addAttribute("item", item);
        model.addAttribute("pageUrl", url(shown, type, warehouse, supplier, item));
        alerts.markSeen(); // opening the centre clears the bell
        return "stockpolicy/alerts";
    }

    @GetMapping("/bell")
    String bell(Model model) {
        model.addAttribute("unseen", alerts.unseen());
        return "stockpolicy/alerts :: bell";
    }

    @PostMapping("/{id}/ack")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) String comment,
                       @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            alerts.acknowledge(id, comment);
            redirect.addFlashAttribute("flash", text("alerts.acknowledged", id));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e));
        }
        return "redirect:" + safeBack(back);
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String comment,
                   @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            alerts.resolve(id, comment);
            redirect.addFlashAttribute("flash", text("alerts.resolved", id));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e));
        }
        return "redirect:" + safeBack(back);
    }

    /** Only a path of the alert centre itself, never an outside address. */
    private static String safeBack(String back) {
        return back != null && back.startsWith("/alerts") && !back.startsWith("//") ? back : "/alerts";
    }

    private static String url(String status, AlertType type, String warehouse, String supplier, String item) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/alerts").queryParam("status", status);
        if (type != null) {
            b.queryParam("type", type);
        }
        if (warehouse != null && !warehouse.isBlank()) {
            b.queryParam("warehouse", warehouse);
        }
        if (supplier != null && !supplier.isBlank()) {
            b.queryParam("supplier", supplier);
        }
        if (item != null && !item.isBlank()) {
            b.queryParam("item", item);
        }
        return b.encode().toUriString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
