package org.openvmi.notification.web;

import org.openvmi.notification.MailLog;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's mail log: what was queued, sent and failed, with attempts and the last error. */
@Controller
@RequestMapping("/admin/notifications/mails")
class MailLogPageController {

    private final MailLog mails;

    MailLogPageController(MailLog mails) {
        this.mails = mails;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        String s = status == null || status.isBlank() ? null : status;
        try {
            model.addAttribute(
                    "page", mails.find(s, PageRequest.forPage(page, size).sorted(sort, dir)));
        } catch (InvalidInputException e) {
            s = null; // an unknown status shows all mails, still in the order asked for
            model.addAttribute(
                    "page", mails.find(null, PageRequest.forPage(page, size).sorted(sort, dir)));
        }
        model.addAttribute("status", s);
        model.addAttribute("pageUrl", "/admin/notifications/mails");
        return "notification/mails";
    }
}
