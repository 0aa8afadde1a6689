package org.openvmi.security.web;

import org.openvmi.security.ApiKeys;
import org.openvmi.security.UserDirectory;
import org.openvmi.security.UserView;
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

/**
 * Admin page for API keys. A new key's secret is rendered in the response to the POST itself, never put in the
 * session or a redirect, so it exists only in that one page.
 */
@Controller
@RequestMapping("/admin/api-keys")
class ApiKeyPageController {

    private static final String PAGE = "security/api-keys";

    private final ApiKeys keys;
    private final UserDirectory users;
    private final MessageSource messages;

    ApiKeyPageController(ApiKeys keys, UserDirectory users, MessageSource messages) {
        this.keys = keys;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("newKey", new ApiKeyForm());
        return page(page, model);
    }

    @PostMapping
    String create(@ModelAttribute("newKey") ApiKeyForm form, BindingResult binding, Model model) {
        if (form.getName() == null) {
            binding.rejectValue("name", "apiKeys.error.nameRequired");
        }
        if (form.getUsername() == null) {
            binding.rejectValue("username", "apiKeys.error.ownerRequired");
        }
        if (!binding.hasErrors()) {
            FormErrors.run(
                    binding,
                    () -> model.addAttribute(
                            "created", keys.create(form.getName(), form.getUsername(), form.getScopes())));
        }
        if (!binding.hasErrors()) {
            form.setName(null);
            form.setUsername(null);
            form.setScopes(null);
        }
        return page(null, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        try {
            var key = keys.revoke(id);
            redirect.addFlashAttribute("flash", message("apiKeys.revokedFlash", key.name(), key.prefix()));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flashError", message("apiKeys.notFound", String.valueOf(id)));
        }
        return "redirect:/admin/api-keys";
    }

    private String page(Integer page, Model model) {
        model.addAttribute("page", keys.find(PageRequest.of(page, 50)));
        model.addAttribute("pageUrl", "/admin/api-keys");
        model.addAttribute("allScopes", org.openvmi.security.ApiKeyScope.values());
        model.addAttribute(
                "owners",
                users.list().stream()
                        .filter(UserView::enabled)
                        .map(UserView::username)
                        .toList());
        return PAGE;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
