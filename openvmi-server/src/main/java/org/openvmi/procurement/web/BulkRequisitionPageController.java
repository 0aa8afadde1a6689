package org.openvmi.procurement.web;

import java.util.List;
import org.openvmi.procurement.BulkOrdering;
import org.openvmi.procurement.BulkOutcome;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The requisition list's and the approval inbox's bulk actions (issue 21): submit, approve, create POs for the
 * checked requisitions; the list then shows per document what was done or refused, with links.
 */
@Controller
class BulkRequisitionPageController {

    private final BulkOrdering ordering;
    private final MessageSource messages;

    BulkRequisitionPageController(BulkOrdering ordering, MessageSource messages) {
        this.ordering = ordering;
        this.messages = messages;
    }

    @PostMapping("/requisitions/bulk-submit")
    String submit(
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        return run(ids, back, redirect, () -> ordering.submitAll(null, ids));
    }

    @PostMapping("/requisitions/bulk-approve")
    String approve(
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        return run(ids, back, redirect, () -> ordering.approveAll(null, ids, comment));
    }

    @PostMapping("/requisitions/bulk-order")
    String order(
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        return run(ids, back, redirect, () -> ordering.order(null, ids));
    }

    private String run(
            List<Long> ids, String back, RedirectAttributes redirect, java.util.function.Supplier<BulkOutcome> action) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flashError", text("planning.suggestions.noneSelected"));
        } else {
            try {
                BulkOutcome outcome = action.get();
                redirect.addFlashAttribute("bulkResults", outcome.results());
                redirect.addFlashAttribute("flash", text("bulk.done", outcome.done(), outcome.refused()));
            } catch (InvalidInputException | ConflictException | BusinessRuleException | NotFoundException e) {
                redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
            }
        }
        return "redirect:" + (back != null && back.startsWith("/requisitions") ? back : "/requisitions");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
