package org.openvmi.stockpolicy.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.web.FormErrors;
import org.openvmi.stockpolicy.AlertOrder;
import org.openvmi.stockpolicy.AlertStatus;
import org.openvmi.stockpolicy.AlertType;
import org.openvmi.stockpolicy.AlertView;
import org.openvmi.stockpolicy.Alerts;
import org.openvmi.stockpolicy.BulkAcknowledgement;
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

    /**
     * "ACTIVE" (the default) shows OPEN and ACKNOWLEDGED alerts, "ALL" everything, or one status. {@code scope}
     * "mine" (the default) keeps to the user's warehouses and types (its notification preferences), "all" shows
     * everything the user may see; {@code group} orders the rows by warehouse or supplier under a heading each.
     */
    @GetMapping
    String centre(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) AlertType type,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) AlertOrder group,
            Model model) {
        boolean mine = !"all".equals(scope);
        AlertOrder order = group == null ? AlertOrder.NEWEST : group;
        String shown = status == null || status.isBlank() ? "ACTIVE" : status;
        List<AlertStatus> statuses = switch (shown) {
            case "ACTIVE" -> List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
            case "ALL" -> List.of();
            default -> List.of(AlertStatus.valueOf(shown));
        };
        var rows = alerts.find(
                type,
                statuses,
                warehouse,
                supplier,
                item,
                mine,
                order,
                PageRequest.forPage(page, size).sorted(sort, dir));
        model.addAttribute("page", rows);
        model.addAttribute(
                "groups",
                order == AlertOrder.NEWEST
                        ? Map.of()
                        : alerts.groupsOf(
                                rows.content().stream().map(AlertView::id).toList(), order));
        model.addAttribute("group", order);
        model.addAttribute("orders", EnumSet.allOf(AlertOrder.class));
        model.addAttribute("scope", mine ? "mine" : "all");
        model.addAttribute("status", shown);
        model.addAttribute("statuses", List.of("ACTIVE", "OPEN", "ACKNOWLEDGED", "RESOLVED", "ALL"));
        model.addAttribute("type", type);
        model.addAttribute("types", EnumSet.allOf(AlertType.class));
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("supplier", supplier);
        model.addAttribute("item", item);
        model.addAttribute("pageUrl", url(shown, type, warehouse, supplier, item, mine, order));
        alerts.markSeen(); // opening the centre clears the bell
        return "stockpolicy/alerts";
    }

    @GetMapping("/bell")
    String bell(Model model) {
        model.addAttribute("unseen", alerts.unseen());
        return "stockpolicy/bell :: bell";
    }

    /** One alert with the history of its levels. */
    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("a", alerts.get(id));
        model.addAttribute("history", alerts.history(id));
        return "stockpolicy/alert";
    }

    /**
     * Bulk acknowledgement: the ticked alerts ({@code ids}), or with {@code filtered=true} every OPEN alert matching
     * the filter the page was showing (at most {@value Alerts#BULK_LIMIT}), with one comment.
     */
    @PostMapping("/ack")
    String acknowledgeAll(
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) boolean filtered,
            @RequestParam(required = false) AlertType type,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        try {
            BulkAcknowledgement done;
            if (filtered) {
                done = alerts.acknowledgeFiltered(type, warehouse, supplier, item, !"all".equals(scope), comment);
            } else if (ids == null || ids.isEmpty()) {
                redirect.addFlashAttribute("flashError", text("alerts.bulk.noneSelected"));
                return "redirect:" + safeBack(back);
            } else {
                done = alerts.acknowledgeAll(ids, comment);
            }
            redirect.addFlashAttribute(
                    "flash",
                    text(
                            "alerts.bulk.done",
                            done.acknowledged().size(),
                            done.skipped().size()));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e));
        }
        return "redirect:" + safeBack(back);
    }

    @PostMapping("/{id}/ack")
    String acknowledge(
            @PathVariable long id,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        try {
            alerts.acknowledge(id, comment);
            redirect.addFlashAttribute("flash", text("alerts.acknowledged", id));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e));
        }
        return "redirect:" + safeBack(back);
    }

    @PostMapping("/{id}/resolve")
    String resolve(
            @PathVariable long id,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
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

    private static String url(
            String status,
            AlertType type,
            String warehouse,
            String supplier,
            String item,
            boolean mine,
            AlertOrder order) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/alerts")
                .queryParam("status", status)
                .queryParam("scope", mine ? "mine" : "all");
        if (order != AlertOrder.NEWEST) {
            b.queryParam("group", order);
        }
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
