package org.openvmi.procurement.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.procurement.ReceiptRequest;
import org.openvmi.procurement.ReceiptView;
import org.openvmi.procurement.Receipts;
import org.openvmi.procurement.ShipmentNoticeReceiptRequest;
import org.openvmi.procurement.ShipmentNotices;
import org.openvmi.procurement.model.ReceivingDocument;
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
 * Receiving by scan (issue 21): the PO number as printed or a shipment notice number opens the receipt with the
 * document's open lines and the warehouse's receiving location; each item scan fills its line with the open quantity
 * (receive-scan.js in the page, the "scan" action of the form without script); quantities are edited in place; ONE
 * post receives the whole receipt in one transaction, once per receipt key. A refusal renders the page again with
 * everything as typed and each message at its field, in the page's language.
 */
@Controller
class ReceivingPageController {

    /** The inputs of a row, named {@code <field>-<row key>}. */
    static final List<String> ROW_FIELDS = List.of("qty", "rejectedQty", "rejectReason", "lot");

    private final PurchaseOrders orders;
    private final ShipmentNotices notices;
    private final Receipts receipts;
    private final CatalogRefs refs;
    private final MessageSource messages;

    ReceivingPageController(
            PurchaseOrders orders,
            ShipmentNotices notices,
            Receipts receipts,
            CatalogRefs refs,
            MessageSource messages) {
        this.orders = orders;
        this.notices = notices;
        this.receipts = receipts;
        this.refs = refs;
        this.messages = messages;
    }

    /** {@code po} is the older name of {@code doc}, still used by the "Receive" link of the PO page. */
    @GetMapping("/receipts/new")
    String receiving(
            @RequestParam(required = false) String doc,
            @RequestParam(required = false) String po,
            @RequestParam(required = false) String location,
            Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("doc", blank(doc) != null ? doc.trim() : po == null ? null : po.trim());
        typed.put("location", location);
        typed.put("key", UUID.randomUUID().toString());
        return page(model, typed, new LinkedHashMap<>(), null);
    }

    @PostMapping("/receipts")
    String receive(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>(params);
        typed.remove("_csrf");
        Map<String, String> errors = new LinkedHashMap<>();
        ReceivingSheet sheet = sheet(typed, errors);
        if (sheet == null) {
            return page(model, typed, errors, null);
        }
        if ("scan".equals(params.get("action"))) {
            scan(sheet, typed, errors);
            return page(model, typed, errors, sheet);
        }
        List<ReceivingSheet.Row> posted = new ArrayList<>();
        List<ReceiptRequest.Line> lines = new ArrayList<>();
        for (ReceivingSheet.Row row : sheet.rows()) {
            BigDecimal qty = number(typed, "qty-" + row.key(), errors);
            BigDecimal rejected = number(typed, "rejectedQty-" + row.key(), errors);
            if (qty != null || rejected != null) {
                posted.add(row);
                lines.add(new ReceiptRequest.Line(
                        row.poLine(),
                        null,
                        blank(typed.get("lot-" + row.key())),
                        qty,
                        rejected,
                        blank(typed.get("rejectReason-" + row.key()))));
            }
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.put("scan", text("proc.receiving.error.nothing"));
        }
        if (!errors.isEmpty()) {
            return page(model, typed, errors, sheet);
        }
        ReceiptView done;
        try {
            done = post(sheet.document(), typed, posted, lines);
        } catch (InvalidInputException e) {
            e.errors()
                    .forEach(fe ->
                            errors.merge(input(fe.field(), posted), domain(fe.message()), (a, b) -> a + "; " + b));
            return page(model, typed, errors, sheet);
        } catch (BusinessRuleException | ConflictException | NotFoundException e) {
            errors.put(
                    input(e instanceof BusinessRuleException b ? b.field() : null, posted),
                    FormErrors.describe(e, messages));
            return page(model, typed, errors, sheet);
        }
        redirect.addFlashAttribute(
                "flash",
                text(
                        "proc.flash.receivedAll",
                        "RC-" + done.id(),
                        done.lines().size(),
                        done.poNumber(),
                        text("enum.PurchaseOrderStatus." + done.poStatus())));
        redirect.addFlashAttribute("receipt", done.id());
        redirect.addAttribute("location", done.location());
        return "redirect:/receipts/new";
    }

    private ReceiptView post(
            ReceivingDocument document,
            Map<String, String> typed,
            List<ReceivingSheet.Row> posted,
            List<ReceiptRequest.Line> lines) {
        String key = blank(typed.get("key"));
        String location = blank(typed.get("location"));
        if (document.notice()) {
            // a notice's rows are keyed by its own line numbers; what is left out arrived empty
            List<ShipmentNoticeReceiptRequest.Line> arrived = new ArrayList<>();
            for (int i = 0; i < posted.size(); i++) {
                ReceiptRequest.Line l = lines.get(i);
                arrived.add(new ShipmentNoticeReceiptRequest.Line(
                        posted.get(i).key(), l.qty(), l.rejectedQty(), l.rejectReason()));
            }
            return notices.receive(document.id(), key, new ShipmentNoticeReceiptRequest(location, null, arrived));
        }
        return receipts.receive(key, new ReceiptRequest(document.id(), location, null, lines));
    }

    /** The fallback of a scan without script: the scanned item's line opens with its open quantity. */
    private void scan(ReceivingSheet sheet, Map<String, String> typed, Map<String, String> errors) {
        String code = blank(typed.get("scan"));
        typed.put("scan", null);
        if (code == null) {
            return;
        }
        Optional<ReceivingSheet.Row> row = sheet.find(code);
        if (row.isEmpty()) {
            errors.put(
                    "scan",
                    text(
                            "proc.receiving.error.notOnDocument",
                            code,
                            sheet.document().number()));
        } else if (blank(typed.get("qty-" + row.get().key())) == null) {
            typed.put(
                    "qty-" + row.get().key(),
                    row.get().open().stripTrailingZeros().toPlainString());
        }
    }

    /** The document of the page, or null with the message at the document field. */
    private ReceivingSheet sheet(Map<String, String> typed, Map<String, String> errors) {
        String doc = blank(typed.get("doc"));
        if (doc == null) {
            return null;
        }
        Optional<ReceivingDocument> document = ReceivingDocument.parse(doc);
        if (document.isEmpty()) {
            errors.put("doc", text("proc.receiving.error.document", doc));
            return null;
        }
        try {
            return ReceivingSheet.of(document.get(), orders, notices, refs);
        } catch (NotFoundException e) {
            errors.put("doc", FormErrors.describe(e, messages));
            return null;
        }
    }

    private String page(Model model, Map<String, String> typed, Map<String, String> errors, ReceivingSheet known) {
        ReceivingSheet sheet = known != null ? known : errors.containsKey("doc") ? null : sheet(typed, errors);
        if (sheet != null && !sheet.receivable()) {
            errors.putIfAbsent(
                    "doc",
                    text(
                            "proc.receiving.error.closed",
                            sheet.document().number(),
                            text((sheet.document().notice()
                                            ? "enum.ShipmentNoticeStatus."
                                            : "enum.PurchaseOrderStatus.")
                                    + sheet.status())));
        }
        if (sheet != null && blank(typed.get("location")) == null) {
            typed.put("location", sheet.defaultLocation());
        }
        if (sheet != null && blank(typed.get("key")) == null) {
            typed.put("key", UUID.randomUUID().toString());
        }
        model.addAttribute("sheet", sheet);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "procurement/receiving";
    }

    /** The input a refusal of the domain belongs to: "lines[2].qty" is the quantity of the third posted row. */
    private static String input(String field, List<ReceivingSheet.Row> posted) {
        if (field == null || field.equals("purchaseOrder") || field.equals("status") || field.equals("receivedOn")) {
            return "doc";
        }
        if (field.equals("location")) {
            return "location";
        }
        var m = java.util.regex.Pattern.compile("^lines\\[(\\d+)]\\.?(.*)$").matcher(field);
        if (m.matches() && Integer.parseInt(m.group(1)) < posted.size()) {
            String f = ROW_FIELDS.contains(m.group(2)) ? m.group(2) : "qty";
            return f + "-" + posted.get(Integer.parseInt(m.group(1))).key();
        }
        return "scan";
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
        return FormErrors.describe(
                new InvalidInputException(List.of(new FieldErrors.FieldError(null, message))), messages);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
