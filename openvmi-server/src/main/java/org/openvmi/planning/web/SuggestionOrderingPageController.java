package org.openvmi.planning.web;

import java.util.List;
import java.util.UUID;
import org.openvmi.planning.SuggestionOrdering;
import org.openvmi.procurement.BulkOutcome;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Suggestions → requisitions on the page (issue 21): the checked suggestions, or all open purchase suggestions on
 * the filter, are shown grouped by supplier × warehouse with every changed supplier or price and its reason
 * (confirmation step, a read-only POST so the checked ids stay out of the URL); confirming creates them and the suggestions page shows at the top what was created.
 */
@Controller
class SuggestionOrderingPageController {

    private final SuggestionOrdering ordering;
    private final MessageSource messages;

    SuggestionOrderingPageController(SuggestionOrdering ordering, MessageSource messages) {
        this.ordering = ordering;
        this.messages = messages;
    }

    @PostMapping("/planning/suggestions/confirm")
    String confirm(
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) boolean all,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String urgency,
            @RequestParam(required = false) String item,
            Model model,
            RedirectAttributes redirect) {
        SuggestionSelection selection = new SuggestionSelection(ids, all, warehouse, supplier, urgency, item);
        try {
            model.addAttribute("plan", ordering.preview(selection.request()));
        } catch (InvalidInputException | BusinessRuleException | NotFoundException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
            return "redirect:" + selection.listUrl();
        }
        model.addAttribute("selection", selection);
        model.addAttribute("key", UUID.randomUUID().toString()); // a second submit of the same form replays
        return "planning/suggestions-confirm";
    }

    @PostMapping("/planning/suggestions/requisitions")
    String create(
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) boolean all,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String urgency,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String key,
            RedirectAttributes redirect) {
        SuggestionSelection selection = new SuggestionSelection(ids, all, warehouse, supplier, urgency, item);
        try {
            BulkOutcome outcome = ordering.create(key, selection.request());
            redirect.addFlashAttribute("bulkResults", outcome.results());
            redirect.addFlashAttribute(
                    "flash",
                    messages.getMessage(
                            "bulk.requisitions.created",
                            new Object[] {outcome.done(), outcome.refused()},
                            LocaleContextHolder.getLocale()));
        } catch (InvalidInputException | ConflictException | BusinessRuleException | NotFoundException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
        }
        return "redirect:" + selection.listUrl();
    }
}
