package org.openvmi.catalog.internal;

import static org.openvmi.catalog.internal.ItemTabularAdapter.BARCODES;
import static org.openvmi.catalog.internal.ItemTabularAdapter.CATEGORY;
import static org.openvmi.catalog.internal.ItemTabularAdapter.LOT_TRACKED;
import static org.openvmi.catalog.internal.ItemTabularAdapter.UNIT_COST;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.ItemView;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.Decimals;

/** One item import: the stored items and barcode owners it touches, loaded once; then checks and the batch write. */
class ItemImportBatch implements ImportBatch<ItemCommand> {

    private static final String AUDIT_ENTITY = "item"; // as ItemCatalog audits items

    private final ItemBatchRepository items;
    private final AuditTrail audit;
    private final Map<String, ItemView> existing;
    private final Map<String, String> barcodeOwners;
    private final Set<String> columnsInFile;

    ItemImportBatch(
            ItemBatchRepository items,
            AuditTrail audit,
            Map<String, ItemView> existing,
            Map<String, String> barcodeOwners,
            Set<String> columnsInFile) {
        this.items = items;
        this.audit = audit;
        this.existing = existing;
        this.barcodeOwners = barcodeOwners;
        this.columnsInFile = columnsInFile;
    }

    /** An optional column the file leaves out keeps the stored value of an existing item. */
    @Override
    public ItemCommand complete(ItemCommand c) {
        ItemView stored = c.getCode() == null ? null : existing.get(c.getCode());
        if (stored != null) {
            if (!columnsInFile.contains(CATEGORY)) {
                c.setCategory(stored.category());
            }
            if (!columnsInFile.contains(UNIT_COST)) {
                c.setUnitCost(stored.unitCost());
            }
            if (!columnsInFile.contains(LOT_TRACKED)) {
                c.setLotTracked(stored.lotTracked());
            }
            if (!columnsInFile.contains(BARCODES)) {
                c.setBarcodes(new ArrayList<>(stored.barcodes()));
            }
        }
        return c;
    }

    /** A barcode may be on one row of the file only, and must not belong to another stored item. */
    @Override
    public void check(List<ImportRow<ItemCommand>> rows, RowProblems problems) {
        Map<String, List<Integer>> rowsByBarcode = new LinkedHashMap<>();
        for (ImportRow<ItemCommand> r : rows) {
            for (String b : r.command().getBarcodes()) {
                rowsByBarcode.computeIfAbsent(b, k -> new ArrayList<>()).add(r.row());
                String owner = barcodeOwners.get(b);
                if (owner != null && !owner.equals(r.command().getCode())) {
                    problems.reject(r.row(), BARCODES, "imports.error.barcodeTaken", b, owner);
                }
            }
        }
        rowsByBarcode.forEach((barcode, rowNumbers) -> {
            if (rowNumbers.size() > 1) {
                String all = rowNumbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
                rowNumbers.forEach(n -> problems.reject(n, BARCODES, "imports.error.barcodeTwice", barcode, all));
            }
        });
    }

    @Override
    public Written write(List<ImportRow<ItemCommand>> rows) {
        UpsertPlan<ItemCommand> plan = UpsertPlan.of(
                rows, c -> existing.get(c.getCode()), ItemImportBatch::same, ItemView::id, ItemView::version);
        List<AuditTrail.Change> changes = new ArrayList<>();
        Map<Long, List<String>> barcodes = new HashMap<>();
        if (!plan.created.isEmpty()) {
            Map<String, Long> ids = items.insert(plan.created);
            for (ItemCommand c : plan.created) {
                long id = ids.get(c.getCode());
                barcodes.put(id, c.getBarcodes());
                changes.add(new AuditTrail.Change("CREATE", AUDIT_ENTITY, c.getCode(), null, view(id, c, 0)));
            }
        }
        if (!plan.updated.isEmpty()) {
            if (!items.update(plan.versions, plan.updated)) {
                throw new ConflictException("Items of the file were changed by someone else during the import; "
                        + "nothing was imported, try again");
            }
            plan.updated.forEach((id, c) -> {
                ItemView before = existing.get(c.getCode());
                barcodes.put(id, c.getBarcodes());
                changes.add(new AuditTrail.Change(
                        "UPDATE", AUDIT_ENTITY, c.getCode(), before, view(id, c, before.version() + 1)));
            });
        }
        items.deleteBarcodes(plan.updated.keySet());
        items.insertBarcodes(barcodes);
        audit.recordAll(changes);
        return new Written(plan.created.size(), plan.updated.size(), plan.unchanged);
    }

    private static boolean same(ItemView v, ItemCommand c) {
        return v.name().equals(c.getName())
                && v.uom().equals(c.getUom())
                && Objects.equals(v.category(), c.getCategory())
                && (v.unitCost() == null
                        ? c.getUnitCost() == null
                        : c.getUnitCost() != null && v.unitCost().compareTo(c.getUnitCost()) == 0)
                && v.lotTracked() == c.isLotTracked()
                && v.barcodes().stream()
                        .sorted()
                        .toList()
                        .equals(c.getBarcodes().stream().sorted().toList());
    }

    /** The item as it is after the write, as ItemCatalog would read it back. */
    private static ItemView view(long id, ItemCommand c, int version) {
        return new ItemView(
                id,
                c.getCode(),
                c.getName(),
                c.getUom(),
                c.getCategory(),
                Decimals.plain(c.getUnitCost()),
                c.isLotTracked(),
                c.getBarcodes().stream().sorted().toList(),
                version);
    }
}
