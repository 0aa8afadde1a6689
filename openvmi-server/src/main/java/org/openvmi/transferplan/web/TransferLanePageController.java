package org.openvmi.transferplan.web;

import java.math.BigDecimal;
import org.openvmi.shared.web.FormErrors;
import org.openvmi.transferplan.TransferLaneRequest;
import org.openvmi.transferplan.TransferLanes;
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

/** The lane table's small admin page (调拨线路): add, change cost and transit days, delete. */
@Controller
@RequestMapping("/transfer-lanes")
class TransferLanePageController {

    private final TransferLanes lanes;
    private final MessageSource messages;

    TransferLanePageController(TransferLanes lanes, MessageSource messages) {
        this.lanes = lanes;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("lanes", lanes.list());
        return "transferplan/lanes";
    }

    @PostMapping
    String create(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) BigDecimal costPerUnit,
            @RequestParam(required = false) Integer transitDays,
            RedirectAttributes redirect) {
        return run(redirect, () -> lanes.create(new TransferLaneRequest(from, to, costPerUnit, transitDays, null)));
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @RequestParam(required = false) BigDecimal costPerUnit,
            @RequestParam(required = false) Integer transitDays,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return run(
                redirect,
                () -> lanes.update(id, new TransferLaneRequest(null, null, costPerUnit, transitDays, version)));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        return run(redirect, () -> lanes.delete(id));
    }

    private String run(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute(
                    "flash", messages.getMessage("transferLanes.saved", null, LocaleContextHolder.getLocale()));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
        }
        return "redirect:/transfer-lanes";
    }
}
