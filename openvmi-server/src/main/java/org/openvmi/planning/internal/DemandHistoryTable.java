package org.openvmi.planning.internal;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.model.Cells;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.planning.DemandRecord;
import org.openvmi.shared.tabular.TabularRow;
import org.springframework.stereotype.Component;

/**
 * Demand (sales or consumption) history from an ERP or POS export: one row per item × warehouse × day, added to the
 * daily demand history that forecasting reads. A day that already holds imported sales is refused (a second file
 * with an overlapping period would count it twice); the same file is applied once (see {@link #oncePerFile()}).
 * Days of the future are refused. The export is the empty template.
 */
@Component
class DemandHistoryTable implements TabularAdapter<DemandHistoryTable.Row> {

    static final String ITEM = "item";
    static final String WAREHOUSE = "warehouse";
    static final String DATE = "date";
    static final String QTY = "qty";

    /** One row of the file, read. */
    record Row(
            String item,
            String warehouse,
            LocalDate date,
            @Digits(integer = 15, fraction = 4) BigDecimal qty) {}

    private final DemandHistoryRepository history;
    private final CatalogRefs refs;
    private final Clock clock;

    DemandHistoryTable(DemandHistoryRepository history, CatalogRefs refs, Clock clock) {
        this.history = history;
        this.refs = refs;
        this.clock = clock;
    }

    @Override
    public String entity() {
        return "demand-history";
    }

    @Override
    public List<String> columns() {
        return List.of(ITEM, WAREHOUSE, DATE, QTY);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(ITEM, WAREHOUSE, DATE, QTY);
    }

    @Override
    public List<String> keyColumns() {
        return List.of(ITEM, WAREHOUSE, DATE);
    }

    /** A day written 2026/12/05 is the same day as 2026-12-05 (as {@link Cells#date} reads it). */
    @Override
    public List<String> rowKey(TabularRow row) {
        String date = row.get(DATE);
        return Arrays.asList(row.get(ITEM), row.get(WAREHOUSE), date == null ? null : date.replace('/', '-'));
    }

    @Override
    public boolean oncePerFile() {
        return true;
    }

    @Override
    public Row read(TabularRow row, RowProblems problems) {
        return new Row(
                row.get(ITEM), row.get(WAREHOUSE), Cells.date(row, DATE, problems), Cells.decimal(row, QTY, problems));
    }

    @Override
    public ImportBatch<Row> prepare(List<ImportRow<Row>> rows, Set<String> columnsInFile) {
        Map<String, ItemRef> items = refs.items(rows.stream()
                .map(r -> r.command().item())
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<String, Long> warehouses = refs.warehouses(rows.stream()
                .map(r -> r.command().warehouse())
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        List<LocalDate> dates = rows.stream()
                .map(r -> r.command().date())
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        Set<List<Object>> recorded = dates.isEmpty()
                ? Set.of()
                : history.daysWithSales(
                        items.values().stream().map(ItemRef::id).distinct().toList(),
                        dates.get(0),
                        dates.get(dates.size() - 1));
        return new Batch(items, warehouses, recorded);
    }

    @Override
    public List<List<Object>> exportRows() {
        return List.of();
    }

    private final class Batch implements ImportBatch<Row> {

        private final Map<String, ItemRef> items;
        private final Map<String, Long> warehouses;
        private final Set<List<Object>> recorded;

        Batch(Map<String, ItemRef> items, Map<String, Long> warehouses, Set<List<Object>> recorded) {
            this.items = items;
            this.warehouses = warehouses;
            this.recorded = recorded;
        }

        private ItemRef item(Row c) {
            ItemRef item = c.item() == null ? null : items.get(c.item());
            return item != null && item.code().equals(c.item()) ? item : null;
        }

        @Override
        public void check(List<ImportRow<Row>> rows, RowProblems problems) {
            LocalDate today = LocalDate.now(clock);
            for (ImportRow<Row> r : rows) {
                Row c = r.command();
                ItemRef item = item(c);
                Long warehouse = c.warehouse() == null ? null : warehouses.get(c.warehouse());
                if (c.item() != null && item == null) {
                    problems.reject(r.row(), ITEM, "imports.error.unknownItem", c.item());
                }
                if (c.warehouse() != null && warehouse == null) {
                    problems.reject(r.row(), WAREHOUSE, "imports.error.unknownWarehouse", c.warehouse());
                }
                if (c.date() != null && c.date().isAfter(today)) {
                    problems.reject(
                            r.row(), DATE, "imports.error.futureDate", c.date().toString());
                }
                if (c.qty() != null && c.qty().signum() < 0) {
                    problems.reject(
                            r.row(), QTY, "imports.error.negative", c.qty().toPlainString());
                }
                if (item != null
                        && warehouse != null
                        && c.date() != null
                        && recorded.contains(List.of(item.id(), warehouse, c.date()))) {
                    problems.reject(
                            r.row(),
                            DATE,
                            "imports.error.salesRecorded",
                            c.item(),
                            c.warehouse(),
                            c.date().toString());
                }
            }
        }

        @Override
        public Written write(List<ImportRow<Row>> rows) {
            Map<List<Object>, DemandRecord> records = new HashMap<>();
            for (ImportRow<Row> r : rows) {
                Row c = r.command();
                if (c.qty().signum() > 0) {
                    long itemId = item(c).id();
                    long warehouseId = warehouses.get(c.warehouse());
                    records.put(
                            List.of(itemId, warehouseId, c.date()),
                            new DemandRecord(itemId, warehouseId, c.date(), c.qty()));
                }
            }
            history.addSales(new ArrayList<>(records.values()));
            return new Written(rows.size(), 0, 0);
        }
    }
}
