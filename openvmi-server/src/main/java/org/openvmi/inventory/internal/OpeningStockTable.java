package org.openvmi.inventory.internal;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.model.Cells;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerLine;
import org.openvmi.inventory.MovementType;
import org.openvmi.inventory.model.StockKey;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.tabular.TabularRow;
import org.springframework.stereotype.Component;

/**
 * Opening stock at go-live as a table: one row per stock key (item × location × owner × lot) with its quantity and
 * unit cost, posted through the ledger as OPENING movements in one posting (all rows or none). Owner is {@code OWN}
 * (blank) or a supplier's code (its consignment stock). The same file is applied once (see {@link #oncePerFile()});
 * the export is the empty template.
 */
@Component
class OpeningStockTable implements TabularAdapter<OpeningStockTable.Row> {

    static final String ITEM = "item";
    static final String LOCATION = "location";
    static final String OWNER = "owner";
    static final String LOT = "lot";
    static final String QTY = "qty";
    static final String UNIT_COST = "unitCost";

    /** One row of the file, read. */
    record Row(
            String item,
            String location,
            String owner,
            String lot,
            @Digits(integer = 15, fraction = 4) BigDecimal qty,
            @Digits(integer = 13, fraction = 6) BigDecimal unitCost) {

        String ownerOrOwn() {
            return OpeningStockTable.ownerOrOwn(owner);
        }
    }

    private final InventoryLedger ledger;
    private final CatalogRefs refs;

    OpeningStockTable(InventoryLedger ledger, CatalogRefs refs) {
        this.ledger = ledger;
        this.refs = refs;
    }

    @Override
    public String entity() {
        return "opening-stock";
    }

    @Override
    public List<String> columns() {
        return List.of(ITEM, LOCATION, OWNER, LOT, QTY, UNIT_COST);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(ITEM, LOCATION, QTY);
    }

    @Override
    public List<String> keyColumns() {
        return List.of(ITEM, LOCATION, OWNER, LOT);
    }

    /** Blank owner and OWN are the same owner, a blank lot is no lot: such rows are the same stock key. */
    @Override
    public List<String> rowKey(TabularRow row) {
        String lot = row.get(LOT);
        return Arrays.asList(row.get(ITEM), row.get(LOCATION), ownerOrOwn(row.get(OWNER)), lot == null ? "" : lot);
    }

    private static String ownerOrOwn(String owner) {
        return owner == null || owner.toUpperCase(Locale.ROOT).equals(StockKey.OWN) ? StockKey.OWN : owner;
    }

    @Override
    public boolean oncePerFile() {
        return true;
    }

    @Override
    public Row read(TabularRow row, RowProblems problems) {
        return new Row(
                row.get(ITEM),
                row.get(LOCATION),
                row.get(OWNER),
                row.get(LOT),
                Cells.decimal(row, QTY, problems),
                Cells.decimal(row, UNIT_COST, problems));
    }

    @Override
    public ImportBatch<Row> prepare(List<ImportRow<Row>> rows, Set<String> columnsInFile) {
        Map<String, ItemRef> items = refs.items(codes(rows, Row::item));
        Map<String, LocationRef> locations = refs.locations(codes(rows, Row::location));
        List<String> owners = rows.stream()
                .map(r -> r.command().ownerOrOwn())
                .filter(o -> !StockKey.OWN.equals(o))
                .distinct()
                .toList();
        Map<String, Long> suppliers = refs.suppliers(owners);
        return new Batch(items, locations, suppliers);
    }

    private static List<String> codes(List<ImportRow<Row>> rows, java.util.function.Function<Row, String> code) {
        return rows.stream()
                .map(r -> code.apply(r.command()))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    @Override
    public List<List<Object>> exportRows() {
        return List.of();
    }

    private final class Batch implements ImportBatch<Row> {

        private final Map<String, ItemRef> items;
        private final Map<String, LocationRef> locations;
        private final Map<String, Long> suppliers;

        Batch(Map<String, ItemRef> items, Map<String, LocationRef> locations, Map<String, Long> suppliers) {
            this.items = items;
            this.locations = locations;
            this.suppliers = suppliers;
        }

        @Override
        public void check(List<ImportRow<Row>> rows, RowProblems problems) {
            for (ImportRow<Row> r : rows) {
                Row c = r.command();
                ItemRef item = c.item() == null ? null : items.get(c.item());
                if (c.item() != null && (item == null || !item.code().equals(c.item()))) {
                    problems.reject(r.row(), ITEM, "imports.error.unknownItem", c.item());
                }
                if (c.location() != null && !locations.containsKey(c.location())) {
                    problems.reject(r.row(), LOCATION, "imports.error.unknownLocation", c.location());
                }
                if (!StockKey.OWN.equals(c.ownerOrOwn()) && !suppliers.containsKey(c.ownerOrOwn())) {
                    problems.reject(r.row(), OWNER, "imports.error.unknownOwner", c.owner());
                }
                if (c.qty() != null && c.qty().signum() <= 0) {
                    problems.reject(
                            r.row(), QTY, "imports.error.notPositive", c.qty().toPlainString());
                }
                if (c.unitCost() != null && c.unitCost().signum() < 0) {
                    problems.reject(
                            r.row(),
                            UNIT_COST,
                            "imports.error.negative",
                            c.unitCost().toPlainString());
                }
            }
            ledgerRules(rows, problems);
        }

        /** What the ledger itself refuses (a lot-tracked item without lot …), for the rows that passed the checks above. */
        private void ledgerRules(List<ImportRow<Row>> rows, RowProblems problems) {
            List<ImportRow<Row>> good =
                    rows.stream().filter(r -> !problems.has(r.row())).toList();
            if (good.isEmpty()) {
                return;
            }
            try {
                ledger.check(good.stream().map(r -> line(r.command())).toList());
            } catch (InvalidInputException e) {
                for (FieldErrors.FieldError error : e.errors()) {
                    int open = error.field().indexOf('[');
                    int close = error.field().indexOf(']');
                    if (open < 0 || close < open) {
                        continue;
                    }
                    int line = Integer.parseInt(error.field().substring(open + 1, close));
                    String field =
                            close + 2 <= error.field().length() ? error.field().substring(close + 2) : "";
                    problems.add(good.get(line).row(), field, error.message());
                }
            }
        }

        @Override
        public Written write(List<ImportRow<Row>> rows) {
            ledger.record(rows.stream().map(r -> line(r.command())).toList());
            return new Written(rows.size(), 0, 0);
        }

        /** The import is an edge: its codes are resolved here, once, and the ledger gets the ids (rows checked). */
        private LedgerLine line(Row row) {
            String owner = row.ownerOrOwn();
            return new LedgerLine(
                    MovementType.OPENING,
                    items.get(row.item()).id(),
                    locations.get(row.location()).id(),
                    StockKey.OWN.equals(owner) ? null : suppliers.get(owner),
                    row.lot(),
                    row.qty(),
                    row.unitCost(),
                    "opening balance (go-live import)",
                    "OPENING-IMPORT");
        }
    }
}
