package org.openvmi.inventory;

import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.testsupport.Fixtures;

/**
 * Master data for transfer, count and reservation tests: the ledger's test warehouse as the source, a destination
 * warehouse with a bin and an in-transit location, and a bare warehouse without an in-transit location.
 */
final class StockDocsTestData {

    final LedgerTestData source;
    final String destWarehouse = Fixtures.unique("DW");
    final String destBin = destWarehouse + "-B1";
    final String destTransit = destWarehouse + "-TRANSIT";
    final String bareWarehouse = Fixtures.unique("BW");
    final String bareBin = bareWarehouse + "-B1";

    StockDocsTestData(ItemCatalog items, WarehouseCatalog warehouses, SupplierCatalog suppliers) {
        source = new LedgerTestData(items, warehouses, suppliers);
        warehouse(warehouses, destWarehouse);
        location(warehouses, destWarehouse, destBin, LocationType.STORAGE);
        location(warehouses, destWarehouse, destTransit, LocationType.IN_TRANSIT);
        warehouse(warehouses, bareWarehouse);
        location(warehouses, bareWarehouse, bareBin, LocationType.STORAGE);
    }

    private static void warehouse(WarehouseCatalog warehouses, String code) {
        WarehouseCommand w = new WarehouseCommand();
        w.setCode(code);
        w.setName("仓库 " + code);
        warehouses.create(w);
    }

    private static void location(WarehouseCatalog warehouses, String warehouse, String code, LocationType type) {
        LocationCommand l = new LocationCommand();
        l.setCode(code);
        l.setType(type);
        warehouses.createLocation(warehouse, l);
    }
}
