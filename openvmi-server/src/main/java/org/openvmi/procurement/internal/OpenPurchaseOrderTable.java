package org.openvmi.procurement.internal;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.model.Cells;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.procurement.ConfirmationRequest;
import org.openvmi.procurement.PurchaseOrderRequest;
import org.openvmi.procurement.PurchaseOrderView;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.tabular.TabularRow;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Open purchase orders at go-live (from the ERP): one row per PO line, grouped into orders by the ERP's
 * {@code reference}; each order is created through {@link PurchaseOrders} (source-list prices, MOQ and pack rounding,
 * timeline, audit, the supplier sees it SENT) and, with status CONFIRMED, confirmed as ordered. All orders or none;
 * the same file is applied once. The export is the empty template.
 */
@Component
class OpenPurchaseOrderTable implements TabularAdapter<OpenPurchaseOrderTable.Row> {

    static final String REFERENCE = "reference";
    static final String SUPPLIER = "supplier";
    static final String WAREHOUSE = "warehouse";
    static final String ITEM = "item";
    static final String QTY = "qty";
    static final String NEEDED_BY = "neededBy";
    static final String STATUS = "status";

    /** The statuses an imported order may have. */
    enum OpenStatus {
        SENT,
        CONFIRMED
    }

    /** One PO line of the file, read. */
    record Row(
            String reference,
            String supplier,
            String warehouse,
            String item,
            @Digits(integer = 15, fraction = 4) BigDecimal qty,
            LocalDate neededBy,
            OpenStatus status) {}

    private final PurchaseOrders orders;
    private final SupplierCatalog suppliers;
    private final CatalogRefs refs;

    OpenPurchaseOrderTable(@Lazy PurchaseOrders orders, SupplierCatalog suppliers, CatalogRefs refs) {
        this.orders = orders;
        this.suppliers = suppliers;
        this.refs = refs;
    }

    @Override
    public String entity() {
        return "open-purchase-orders";
    }

    @Override
    public List<String> columns() {
        return List.of(REFERENCE, SUPPLIER, WAREHOUSE, ITEM, QTY, NEEDED_BY, STATUS);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(REFERENCE, SUPPLIER, WAREHOUSE, ITEM, QTY);
    }

    @Override
    public List<String> keyColumns() {
        return List.of(REFERENCE, ITEM);
    }

    @Override
    public boolean oncePerFile() {
        return true;
    }

    @Override
    public Row read(TabularRow row, RowProblems problems) {
        OpenStatus status =
                row.get(STATUS) == null ? OpenStatus.SENT : Cells.oneOf(row, STATUS, OpenStatus.class, problems);
        return new Row(
                row.get(REFERENCE),
                row.get(SUPPLIER),
                row.get(WAREHOUSE),
                row.get(ITEM),
                Cells.decimal(row, QTY, problems),
                Cells.date(row, NEEDED_BY, problems),
                status);
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
        Map<String, Long> supplierIds = refs.suppliers(rows.stream()
                .map(r -> r.command().supplier())
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return new Batch(items, warehouses, supplierIds);
    }

    @Override
    public List<List<Object>> exportRows() {
        return List.of();
    }

    private final class Batch implements ImportBatch<Row> {

        private final Map<String, ItemRef> items;
        private final Map<String, Long> warehouses;
        private final Map<String, Long> supplierIds;

        Batch(Map<String, ItemRef> items, Map<String, Long> warehouses, Map<String, Long> supplierIds) {
            this.items = items;
            this.warehouses = warehouses;
            this.supplierIds = supplierIds;
        }

        @Override
        public void check(List<ImportRow<Row>> rows, RowProblems problems) {
            Map<String, Row> headers = new LinkedHashMap<>();
            for (ImportRow<Row> r : rows) {
                Row c = r.command();
                ItemRef item = c.item() == null ? null : items.get(c.item());
                boolean knownItem = item != null && item.code().equals(c.item());
                boolean knownSupplier = c.supplier() != null && supplierIds.containsKey(c.supplier());
                if (c.item() != null && !knownItem) {
                    problems.reject(r.row(), ITEM, "imports.error.unknownItem", c.item());
                }
                if (c.supplier() != null && !knownSupplier) {
                    problems.reject(r.row(), SUPPLIER, "imports.error.unknownSupplier", c.supplier());
                }
                if (c.warehouse() != null && !warehouses.containsKey(c.warehouse())) {
                    problems.reject(r.row(), WAREHOUSE, "imports.error.unknownWarehouse", c.warehouse());
                }
                if (c.qty() != null && c.qty().signum() <= 0) {
                    problems.reject(
                            r.row(), QTY, "imports.error.notPositive", c.qty().toPlainString());
                }
                if (knownItem
                        && knownSupplier
                        && suppliers
                                .sources(c.supplier(), c.item(), PageRequest.of(0, 1))
                                .content()
                                .isEmpty()) {
                    problems.reject(r.row(), ITEM, "imports.error.notOnSourceList", c.item(), c.supplier());
                }
                if (c.reference() != null) {
                    Row first = headers.putIfAbsent(c.reference(), c);
                    if (first != null) {
                        sameHeader(r.row(), SUPPLIER, first.supplier(), c.supplier(), c.reference(), problems);
                        sameHeader(r.row(), WAREHOUSE, first.warehouse(), c.warehouse(), c.reference(), problems);
                        sameHeader(r.row(), STATUS, first.status(), c.status(), c.reference(), problems);
                    }
                }
            }
        }

        private void sameHeader(
                int row, String field, Object first, Object value, String reference, RowProblems problems) {
            if (!Objects.equals(first, value)) {
                problems.reject(row, field, "imports.error.orderHeaderDiffers", reference, String.valueOf(first));
            }
        }

        @Override
        public Written write(List<ImportRow<Row>> rows) {
            Map<String, List<Row>> byReference = new LinkedHashMap<>();
            rows.forEach(r -> byReference
                    .computeIfAbsent(r.command().reference(), k -> new ArrayList<>())
                    .add(r.command()));
            for (Map.Entry<String, List<Row>> order : byReference.entrySet()) {
                Row head = order.getValue().get(0);
                List<PurchaseOrderRequest.Line> lines = order.getValue().stream()
                        .map(l -> new PurchaseOrderRequest.Line(l.item(), l.qty(), l.neededBy()))
                        .toList();
                for (PurchaseOrderView po :
                        orders.create(new PurchaseOrderRequest(null, head.supplier(), head.warehouse(), lines))) {
                    if (head.status() == OpenStatus.CONFIRMED) {
                        orders.confirm(po.id(), new ConfirmationRequest(null, "go-live import of " + order.getKey()));
                    }
                }
            }
            return new Written(rows.size(), 0, 0);
        }
    }
}
