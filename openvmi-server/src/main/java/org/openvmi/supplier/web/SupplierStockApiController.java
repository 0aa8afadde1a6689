package org.openvmi.supplier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.openvmi.catalog.ImportResult;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.web.ApiProblems;
import org.openvmi.shared.web.Download;
import org.openvmi.supplier.StockSource;
import org.openvmi.supplier.SupplierPartNo;
import org.openvmi.supplier.SupplierStockColumn;
import org.openvmi.supplier.SupplierStockColumns;
import org.openvmi.supplier.SupplierStockHistoryView;
import org.openvmi.supplier.SupplierStockReport;
import org.openvmi.supplier.SupplierStockView;
import org.openvmi.supplier.SupplierStocks;
import org.openvmi.supplier.UnmappedColumnsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Supplier stock", description = "Supplier-side available stock: suppliers write their own, buyers read all")
@RestController
@RequestMapping("/api/v1/supplier-stock")
class SupplierStockApiController {

    private final SupplierStocks stocks;

    SupplierStockApiController(SupplierStocks stocks) {
        this.stocks = stocks;
    }

    @Operation(
            summary = "Report a supplier's stock (batch, all or nothing)",
            description = "Every item must be on the supplier's source list. A supplier may omit 'supplier' (its own); "
                    + "naming another supplier is 403. A blank lowWater keeps the stored mark; a blank asOf is now.")
    @PostMapping
    List<SupplierStockView> report(@RequestBody SupplierStockReport report) {
        return stocks.report(report, StockSource.API);
    }

    @GetMapping
    PageResult<SupplierStockView> list(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) Boolean stale,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return stocks.find(supplier, item, stale, PageRequest.of(page, size));
    }

    @GetMapping("/{supplier}/{item}")
    SupplierStockView get(@PathVariable String supplier, @PathVariable String item) {
        return stocks.get(supplier, item);
    }

    @Operation(operationId = "getSupplierStockHistory")
    @GetMapping("/{supplier}/{item}/history")
    List<SupplierStockHistoryView> history(@PathVariable String supplier, @PathVariable String item) {
        return stocks.history(supplier, item);
    }

    @Operation(
            operationId = "importSupplierStock",
            summary = "Upload a supplier's stock file (CSV or XLSX)",
            description = "All or nothing: with a bad row nothing changes and the 422 lists every bad row. A row names "
                    + "its item by the buyer's code (item) or the supplier's part number (item or supplierPartNo). "
                    + "Column names the supplier told once (PUT /supplier-stock/columns) are read as their column; "
                    + "other unknown columns are a 400 listing them in unmappedColumns with a guessed column. "
                    + "A row without asOf whose figures did not change keeps its as-of time.")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(
            @RequestParam("file") MultipartFile file, @RequestParam(required = false) String supplier)
            throws IOException {
        ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = stocks.importFile(supplier, file.getOriginalFilename(), in);
        } catch (UnmappedColumnsException e) {
            ResponseEntity<ProblemDetail> problem =
                    ApiProblems.of(HttpStatus.BAD_REQUEST, e.errors().get(0).message(), e.errors());
            problem.getBody().setProperty("unmappedColumns", e.unmapped());
            return problem;
        }
        if (result.rejected() > 0) {
            ResponseEntity<ProblemDetail> problem = ApiProblems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Nothing was imported: " + result.rejected() + " row(s) have errors");
            problem.getBody().setProperty("imported", 0);
            problem.getBody().setProperty("rejected", result.rejected());
            problem.getBody().setProperty("errors", result.errors());
            return problem;
        }
        return ResponseEntity.ok(result);
    }

    @Operation(
            operationId = "getSupplierStockColumns",
            summary = "The supplier's own column names remembered for its uploads (column null: ignored)")
    @GetMapping("/columns")
    List<SupplierStockColumn> columns(@RequestParam(required = false) String supplier) {
        return stocks.columns(supplier);
    }

    @Operation(
            operationId = "putSupplierStockColumns",
            summary = "Tell what the supplier's own column names mean, e.g. 可用数量 → available (replaces the list)",
            description = "A blank column ignores that column of the supplier's files")
    @PutMapping("/columns")
    List<SupplierStockColumn> rememberColumns(@RequestBody SupplierStockColumns body) {
        return stocks.rememberColumns(body, true);
    }

    @Operation(
            operationId = "putSupplierPartNo",
            summary = "A supplier sets its own part number of an item of its source list (blank clears it)",
            description = "422 when another item of the same source list has that part number or code")
    @PutMapping("/part-numbers/{item}")
    SupplierPartNo setPartNo(
            @PathVariable String item,
            @RequestBody SupplierPartNo body,
            @RequestParam(required = false) String supplier) {
        return stocks.setPartNo(supplier, item, body == null ? null : body.supplierPartNo());
    }

    @Download({TabularFormat.CSV, TabularFormat.XLSX})
    @Operation(operationId = "getSupplierStockTemplate")
    @GetMapping("/template")
    ResponseEntity<byte[]> template(
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String encoding,
            @RequestParam(defaultValue = "true") boolean bom) {
        return Downloads.of(stocks.template(supplier, TabularFormat.parse(format, encoding, bom)));
    }
}
