package org.openvmi.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.ItemView;
import org.openvmi.catalog.model.Cells;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.tabular.TabularRow;
import org.springframework.stereotype.Component;

/** Items as a table: the columns of the item API, barcodes separated by {@code |} in one cell. */
@Component
class ItemTabularAdapter implements TabularAdapter<ItemCommand> {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String UOM = "uom";
    static final String CATEGORY = "category";
    static final String UNIT_COST = "unitCost";
    static final String LOT_TRACKED = "lotTracked";
    static final String BARCODES = "barcodes";

    private final ItemBatchRepository items;
    private final AuditTrail audit;

    ItemTabularAdapter(ItemBatchRepository items, AuditTrail audit) {
        this.items = items;
        this.audit = audit;
    }

    @Override
    public String entity() {
        return "items";
    }

    @Override
    public List<String> columns() {
        return List.of(CODE, NAME, UOM, CATEGORY, UNIT_COST, LOT_TRACKED, BARCODES);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(CODE, NAME, UOM);
    }

    @Override
    public List<String> keyColumns() {
        return List.of(CODE);
    }

    @Override
    public ItemCommand read(TabularRow row, RowProblems problems) {
        ItemCommand c = new ItemCommand();
        c.setCode(row.get(CODE));
        c.setName(row.get(NAME));
        c.setUom(row.get(UOM));
        c.setCategory(row.get(CATEGORY));
        c.setUnitCost(Cells.decimal(row, UNIT_COST, problems));
        c.setLotTracked(Cells.bool(row, LOT_TRACKED, problems));
        c.setBarcodes(Cells.list(row, BARCODES));
        return c;
    }

    @Override
    public ImportBatch<ItemCommand> prepare(List<ImportRow<ItemCommand>> rows, Set<String> columnsInFile) {
        List<String> codes = rows.stream()
                .map(r -> r.command().getCode())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<String> barcodes = rows.stream()
                .flatMap(r -> r.command().getBarcodes().stream())
                .distinct()
                .toList();
        return new ItemImportBatch(
                items, audit, items.findByCodes(codes), items.ownersOfBarcodes(barcodes), columnsInFile);
    }

    @Override
    public List<List<Object>> exportRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (ItemView v : items.findAll(PartyScope.current())) {
            rows.add(Arrays.asList(
                    v.code(),
                    v.name(),
                    v.uom(),
                    v.category(),
                    v.unitCost(),
                    String.valueOf(v.lotTracked()),
                    Cells.joinList(v.barcodes())));
        }
        return rows;
    }
}
