package org.openvmi.consignment.web;

import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the consignment pages share: localized flash texts and turning a refusal into a message for the user. */
@Component
class Pages {

    private final MessageSource messages;

    Pages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** Runs the action; a refusal becomes the error text (null when it went through). */
    static String refusal(Runnable action) {
        try {
            action.run();
            return null;
        } catch (InvalidInputException e) {
            return e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        } catch (BusinessRuleException | ConflictException | NotFoundException e) {
            return e.getMessage();
        }
    }

    /** Like {@link #refusal}, in the page's language and naming lines by number ({@link FormErrors#describe}). */
    String refusalText(Runnable action) {
        try {
            action.run();
            return null;
        } catch (InvalidInputException | BusinessRuleException | ConflictException | NotFoundException e) {
            return FormErrors.describe(e, messages);
        }
    }

    /** A refusal in the page's language ({@link FormErrors#describe}). */
    String describe(RuntimeException e) {
        return FormErrors.describe(e, messages);
    }

    /** The fields a refusal names with their messages in the page's language ({@link FormErrors#byField}). */
    java.util.Map<String, String> refusalFields(RuntimeException e) {
        return FormErrors.byField(e, messages);
    }

    /** Runs the action and flashes its outcome; returns the redirect. */
    <T> String act(RedirectAttributes redirect, String to, String doneCode, Supplier<T> action) {
        // the action's result is not shown: only whether it was refused (named `unused` for Error Prone)
        String error = refusalText(() -> {
            T unused = action.get();
        });
        if (error == null) {
            redirect.addFlashAttribute("flash", text(doneCode));
        } else {
            redirect.addFlashAttribute("flashError", error);
        }
        return "redirect:" + to;
    }
}
