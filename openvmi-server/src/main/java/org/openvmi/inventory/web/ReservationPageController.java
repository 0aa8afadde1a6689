package org.openvmi.inventory.web;

import org.openvmi.inventory.Reservations;
import org.openvmi.inventory.model.ReservationStatus;
import org.openvmi.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A small list of reservations with a release button; reservations themselves are made through the API. */
@Controller
@RequestMapping("/reservations")
class ReservationPageController {

    private final Reservations reservations;
    private final StockDocMessages messages;

    ReservationPageController(Reservations reservations, StockDocMessages messages) {
        this.reservations = reservations;
        this.messages = messages;
    }

    @ModelAttribute("statuses")
    ReservationStatus[] statuses() {
        return ReservationStatus.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute("status", status);
        model.addAttribute("item", item);
        model.addAttribute(
                "page",
                reservations.find(
                        status, item, null, PageRequest.forPage(page, size).sorted(sort, dir)));
        // the list's own path: the pager's and headings' links (@lists) carry the request's filters, sort and size
        model.addAttribute("pageUrl", "/reservations");
        return "inventory/reservations";
    }

    @PostMapping("/{id}/release")
    String release(@PathVariable long id, RedirectAttributes redirect) {
        if (FormRefusals.flash(redirect, () -> reservations.release(id))) {
            redirect.addFlashAttribute("flash", messages.get("reservations.released", id));
        }
        return "redirect:/reservations";
    }
}
