package org.openvmi.security.web;

import jakarta.validation.Valid;
import java.util.List;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.security.Role;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
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

/** Admin pages for users: list, create, edit (roles, supplier binding, enable/disable, password reset). */
@Controller
@RequestMapping("/admin/users")
class UserPageController {

    private static final String FORM = "security/user-form";

    private final UserDirectory users;
    private final SupplierCatalog suppliers;
    private final MessageSource messages;

    UserPageController(UserDirectory users, SupplierCatalog suppliers, MessageSource messages) {
        this.users = users;
        this.suppliers = suppliers;
        this.messages = messages;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute("page", users.find(PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("pageUrl", "/admin/users");
        return "security/users";
    }

    /** The form's time-zone choices (any IANA zone ID may be typed). */
    @ModelAttribute("timeZones")
    List<String> timeZones() {
        return UserDirectory.COMMON_TIME_ZONES;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("user", new UserCommand());
        model.addAttribute("editing", false);
        return FORM;
    }

    @GetMapping("/{username}/edit")
    String editForm(@PathVariable String username, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("user", UserCommand.from(users.get(username)));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flashError", message("users.notFound", username));
            return "redirect:/admin/users";
        }
        model.addAttribute("editing", true);
        return FORM;
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("user") UserCommand user,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("editing", false);
        UserFormChecks.check(user, true, suppliers, binding);
        if (binding.hasErrors() || !save(binding, user, () -> users.create(user))) {
            return FORM;
        }
        redirect.addFlashAttribute("flash", message("users.created", user.getUsername()));
        return "redirect:/admin/users";
    }

    @PostMapping("/{username}")
    String update(
            @PathVariable String username,
            @Valid @ModelAttribute("user") UserCommand user,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        user.setUsername(username);
        model.addAttribute("editing", true);
        UserFormChecks.check(user, false, suppliers, binding);
        if (binding.hasErrors() || !save(binding, user, () -> users.update(username, user))) {
            return FORM;
        }
        redirect.addFlashAttribute(
                "flash", message(user.getPassword() == null ? "users.saved" : "users.passwordReset", username));
        return "redirect:/admin/users";
    }

    /** Runs the use case; its refusals become messages on the form's fields, translated where we know them. */
    private boolean save(BindingResult binding, UserCommand user, Runnable action) {
        try {
            action.run();
            return true;
        } catch (ConflictException e) {
            binding.rejectValue("username", "users.error.duplicate", new Object[] {user.getUsername()}, e.getMessage());
        } catch (BusinessRuleException e) {
            binding.rejectValue(e.field() == null ? "roles" : e.field(), "users.error.lastAdmin", null, e.getMessage());
        } catch (RuntimeException e) {
            return FormErrors.run(binding, () -> {
                throw e;
            });
        }
        return false;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
