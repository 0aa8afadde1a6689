package org.openvmi.notification.web;

import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.notification.EmailMode;
import org.openvmi.notification.NotificationPreferences;
import org.openvmi.notification.PreferencesCommand;
import org.openvmi.notification.PreferencesView;
import org.openvmi.notification.ReportMail;
import org.openvmi.notification.ReportSubscriptions;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.InvalidInputException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each user's own notification preferences page. */
@Controller
@RequestMapping("/notifications/preferences")
class PreferencesPageController {

    private static final String PAGE = "notification/preferences";
    /** Zones offered in the list (any IANA zone ID may be typed): where the users of a Chinese VMI hub tend to sit. */
    private static final List<String> TIME_ZONES = UserDirectory.COMMON_TIME_ZONES;

    private final NotificationPreferences preferences;
    private final WarehouseCatalog warehouses;
    private final MessageSource messages;
    private final UserDirectory users;
    private final ReportSubscriptions reports;

    PreferencesPageController(
            NotificationPreferences preferences,
            WarehouseCatalog warehouses,
            MessageSource messages,
            UserDirectory users,
            ReportSubscriptions reports) {
        this.reports = reports;
        this.preferences = preferences;
        this.warehouses = warehouses;
        this.messages = messages;
        this.users = users;
    }

    @GetMapping
    String show(Model model) {
        PreferencesView mine = preferences.mine();
        model.addAttribute("prefs", form(mine));
        return page(mine, model);
    }

    @PostMapping
    String save(
            @Valid @ModelAttribute("prefs") PreferencesCommand form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            FormErrors.run(binding, () -> preferences.saveMine(form));
        }
        if (binding.hasErrors()) {
            return page(preferences.mine(), model);
        }
        redirect.addFlashAttribute(
                "flash", messages.getMessage("notification.prefs.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/notifications/preferences";
    }

    /**
     * The user's own time zone for the times on its pages (the page a user keeps its settings on); blank: the
     * server's. A refused zone is shown at the field with what was typed.
     */
    @PostMapping("/time-zone")
    String saveTimeZone(@RequestParam(required = false) String timeZone, Model model, RedirectAttributes redirect) {
        try {
            users.setTimeZone(CurrentUser.name(), timeZone);
        } catch (InvalidInputException e) {
            model.addAttribute("timeZoneError", FormErrors.byField(e, messages).get("timeZone"));
            model.addAttribute("timeZoneTyped", timeZone);
            PreferencesView mine = preferences.mine();
            model.addAttribute("prefs", form(mine));
            return page(mine, model);
        }
        redirect.addFlashAttribute(
                "flash",
                messages.getMessage("notification.prefs.timeZoneSaved", null, LocaleContextHolder.getLocale()));
        return "redirect:/notifications/preferences";
    }

    /**
     * The scheduled report mails (weekly KPI summary, stale-stock list): ticked ones are mailed, each for the warehouse
     * chosen in its list ({@code warehouse.<REPORT>}, blank: every warehouse), the others not. A refused warehouse is
     * shown at its list with the form as sent, and nothing is saved.
     */
    @PostMapping("/reports")
    String saveReports(
            @RequestParam(required = false) List<ReportMail> reports,
            @RequestParam java.util.Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        java.util.Map<ReportMail, String> chosen = new java.util.EnumMap<>(ReportMail.class);
        if (reports != null) {
            reports.forEach(r -> chosen.put(r, params.get("warehouse." + r.name())));
        }
        try {
            this.reports.saveMine(chosen);
        } catch (InvalidInputException e) {
            model.addAttribute("reportErrors", FormErrors.byField(e, messages));
            model.addAttribute("reportsTyped", chosen);
            java.util.Map<String, String> typed = new java.util.HashMap<>();
            for (ReportMail r : ReportMail.values()) {
                typed.put(r.name(), params.getOrDefault("warehouse." + r.name(), ""));
            }
            model.addAttribute("reportWarehousesTyped", typed);
            PreferencesView mine = preferences.mine();
            model.addAttribute("prefs", form(mine));
            return page(mine, model);
        }
        redirect.addFlashAttribute(
                "flash", messages.getMessage("report.prefs.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/notifications/preferences";
    }

    private static PreferencesCommand form(PreferencesView mine) {
        PreferencesCommand form = new PreferencesCommand();
        form.setEmailMode(mine.emailMode());
        form.setWarehouses(mine.warehouses());
        form.setAlertTypes(mine.alertTypes());
        form.setChannel(mine.channel());
        form.setRobotUrl(mine.robotUrl());
        return form;
    }

    private String page(PreferencesView mine, Model model) {
        if (!model.containsAttribute("timeZoneTyped")) {
            model.addAttribute(
                    "timeZoneTyped",
                    users.timeZone(CurrentUser.name()).map(ZoneId::getId).orElse(""));
        }
        model.addAttribute("timeZones", TIME_ZONES);
        model.addAttribute("mine", mine);
        model.addAttribute("reportsOffered", reports.offered());
        java.util.Map<ReportMail, org.openvmi.notification.ReportSubscriptionView> subscribed = reports.mineByReport();
        if (!model.containsAttribute("reportsTyped")) {
            // the form shows what is stored: ticks, and each report's warehouse (blank: every warehouse)
            java.util.Map<ReportMail, String> ticked = new java.util.EnumMap<>(ReportMail.class);
            java.util.Map<String, String> typed = new java.util.HashMap<>();
            subscribed.forEach((r, v) -> {
                ticked.put(r, v.warehouse());
                typed.put(r.name(), v.warehouse() == null ? "" : v.warehouse());
            });
            model.addAttribute("reportsTyped", ticked);
            model.addAttribute("reportWarehousesTyped", typed);
            model.addAttribute("reportErrors", java.util.Map.of());
        }
        model.addAttribute("reportKinds", ReportMail.values());
        model.addAttribute("modes", EmailMode.values());
        model.addAttribute("channels", org.openvmi.notification.NotificationChannel.values());
        model.addAttribute("alertTypes", preferences.alertTypes());
        model.addAttribute(
                "warehouses", warehouses.find(null, PageRequest.of(0, 1000)).content());
        return PAGE;
    }
}
