package org.openvmi.inbound.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.openvmi.inbound.ConsumptionDocument;
import org.openvmi.inbound.InboundBatch;
import org.openvmi.inbound.InboundDocuments;
import org.openvmi.inbound.InboundFileReport;
import org.openvmi.inbound.InboundFiles;
import org.openvmi.inbound.InboundKind;
import org.openvmi.inbound.InboundResult;
import org.openvmi.inbound.MovementDocument;
import org.openvmi.inbound.SupplierStockDocument;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(
        name = "Inbound documents",
        description = "Movements, sales/consumption and supplier stock from ERP, WMS, POS and suppliers' systems, in "
                + "bulk: each document posted once per sourceId, answered per document (POSTED, DUPLICATE with the "
                + "first result, REJECTED with field errors). API keys for machine clients (ADR 0063).")
@RestController
@RequestMapping("/api/v1/inbound")
class InboundApiController {

    private final InboundDocuments documents;
    private final InboundFiles files;

    InboundApiController(InboundDocuments documents, InboundFiles files) {
        this.documents = documents;
        this.files = files;
    }

    @Operation(
            summary = "Post movement documents (each one posting of its lines)",
            description = "Lines as in POST /movements. A sourceId posted before with the same content is DUPLICATE "
                    + "and answered with the first result; with other content it is REJECTED.")
    @PostMapping("/movements")
    InboundResult movements(@RequestBody InboundBatch<MovementDocument> batch) {
        return documents.movements(batch);
    }

    @Operation(
            summary = "Post sales / consumption documents (FIFO; consigned stock settled)",
            description = "Lines as in POST /vmi/consumptions, all lines of a document in one transaction.")
    @PostMapping("/consumptions")
    InboundResult consumptions(@RequestBody InboundBatch<ConsumptionDocument> batch) {
        return documents.consumptions(batch);
    }

    @Operation(
            summary = "Post supplier stock reports",
            description = "Lines as in POST /supplier-stock. A supplier's key reports its own stock only: a document "
                    + "naming another supplier is 403 and nothing of the batch is written.")
    @PostMapping("/supplier-stock")
    InboundResult supplierStock(@RequestBody InboundBatch<SupplierStockDocument> batch) {
        return documents.supplierStock(batch);
    }

    @Operation(summary = "File drop of movement documents (CSV or XLSX, rows grouped by sourceId): a row report")
    @PostMapping(path = "/movements/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    InboundFileReport movementFile(@RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        return post(InboundKind.MOVEMENTS, file);
    }

    @Operation(summary = "File drop of sales / consumption documents (CSV or XLSX): a row report")
    @PostMapping(path = "/consumptions/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    InboundFileReport consumptionFile(@RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        return post(InboundKind.CONSUMPTIONS, file);
    }

    @Operation(summary = "File drop of supplier stock reports (CSV or XLSX): a row report")
    @PostMapping(path = "/supplier-stock/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    InboundFileReport supplierStockFile(@RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        return post(InboundKind.SUPPLIER_STOCK, file);
    }

    private InboundFileReport post(InboundKind kind, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", CodedRefusal.required());
        }
        try (InputStream in = file.getInputStream()) {
            return files.post(kind, file.getOriginalFilename(), in);
        }
    }
}
