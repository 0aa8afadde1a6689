package org.openvmi.supplier.web;

import java.util.ArrayList;
import java.util.List;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.FormErrors;
import org.openvmi.supplier.InvitationCommand;
import org.openvmi.supplier.InvitationView;
import org.openvmi.supplier.SupplierInvitations;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Inviting supplier users (buyers, admins) and the public page behind the one-time link. */
@Controller
class InvitationPageController {

    private final SupplierInvitations invitations;
    private final MessageSource messages;

    InvitationPageController(SupplierInvitations invitations, MessageSource messages) {
        this.invitations = invitations;
        this.messages = messages;
    }

    @GetMapping("/supplier-invitations")
    String page(Model model) {
        model.addAttribute("invitation", new InvitationCommand());
        model.addAttribute("recent", invitations.recent());
        return "supplier/invitations";
    }

    /** A refusal is shown at its field with what the user typed kept; an unknown supplier at the supplier field. */
    @PostMapping("/supplier-invitations")
    String invite(
            @ModelAttribute("invitation") InvitationCommand command,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<InvitationView> sent = new ArrayList<>(1);
        FormErrors.run(binding, () -> {
            try {
                sent.add(invitations.invite(command, base));
            } catch (NotFoundException unknownSupplier) {
                throw InvalidInputException.of("supplier", CodedRefusal.unknown("supplier", command.getSupplier()));
            }
        });
        if (!sent.isEmpty()) {
            redirect.addFlashAttribute(
                    "flash", text("supplier.invite.sent", sent.get(0).email()));
            return "redirect:/supplier-invitations";
        }
        model.addAttribute("recent", invitations.recent());
        return "supplier/invitations";
    }

    @GetMapping("/invitations/{token}")
    String acceptPage(@PathVariable String token, Model model) {
        try {
            model.addAttribute("username", invitations.usernameFor(token));
        } catch (BusinessRuleException | NotFoundException e) {
            model.addAttribute("invalid", e.getMessage());
        }
        model.addAttribute("token", token);
        return "supplier/accept-invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation,
            Model model) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("done", invitations.accept(token, password, confirmation));
        } catch (InvalidInputException e) {
            model.addAttribute("flashError", FormErrors.describe(e, messages));
            model.addAttribute("username", invitations.usernameFor(token));
        } catch (BusinessRuleException | NotFoundException e) {
            model.addAttribute("invalid", e.getMessage());
        }
        return "supplier/accept-invitation";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
