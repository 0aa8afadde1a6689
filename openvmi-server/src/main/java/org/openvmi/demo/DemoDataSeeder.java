package org.openvmi.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierCommand;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.demo.model.DemoCatalog;
import org.openvmi.demo.model.DemoCatalog.ItemSpec;
import org.openvmi.demo.model.DemoCatalog.SupplierSpec;
import org.openvmi.demo.model.DemoCatalog.WarehouseSpec;
import org.openvmi.demo.model.DemoDemandGenerator;
import org.openvmi.planning.DemandHistory;
import org.openvmi.planning.DemandRecord;
import org.openvmi.security.Role;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds an empty database with the demo buyer when {@code openvmi.demo-data=true}. Everything is drawn from one
 * fixed seed, so every machine shows the same numbers; the demand history ends yesterday.
 */
@Component
@ConditionalOnProperty(name = "openvmi.demo-data", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo123";
    static final long SEED = 20_261_123L;
    static final int ITEMS = 200;
    static final int HISTORY_DAYS = 365;

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final ItemCatalog items;
    private final WarehouseCatalog warehouses;
    private final SupplierCatalog suppliers;
    private final UserDirectory users;
    private final DemandHistory demand;
    private final org.openvmi.supplier.SupplierStocks supplierStock;
    private final Clock clock;

    DemoDataSeeder(ItemCatalog items, WarehouseCatalog warehouses, SupplierCatalog suppliers, UserDirectory users,
                   DemandHistory demand, org.openvmi.supplier.SupplierStocks supplierStock, Clock clock) {
        this.items = items;
        this.supplierStock = supplierStock;
        this.warehouses = warehouses;
        this.suppliers = suppliers;
        this.users = users;
        this.demand = demand;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (items.count() > 0 || !users.isEmpty()) {
            log.info("Demo data: the database is not empty, nothing seeded");
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(SEED);
        List<ItemSpec> itemSpecs = DemoCatalog.items(ITEMS, random);
        seedWarehouses();
        seedSuppliers();
        seedItems(itemSpecs);
        seedUsers();
        int rows = seedDemand(itemSpecs, random);
        seedSupplierStock(itemSpecs, new Random(SEED + 7));
        log.info("Demo data seeded in {} ms: {} warehouses, {} suppliers, {} items, {} demand-history rows; "
                 + "supplier stock of every source; users admin, buyer, warehouse, finance, planner, viewer, "
                 + "sup-s001 … sup-s008 (password {})",
                (System.nanoTime() - started) / 1_000_000, DemoCatalog.WAREHOUSES.size(), DemoCatalog.SUPPLIERS.size(),
                itemSpecs.size(), rows, DEMO_PASSWORD);
    }

    private void seedWarehouses() {
        for (WarehouseSpec spec : DemoCatalog.WAREHOUSES) {
            WarehouseCommand w = new WarehouseCommand();
            w.setCode(spec.code());
            w.setName(spec.name());
            w.setAddress(spec.address());
            warehouses.create(w);
            for (int bin = 1; bin <= 5; bin++) {
                location(spec.code(), spec.code() + "-A-0" + bin, "货架 A-0" + bin, LocationType.STORAGE);
            }
            location(spec.code(), spec.code() + "-VMI-01", "VMI 寄售区", LocationType.VMI);
            location(spec.code(), spec.code() + "-RCV", "收货区", LocationType.RECEIVING);
            location(spec.code(), spec.code() + "-TRANSIT", "调拨在途", LocationType.IN_TRANSIT);
        }
    }

    private void location(String warehouse, String code, String name, LocationType type) {
        LocationCommand l = new LocationCommand();
        l.setCode(code);
        l.setName(name);
        l.setType(type);
        warehouses.createLocation(warehouse, l);
    }

    private void seedSuppliers() {
        for (SupplierSpec spec : DemoCatalog.SUPPLIERS) {
            SupplierCommand s = new SupplierCommand();
            s.setCode(spec.code());
            s.setName(spec.name());
            s.setContactName(spec.contact());
            s.setContactPhone(spec.phone());
            s.setContactEmail(spec.email());
            s.setAddress(spec.address());
            suppliers.create(s);
        }
    }

    /**
     * What each demo supplier reports it has (supplier portal): most figures fresh, about one in eight four days old
     * (stale), some with a quantity in production.
     */
    private void seedSupplierStock(List<ItemSpec> specs, Random random) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        for (int index = 0; index < DemoCatalog.SUPPLIERS.size(); index++) {
            List<org.openvmi.supplier.SupplierStockLine> lines = new java.util.ArrayList<>();
            for (ItemSpec spec : specs) {
                if (spec.primarySupplier() != index && spec.backupSupplier() != index) {
                    continue;
                }
                var line = new org.openvmi.supplier.SupplierStockLine(spec.code(), BigDecimal.valueOf(random.nextInt(5) * 250L));
                if (random.nextInt(3) == 0) {
                    line.setInProduction(BigDecimal.valueOf(500L + random.nextInt(4) * 250L));
                    line.setAvailableFrom(java.time.LocalDate.now(clock).plusDays(3 + random.nextInt(12)));
                }
                line.setLeadTimeDays(7 + random.nextInt(21));
                line.setAsOf(random.nextInt(8) == 0 ? now.minusDays(4) : now.minusHours(random.nextInt(24)));
                lines.add(line);
            }
            if (!lines.isEmpty()) {
                var report = new org.openvmi.supplier.SupplierStockReport();
                report.setSupplier(DemoCatalog.SUPPLIERS.get(index).code());
                report.setLines(lines);
                supplierStock.report(report, org.openvmi.supplier.StockSource.FILE);
            }
        }
    }

    private void seedItems(List<ItemSpec> specs) {
        for (ItemSpec spec : specs) {
            ItemCommand c = new ItemCommand();
            c.setCode(spec.code());
            c.setName(spec.name());
            c.setUom(spec.uom());
            c.setCategory(spec.category());
            c.setUnitCost(spec.unitCost());
            c.setBarcodes(List.of(spec.barcode()));
            items.create(c);
            source(spec, spec.primarySupplier(), true, BigDecimal.ONE);
            if (spec.backupSupplier() >= 0) {
                source(spec, spec.backupSupplier(), false, new BigDecimal("1.06"));
            }
        }
    }

    private void source(ItemSpec item, int supplierIndex, boolean primary, BigDecimal priceFactor) {
        SupplierSpec supplier = DemoCatalog.SUPPLIERS.get(supplierIndex);
        SupplierItemCommand s = new SupplierItemCommand();
        s.setItem(item.code());
        s.setSupplierPartNo(supplier.code() + "-" + item.code().substring(4));
        s.setPrice(item.unitCost().multiply(new BigDecimal("0.92")).multiply(priceFactor)
                .setScale(2, java.math.RoundingMode.HALF_UP).max(new BigDecimal("0.01")));
        s.setCurrency("CNY");
        boolean cheap = item.unitCost().compareTo(BigDecimal.ONE) < 0;
        s.setMoq(BigDecimal.valueOf(cheap ? 1000 : 10));
        s.setPackSize(BigDecimal.valueOf(cheap ? 500 : 5));
        s.setLeadTimeDays(primary ? 5 + Math.abs(item.code().hashCode()) % 10 : 12);
        s.setPrimary(primary);
        suppliers.addSource(supplier.code(), s);
    }

    private void seedUsers() {
        Map<String, Role> buyerSide = Map.of("admin", Role.ADMIN, "buyer", Role.BUYER, "warehouse", Role.WAREHOUSE,
                "finance", Role.FINANCE, "planner", Role.PLANNER, "viewer", Role.VIEWER);
        buyerSide.forEach((name, role) -> users.create(user(name, role, null)));
        for (SupplierSpec s : DemoCatalog.SUPPLIERS) {
            users.create(user("sup-" + s.code().toLowerCase(Locale.ROOT), Role.SUPPLIER, s.code()));
        }
    }

    private static UserCommand user(String username, Role role, String supplier) {
        UserCommand c = new UserCommand();
        c.setUsername(username);
        c.setDisplayName(supplier == null ? username : supplier + " 业务员");
        c.setPassword(DEMO_PASSWORD);
        c.setRoles(EnumSet.of(role));
        c.setSupplier(supplier);
        return c;
    }

    private int seedDemand(List<ItemSpec> specs, Random random) {
        DemoDemandGenerator generator = new DemoDemandGenerator(random);
        LocalDate first = LocalDate.now(clock).minusDays(HISTORY_DAYS);
        List<DemandRecord> records = new ArrayList<>();
        for (ItemSpec spec : specs) {
            long itemId = items.get(spec.code()).id();
            for (WarehouseSpec wh : DemoCatalog.WAREHOUSES) {
                long warehouseId = warehouses.get(wh.code()).id();
                DemoDemandGenerator.Profile profile = generator.profile(spec.pattern(), wh.demandScale());
                for (int d = 0; d < HISTORY_DAYS; d++) {
                    LocalDate day = first.plusDays(d);
                    long qty = generator.draw(profile, day, d, HISTORY_DAYS);
                    if (qty > 0) {
                        records.add(new DemandRecord(itemId, warehouseId, day, BigDecimal.valueOf(qty)));
                    }
                }
            }
        }
        demand.record(records);
        return records.size();
    }
}
