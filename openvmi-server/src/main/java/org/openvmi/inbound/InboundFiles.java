package org.openvmi.inbound;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.openvmi.consignment.ConsumptionRequest;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.tabular.TabularFiles;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularRow;
import org.openvmi.supplier.SupplierStockLine;
import org.springframework.stereotype.Service;

/**
 * The file drop: a CSV or XLSX file of inbound documents, one row per line, the rows of one document sharing its
 * {@code sourceId}. The rows are grouped into documents (in the order of their first row) and posted exactly as the
 * JSON endpoints post them, so a file sent twice posts nothing the second time; the answer is a row report.
 */
@Service
public class InboundFiles {

    public static final List<String> MOVEMENT_COLUMNS =
            List.of("sourceId", "type", "item", "location", "owner", "lot", "qty", "unitCost", "reason", "reference");
    public static final List<String> CONSUMPTION_COLUMNS = List.of("sourceId", "item", "location", "qty", "reference");
    public static final List<String> SUPPLIER_STOCK_COLUMNS = List.of(
            "sourceId", "supplier", "item", "available", "inProduction", "availableFrom", "leadTimeDays", "lowWater");

    private final InboundDocuments documents;

    InboundFiles(InboundDocuments documents) {
        this.documents = documents;
    }

    /** The columns of a kind's file, in the order of the template. */
    public static List<String> columns(InboundKind kind) {
        return switch (kind) {
            case MOVEMENTS -> MOVEMENT_COLUMNS;
            case CONSUMPTIONS -> CONSUMPTION_COLUMNS;
            case SUPPLIER_STOCK -> SUPPLIER_STOCK_COLUMNS;
        };
    }

    /** Parses the file (CSV unless the name ends in .xlsx), posts its documents and reports every row. */
    public InboundFileReport post(InboundKind kind, String fileName, InputStream content) {
        List<TabularRow> rows = TabularFiles.read(content, format(fileName));
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "has no data rows");
        }
        if (!rows.get(0).cells().keySet().stream().anyMatch("sourceId"::equalsIgnoreCase)) {
            throw InvalidInputException.of(
                    "file", "needs a sourceId column; the columns are " + String.join(", ", columns(kind)));
        }
        Map<String, List<Parsed>> grouped = new LinkedHashMap<>();
        List<InboundFileReport.Row> withoutId = new ArrayList<>();
        for (TabularRow row : rows) {
            String sourceId = cell(row, "sourceId");
            if (sourceId == null) {
                withoutId.add(new InboundFileReport.Row(
                        row.rowNumber(),
                        null,
                        InboundStatus.REJECTED,
                        List.of(fieldError("sourceId", CodedRefusal.required()))));
                continue;
            }
            grouped.computeIfAbsent(sourceId, k -> new ArrayList<>()).add(parse(kind, row));
        }
        List<String> ids = new ArrayList<>();
        List<Object> docs = new ArrayList<>();
        Map<String, DocumentResult> unparsable = new HashMap<>();
        for (Map.Entry<String, List<Parsed>> e : grouped.entrySet()) {
            if (e.getValue().stream().anyMatch(p -> !p.errors().isEmpty())) {
                unparsable.put(e.getKey(), DocumentResult.rejected(e.getKey(), List.of()));
                continue;
            }
            ids.add(e.getKey());
            docs.add(document(kind, e.getKey(), e.getValue()));
        }
        Map<String, DocumentResult> results = new HashMap<>(unparsable);
        if (!docs.isEmpty()) {
            for (DocumentResult r : post(kind, docs).documents()) {
                results.put(r.sourceId(), r);
            }
        }
        return report(rows.size(), grouped, results, withoutId);
    }

    @SuppressWarnings("unchecked")
    private InboundResult post(InboundKind kind, List<Object> docs) {
        return switch (kind) {
            case MOVEMENTS -> documents.movements(new InboundBatch<>((List<MovementDocument>) (List<?>) docs));
            case CONSUMPTIONS -> documents.consumptions(new InboundBatch<>((List<ConsumptionDocument>) (List<?>) docs));
            case SUPPLIER_STOCK ->
                documents.supplierStock(new InboundBatch<>((List<SupplierStockDocument>) (List<?>) docs));
        };
    }

    private static InboundFileReport report(
            int rowCount,
            Map<String, List<Parsed>> grouped,
            Map<String, DocumentResult> results,
            List<InboundFileReport.Row> withoutId) {
        List<InboundFileReport.Row> report = new ArrayList<>(withoutId);
        for (Map.Entry<String, List<Parsed>> e : grouped.entrySet()) {
            DocumentResult result = results.get(e.getKey());
            List<Parsed> lines = e.getValue();
            for (int i = 0; i < lines.size(); i++) {
                List<InboundError> errors = new ArrayList<>(lines.get(i).errors());
                String prefix = "lines[" + i + "].";
                for (InboundError f : result.errors()) {
                    if (f.field() != null && f.field().startsWith(prefix)) {
                        errors.add(f.withField(f.field().substring(prefix.length())));
                    } else if (i == 0 && (f.field() == null || !f.field().startsWith("lines["))) {
                        errors.add(f);
                    }
                }
                report.add(new InboundFileReport.Row(lines.get(i).row(), e.getKey(), result.status(), errors));
            }
        }
        report.sort(java.util.Comparator.comparingInt(InboundFileReport.Row::row));
        InboundResult counts = InboundResult.of(List.copyOf(results.values()));
        int rejectedWithoutId = (int) withoutId.size();
        return new InboundFileReport(
                rowCount, counts.posted(), counts.duplicates(), counts.rejected() + rejectedWithoutId, report);
    }

    private static Object document(InboundKind kind, String sourceId, List<Parsed> lines) {
        return switch (kind) {
            case MOVEMENTS ->
                new MovementDocument(
                        sourceId,
                        lines.stream().map(p -> (MovementRequest) p.line()).toList());
            case CONSUMPTIONS ->
                new ConsumptionDocument(
                        sourceId,
                        lines.stream().map(p -> (ConsumptionRequest) p.line()).toList());
            case SUPPLIER_STOCK ->
                new SupplierStockDocument(
                        sourceId,
                        lines.get(0).supplier(),
                        lines.stream().map(p -> (SupplierStockLine) p.line()).toList());
        };
    }

    private record Parsed(int row, Object line, String supplier, List<InboundError> errors) {}

    private static Parsed parse(InboundKind kind, TabularRow row) {
        List<InboundError> errors = new ArrayList<>();
        Function<String, BigDecimal> decimal = column -> {
            String v = cell(row, column);
            if (v == null) {
                return null;
            }
            try {
                return new BigDecimal(v.replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(fieldError(column, "'" + v + "' is not a number"));
                return null;
            }
        };
        return switch (kind) {
            case MOVEMENTS ->
                new Parsed(
                        row.rowNumber(),
                        new MovementRequest(
                                cell(row, "type"),
                                cell(row, "item"),
                                cell(row, "location"),
                                cell(row, "owner"),
                                cell(row, "lot"),
                                decimal.apply("qty"),
                                decimal.apply("unitCost"),
                                cell(row, "reason"),
                                cell(row, "reference")),
                        null,
                        errors);
            case CONSUMPTIONS ->
                new Parsed(
                        row.rowNumber(),
                        new ConsumptionRequest(
                                cell(row, "item"), cell(row, "location"), decimal.apply("qty"), cell(row, "reference")),
                        null,
                        errors);
            case SUPPLIER_STOCK -> {
                SupplierStockLine line = new SupplierStockLine(cell(row, "item"), decimal.apply("available"));
                line.setInProduction(decimal.apply("inProduction"));
                line.setLowWater(decimal.apply("lowWater"));
                String from = cell(row, "availableFrom");
                if (from != null) {
                    try {
                        line.setAvailableFrom(LocalDate.parse(from));
                    } catch (java.time.format.DateTimeParseException e) {
                        errors.add(fieldError("availableFrom", "'" + from + "' is not a date (yyyy-MM-dd)"));
                    }
                }
                String days = cell(row, "leadTimeDays");
                if (days != null) {
                    try {
                        line.setLeadTimeDays(Integer.valueOf(days));
                    } catch (NumberFormatException e) {
                        errors.add(fieldError("leadTimeDays", "'" + days + "' is not a whole number"));
                    }
                }
                yield new Parsed(row.rowNumber(), line, cell(row, "supplier"), errors);
            }
        };
    }

    private static InboundError fieldError(String field, String message) {
        return new InboundError(field, message, null);
    }

    private static InboundError fieldError(String field, CodedRefusal refusal) {
        return InboundError.of(new FieldErrors.FieldError(field, refusal));
    }

    /** A cell by its column, the header matched without regard to case. */
    private static String cell(TabularRow row, String column) {
        String exact = row.get(column);
        if (exact != null) {
            return exact;
        }
        for (String header : row.cells().keySet()) {
            if (header.equalsIgnoreCase(column)) {
                return row.get(header);
            }
        }
        return null;
    }

    private static TabularFormat format(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).trim();
        if (name.endsWith(".xlsx")) {
            return TabularFormat.XLSX;
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || !name.contains(".")) {
            return TabularFormat.CSV;
        }
        throw InvalidInputException.of("file", "must be a .csv or .xlsx file (an .xls workbook: save it as .xlsx)");
    }
}
