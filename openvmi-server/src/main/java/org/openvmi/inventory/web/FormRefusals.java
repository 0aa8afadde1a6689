package org.openvmi.inventory.web;

import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.FormErrors;
import org.springframework.beans.BeansException;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a use case behind a stock-document form and puts its refusals on the form: on the field it names, nested line
 * fields included ({@code lines[2].qty}), or above the form when the field is not on it.
 */
final class FormRefusals {

    private FormRefusals() {}

    static boolean run(BindingResult binding, Runnable action) {
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            for (FieldErrors.FieldError fe : e.errors()) {
                reject(binding, fe);
            }
        } catch (ConflictException e) {
            reject(binding, FormErrors.problem(e));
        } catch (BusinessRuleException e) {
            reject(binding, FormErrors.problem(e));
        } catch (NotFoundException e) {
            binding.reject("domain", e.getMessage());
        }
        return false;
    }

    /** Runs an action of a detail page (a button); its refusal becomes the page's error message after the redirect. */
    static boolean flash(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            return true;
        } catch (InvalidInputException | ConflictException | BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return false;
        }
    }

    /**
     * As {@link #flash(RedirectAttributes, Runnable)}, with the refusal in the page's language and a line named by its
     * number ("第 1 行：收货数量超过发货数量…") instead of its property path.
     */
    static boolean flash(RedirectAttributes redirect, Runnable action, MessageSource messages) {
        try {
            action.run();
            return true;
        } catch (InvalidInputException | ConflictException | BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
            return false;
        }
    }

    private static void reject(BindingResult binding, FieldErrors.FieldError problem) {
        String field = problem.field();
        String message = problem.message();
        if (field != null && field.contains(".") || field != null && !field.contains("[")) {
            try {
                FormErrors.rejectValue(binding, field, problem); // in the page's language where known
                return;
            } catch (BeansException notOnTheForm) {
                // fall through: show it above the form, naming the field
            }
        }
        binding.reject("domain", field == null ? message : field + ": " + message);
    }
}
