package org.openvmi.consignment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.consignment.ReceiptRequest;
import org.openvmi.consignment.Settlements;
import org.openvmi.consignment.ShipmentView;
import org.openvmi.consignment.Shipments;
import org.openvmi.consignment.StatementAnswer;
import org.openvmi.consignment.StatementRequest;
import org.openvmi.consignment.StatementView;
import org.openvmi.consignment.model.ShipmentStatus;
import org.openvmi.consignment.model.StatementStatus;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of shipments (ASN, receiving) and settlement statements (make, issue, confirm or dispute, close, print). */
@Controller
class SettlementPageController {

    private final Shipments shipments;
    private final Settlements settlements;
    private final Pages pages;
    private final java.time.Clock clock;

    SettlementPageController(Shipments shipments, Settlements settlements, Pages pages, java.time.Clock clock) {
        this.shipments = shipments;
        this.settlements = settlements;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/settlements/{id}/export")
    org.springframework.http.ResponseEntity<byte[]> export(@PathVariable long id) {
        StatementView s = settlements.get(id);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(SettlementApiController.XLSX)
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename("statement-" + s.id() + "-" + s.supplier() + ".xlsx")
                                .build()
                                .toString())
                .body(org.openvmi.consignment.StatementWorkbook.write(s, clock.getZone()));
    }

    @GetMapping("/shipments")
    String shipments(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        // ?due=today is the warehouse home's "ASNs due today or late"
        boolean dueToday = AllowedValues.code("due", due, List.of("TODAY")) != null;
        model.addAttribute(
                "page",
                shipments.find(status, dueToday, PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("dueToday", dueToday);
        model.addAttribute(
                "pageUrl",
                org.springframework.web.util.UriComponentsBuilder.fromPath("/shipments")
                        .queryParamIfPresent(
                                "status", java.util.Optional.ofNullable(status).filter(x -> !x.isBlank()))
                        .queryParamIfPresent("due", java.util.Optional.ofNullable(dueToday ? "today" : null))
                        .build()
                        .toUriString());
        return "consignment/shipments";
    }

    @GetMapping("/shipments/{id}")
    String shipment(@PathVariable long id, Model model) {
        ShipmentView s = shipments.get(id);
        model.addAttribute("s", s);
        model.addAttribute("open", ShipmentStatus.valueOf(s.status()).open());
        return "consignment/shipment";
    }

    /** Receives the quantities typed per line ({@code qty<line>}); empty fields are left out. */
    @PostMapping("/shipments/{id}/receive")
    String receive(
            @PathVariable long id, @RequestParam java.util.Map<String, String> form, RedirectAttributes redirect) {
        ShipmentView s = shipments.get(id);
        List<ReceiptRequest.Line> lines = new ArrayList<>();
        for (ShipmentView.Line l : s.lines()) {
            String qty = form.get("qty" + l.line());
            if (qty != null && !qty.isBlank()) {
                lines.add(new ReceiptRequest.Line(l.item(), new BigDecimal(qty.trim()), l.lot()));
            }
        }
        return pages.act(
                redirect,
                "/shipments/" + id,
                "vmi.shipment.received",
                () -> shipments.receive(id, new ReceiptRequest(lines)));
    }

    @GetMapping("/settlements")
    String settlements(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        model.addAttribute(
                "page",
                settlements.find(null, status, PageRequest.forPage(page, size).sorted(sort, dir)));
        model.addAttribute("status", status);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("defaultFrom", today.withDayOfMonth(1));
        model.addAttribute("defaultTo", today.withDayOfMonth(today.lengthOfMonth()));
        return "consignment/settlements";
    }

    @PostMapping("/settlements")
    String generate(
            @RequestParam String supplier,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) BigDecimal taxRate,
            RedirectAttributes redirect) {
        StatementView[] made = new StatementView[1];
        String error =
                Pages.refusal(() -> made[0] = settlements.generate(new StatementRequest(supplier, from, to, taxRate)));
        if (error != null) {
            redirect.addFlashAttribute("flashError", error);
            return "redirect:/settlements";
        }
        redirect.addFlashAttribute("flash", pages.text("vmi.statement.created", made[0].id()));
        return "redirect:/settlements/" + made[0].id();
    }

    @GetMapping("/settlements/{id}")
    String statement(@PathVariable long id, Model model) {
        var st = settlements.get(id);
        StatementStatus status = StatementStatus.valueOf(st.status());
        model.addAttribute("st", st);
        // the page offers what the status allows next
        model.addAttribute("issuable", status.canMoveTo(StatementStatus.ISSUED));
        model.addAttribute("answerable", status.canMoveTo(StatementStatus.CONFIRMED));
        model.addAttribute("closable", status.canMoveTo(StatementStatus.CLOSED));
        return "consignment/statement";
    }

    /** The statement to print: lines, totals by item, tax, total including tax and that amount in capitals (大写). */
    @GetMapping("/settlements/{id}/print")
    String print(@PathVariable long id, Model model) {
        var st = settlements.get(id);
        model.addAttribute("st", st);
        var payable = st.totalWithTax() != null ? st.totalWithTax() : st.total();
        model.addAttribute(
                "capitals",
                "CNY".equals(st.currency()) && payable != null ? org.openvmi.shared.ChineseAmount.of(payable) : null);
        return "consignment/statement-print";
    }

    @PostMapping("/settlements/{id}/issue")
    String issue(@PathVariable long id, RedirectAttributes redirect) {
        return pages.act(redirect, "/settlements/" + id, "vmi.statement.changed", () -> settlements.issue(id));
    }

    @PostMapping("/settlements/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "/settlements/" + id,
                "vmi.statement.changed",
                () -> settlements.confirm(id, new StatementAnswer(comment, null)));
    }

    @PostMapping("/settlements/{id}/dispute")
    String dispute(
            @PathVariable long id,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) Long line,
            @RequestParam(required = false) String lineComment,
            RedirectAttributes redirect) {
        List<StatementAnswer.LineComment> lines = line == null || lineComment == null || lineComment.isBlank()
                ? null
                : List.of(new StatementAnswer.LineComment(line, lineComment));
        return pages.act(
                redirect,
                "/settlements/" + id,
                "vmi.statement.changed",
                () -> settlements.dispute(id, new StatementAnswer(comment, lines)));
    }

    @PostMapping("/settlements/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return pages.act(redirect, "/settlements/" + id, "vmi.statement.changed", () -> settlements.close(id));
    }
}
