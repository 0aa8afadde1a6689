package org.openvmi.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.openvmi.catalog.ImportProperties;
import org.openvmi.catalog.ImportResult;
import org.openvmi.catalog.ImportService;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.web.ApiProblems;
import org.openvmi.shared.web.Download;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Imports and exports", description = "Master data lists as CSV or XLSX")
@RestController
@RequestMapping("/api/v1")
class ImportApiController {

    private final ImportService imports;
    private final ImportProperties properties;

    ImportApiController(ImportService imports, ImportProperties properties) {
        this.imports = imports;
        this.properties = properties;
    }

    /** 200 with the result; 422 (nothing imported) when a row is bad and not {@code partial}. */
    @Operation(operationId = "importEntities")
    @PostMapping(path = "/imports/{entity}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(
            @PathVariable String entity,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean partial)
            throws IOException {
        Uploads.checkSize(file, properties);
        ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = imports.importFile(entity, file.getOriginalFilename(), in, partial);
        }
        if (!partial && result.rejected() > 0) {
            ResponseEntity<ProblemDetail> problem = ApiProblems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Nothing was imported: " + result.rejected() + " row(s) have errors; correct them, "
                            + "or import the valid rows only with partial=true");
            problem.getBody().setProperty("imported", result.imported());
            problem.getBody().setProperty("rejected", result.rejected());
            problem.getBody().setProperty("errors", result.errors());
            return problem;
        }
        return ResponseEntity.ok(result);
    }

    @Download({TabularFormat.CSV, TabularFormat.XLSX})
    @Operation(operationId = "exportEntities")
    @GetMapping("/exports/{entity}")
    ResponseEntity<byte[]> export(
            @PathVariable String entity,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String encoding,
            @RequestParam(defaultValue = "true") boolean bom) {
        return Uploads.download(imports.export(entity, TabularFormat.parse(format, encoding, bom)));
    }
}
