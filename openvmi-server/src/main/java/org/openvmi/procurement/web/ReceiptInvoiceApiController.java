package org.openvmi.procurement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.openvmi.procurement.InvoiceRequest;
import org.openvmi.procurement.InvoiceView;
import org.openvmi.procurement.Invoices;
import org.openvmi.procurement.ReceiptRequest;
import org.openvmi.procurement.ReceiptView;
import org.openvmi.procurement.Receipts;
import org.openvmi.procurement.ReconciliationView;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.web.Download;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Receipts and invoices", description = "Goods receipts against POs, supplier invoices, three-way match")
@RestController
class ReceiptInvoiceApiController {

    private final Receipts receipts;
    private final Invoices invoices;

    ReceiptInvoiceApiController(Receipts receipts, Invoices invoices) {
        this.receipts = receipts;
        this.invoices = invoices;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "postReceipt")
    @PostMapping("/api/v1/receipts")
    ResponseEntity<ReceiptView> receive(
            @RequestBody(required = false) ReceiptRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ReceiptView created = receipts.receive(idempotencyKey, request);
        return ResponseEntity.created(URI.create("/api/v1/receipts/" + created.id()))
                .body(created);
    }

    @Operation(operationId = "getReceipt")
    @GetMapping("/api/v1/receipts/{id}")
    ReceiptView receipt(@PathVariable long id) {
        return receipts.get(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "postInvoice")
    @PostMapping("/api/v1/invoices")
    ResponseEntity<InvoiceView> invoice(@RequestBody(required = false) InvoiceRequest request) {
        InvoiceView created = invoices.create(request);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + created.id()))
                .body(created);
    }

    /** Multipart {@code file} (CSV or XLSX), all or nothing: {@code {"imported": n, "invoices": [...]}}. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/api/v1/invoices/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<InvoiceImport> importInvoices(
            @org.springframework.web.bind.annotation.RequestParam("file")
                    org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        var created = invoices.importFile(file.getInputStream(), TabularFormat.ofFileName(file.getOriginalFilename()));
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(new InvoiceImport(created.size(), created));
    }

    /** The answer of an invoice import: a typed record, so the document describes its fields (not a map). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "InvoiceImport")
    record InvoiceImport(int imported, java.util.List<InvoiceView> invoices) {}

    @Operation(operationId = "listInvoices")
    @GetMapping("/api/v1/invoices")
    PageResult<InvoiceView> invoices(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) Long purchaseOrder,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return invoices.find(status, supplier, purchaseOrder, from, to, PageRequest.of(page, size));
    }

    @Operation(operationId = "getInvoice")
    @GetMapping("/api/v1/invoices/{id}")
    InvoiceView invoice(@PathVariable long id) {
        return invoices.get(id);
    }

    /** Invoice lines for the finance system: {@code ?format=csv|xlsx}, default MATCHED invoices. */
    @Download({TabularFormat.CSV, TabularFormat.XLSX})
    @GetMapping("/api/v1/invoices/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String encoding,
            @RequestParam(defaultValue = "true") boolean bom,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        TabularFormat f = TabularFormat.parse(format, encoding, bom);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoices.export(status, supplier, from, to, f, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invoices." + f.extension() + "\"")
                .body(out.toByteArray());
    }

    @Operation(operationId = "getReconciliation")
    @GetMapping("/api/v1/procurement/reconciliation")
    ReconciliationView reconciliation(
            @RequestParam(required = false) String supplier, @RequestParam(required = false) String month) {
        YearMonth m;
        try {
            m = month == null ? null : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("month", "must be yyyy-MM");
        }
        return invoices.reconciliation(supplier, m);
    }
}
