package org.openvmi.supplier;

import jakarta.validation.Validator;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ExportFile;
import org.openvmi.catalog.ImportResult;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.model.TabularImport;
import org.openvmi.catalog.model.Texts;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.tabular.TabularFiles;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularRow;
import org.openvmi.supplier.internal.SupplierStockRepository;
import org.openvmi.supplier.internal.SupplierStockRepository.Filter;
import org.openvmi.supplier.internal.SupplierStockRepository.SourceItem;
import org.openvmi.supplier.internal.SupplierStockTable;
import org.openvmi.supplier.internal.SupplierStockWriter;
import org.openvmi.supplier.model.ColumnNames;
import org.openvmi.supplier.model.ItemCodes;
import org.openvmi.supplier.model.ReportRules;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supplier-side available stock: suppliers report it (API, file, portal form; all or nothing, history kept, low-water
 * judged in the same transaction), everyone reads it within their party scope. A supplier user writes only its own
 * supplier's stock (403 for another) and reads only its own (404 for another, so codes do not leak).
 */
@Service
public class SupplierStocks {

    private static final int HISTORY_LIMIT = 200;

    /** The columns of the upload and the template, in their order. */
    public static final List<String> UPLOAD_COLUMNS = SupplierStockTable.COLUMNS;

    private final SupplierStockRepository repository;
    private final SupplierStockWriter writer;
    private final CatalogRefs refs;
    private final Validator validator;
    private final MessageSource messages;
    private final SupplierStockProperties properties;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final SupplierCatalog catalog;

    SupplierStocks(
            SupplierStockRepository repository,
            SupplierStockWriter writer,
            CatalogRefs refs,
            Validator validator,
            MessageSource messages,
            SupplierStockProperties properties,
            Clock clock,
            PlatformTransactionManager transactions,
            SupplierCatalog catalog) {
        this.catalog = catalog;
        this.repository = repository;
        this.writer = writer;
        this.refs = refs;
        this.validator = validator;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
    }

    /** Stores a supplier's lines all or nothing; errors name the line as {@code lines[i].field}. */
    @Transactional
    public List<SupplierStockView> report(SupplierStockReport report, StockSource source) {
        Supplier supplier = writable(report.getSupplier());
        Map<String, SourceItem> sources = repository.sourceList(supplier.id());
        FieldErrors errors = new FieldErrors();
        validator.validate(report).stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessage()));
        Map<String, Integer> seen = new HashMap<>();
        List<SupplierStockWriter.Resolved> lines = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        ItemCodes itemCodes = itemCodes(sources);
        Instant now = clock.instant();
        for (int i = 0; i < report.getLines().size(); i++) {
            SupplierStockLine l = report.getLines().get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                errors.add("lines[" + i + "]", "must not be null");
                continue;
            }
            if (l.getItem() == null || l.getItem().isEmpty()) {
                continue;
            }
            // the item by the buyer's code or the supplier's own part number
            ItemCodes.Match match = itemCodes.resolve(l.getItem(), null);
            SourceItem item = match.found() ? sources.get(match.code()) : null;
            if (item == null) {
                errors.add(at + "item", text(match.refusalKey(), match.args().toArray()));
                continue;
            }
            Integer first = seen.putIfAbsent(item.code(), i);
            if (first != null) {
                errors.add(at + "item", text("supplier.error.duplicateItem", l.getItem(), first));
            }
            codes.add(item.code());
            for (ReportRules.Refusal r : ReportRules.check(
                    l.getInProduction(),
                    l.getAvailableFrom(),
                    l.getAsOf() == null ? null : l.getAsOf().toInstant(),
                    now)) {
                errors.add(at + r.field(), text(r.messageKey()));
            }
            lines.add(new SupplierStockWriter.Resolved(item, l));
        }
        errors.throwIfAny();
        writer.store(supplier.id(), lines, source, currentUser());
        return repository.find(
                new Filter(supplier.code(), null, codes, null),
                PartyScope.ALL,
                now,
                properties.staleAfter(),
                codes.size(),
                0);
    }

    /** One line typed in the portal (source MANUAL). */
    @Transactional
    public SupplierStockView edit(String supplier, SupplierStockLine line) {
        SupplierStockReport report = new SupplierStockReport();
        report.setSupplier(supplier);
        report.setLines(List.of(line));
        return report(report, StockSource.MANUAL).get(0);
    }

    /**
     * Imports a supplier's stock file (CSV unless the name ends in .xlsx): every row is checked first, and with any
     * bad row nothing changes and the result lists exactly the bad rows. The file is parsed outside the transaction.
     */
    public ImportResult importFile(String supplierCode, String fileName, InputStream content) {
        Supplier supplier = writable(supplierCode);
        List<TabularRow> rows = readColumns(supplier.id(), TabularFiles.read(content, format(fileName)));
        String user = currentUser();
        TabularImport run = new TabularImport(validator, texts());
        return writing.execute(status -> run.run(table(supplier, user), rows, false));
    }

    /**
     * The file's rows with the upload's column names: a header is a column by its name, or by what the supplier told
     * once ({@link #rememberColumns}); any other header refuses the file with {@link UnmappedColumnsException}.
     */
    private List<TabularRow> readColumns(long supplierId, List<TabularRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        ColumnNames.Reading reading = ColumnNames.read(
                rows.get(0).cells().keySet(), SupplierStockTable.COLUMNS, repository.columnMap(supplierId));
        if (!reading.unknown().isEmpty()) {
            List<UnmappedColumnsException.Unmapped> unmapped = reading.unknown().stream()
                    .map(h -> new UnmappedColumnsException.Unmapped(
                            h,
                            sample(rows, h),
                            ColumnNames.guess(h, SupplierStockTable.COLUMNS).orElse(null)))
                    .toList();
            throw new UnmappedColumnsException(
                    unmapped, text("supplier.error.unmappedColumns", String.join(", ", reading.unknown())));
        }
        if (!reading.twice().isEmpty()) {
            throw InvalidInputException.of(
                    "file", text("supplier.error.columnTwice", String.join(", ", reading.twice())));
        }
        return rows.stream()
                .map(r -> {
                    Map<String, String> cells = new java.util.LinkedHashMap<>();
                    reading.columns()
                            .forEach((header, column) ->
                                    cells.put(column, r.cells().get(header)));
                    return new TabularRow(r.rowNumber(), cells);
                })
                .toList();
    }

    /** The first non-blank cell of the column: the page shows it so the supplier sees what the column holds. */
    private static String sample(List<TabularRow> rows, String header) {
        return rows.stream()
                .limit(50)
                .map(r -> r.get(header))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The supplier's own column names remembered for its uploads. */
    @Transactional(readOnly = true)
    public List<SupplierStockColumn> columns(String supplierCode) {
        return repository.columns(writable(supplierCode).id());
    }

    /**
     * Remembers what the supplier's column names mean (a blank column: ignore that column); {@code replaceAll} forgets
     * the others (the API's PUT), else only these headers change (the page's one-time question).
     */
    @Transactional
    public List<SupplierStockColumn> rememberColumns(SupplierStockColumns body, boolean replaceAll) {
        Supplier supplier = writable(body.getSupplier());
        FieldErrors errors = new FieldErrors();
        List<SupplierStockColumn> clean = new ArrayList<>();
        for (int i = 0; i < body.getColumns().size(); i++) {
            SupplierStockColumn c = body.getColumns().get(i);
            String at = "columns[" + i + "].";
            if (c == null
                    || c.header() == null
                    || c.header().isBlank()
                    || c.header().trim().length() > 128) {
                errors.add(at + "header", "must not be blank, at most 128 characters");
                continue;
            }
            String column = c.column() == null || c.column().isBlank()
                    ? null
                    : c.column().trim();
            if (column != null && !SupplierStockTable.COLUMNS.contains(column)) {
                errors.add(
                        at + "column",
                        "must be one of " + String.join(", ", SupplierStockTable.COLUMNS)
                                + " or blank (ignore the column)");
                continue;
            }
            if (SupplierStockTable.COLUMNS.stream()
                    .anyMatch(col -> col.equalsIgnoreCase(c.header().trim()))) {
                errors.add(at + "header", "is the upload's own column name already");
                continue;
            }
            clean.add(new SupplierStockColumn(c.header().trim(), column));
        }
        errors.throwIfAny();
        repository.rememberColumns(supplier.id(), clean, replaceAll, currentUser(), clock.instant());
        return repository.columns(supplier.id());
    }

    /**
     * The supplier sets its own part number of an item of its source list (the buyer edits it on the source list).
     * A part number that is already another item's part number or code in the same list is refused: uploads could
     * no longer tell the two apart.
     */
    @Transactional
    public SupplierPartNo setPartNo(String supplierCode, String item, String partNo) {
        Supplier supplier = writable(supplierCode);
        String value = partNo == null || partNo.isBlank() ? null : partNo.trim();
        if (value != null && value.length() > 64) {
            throw InvalidInputException.of("supplierPartNo", "at most 64 characters");
        }
        Map<String, SourceItem> sources = repository.sourceList(supplier.id());
        if (!sources.containsKey(item)) {
            throw new NotFoundException("Source-list line", supplier.code() + "/" + item);
        }
        for (SourceItem other : sources.values()) {
            if (value != null
                    && !other.code().equals(item)
                    && (value.equals(other.partNo()) || value.equals(other.code()))) {
                throw new BusinessRuleException(
                        "supplierPartNo", text("supplier.error.partNoTaken", value, other.code()));
            }
        }
        SupplierItemCommand command = SupplierItemCommand.from(catalog.source(supplier.code(), item));
        command.setSupplierPartNo(value);
        catalog.updateSource(supplier.code(), item, command);
        return new SupplierPartNo(item, value);
    }

    /** The caller's own part number of an item of its source list (null: none, or not on the list). */
    @Transactional(readOnly = true)
    public String ownPartNo(String item) {
        SourceItem source = repository.sourceList(writable(null).id()).get(item);
        return source == null ? null : source.partNo();
    }

    private static ItemCodes itemCodes(Map<String, SourceItem> sources) {
        return new ItemCodes(sources.values().stream()
                .map(i -> new ItemCodes.Entry(i.code(), i.partNo()))
                .toList());
    }

    /** The upload template: the supplier's source list with its current figures, in the upload's columns. */
    @Transactional(readOnly = true)
    public ExportFile template(String supplierCode, TabularFormat format) {
        Supplier supplier = writable(supplierCode);
        SupplierStockTable table = table(supplier, currentUser());
        byte[] content = TabularFiles.write(table.columns(), table.exportRows(), format);
        String name = "supplier-stock-" + supplier.code() + "-" + LocalDate.now(clock) + "." + format.extension();
        return new ExportFile(name, format.contentType(), content);
    }

    private SupplierStockTable table(Supplier supplier, String user) {
        Instant now = clock.instant();
        List<SupplierStockView> current = repository.find(
                new Filter(supplier.code(), null, null, null),
                PartyScope.ALL,
                now,
                properties.staleAfter(),
                Integer.MAX_VALUE,
                0);
        Map<String, SourceItem> sources = repository.sourceList(supplier.id());
        return new SupplierStockTable(
                supplier.id(), sources, current, writer, user, clock.getZone(), now, itemCodes(sources));
    }

    @Transactional(readOnly = true)
    public PageResult<SupplierStockView> find(String supplier, String item, Boolean stale, PageRequest page) {
        PartyScope scope = PartyScope.current();
        readable(supplier, scope);
        Filter filter = new Filter(blank(supplier), blank(item), null, stale);
        Instant now = clock.instant();
        return new PageResult<>(
                repository.find(filter, scope, now, properties.staleAfter(), page),
                page.page(),
                page.size(),
                repository.count(filter, scope, now, properties.staleAfter()));
    }

    @Transactional(readOnly = true)
    public SupplierStockView get(String supplier, String item) {
        PartyScope scope = PartyScope.current();
        readable(supplier, scope);
        return repository
                .find(new Filter(supplier, item, null, null), scope, clock.instant(), properties.staleAfter(), 1, 0)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Supplier stock of", supplier + "/" + item));
    }

    /** Every report of a supplier item, newest first (at most 200). */
    @Transactional(readOnly = true)
    public List<SupplierStockHistoryView> history(String supplier, String item) {
        get(supplier, item);
        long supplierId = refs.suppliers(List.of(supplier)).get(supplier);
        long itemId = refs.items(List.of(item)).get(item).id();
        return repository.history(supplierId, itemId, HISTORY_LIMIT);
    }

    /** The supplier a caller writes for: its own (supplier user) or the named one (admin). */
    private Supplier writable(String code) {
        PartyScope scope = PartyScope.current();
        if (scope.kind() == PartyScope.Kind.SUPPLIER) {
            if (code != null && !code.equals(scope.supplierCode())) {
                throw new AccessDeniedException("A supplier reports only its own stock");
            }
            return new Supplier(scope.supplierId(), scope.supplierCode());
        }
        if (scope.kind() == PartyScope.Kind.NONE) {
            throw new AccessDeniedException("No supplier");
        }
        if (code == null || code.isBlank()) {
            throw InvalidInputException.of("supplier", "must not be blank");
        }
        Long id = refs.suppliers(List.of(code)).get(code);
        if (id == null) {
            throw new NotFoundException("Supplier", code);
        }
        return new Supplier(id, code);
    }

    /** A supplier filter outside the caller's scope is a 404, like any row it may not see. */
    private void readable(String code, PartyScope scope) {
        if (code != null
                && !code.isBlank()
                && !scope.seesAll()
                && (scope.supplierCode() == null || !scope.supplierCode().equals(code))) {
            throw new NotFoundException("Supplier", code);
        }
    }

    private record Supplier(long id, String code) {}

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

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private Texts texts() {
        Locale locale = LocaleContextHolder.getLocale();
        return (key, args) -> messages.getMessage(key, args, key, locale);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String currentUser() {
        return org.openvmi.shared.CurrentUser.name();
    }
}
