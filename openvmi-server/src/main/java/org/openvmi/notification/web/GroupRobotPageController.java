package org.openvmi.notification.web;

import java.util.ArrayList;
import java.util.List;
import org.openvmi.notification.GroupRobotCommand;
import org.openvmi.notification.GroupRobotView;
import org.openvmi.notification.GroupRobots;
import org.openvmi.notification.NotificationChannel;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.web.FormErrors;
import org.openvmi.stockpolicy.AlertType;
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
 * Group robot pages (ADR 0076): list (address masked, secret never shown), add, edit, enable / disable, send a test
 * message, delete. The
 * buyer's admin works at {@code /admin/robots} with every scope; a supplier user at {@code /portal/robots} with its
 * own supplier's robots only (the service scopes them: another supplier's robot is a 404 here).
 */
@Controller
@RequestMapping({"/admin/robots", "/portal/robots"})
class GroupRobotPageController {

    private final GroupRobots robots;
    private final MessageSource messages;

    GroupRobotPageController(GroupRobots robots, MessageSource messages) {
        this.robots = robots;
        this.messages = messages;
    }

    /** The add and edit form (a bean for Thymeleaf's fields). */
    public static class Form {
        private String name;
        private NotificationChannel kind = NotificationChannel.WECOM;
        private String address;
        private String secret;
        private String warehouse;
        private String supplier;
        private boolean alerts = true;
        private List<AlertType> alertTypes = new ArrayList<>();
        private boolean approvals;
        private boolean toShip;
        private String language = "zh-CN";
        private boolean enabled = true;
        private boolean removeSecret;

        /** The edit form of a robot as listed: its address masked, its secret field empty (blank keeps it). */
        static Form of(GroupRobotView r) {
            Form f = new Form();
            f.name = r.name();
            f.kind = r.kind();
            f.address = r.address();
            f.warehouse = r.warehouse();
            f.supplier = r.supplier();
            f.alerts = r.alerts();
            f.alertTypes = new ArrayList<>(r.alertTypes());
            f.approvals = r.approvals();
            f.toShip = r.toShip();
            f.language = r.language();
            f.enabled = r.enabled();
            return f;
        }

        /** The one mapping from the page's fields to the API's command, so the page and the API change alike. */
        GroupRobotCommand toCommand() {
            return new GroupRobotCommand(
                    name,
                    kind,
                    address,
                    secret,
                    warehouse,
                    supplier,
                    alerts,
                    alertTypes,
                    approvals,
                    toShip,
                    language,
                    enabled,
                    removeSecret);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public NotificationChannel getKind() {
            return kind;
        }

        public void setKind(NotificationChannel kind) {
            this.kind = kind;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public String getWarehouse() {
            return warehouse;
        }

        public void setWarehouse(String warehouse) {
            this.warehouse = warehouse;
        }

        public String getSupplier() {
            return supplier;
        }

        public void setSupplier(String supplier) {
            this.supplier = supplier;
        }

        public boolean isAlerts() {
            return alerts;
        }

        public void setAlerts(boolean alerts) {
            this.alerts = alerts;
        }

        public List<AlertType> getAlertTypes() {
            return alertTypes;
        }

        public void setAlertTypes(List<AlertType> alertTypes) {
            this.alertTypes = alertTypes == null ? new ArrayList<>() : alertTypes;
        }

        public boolean isApprovals() {
            return approvals;
        }

        public void setApprovals(boolean approvals) {
            this.approvals = approvals;
        }

        public boolean isToShip() {
            return toShip;
        }

        public void setToShip(boolean toShip) {
            this.toShip = toShip;
        }

        public String getLanguage() {
            return language;
        }

        public void setLanguage(String language) {
            this.language = language;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isRemoveSecret() {
            return removeSecret;
        }

        public void setRemoveSecret(boolean removeSecret) {
            this.removeSecret = removeSecret;
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("robot", new Form());
        return page(model);
    }

    @PostMapping
    String create(@ModelAttribute("robot") Form form, BindingResult binding, Model model, RedirectAttributes redirect) {
        FormErrors.run(binding, () -> robots.create(form.toCommand()));
        if (binding.hasErrors()) {
            return page(model);
        }
        redirect.addFlashAttribute("flash", message("robots.created", form.getName()));
        return "redirect:" + base();
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        GroupRobotView r = robots.get(id); // another supplier's robot: 404
        model.addAttribute("robot", Form.of(r));
        return editPage(r, model);
    }

    @PostMapping("/{id}/edit")
    String update(
            @PathVariable long id,
            @ModelAttribute("robot") Form form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        GroupRobotView r = robots.get(id);
        FormErrors.run(binding, () -> robots.update(id, form.toCommand()));
        if (binding.hasErrors()) {
            return editPage(r, model);
        }
        redirect.addFlashAttribute("flash", message("robots.saved", form.getName()));
        return "redirect:" + base();
    }

    /** The row's enable / disable button; another supplier's robot is a 404. */
    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        GroupRobotView r = robots.setEnabled(id, enabled);
        redirect.addFlashAttribute("flash", message(enabled ? "robots.enabledNow" : "robots.disabledNow", r.name()));
        return "redirect:" + base();
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "flash", message("robots.testQueued", robots.sendTest(id).name()));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flashError", message("robots.notFound", id));
        }
        return "redirect:" + base();
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            robots.delete(id);
            redirect.addFlashAttribute("flash", message("robots.deleted", id));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flashError", message("robots.notFound", id));
        }
        return "redirect:" + base();
    }

    private String page(Model model) {
        model.addAttribute("robots", robots.list());
        return formPage(model, "notification/robots");
    }

    private String editPage(GroupRobotView r, Model model) {
        model.addAttribute("edited", r);
        return formPage(model, "notification/robot-edit");
    }

    /** What the robot form's fields need, on the list (add) and on the edit page. */
    private static String formPage(Model model, String view) {
        model.addAttribute("base", base());
        model.addAttribute("supplierPage", !PartyScope.current().seesAll());
        model.addAttribute("alertTypes", AlertType.values());
        return view;
    }

    private static String base() {
        return PartyScope.current().seesAll() ? "/admin/robots" : "/portal/robots";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
