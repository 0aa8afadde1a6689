package org.openvmi.consignment;

import java.math.BigDecimal;
import java.util.List;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierCommand;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.testsupport.Fixtures;

/**
 * Fresh master data for a consignment test: a warehouse with a VMI zone and a storage bin, a bearing with a Chinese
 * name (pack 50, MOQ 100 from the supplier's source list) and a lot-tracked item, and a supplier of its own (so that
 * statement totals only hold this test's lines) besides the fixture supplier T-SUP-A.
 */
final class VmiTestData {

    final String warehouse = Fixtures.unique("VW");
    final String vmi = warehouse + "-VMI";
    final String bin = warehouse + "-B1";
    final String item = Fixtures.unique("BRG");
    final String itemName = "深沟球轴承 6204";
    final String lotItem = Fixtures.unique("VL");
    final String supplier = Fixtures.unique("VS");
    final String barcode = "69" + Math.abs(item.hashCode());

    VmiTestData(ItemCatalog items, WarehouseCatalog warehouses, SupplierCatalog suppliers) {
        WarehouseCommand w = new WarehouseCommand();
        w.setCode(warehouse);
        w.setName("寄售仓 " + warehouse);
        warehouses.create(w);
        location(warehouses, vmi, LocationType.VMI);
        location(warehouses, bin, LocationType.STORAGE);
        item(items, item, itemName, false, barcode);
        item(items, lotItem, "密封圈 " + lotItem, true, null);
        SupplierCommand s = new SupplierCommand();
        s.setCode(supplier);
        s.setName("供应商 " + supplier);
        suppliers.create(s);
        for (String sup : List.of(supplier, Fixtures.SUPPLIER_A, Fixtures.SUPPLIER_B)) {
            for (String it : List.of(item, lotItem)) {
                SupplierItemCommand c = new SupplierItemCommand();
                c.setItem(it);
                c.setPrice(new BigDecimal("2.95"));
                c.setCurrency("CNY");
                c.setMoq(new BigDecimal("100"));
                c.setPackSize(new BigDecimal("50"));
                c.setLeadTimeDays(3);
                suppliers.addSource(sup, c);
            }
        }
    }

    private void location(WarehouseCatalog warehouses, String code, LocationType type) {
        LocationCommand l = new LocationCommand();
        l.setCode(code);
        l.setType(type);
        warehouses.createLocation(warehouse, l);
    }

    private static void item(ItemCatalog items, String code, String name, boolean lotTracked, String barcode) {
        ItemCommand c = new ItemCommand();
        c.setCode(code);
        c.setName(name);
        c.setUom("PCS");
        c.setLotTracked(lotTracked);
        c.setUnitCost(new BigDecimal("3.20"));
        c.setBarcodes(barcode == null ? List.of() : List.of(barcode));
        items.create(c);
    }
}
