package org.openvmi.integration.web;

import java.util.List;
import org.openvmi.integration.DeliveryView;
import org.openvmi.integration.WebhookCommand;
import org.openvmi.integration.Webhooks;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Webhook pages: list and register (the secret is shown in the answer to the POST only, never again), pause/resume,
 * send a test ping, delete, and each webhook's delivery log with "redeliver". The buyer's admin works at
 * {@code /admin/webhooks} with every event type; a supplier user at {@code /portal/webhooks} (its portal) with its
 * own supplier's types, seeing and touching only its supplier's webhooks (the service scopes them).
 */
@Controller
@RequestMapping({"/admin/webhooks", "/portal/webhooks"})
class WebhookPageController {

    private static final String LIST = "integration/webhooks";
    private static final String DELIVERIES = "integration/deliveries";

    private final Webhooks webhooks;
    private final MessageSource messages;

    WebhookPageController(Webhooks webhooks, MessageSource messages) {
        this.webhooks = webhooks;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, Model model) {
        WebhookCommand form = new WebhookCommand();
        form.setEventTypes(eventTypes());
        model.addAttribute("newHook", form);
        return listPage(page, model);
    }

    @PostMapping
    String register(@ModelAttribute("newHook") WebhookCommand form, BindingResult binding, Model model) {
        FormErrors.run(binding, () -> model.addAttribute("created", webhooks.register(form)));
        if (!binding.hasErrors()) {
            WebhookCommand fresh = new WebhookCommand();
            fresh.setEventTypes(eventTypes());
            model.addAttribute("newHook", fresh);
        }
        return listPage(null, model);
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        try {
            webhooks.setActive(id, active);
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flashError", message("webhooks.notFound", id));
        }
        return "redirect:" + base();
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        try {
            DeliveryView d = webhooks.sendTest(id);
            redirect.addFlashAttribute("flash", message("webhooks.testQueued", d.id()));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flashError", message("webhooks.notFound", id));
            return "redirect:" + base();
        }
        return "redirect:" + base() + "/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            webhooks.delete(id);
            redirect.addFlashAttribute("flash", message("webhooks.deleted", id));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flashError", message("webhooks.notFound", id));
        }
        return "redirect:" + base();
    }

    @GetMapping("/{id}")
    String deliveries(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String status,
            Model model,
            RedirectAttributes redirect) {
        try {
            model.addAttribute("hook", webhooks.get(id));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flashError", message("webhooks.notFound", id));
            return "redirect:" + base();
        }
        model.addAttribute(
                "page",
                webhooks.deliveries(id, status, PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("status", "FAILED".equals(status) ? status : null);
        model.addAttribute("pageUrl", base() + "/" + id + ("FAILED".equals(status) ? "?status=FAILED" : ""));
        model.addAttribute("base", base());
        return DELIVERIES;
    }

    @PostMapping("/{id}/deliveries/replay-failed")
    String replayFailed(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean outOfOrder,
            RedirectAttributes redirect) {
        try {
            Webhooks.Replay r = webhooks.redeliverFailed(id, outOfOrder);
            redirect.addFlashAttribute(
                    "flash",
                    r.overtaken() == 0
                            ? message("webhooks.replayed", r.replayed())
                            : message("webhooks.replayedOvertakenLeft", r.replayed(), r.overtaken()));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flashError", message("webhooks.notFound", id));
            return "redirect:" + base();
        }
        return "redirect:" + base() + "/" + id;
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(
            @PathVariable long id,
            @PathVariable long deliveryId,
            @RequestParam(defaultValue = "false") boolean outOfOrder,
            RedirectAttributes redirect) {
        try {
            webhooks.redeliver(id, deliveryId, outOfOrder);
            redirect.addFlashAttribute("flash", message("webhooks.redelivering", deliveryId));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", message("webhooks.overtaken", deliveryId));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flashError", message("webhooks.notFound", id));
            return "redirect:" + base();
        }
        return "redirect:" + base() + "/" + id;
    }

    private String listPage(Integer page, Model model) {
        model.addAttribute("page", webhooks.find(PageRequest.of(page, 50)));
        model.addAttribute("pageUrl", base());
        model.addAttribute("base", base());
        model.addAttribute("supplierPage", !PartyScope.current().seesAll());
        model.addAttribute("eventTypes", eventTypes());
        return LIST;
    }

    /** The buyer's admin pages, or a supplier user's in its portal. */
    private static String base() {
        return PartyScope.current().seesAll() ? "/admin/webhooks" : "/portal/webhooks";
    }

    /** The types the caller may subscribe to: all for the buyer, its own events for a supplier. */
    private static List<String> eventTypes() {
        return PartyScope.current().seesAll() ? WebhookEventTypes.ALL : WebhookEventTypes.SUPPLIER_OWNED;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
