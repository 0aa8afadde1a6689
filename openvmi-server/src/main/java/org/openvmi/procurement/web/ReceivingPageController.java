package org.openvmi.procurement.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.procurement.ReceiptRequest;
import org.openvmi.procurement.ReceiptView;
import org.openvmi.procurement.Receipts;
import org.openvmi.procurement.model.PoNumber;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scan-friendly receiving page: the PO number as printed ("PO-12", any case, with or without the prefix, or its
 * barcode), the location, then an item code or barcode and its quantity. A refused receipt comes back as typed with
 * each message at its field, in the page's language; a posted one redirects to the same PO for the next scan.
 */
@Controller
class ReceivingPageController {

    /** The form's inputs, in page order; each may carry a message. */
    static final List<String> FIELDS = List.of("po", "location", "item", "qty", "rejectedQty", "rejectReason", "lot");

    private final PurchaseOrders orders;
    private final Receipts receipts;
    private final MessageSource messages;

    ReceivingPageController(PurchaseOrders orders, Receipts receipts, MessageSource messages) {
        this.orders = orders;
        this.receipts = receipts;
        this.messages = messages;
    }

    @GetMapping("/receipts/new")
    String receiving(@RequestParam(required = false) String po, @RequestParam(required = false) String location,
                     Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("po", po);
        typed.put("location", location);
        Map<String, String> errors = new LinkedHashMap<>();
        if (po != null && !po.isBlank() && PoNumber.parse(po).isEmpty()) {
            errors.put("po", text("proc.receiving.error.poNumber", po.trim()));
        }
        return page(model, typed, errors);
    }

    @PostMapping("/receipts")
    String receive(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(f -> typed.put(f, params.get(f)));
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Long> po = PoNumber.parse(typed.get("po"));
        if (blank(typed.get("po")) == null) {
            errors.put("po", domain("is required"));
        } else if (po.isEmpty()) {
            errors.put("po", text("proc.receiving.error.poNumber", typed.get("po").trim()));
        }
        BigDecimal qty = number(typed, "qty", errors);
        BigDecimal rejected = number(typed, "rejectedQty", errors);
        if (!errors.isEmpty()) {
            return page(model, typed, errors);
        }
        ReceiptView done;
        try {
            done = receipts.receive(new ReceiptRequest(po.get(), blank(typed.get("location")), null,
                    List.of(new ReceiptRequest.Line(null, blank(typed.get("item")), blank(typed.get("lot")), qty,
                            rejected, blank(typed.get("rejectReason"))))));
        } catch (InvalidInputException e) {
            e.errors().forEach(fe -> errors.merge(input(fe.field()), fe.message().startsWith("no line ")
                    ? text("proc.receiving.error.notOnOrder", typed.get("item"), PoNumber.format(po.get()))
                    : domain(fe.message()), (a, b) -> a + "; " + b));
            return page(model, typed, errors);
        } catch (BusinessRuleException e) {
            errors.put(input(e.field()), FormErrors.describe(e, messages));
            return page(model, typed, errors);
        } catch (ConflictException | NotFoundException e) {
            errors.put("po", FormErrors.describe(e, messages));
            return page(model, typed, errors);
        }
        redirect.addFlashAttribute("flash", text("proc.flash.received", "RC-" + done.id(), typed.get("item"),
                typed.get("qty"), done.poNumber(), text("enum.PurchaseOrderStatus." + done.poStatus())));
        redirect.addFlashAttribute("receipt", done.id());
        redirect.addAttribute("po", done.poNumber());
        redirect.addAttribute("location", done.location());
        return "redirect:/receipts/new";
    }

    private String page(Model model, Map<String, String> typed, Map<String, String> errors) {
        PoNumber.parse(typed.get("po")).ifPresent(id -> {
            try {
                model.addAttribute("po", orders.get(id));
            } catch (NotFoundException e) {
                errors.putIfAbsent("po", FormErrors.describe(e, messages));
            }
        });
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "procurement/receiving";
    }

    /** The input a refusal of the domain belongs to ("lines[0].qty" is the quantity field). */
    private static String input(String field) {
        if (field == null || field.equals("purchaseOrder") || field.equals("status")) {
            return "po";
        }
        String f = field.replaceFirst("^lines\\[\\d+]\\.?", "");
        return FIELDS.contains(f) ? f : "item";
    }

    private BigDecimal number(Map<String, String> typed, String field, Map<String, String> errors) {
        String s = blank(typed.get(field));
        try {
            return s == null ? null : new BigDecimal(s.replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, text("proc.receiving.error.number", s));
            return null;
        }
    }

    /** A plain-English refusal of the domain in the page's language (the phrasings of DomainMessageCodes). */
    private String domain(String message) {
        return FormErrors.describe(new InvalidInputException(List.of(new FieldErrors.FieldError(null, message))), messages);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
