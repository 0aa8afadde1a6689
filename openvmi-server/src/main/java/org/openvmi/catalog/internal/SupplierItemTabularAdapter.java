package org.openvmi.catalog.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.SupplierItemView;
import org.openvmi.catalog.SupplierView;
import org.openvmi.catalog.internal.SupplierBatchRepository.ItemKey;
import org.openvmi.catalog.model.Cells;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.tabular.TabularRow;
import org.springframework.stereotype.Component;

/**
 * Source lists as a table: the columns of the source-list API plus the supplier code; the key is (supplier, item).
 * A row marked primary makes the item's other sources backups, as {@code SupplierCatalog.addSource} does. A supplier
 * user's export holds its own source list only.
 */
@Component
class SupplierItemTabularAdapter implements TabularAdapter<SupplierItemTabularAdapter.SupplierItemRow> {

    static final String SUPPLIER = "supplier";
    static final String ITEM = "item";
    static final String SUPPLIER_PART_NO = "supplierPartNo";
    static final String PRICE = "price";
    static final String CURRENCY = "currency";
    static final String MOQ = "moq";
    static final String PACK_SIZE = "packSize";
    static final String LEAD_TIME_DAYS = "leadTimeDays";
    static final String PRIMARY = "primary";

    /** The source-list command with its supplier, which the API takes from the path. */
    static class SupplierItemRow extends SupplierItemCommand {

        @NotBlank
        @Size(max = 64)
        private String supplier;

        String getSupplier() {
            return supplier;
        }

        void setSupplier(String supplier) {
            this.supplier = supplier == null ? null : supplier.trim();
        }

        String key() {
            return getSupplier() + "/" + getItem();
        }
    }

    private final SupplierBatchRepository suppliers;
    private final AuditTrail audit;

    SupplierItemTabularAdapter(SupplierBatchRepository suppliers, AuditTrail audit) {
        this.suppliers = suppliers;
        this.audit = audit;
    }

    @Override
    public String entity() {
        return "supplier-items";
    }

    @Override
    public List<String> columns() {
        return List.of(SUPPLIER, ITEM, SUPPLIER_PART_NO, PRICE, CURRENCY, MOQ, PACK_SIZE, LEAD_TIME_DAYS, PRIMARY);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(SUPPLIER, ITEM);
    }

    @Override
    public List<String> keyColumns() {
        return List.of(SUPPLIER, ITEM);
    }

    @Override
    public SupplierItemRow read(TabularRow row, RowProblems problems) {
        SupplierItemRow c = new SupplierItemRow();
        c.setSupplier(row.get(SUPPLIER));
        c.setItem(row.get(ITEM));
        c.setSupplierPartNo(row.get(SUPPLIER_PART_NO));
        c.setPrice(Cells.decimal(row, PRICE, problems));
        if (row.get(CURRENCY) != null) {
            c.setCurrency(row.get(CURRENCY));
        }
        if (row.get(MOQ) != null) {
            c.setMoq(Cells.decimal(row, MOQ, problems));
        }
        if (row.get(PACK_SIZE) != null) {
            c.setPackSize(Cells.decimal(row, PACK_SIZE, problems));
        }
        c.setLeadTimeDays(Cells.integer(row, LEAD_TIME_DAYS, problems));
        c.setPrimary(Cells.bool(row, PRIMARY, problems));
        return c;
    }

    @Override
    public ImportBatch<SupplierItemRow> prepare(List<ImportRow<SupplierItemRow>> rows, Set<String> columnsInFile) {
        List<String> supplierCodes = rows.stream()
                .map(r -> r.command().getSupplier())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<String> itemCodes = rows.stream()
                .map(r -> r.command().getItem())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, ItemKey> items = suppliers.itemsByCodes(itemCodes);
        List<SupplierItemView> sources = suppliers.sourcesOfItems(
                items.values().stream().map(ItemKey::id).toList());
        return new Batch(suppliers.findByCodes(supplierCodes), items, sources, columnsInFile);
    }

    @Override
    public List<List<Object>> exportRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (SupplierItemView v : suppliers.findAllSources(PartyScope.current())) {
            rows.add(Arrays.asList(
                    v.supplier(),
                    v.item(),
                    v.supplierPartNo(),
                    v.price(),
                    v.currency(),
                    v.moq(),
                    v.packSize(),
                    v.leadTimeDays(),
                    String.valueOf(v.primary())));
        }
        return rows;
    }

    /** One source-list import: the suppliers, items and the items' stored sources, loaded once; checks; the write. */
    private final class Batch implements ImportBatch<SupplierItemRow> {

        private static final String AUDIT_ENTITY = "supplier-item"; // as SupplierCatalog audits source-list lines

        private final Map<String, SupplierView> suppliersByCode;
        private final Map<String, ItemKey> itemsByCode;
        private final Map<String, SupplierItemView> existing = new HashMap<>();
        private final Map<String, List<SupplierItemView>> sourcesByItem = new HashMap<>();
        private final Set<String> columnsInFile;

        Batch(
                Map<String, SupplierView> suppliersByCode,
                Map<String, ItemKey> itemsByCode,
                List<SupplierItemView> sources,
                Set<String> columnsInFile) {
            this.suppliersByCode = suppliersByCode;
            this.itemsByCode = itemsByCode;
            this.columnsInFile = columnsInFile;
            for (SupplierItemView v : sources) {
                existing.put(v.supplier() + "/" + v.item(), v);
                sourcesByItem.computeIfAbsent(v.item(), k -> new ArrayList<>()).add(v);
            }
        }

        @Override
        public SupplierItemRow complete(SupplierItemRow c) {
            SupplierItemView stored = existing.get(c.key());
            if (stored != null) {
                if (!columnsInFile.contains(SUPPLIER_PART_NO)) {
                    c.setSupplierPartNo(stored.supplierPartNo());
                }
                if (!columnsInFile.contains(PRICE)) {
                    c.setPrice(stored.price());
                }
                if (!columnsInFile.contains(CURRENCY)) {
                    c.setCurrency(stored.currency());
                }
                if (!columnsInFile.contains(MOQ)) {
                    c.setMoq(stored.moq());
                }
                if (!columnsInFile.contains(PACK_SIZE)) {
                    c.setPackSize(stored.packSize());
                }
                if (!columnsInFile.contains(LEAD_TIME_DAYS)) {
                    c.setLeadTimeDays(stored.leadTimeDays());
                }
                if (!columnsInFile.contains(PRIMARY)) {
                    c.setPrimary(stored.primary());
                }
            }
            return c;
        }

        /** Supplier and item must exist; an item may be marked primary on one row of the file only. */
        @Override
        public void check(List<ImportRow<SupplierItemRow>> rows, RowProblems problems) {
            Map<String, List<Integer>> primaryRowsByItem = new LinkedHashMap<>();
            for (ImportRow<SupplierItemRow> r : rows) {
                SupplierItemRow c = r.command();
                if (c.getSupplier() != null && !suppliersByCode.containsKey(c.getSupplier())) {
                    problems.reject(r.row(), SUPPLIER, "imports.error.unknownSupplier", c.getSupplier());
                }
                if (c.getItem() != null && !itemsByCode.containsKey(c.getItem())) {
                    problems.reject(r.row(), ITEM, "imports.error.unknownItem", c.getItem());
                }
                if (c.isPrimary() && c.getItem() != null) {
                    primaryRowsByItem
                            .computeIfAbsent(c.getItem(), k -> new ArrayList<>())
                            .add(r.row());
                }
            }
            primaryRowsByItem.forEach((item, rowNumbers) -> {
                if (rowNumbers.size() > 1) {
                    String all = rowNumbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
                    rowNumbers.forEach(n -> problems.reject(n, PRIMARY, "imports.error.primaryTwice", item, all));
                }
            });
        }

        @Override
        public Written write(List<ImportRow<SupplierItemRow>> rows) {
            List<SupplierItemRow> created = new ArrayList<>();
            Map<Long, SupplierItemCommand> updated = new LinkedHashMap<>();
            Map<Long, SupplierItemRow> updatedRows = new LinkedHashMap<>();
            Map<Long, Integer> versions = new HashMap<>();
            List<SupplierItemRow> newPrimaries = new ArrayList<>();
            Set<String> inFile = new HashSet<>();
            int unchanged = 0;
            for (ImportRow<SupplierItemRow> r : rows) {
                SupplierItemRow c = r.command();
                inFile.add(c.key());
                SupplierItemView stored = existing.get(c.key());
                if (stored == null) {
                    created.add(c);
                } else if (same(stored, c)) {
                    unchanged++;
                    continue;
                } else {
                    updated.put(stored.id(), c);
                    updatedRows.put(stored.id(), c);
                    versions.put(stored.id(), stored.version());
                }
                if (c.isPrimary()) {
                    newPrimaries.add(c);
                }
            }
            List<AuditTrail.Change> changes = new ArrayList<>();
            if (!created.isEmpty()) {
                suppliers.insertSources(created.stream()
                        .map(c -> SupplierBatchRepository.sourceFields(c)
                                .addValue(
                                        "s",
                                        suppliersByCode.get(c.getSupplier()).id())
                                .addValue("i", itemsByCode.get(c.getItem()).id()))
                        .toList());
                Map<String, Long> ids = new HashMap<>();
                suppliers
                        .sourcesOfItems(created.stream()
                                .map(c -> itemsByCode.get(c.getItem()).id())
                                .distinct()
                                .toList())
                        .forEach(v -> ids.put(v.supplier() + "/" + v.item(), v.id()));
                for (SupplierItemRow c : created) {
                    changes.add(
                            new AuditTrail.Change("CREATE", AUDIT_ENTITY, c.key(), null, view(ids.get(c.key()), c, 0)));
                }
            }
            if (!updated.isEmpty()) {
                if (!suppliers.updateSources(versions, updated)) {
                    throw new ConflictException("Source-list lines of the file were changed by someone else during the "
                            + "import; nothing was imported, try again");
                }
                updatedRows.forEach((id, c) -> {
                    SupplierItemView before = existing.get(c.key());
                    changes.add(new AuditTrail.Change(
                            "UPDATE", AUDIT_ENTITY, c.key(), before, view(id, c, before.version() + 1)));
                });
            }
            demoteOtherPrimaries(newPrimaries, inFile, changes);
            audit.recordAll(changes);
            return new Written(created.size(), updated.size(), unchanged);
        }

        /** The stored primary sources of the new primaries' items, unless the file itself says what they are. */
        private void demoteOtherPrimaries(
                List<SupplierItemRow> newPrimaries, Set<String> inFile, List<AuditTrail.Change> changes) {
            List<Long> demoted = new ArrayList<>();
            for (SupplierItemRow p : newPrimaries) {
                for (SupplierItemView other : sourcesByItem.getOrDefault(p.getItem(), List.of())) {
                    String key = other.supplier() + "/" + other.item();
                    if (other.primary() && !other.supplier().equals(p.getSupplier()) && !inFile.contains(key)) {
                        demoted.add(other.id());
                        SupplierItemView after = new SupplierItemView(
                                other.id(),
                                other.supplier(),
                                other.item(),
                                other.itemName(),
                                other.supplierPartNo(),
                                other.price(),
                                other.currency(),
                                other.moq(),
                                other.packSize(),
                                other.leadTimeDays(),
                                false,
                                other.version() + 1);
                        changes.add(new AuditTrail.Change("UPDATE", AUDIT_ENTITY, key, other, after));
                    }
                }
            }
            suppliers.demote(demoted);
        }

        private static boolean same(SupplierItemView v, SupplierItemCommand c) {
            return Objects.equals(v.supplierPartNo(), c.getSupplierPartNo())
                    && equal(v.price(), c.getPrice())
                    && v.currency().equals(c.getCurrency())
                    && equal(v.moq(), c.getMoq())
                    && equal(v.packSize(), c.getPackSize())
                    && Objects.equals(v.leadTimeDays(), c.getLeadTimeDays())
                    && v.primary() == c.isPrimary();
        }

        private static boolean equal(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }

        private SupplierItemView view(Long id, SupplierItemRow c, int version) {
            return new SupplierItemView(
                    id == null ? 0 : id,
                    c.getSupplier(),
                    c.getItem(),
                    itemsByCode.get(c.getItem()).name(),
                    c.getSupplierPartNo(),
                    Decimals.plain(c.getPrice()),
                    c.getCurrency(),
                    Decimals.plain(c.getMoq()),
                    Decimals.plain(c.getPackSize()),
                    c.getLeadTimeDays(),
                    c.isPrimary(),
                    version);
        }
    }
}
