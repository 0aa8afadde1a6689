package org.openvmi.procurement.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.openvmi.procurement.ApprovalRuleRequest;
import org.openvmi.procurement.ApprovalRules;
import org.openvmi.procurement.ConfirmationRequest;
import org.openvmi.procurement.InvoiceRequest;
import org.openvmi.procurement.Invoices;
import org.openvmi.procurement.PurchaseOrderRequest;
import org.openvmi.procurement.PurchaseOrderView;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.procurement.RequisitionRequest;
import org.openvmi.procurement.RequisitionView;
import org.openvmi.procurement.Requisitions;
import org.openvmi.procurement.model.PurchaseOrderStatus;
import org.openvmi.procurement.model.RequisitionStatus;
import org.openvmi.procurement.model.ShipmentNoticeStatus;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The procurement pages: requisition form and detail, approval inbox, approval rules, PO list and detail with its
 * timeline (the supplier confirms there) and the invoice match page; receiving is {@link ReceivingPageController}.
 */
@Controller
class ProcurementPageController {

    private final Requisitions requisitions;
    private final ApprovalRules rules;
    private final PurchaseOrders orders;
    private final Invoices invoices;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final org.openvmi.procurement.ShipmentNotices notices;

    ProcurementPageController(
            Requisitions requisitions,
            ApprovalRules rules,
            PurchaseOrders orders,
            Invoices invoices,
            MessageSource messages,
            java.time.Clock clock,
            org.openvmi.procurement.ShipmentNotices notices) {
        this.clock = clock;
        this.notices = notices;
        this.requisitions = requisitions;
        this.rules = rules;
        this.orders = orders;
        this.invoices = invoices;
        this.messages = messages;
    }

    // requisitions and approvals

    @GetMapping("/requisitions")
    String requisitionList(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute(
                "page",
                requisitions.find(
                        status, null, false, PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("status", status);
        model.addAttribute("inbox", false);
        return "procurement/requisitions";
    }

    @GetMapping("/requisitions/inbox")
    String inbox(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute(
                "page", requisitions.inbox(PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("inbox", true);
        return "procurement/requisitions";
    }

    @GetMapping("/requisitions/new")
    String requisitionForm(Model model) {
        return requisitionForm(model, null, false, null, null, null, null);
    }

    /** The form, filled with what was typed when a save was refused (five line rows, or more if more came). */
    private String requisitionForm(
            Model model,
            String warehouse,
            boolean urgent,
            String note,
            List<String> items,
            List<String> qtys,
            List<String> dates) {
        int rows = Math.max(5, items == null ? 0 : items.size());
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("urgent", urgent);
        model.addAttribute("note", note);
        model.addAttribute("rows", rows);
        model.addAttribute("items", padded(items, rows));
        model.addAttribute("qtys", padded(qtys, rows));
        model.addAttribute("dates", padded(dates, rows));
        return "procurement/requisition-form";
    }

    private static List<String> padded(List<String> values, int size) {
        List<String> out = new ArrayList<>(values == null ? List.of() : values);
        while (out.size() < size) {
            out.add("");
        }
        return out;
    }

    @PostMapping("/requisitions")
    String createRequisition(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) boolean urgent,
            @RequestParam(required = false) String note,
            @RequestParam(name = "item", required = false) List<String> items,
            @RequestParam(name = "qty", required = false) List<String> qtys,
            @RequestParam(name = "neededBy", required = false) List<String> dates,
            @RequestParam(required = false) boolean submit,
            Model model,
            RedirectAttributes redirect) {
        List<RequisitionRequest.Line> lines = new ArrayList<>();
        List<Integer> rowOfLine =
                new ArrayList<>(); // blank rows are skipped: line k of the request is row rowOfLine[k]
        java.util.Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            if (items.get(i) == null || items.get(i).isBlank()) {
                continue;
            }
            BigDecimal qty = null;
            LocalDate neededBy = null;
            try {
                qty = decimal(qtys, i);
            } catch (InvalidInputException e) {
                fieldErrors.put("qty-" + i, text("typeMismatch.java.math.BigDecimal"));
            }
            try {
                neededBy = date(dates, i);
            } catch (java.time.format.DateTimeParseException e) {
                fieldErrors.put("neededBy-" + i, text("typeMismatch.java.time.LocalDate"));
            }
            rowOfLine.add(i);
            lines.add(new RequisitionRequest.Line(items.get(i).trim(), qty, neededBy));
        }
        Long id = null;
        if (fieldErrors.isEmpty()) {
            try {
                RequisitionView r = requisitions.create(new RequisitionRequest(warehouse, urgent, note, null, lines));
                if (submit) {
                    requisitions.submit(r.id());
                }
                id = r.id();
            } catch (InvalidInputException | ConflictException | BusinessRuleException | NotFoundException e) {
                model.addAttribute("flashError", FormErrors.describe(e, messages));
                FormErrors.byField(e, messages).forEach((field, message) -> {
                    java.util.regex.Matcher line = LINE_FIELD.matcher(field);
                    fieldErrors.put(
                            line.matches() && Integer.parseInt(line.group(1)) < rowOfLine.size()
                                    ? line.group(2) + "-" + rowOfLine.get(Integer.parseInt(line.group(1)))
                                    : field,
                            message);
                });
            }
        } else {
            model.addAttribute("flashError", String.join("; ", new java.util.LinkedHashSet<>(fieldErrors.values())));
        }
        if (id == null) {
            // the form again, as typed, with each refusal at its field in the page's language (not an empty form)
            model.addAttribute("fieldErrors", fieldErrors);
            return requisitionForm(model, warehouse, urgent, note, items, qtys, dates);
        }
        redirect.addFlashAttribute("flash", text(submit ? "proc.flash.submitted" : "proc.flash.saved", "PR-" + id));
        return "redirect:/requisitions/" + id;
    }

    @GetMapping("/requisitions/{id}")
    String requisition(@PathVariable long id, Model model) {
        RequisitionView r = requisitions.get(id);
        RequisitionStatus status = RequisitionStatus.valueOf(r.status());
        model.addAttribute("r", r);
        // the page offers what the status allows next
        model.addAttribute("submittable", status.canMoveTo(RequisitionStatus.SUBMITTED));
        model.addAttribute("decidable", status.canMoveTo(RequisitionStatus.APPROVED));
        model.addAttribute("orderable", status.canMoveTo(RequisitionStatus.ORDERED));
        return "procurement/requisition";
    }

    @PostMapping("/requisitions/{id}/{action}")
    String decide(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        Object done = flash(redirect, () -> switch (action) {
            case "submit" -> requisitions.submit(id);
            case "approve" -> requisitions.approve(id, text);
            case "reject" -> requisitions.reject(id, text);
            case "delegate" -> requisitions.delegate(id, text);
            default -> throw new NotFoundException("Action", action);
        });
        if (done != null) {
            redirect.addFlashAttribute("flash", text("proc.flash." + action, "PR-" + id));
        }
        return "redirect:/requisitions/" + id;
    }

    @GetMapping("/approval-rules")
    String ruleList(Model model) {
        model.addAttribute("rules", rules.list());
        return "procurement/approval-rules";
    }

    @PostMapping("/approval-rules")
    String createRule(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String minAmount,
            @RequestParam(required = false) String maxAmount,
            @RequestParam(required = false) String approvers,
            @RequestParam(required = false) String urgentApprover,
            RedirectAttributes redirect) {
        Object created = flash(
                redirect,
                () -> rules.create(new ApprovalRuleRequest(
                        name,
                        whole("priority", priority),
                        category,
                        warehouse,
                        decimal("minAmount", minAmount),
                        decimal("maxAmount", maxAmount),
                        "CNY",
                        org.openvmi.procurement.model.ApprovalRule.parseApprovers(approvers),
                        urgentApprover,
                        true)));
        if (created == null) { // refused: the form comes back as typed (issue 13)
            java.util.Map<String, String> typed = new java.util.HashMap<>();
            typed.put("name", name);
            typed.put("priority", priority);
            typed.put("category", category);
            typed.put("warehouse", warehouse);
            typed.put("minAmount", minAmount);
            typed.put("maxAmount", maxAmount);
            typed.put("approvers", approvers);
            typed.put("urgentApprover", urgentApprover);
            redirect.addFlashAttribute("typed", typed);
        }
        return "redirect:/approval-rules";
    }

    @PostMapping("/approval-rules/{id}/delete")
    String deleteRule(@PathVariable long id, RedirectAttributes redirect) {
        flash(redirect, () -> {
            rules.delete(id);
            return id;
        });
        return "redirect:/approval-rules";
    }

    // purchase orders

    @GetMapping("/purchase-orders")
    String orderList(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        // ?due=today|late: the warehouse's and the buyer's home cards
        model.addAttribute(
                "page",
                orders.find(
                        status, null, null, due, PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("status", status);
        model.addAttribute(
                "due", due == null || due.isBlank() ? null : due.trim().toLowerCase(java.util.Locale.ROOT));
        return "procurement/purchase-orders";
    }

    @PostMapping("/purchase-orders")
    String order(@RequestParam long requisition, RedirectAttributes redirect) {
        List<PurchaseOrderView> made =
                flash(redirect, () -> orders.create(new PurchaseOrderRequest(requisition, null, null, null)));
        if (made == null) {
            return "redirect:/requisitions/" + requisition;
        }
        redirect.addFlashAttribute(
                "flash",
                text(
                        "proc.flash.ordered",
                        String.join(
                                ", ",
                                made.stream().map(PurchaseOrderView::number).toList())));
        return "redirect:/purchase-orders/" + made.get(0).id();
    }

    @GetMapping("/purchase-orders/{id}")
    String order(@PathVariable long id, Model model) {
        PurchaseOrderView po = orders.get(id);
        model.addAttribute("po", po);
        // what the page offers is what the status allows (the service refuses the rest with the same rules)
        PurchaseOrderStatus status = PurchaseOrderStatus.valueOf(po.status());
        model.addAttribute("lineCancellable", status.linesCancellable());
        model.addAttribute("answerable", status == PurchaseOrderStatus.SENT);
        model.addAttribute("proposal", status == PurchaseOrderStatus.CHANGE_PROPOSED);
        model.addAttribute("closable", status.canMoveTo(PurchaseOrderStatus.CLOSED));
        // a shipment notice is announced against an open order, not while a proposal may still change its lines
        model.addAttribute("announceable", status.receivable() && status != PurchaseOrderStatus.CHANGE_PROPOSED);
        model.addAttribute("timeline", orders.timeline(id));
        var ofOrder = notices.ofOrder(id);
        model.addAttribute("notices", ofOrder);
        model.addAttribute(
                "receivableNotices",
                ofOrder.stream()
                        .filter(n -> ShipmentNoticeStatus.valueOf(n.status()).receivable())
                        .map(n -> n.id())
                        .toList());
        return "procurement/purchase-order";
    }

    /** The supplier announces a shipment: one quantity (and lot) per PO line, blank lines left out. */
    @PostMapping("/purchase-orders/{id}/shipment-notices")
    String shipmentNotice(
            @PathVariable long id,
            @RequestParam(name = "line", required = false) List<Integer> lineNos,
            @RequestParam(name = "qty", required = false) List<String> qtys,
            @RequestParam(name = "lot", required = false) List<String> lots,
            @RequestParam(required = false) String expectedOn,
            RedirectAttributes redirect) {
        List<org.openvmi.procurement.ShipmentNoticeRequest.Line> lines = new ArrayList<>();
        for (int i = 0; lineNos != null && i < lineNos.size(); i++) {
            BigDecimal qty = decimal(qtys, i);
            if (qty != null) {
                lines.add(new org.openvmi.procurement.ShipmentNoticeRequest.Line(
                        lineNos.get(i), qty, lots == null || i >= lots.size() ? null : blank(lots.get(i))));
            }
        }
        LocalDate on = expectedOn == null || expectedOn.isBlank() ? null : LocalDate.parse(expectedOn.trim());
        var created =
                flash(redirect, () -> notices.create(id, new org.openvmi.procurement.ShipmentNoticeRequest(on, lines)));
        if (created != null) {
            redirect.addFlashAttribute("flash", text("proc.flash.noticeSent", created.id()));
        }
        return "redirect:/purchase-orders/" + id;
    }

    @PostMapping("/shipment-notices/{id}/receive")
    String receiveNotice(
            @PathVariable long id, @RequestParam(required = false) String location, RedirectAttributes redirect) {
        var receipt = flash(
                redirect,
                () -> notices.receive(
                        id, new org.openvmi.procurement.ShipmentNoticeReceiptRequest(blank(location), null)));
        if (receipt != null) {
            redirect.addFlashAttribute("flash", text("proc.flash.noticeReceived", id));
            return "redirect:/purchase-orders/" + receipt.purchaseOrder();
        }
        var notice = flash(redirect, () -> notices.get(id));
        return notice == null ? "redirect:/purchase-orders" : "redirect:/purchase-orders/" + notice.purchaseOrder();
    }

    @PostMapping("/purchase-orders/{id}/confirm")
    String confirm(
            @PathVariable long id,
            @RequestParam(name = "line", required = false) List<Integer> lineNos,
            @RequestParam(name = "qty", required = false) List<String> qtys,
            @RequestParam(name = "deliveryDate", required = false) List<String> dates,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        List<ConfirmationRequest.Line> lines = new ArrayList<>();
        for (int i = 0; lineNos != null && i < lineNos.size(); i++) {
            lines.add(new ConfirmationRequest.Line(lineNos.get(i), null, decimal(qtys, i), date(dates, i)));
        }
        if (flash(redirect, () -> orders.confirm(id, new ConfirmationRequest(lines, comment))) != null) {
            redirect.addFlashAttribute("flash", text("proc.flash.confirmed", "PO-" + id));
        }
        return "redirect:/purchase-orders/" + id;
    }

    @PostMapping("/purchase-orders/{id}/lines/{line}/cancel")
    String cancelLine(
            @PathVariable long id,
            @PathVariable int line,
            @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        if (flash(redirect, () -> orders.cancelLine(id, line, text)) != null) {
            redirect.addFlashAttribute("flash", text("proc.flash.lineCancelled", "PO-" + id + "/" + line));
        }
        return "redirect:/purchase-orders/" + id;
    }

    @PostMapping("/purchase-orders/{id}/{action}")
    String poAction(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        Object done = flash(redirect, () -> switch (action) {
            case "accept-change" -> orders.acceptChange(id);
            case "reject-change" -> orders.rejectChange(id, text);
            case "close" -> orders.close(id, text);
            default -> throw new NotFoundException("Action", action);
        });
        if (done != null) {
            redirect.addFlashAttribute("flash", text("proc.flash." + action, "PO-" + id));
        }
        return "redirect:/purchase-orders/" + id;
    }

    // invoices

    @GetMapping("/invoices")
    String invoiceList(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute(
                "page",
                invoices.find(
                        status,
                        null,
                        null,
                        null,
                        null,
                        PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("status", status);
        return "procurement/invoices";
    }

    @GetMapping("/invoices/new")
    String invoiceForm(@RequestParam(name = "po", required = false) String typed, Model model) {
        // the PO picker posts an id; a PO number as printed is resolved by web.PickedCodes; anything else is refused
        // here
        Long po = typed == null || typed.isBlank() || !typed.trim().matches("\\d{1,18}")
                ? null
                : Long.valueOf(typed.trim());
        if (po != null) {
            model.addAttribute("po", orders.get(po));
        } else if (typed != null && !typed.isBlank()) {
            model.addAttribute(
                    "flashError",
                    messages.getMessage(
                            "picker.noPurchaseOrder",
                            new Object[] {typed},
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
        model.addAttribute("poId", po);
        return "procurement/invoice-form";
    }

    @PostMapping("/invoices")
    String createInvoice(
            @RequestParam(required = false) Long po,
            @RequestParam(required = false) String number,
            @RequestParam(name = "line", required = false) List<Integer> lineNos,
            @RequestParam(name = "qty", required = false) List<String> qtys,
            @RequestParam(name = "price", required = false) List<String> prices,
            RedirectAttributes redirect) {
        List<InvoiceRequest.Line> lines = new ArrayList<>();
        for (int i = 0; lineNos != null && i < lineNos.size(); i++) {
            if (decimal(qtys, i) != null) {
                lines.add(new InvoiceRequest.Line(lineNos.get(i), null, decimal(qtys, i), decimal(prices, i)));
            }
        }
        PurchaseOrderView order = po == null ? null : orders.get(po);
        var made = flash(
                redirect,
                () -> invoices.create(
                        new InvoiceRequest(order == null ? null : order.supplier(), po, number, null, lines)));
        if (made == null) {
            redirect.addAttribute("po", po);
            return "redirect:/invoices/new";
        }
        return "redirect:/invoices/" + made.id();
    }

    @GetMapping("/invoices/{id}")
    String invoice(@PathVariable long id, Model model) {
        model.addAttribute("inv", invoices.get(id));
        return "procurement/invoice";
    }

    // monthly reconciliation per supplier

    @GetMapping("/procurement/reconciliation")
    String reconciliation(
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String month,
            Model model) {
        var scope = org.openvmi.shared.PartyScope.current();
        String s = supplier == null || supplier.isBlank() ? scope.supplierCode() : supplier.trim();
        java.time.YearMonth m;
        try {
            m = month == null || month.isBlank()
                    ? java.time.YearMonth.now(clock)
                    : java.time.YearMonth.parse(month.trim());
        } catch (java.time.format.DateTimeParseException e) {
            m = java.time.YearMonth.now(clock);
            model.addAttribute("flashError", "month: must be yyyy-MM");
        }
        model.addAttribute("supplier", s);
        model.addAttribute("month", m.toString());
        if (s != null) {
            try {
                model.addAttribute("statement", invoices.reconciliation(s, m));
            } catch (InvalidInputException | NotFoundException e) {
                model.addAttribute("flashError", FormErrors.describe(e, messages));
            }
        }
        return "procurement/reconciliation";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private <T> T flash(RedirectAttributes redirect, Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidInputException | ConflictException | BusinessRuleException | NotFoundException e) {
            redirect.addFlashAttribute("flashError", FormErrors.describe(e, messages));
            redirect.addFlashAttribute("fieldErrors", FormErrors.byField(e, messages));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A requisition line's field as the domain names it, e.g. {@code lines[1].item}. */
    private static final java.util.regex.Pattern LINE_FIELD =
            java.util.regex.Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    private static BigDecimal decimal(String s) {
        return decimal("qty", s);
    }

    private static BigDecimal decimal(String field, String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "'" + s + "' is not a number");
        }
    }

    private static Integer whole(String field, String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "'" + s + "' is not a whole number");
        }
    }

    private static BigDecimal decimal(List<String> values, int i) {
        return values == null || i >= values.size() ? null : decimal(values.get(i));
    }

    private static LocalDate date(List<String> values, int i) {
        String s = values == null || i >= values.size() ? null : values.get(i);
        return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
    }
}
