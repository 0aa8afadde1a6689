package org.openvmi.catalog;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Objects;

/**
 * Whether an update would store exactly what is stored already: then the services write nothing (no new version, no
 * audit entry), so that a form opened and saved unchanged changes nothing (issue 13). Numbers compare by value
 * ({@code 8.5} = {@code 8.500000}); anything in doubt counts as a change.
 */
final class Unchanged {

    private Unchanged() {}

    static boolean warehouse(WarehouseView before, WarehouseCommand c) {
        return Objects.equals(before.name(), c.getName())
                && Objects.equals(before.address(), c.getAddress())
                && Objects.equals(before.receivingLocation(), c.getReceivingLocation());
    }

    static boolean location(LocationView before, LocationCommand c) {
        return Objects.equals(before.name(), c.getName())
                && before.type() == c.getType()
                && before.allowNegative() == c.isAllowNegative();
    }

    static boolean supplier(SupplierView before, SupplierCommand c) {
        return Objects.equals(before.name(), c.getName())
                && Objects.equals(before.contactName(), c.getContactName())
                && Objects.equals(before.contactPhone(), c.getContactPhone())
                && Objects.equals(before.contactEmail(), c.getContactEmail())
                && Objects.equals(before.address(), c.getAddress())
                && before.active() == c.isActive();
    }

    static boolean item(ItemView before, ItemCommand c) {
        return Objects.equals(before.name(), c.getName())
                && Objects.equals(before.uom(), c.getUom())
                && Objects.equals(before.category(), c.getCategory())
                && same(before.unitCost(), c.getUnitCost())
                && before.lotTracked() == c.isLotTracked()
                && c.getBarcodes() != null
                && new HashSet<>(before.barcodes()).equals(new HashSet<>(c.getBarcodes()))
                && before.barcodes().size() == c.getBarcodes().size();
    }

    static boolean source(SupplierItemView before, SupplierItemCommand c) {
        return Objects.equals(before.supplierPartNo(), c.getSupplierPartNo())
                && same(before.price(), c.getPrice())
                && Objects.equals(before.currency(), c.getCurrency())
                && same(before.moq(), c.getMoq())
                && same(before.packSize(), c.getPackSize())
                && c.getLeadTimeDays() != null
                && before.leadTimeDays() == c.getLeadTimeDays()
                && before.primary() == c.isPrimary();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
