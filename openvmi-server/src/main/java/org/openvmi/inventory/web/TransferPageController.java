package org.openvmi.inventory.web;

import java.util.function.Function;
import org.openvmi.inventory.TransferCloseRequest;
import org.openvmi.inventory.TransferView;
import org.openvmi.inventory.Transfers;
import org.openvmi.inventory.model.TransferStatus;
import org.openvmi.shared.PageRequest;
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

@Controller
@RequestMapping("/transfers")
class TransferPageController {

    private final Transfers transfers;
    private final StockDocMessages messages;

    TransferPageController(Transfers transfers, StockDocMessages messages) {
        this.transfers = transfers;
        this.messages = messages;
    }

    @ModelAttribute("statuses")
    TransferStatus[] statuses() {
        return TransferStatus.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute("status", status);
        model.addAttribute(
                "page",
                transfers.find(status, null, PageRequest.forPage(page, size).sorted(sort, dir)));
        // the list's own path: the pager's and headings' links (@lists) carry the request's filters, sort and size
        model.addAttribute("pageUrl", "/transfers");
        return "inventory/transfers";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("transfer", TransferForm.blank());
        return form(model);
    }

    @PostMapping
    String create(
            @ModelAttribute("transfer") TransferForm transfer,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        TransferView[] created = new TransferView[1];
        if (binding.hasErrors()
                || !FormRefusals.run(
                        binding,
                        () -> created[0] = transfers.create(transfer.compact().toRequest(), null))) {
            transfer.pad();
            return form(model);
        }
        redirect.addFlashAttribute("flash", messages.get("transfers.created", created[0].id()));
        return "redirect:/transfers/" + created[0].id();
    }

    private String form(Model model) {
        // the location fields are searchable pickers (fragments/picker.html), no list of every location code
        return "inventory/transfer-form";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        TransferView t = transfers.get(id);
        model.addAttribute("t", t);
        TransferStatus status = TransferStatus.valueOf(t.status());
        model.addAttribute("inTransit", status.inTransit());
        model.addAttribute("shippable", status.canMoveTo(TransferStatus.SHIPPED));
        return "inventory/transfer";
    }

    @PostMapping("/{id}/ship")
    String ship(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "transfers.shippedFlash", i -> transfers.ship(i, null));
    }

    @PostMapping("/{id}/receive")
    String receive(@PathVariable long id, @ModelAttribute TransferForm form, RedirectAttributes redirect) {
        return act(id, redirect, "transfers.receivedFlash", i -> transfers.receive(i, form.toReceipt(), null));
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(
                id, redirect, "transfers.closedFlash", i -> transfers.close(i, new TransferCloseRequest(reason), null));
    }

    private String act(long id, RedirectAttributes redirect, String done, Function<Long, TransferView> action) {
        if (FormRefusals.flash(
                redirect,
                () -> {
                    TransferView unused = action.apply(id);
                },
                messages.source())) {
            redirect.addFlashAttribute("flash", messages.get(done, id));
        }
        return "redirect:/transfers/" + id;
    }
}
