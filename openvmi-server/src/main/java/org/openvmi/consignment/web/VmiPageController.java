package org.openvmi.consignment.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.openvmi.consignment.AgreementView;
import org.openvmi.consignment.Agreements;
import org.openvmi.consignment.CallOffRequest;
import org.openvmi.consignment.CallOffs;
import org.openvmi.consignment.ConsumptionRequest;
import org.openvmi.consignment.Consumptions;
import org.openvmi.consignment.ToShipBoard;
import org.openvmi.consignment.model.OwnershipMode;
import org.openvmi.consignment.model.SettlementCycle;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the VMI side: agreements, the to-ship board with SLA, consignment stock, call-offs, consumption. */
@Controller
class VmiPageController {

    private final Agreements agreements;
    private final ToShipBoard board;
    private final CallOffs callOffs;
    private final Consumptions consumptions;
    private final Pages pages;
    private final Clock clock;

    VmiPageController(
            Agreements agreements,
            ToShipBoard board,
            CallOffs callOffs,
            Consumptions consumptions,
            Pages pages,
            Clock clock) {
        this.agreements = agreements;
        this.board = board;
        this.callOffs = callOffs;
        this.consumptions = consumptions;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/vmi/agreements")
    String agreements(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute(
                "page", agreements.find(null, PageRequest.forPage(page, size).sorted(sort, dir)));
        return "consignment/agreements";
    }

    @GetMapping("/vmi/agreements/new")
    String newAgreement(Model model) {
        model.addAttribute("agreement", AgreementForm.blank(LocalDate.now(clock)));
        return agreementForm(model);
    }

    @PostMapping("/vmi/agreements")
    String create(@ModelAttribute("agreement") AgreementForm form, Model model, RedirectAttributes redirect) {
        AgreementView[] created = new AgreementView[1];
        String error = pages.refusalText(() -> created[0] = agreements.create(form.toRequest()));
        if (error != null) {
            form.pad();
            model.addAttribute("formError", error);
            return agreementForm(model);
        }
        redirect.addFlashAttribute("flash", pages.text("vmi.agreement.created", created[0].id()));
        return "redirect:/vmi/agreements/" + created[0].id();
    }

    @GetMapping("/vmi/agreements/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("agreement", AgreementForm.of(agreements.get(id, null)));
        model.addAttribute("agreementId", id);
        return agreementForm(model);
    }

    /** Saves the form as the agreement's next version, effective now. */
    @PostMapping("/vmi/agreements/{id}")
    String change(
            @PathVariable long id,
            @ModelAttribute("agreement") AgreementForm form,
            Model model,
            RedirectAttributes redirect) {
        String error = pages.refusalText(() -> agreements.change(id, form.toRequest()));
        if (error != null) {
            form.pad();
            model.addAttribute("formError", error);
            model.addAttribute("agreementId", id);
            return agreementForm(model);
        }
        redirect.addFlashAttribute("flash", pages.text("vmi.agreement.created", id));
        return "redirect:/vmi/agreements/" + id;
    }

    private String agreementForm(Model model) {
        model.addAttribute("modes", OwnershipMode.values());
        model.addAttribute("cycles", SettlementCycle.values());
        return "consignment/agreement-form";
    }

    @GetMapping("/vmi/agreements/{id}")
    String agreement(@PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
        model.addAttribute("a", agreements.get(id, version));
        return "consignment/agreement";
    }

    @GetMapping("/vmi/to-ship")
    String toShip(@RequestParam(required = false) String supplier, Model model) {
        model.addAttribute("lines", board.lines(supplier, true));
        model.addAttribute("sla", board.sla());
        model.addAttribute("supplier", supplier);
        return "consignment/to-ship";
    }

    @PostMapping("/shipments/suggested")
    String shipSuggested(
            @RequestParam String item,
            @RequestParam String location,
            @RequestParam String supplier,
            @RequestParam(required = false) String lot,
            RedirectAttributes redirect) {
        long[] id = new long[1];
        String error = Pages.refusal(() -> id[0] = board.ship(
                        item, location, supplier, lot, OffsetDateTime.now(clock).plusDays(1))
                .id());
        if (error != null) {
            redirect.addFlashAttribute("flashError", error);
            return "redirect:/vmi/to-ship";
        }
        redirect.addFlashAttribute("flash", pages.text("vmi.shipment.created", id[0]));
        return "redirect:/shipments/" + id[0];
    }

    @GetMapping("/vmi/stock")
    String stock(Model model) {
        var lines = board.lines(null, false);
        model.addAttribute("lines", lines);
        model.addAttribute(
                "totalValue", lines.stream().map(l -> l.consignedValue()).reduce(BigDecimal.ZERO, BigDecimal::add));
        return "consignment/stock";
    }

    @PostMapping("/vmi/consumptions")
    String consume(
            @RequestParam String item,
            @RequestParam String location,
            @RequestParam BigDecimal qty,
            @RequestParam(required = false) String reference,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "/vmi/stock",
                "vmi.consumed",
                () -> consumptions.consume(new ConsumptionRequest(item, location, qty, reference)));
    }

    @GetMapping("/vmi/calloffs")
    String callOffs(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        // ?status= is the home page's link "call-offs to confirm" (REQUESTED)
        String shown = status == null || status.isBlank() ? null : status.trim();
        model.addAttribute(
                "page", callOffs.find(shown, PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("status", shown);
        // the list's own path: the pager's and headings' links (@lists) carry the request's filters, sort and size
        model.addAttribute("pageUrl", "/vmi/calloffs");
        return "consignment/calloffs";
    }

    @PostMapping("/vmi/calloffs")
    String createCallOff(
            @RequestParam String supplier,
            @RequestParam String item,
            @RequestParam String location,
            @RequestParam(required = false) String qty,
            @RequestParam(required = false) String neededBy,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        // a quantity or date that does not parse is a message at its field, not an error page (issue 13)
        java.util.Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
        BigDecimal number = null;
        LocalDate date = null;
        try {
            number = qty == null || qty.isBlank() ? null : new BigDecimal(qty.trim());
        } catch (NumberFormatException e) {
            fieldErrors.put("qty", pages.text("typeMismatch.java.math.BigDecimal"));
        }
        try {
            date = neededBy == null || neededBy.isBlank() ? null : LocalDate.parse(neededBy.trim());
        } catch (java.time.format.DateTimeParseException e) {
            fieldErrors.put("neededBy", pages.text("typeMismatch.java.time.LocalDate"));
        }
        String error = null;
        if (fieldErrors.isEmpty()) {
            CallOffRequest request = new CallOffRequest(supplier, item, location, number, date, comment);
            try {
                callOffs.create(request);
            } catch (InvalidInputException | BusinessRuleException | ConflictException | NotFoundException e) {
                error = pages.describe(e);
                fieldErrors.putAll(pages.refusalFields(e));
            }
        }
        if (error == null && fieldErrors.isEmpty()) {
            redirect.addFlashAttribute("flash", pages.text("vmi.calloff.created"));
        } else {
            // the form comes back as typed with each message at its field (issue 13)
            redirect.addFlashAttribute("flashError", error == null ? String.join("; ", fieldErrors.values()) : error);
            redirect.addFlashAttribute("fieldErrors", fieldErrors);
            redirect.addFlashAttribute(
                    "typed",
                    typed(
                            "supplier",
                            supplier,
                            "item",
                            item,
                            "location",
                            location,
                            "qty",
                            qty,
                            "neededBy",
                            neededBy,
                            "comment",
                            comment));
        }
        return "redirect:/vmi/calloffs";
    }

    private static java.util.Map<String, String> typed(String... namesAndValues) {
        java.util.Map<String, String> typed = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return typed;
    }

    @PostMapping("/vmi/calloffs/{id}/confirm")
    String confirmCallOff(@PathVariable long id, RedirectAttributes redirect) {
        return pages.act(redirect, "/vmi/calloffs", "vmi.calloff.answered", () -> callOffs.confirm(id, null));
    }

    @PostMapping("/vmi/calloffs/{id}/propose")
    String proposeCallOff(
            @PathVariable long id,
            @RequestParam(required = false) BigDecimal qty,
            @RequestParam(required = false) LocalDate neededBy,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "/vmi/calloffs",
                "vmi.calloff.answered",
                () -> callOffs.propose(id, new CallOffRequest(null, null, null, qty, neededBy, comment)));
    }

    @PostMapping("/vmi/calloffs/{id}/accept")
    String acceptCallOff(@PathVariable long id, RedirectAttributes redirect) {
        return pages.act(redirect, "/vmi/calloffs", "vmi.calloff.answered", () -> callOffs.accept(id));
    }

    @PostMapping("/vmi/calloffs/{id}/cancel")
    String cancelCallOff(@PathVariable long id, RedirectAttributes redirect) {
        return pages.act(redirect, "/vmi/calloffs", "vmi.calloff.answered", () -> callOffs.cancel(id));
    }
}
