package org.openvmi.notification.web;

import jakarta.validation.Valid;

import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.notification.EmailMode;
import org.openvmi.notification.NotificationPreferences;
import org.openvmi.notification.PreferencesCommand;
import org.openvmi.notification.PreferencesView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each user's own notification preferences page. */
@Controller
@RequestMapping("/notifications/preferences")
class PreferencesPageController {

    private static final String PAGE = "notification/preferences";

    private final NotificationPreferences preferences;
    private final WarehouseCatalog warehouses;
    private final MessageSource messages;

    PreferencesPageController(NotificationPreferences preferences, WarehouseCatalog warehouses, MessageSource messages) {
        this.preferences = preferences;
        this.warehouses = warehouses;
        this.messages = messages;
    }

    @GetMapping
    String show(Model model) {
        PreferencesView mine = preferences.mine();
        PreferencesCommand form = new PreferencesCommand();
        form.setEmailMode(mine.emailMode());
        form.setWarehouses(mine.warehouses());
        form.setAlertTypes(mine.alertTypes());
        model.addAttribute("prefs", form);
        return page(mine, model);
    }

    @PostMapping
    String save(@Valid @ModelAttribute("prefs") PreferencesCommand form, BindingResult binding, Model model,
                RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            FormErrors.run(binding, () -> preferences.saveMine(form));
        }
        if (binding.hasErrors()) {
            return page(preferences.mine(), model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("notification.prefs.saved", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/notifications/preferences";
    }

    private String page(PreferencesView mine, Model model) {
        model.addAttribute("mine", mine);
        model.addAttribute("modes", EmailMode.values());
        model.addAttribute("alertTypes", preferences.alertTypes());
        model.addAttribute("warehouses", warehouses.find(null, PageRequest.of(0, 1000)).content());
        return PAGE;
    }
}
