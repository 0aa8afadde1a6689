package org.openvmi.supplier.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.model.Cells;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.shared.tabular.TabularRow;
import org.openvmi.supplier.StockSource;
import org.openvmi.supplier.SupplierStockLine;
import org.openvmi.supplier.SupplierStockView;
import org.openvmi.supplier.model.ItemCodes;
import org.openvmi.supplier.model.ReportRules;

/**
 * One supplier's stock as a table (upload and template). Deliberately not a Spring bean: the generic
 * {@code /imports/{entity}} registry picks up every {@link TabularAdapter} bean and is for buyer-side master data,
 * while this table is bound to one supplier (the caller's own) for each upload.
 */
public final class SupplierStockTable implements TabularAdapter<SupplierStockLine> {

    public static final String ITEM = "item";
    /** The item's name: in the template to read by, ignored on upload. */
    static final String ITEM_NAME = "itemName";
    /** The supplier's own part number: an upload may name the item by it instead of (or besides) the buyer's code. */
    static final String SUPPLIER_PART_NO = "supplierPartNo";

    static final String AVAILABLE = "available";
    static final String IN_PRODUCTION = "inProduction";
    static final String AVAILABLE_FROM = "availableFrom";
    static final String LEAD_TIME_DAYS = "leadTimeDays";
    static final String LOW_WATER = "lowWater";
    static final String AS_OF = "asOf";
    public static final List<String> COLUMNS = List.of(
            ITEM,
            ITEM_NAME,
            SUPPLIER_PART_NO,
            AVAILABLE,
            IN_PRODUCTION,
            AVAILABLE_FROM,
            LEAD_TIME_DAYS,
            LOW_WATER,
            AS_OF);

    private final long supplierId;
    private final Map<String, SupplierStockRepository.SourceItem> sources;
    private final List<SupplierStockView> current;
    private final SupplierStockWriter writer;
    private final String user;
    private final ZoneId zone;
    private final java.time.Instant now;
    private final ItemCodes codes;

    public SupplierStockTable(
            long supplierId,
            Map<String, SupplierStockRepository.SourceItem> sources,
            List<SupplierStockView> current,
            SupplierStockWriter writer,
            String user,
            ZoneId zone,
            java.time.Instant now,
            ItemCodes codes) {
        this.supplierId = supplierId;
        this.sources = sources;
        this.current = current;
        this.writer = writer;
        this.user = user;
        this.zone = zone;
        this.now = now;
        this.codes = codes;
    }

    @Override
    public String entity() {
        return "supplier-stock";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(AVAILABLE); // and the item by ITEM or SUPPLIER_PART_NO, checked per row
    }

    @Override
    public List<String> keyColumns() {
        return List.of(ITEM);
    }

    @Override
    public SupplierStockLine read(TabularRow row, RowProblems problems) {
        SupplierStockLine l = new SupplierStockLine();
        l.setItem(item(row, problems));
        l.setAvailable(Cells.decimal(row, AVAILABLE, problems));
        l.setInProduction(Cells.decimal(row, IN_PRODUCTION, problems));
        l.setAvailableFrom(date(row, AVAILABLE_FROM, problems));
        l.setLeadTimeDays(Cells.integer(row, LEAD_TIME_DAYS, problems));
        l.setLowWater(Cells.decimal(row, LOW_WATER, problems));
        l.setAsOf(time(row, AS_OF, problems));
        return l;
    }

    /** The buyer's code of the item the row names by either code; a refusal names the column the code came from. */
    private String item(TabularRow row, RowProblems problems) {
        String either = row.get(ITEM);
        String partNo = row.get(SUPPLIER_PART_NO);
        if (either == null && partNo == null) {
            problems.reject(row.rowNumber(), ITEM, "supplier.error.noItemCode");
            return null;
        }
        ItemCodes.Match match = codes.resolve(either, partNo);
        if (!match.found()) {
            problems.reject(
                    row.rowNumber(),
                    either != null ? ITEM : SUPPLIER_PART_NO,
                    match.refusalKey(),
                    match.args().toArray());
            return either != null ? either : partNo;
        }
        return match.code();
    }

    /** ISO date ({@code 2026-12-05} or {@code 2026/12/05}); a spreadsheet's date cell arrives as the former. */
    private static LocalDate date(TabularRow row, String column, RowProblems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim().replace('/', '-'));
        } catch (DateTimeParseException e) {
            problems.reject(row.rowNumber(), column, "supplier.error.notADate", text);
            return null;
        }
    }

    /** ISO date-time with or without offset (without: the server's zone), or a date (its start). */
    private OffsetDateTime time(TabularRow row, String column, RowProblems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        String t = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(t).atStartOfDay(zone).toOffsetDateTime();
                } catch (DateTimeParseException e3) {
                    problems.reject(row.rowNumber(), column, "supplier.error.notATime", text);
                    return null;
                }
            }
        }
    }

    @Override
    public ImportBatch<SupplierStockLine> prepare(List<ImportRow<SupplierStockLine>> rows, Set<String> columnsInFile) {
        return new ImportBatch<>() {
            @Override
            public void check(List<ImportRow<SupplierStockLine>> rows, RowProblems problems) {
                Map<String, Integer> firstRow = new java.util.HashMap<>();
                for (ImportRow<SupplierStockLine> r : rows) {
                    SupplierStockLine l = r.command();
                    // the same item twice by different codes (the same code twice is already refused)
                    Integer first = l.getItem() == null || problems.has(r.row())
                            ? null
                            : firstRow.putIfAbsent(l.getItem(), r.row());
                    if (first != null) {
                        problems.reject(r.row(), ITEM, "supplier.error.itemTwice", l.getItem(), first);
                    }
                    for (ReportRules.Refusal refusal : ReportRules.check(
                            l.getInProduction(),
                            l.getAvailableFrom(),
                            l.getAsOf() == null ? null : l.getAsOf().toInstant(),
                            now)) {
                        problems.reject(r.row(), refusal.field(), refusal.messageKey());
                    }
                }
            }

            @Override
            public Written write(List<ImportRow<SupplierStockLine>> rows) {
                List<SupplierStockWriter.Resolved> lines = new ArrayList<>(rows.size());
                rows.forEach(r -> lines.add(
                        new SupplierStockWriter.Resolved(sources.get(r.command().getItem()), r.command())));
                int updated = writer.store(supplierId, lines, StockSource.FILE, user);
                return new Written(rows.size() - updated, updated, 0);
            }
        };
    }

    /** The template: every item of the source list, with the stored figures where there are some. */
    @Override
    public List<List<Object>> exportRows() {
        Map<String, SupplierStockView> byItem = new java.util.HashMap<>();
        current.forEach(v -> byItem.put(v.item(), v));
        List<List<Object>> rows = new ArrayList<>();
        for (String code : sources.keySet()) {
            SupplierStockView v = byItem.get(code);
            SupplierStockRepository.SourceItem item = sources.get(code);
            rows.add(
                    v == null
                            ? Arrays.asList(code, item.name(), item.partNo(), null, null, null, null, null, null)
                            : Arrays.asList(
                                    code,
                                    item.name(),
                                    item.partNo(),
                                    plain(v.available()),
                                    plain(v.inProduction()),
                                    v.availableFrom() == null
                                            ? null
                                            : v.availableFrom().toString(),
                                    v.leadTimeDays(),
                                    plain(v.lowWater()),
                                    null));
        }
        return rows;
    }

    private static BigDecimal plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros();
    }
}
