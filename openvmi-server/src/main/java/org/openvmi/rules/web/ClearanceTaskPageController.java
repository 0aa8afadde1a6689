package org.openvmi.rules.web;

import org.openvmi.rules.ClearanceOutcome;
import org.openvmi.rules.ClearanceTasks;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clearance task list (清理任务): open first by due date, each closed with an outcome and a note. */
@Controller
@RequestMapping("/clearance-tasks")
class ClearanceTaskPageController {

    private final ClearanceTasks tasks;
    private final MessageSource messages;

    ClearanceTaskPageController(ClearanceTasks tasks, MessageSource messages) {
        this.tasks = tasks;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            Model model) {
        String s = status == null ? "OPEN" : status; // open tasks first; "" shows all
        model.addAttribute("status", s);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("statuses", ClearanceTasks.STATUSES);
        model.addAttribute("outcomes", ClearanceOutcome.Outcome.values());
        model.addAttribute(
                "page",
                tasks.find(ClearanceTasks.STATUSES.contains(s) ? s : null, warehouse, PageRequest.of(page, 50)));
        model.addAttribute("pageUrl", "/clearance-tasks?status=" + s);
        return "rules/clearance-tasks";
    }

    @PostMapping("/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            tasks.close(id, new ClearanceOutcome(outcome, note));
            redirect.addFlashAttribute(
                    "flash",
                    messages.getMessage("clearance.closed", new Object[] {id}, LocaleContextHolder.getLocale()));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
        }
        return "redirect:/clearance-tasks";
    }
}
