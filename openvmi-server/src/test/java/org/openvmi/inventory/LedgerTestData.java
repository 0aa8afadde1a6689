package org.openvmi.inventory;

import java.math.BigDecimal;
import java.util.List;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.testsupport.Fixtures;

/** Fresh master data for a ledger test: one warehouse with a few locations and items of unique codes. */
public final class LedgerTestData {

    public final String warehouse = Fixtures.unique("LW");
    public final String bin1 = warehouse + "-A1";
    public final String bin2 = warehouse + "-A2";
    public final String vmi = warehouse + "-VMI";
    public final String lineSide = warehouse + "-LINE";
    public final String item = Fixtures.unique("LI");
    public final String lotItem = Fixtures.unique("LL");

    public LedgerTestData(ItemCatalog items, WarehouseCatalog warehouses, SupplierCatalog suppliers) {
        WarehouseCommand w = new WarehouseCommand();
        w.setCode(warehouse);
        w.setName("测试仓 " + warehouse);
        warehouses.create(w);
        location(warehouses, bin1, LocationType.STORAGE, false);
        location(warehouses, bin2, LocationType.STORAGE, false);
        location(warehouses, vmi, LocationType.VMI, false);
        location(warehouses, lineSide, LocationType.STORAGE, true);
        item(items, item, false, "10.00", "69" + item.hashCode());
        item(items, lotItem, true, "5.00", null);
        SupplierItemCommand s = new SupplierItemCommand();
        s.setItem(item);
        s.setPrice(new BigDecimal("8.50"));
        s.setCurrency("CNY");
        s.setLeadTimeDays(5);
        suppliers.addSource(Fixtures.SUPPLIER_A, s);
    }

    private void location(WarehouseCatalog warehouses, String code, LocationType type, boolean allowNegative) {
        LocationCommand l = new LocationCommand();
        l.setCode(code);
        l.setType(type);
        l.setAllowNegative(allowNegative);
        warehouses.createLocation(warehouse, l);
    }

    private static void item(ItemCatalog items, String code, boolean lotTracked, String cost, String barcode) {
        ItemCommand c = new ItemCommand();
        c.setCode(code);
        c.setName("物料 " + code);
        c.setUom("PCS");
        c.setLotTracked(lotTracked);
        c.setUnitCost(new BigDecimal(cost));
        c.setBarcodes(barcode == null ? List.of() : List.of(barcode.replace("-", "")));
        items.create(c);
    }
}
