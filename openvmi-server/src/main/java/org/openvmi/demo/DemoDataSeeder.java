package org.openvmi.demo;

import java.math.BigDecimal;
import java.time.Clock;
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
import org.openvmi.planning.PlanningRuns;
import org.openvmi.security.Role;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.embedded.BulkWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

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

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final ItemCatalog items;
    private final WarehouseCatalog warehouses;
    private final SupplierCatalog suppliers;
    private final UserDirectory users;
    private final DemoYear year;
    private final org.openvmi.supplier.SupplierStocks supplierStock;
    private final Clock clock;
    private final PlanningRuns runs;
    private final BulkWrites bulkWrites;
    private final org.openvmi.analytics.AnalyticsSnapshots analytics;
    private final org.openvmi.procurement.OverdueSupply overdue;

    DemoDataSeeder(
            ItemCatalog items,
            WarehouseCatalog warehouses,
            SupplierCatalog suppliers,
            UserDirectory users,
            DemoYear year,
            org.openvmi.supplier.SupplierStocks supplierStock,
            Clock clock,
            PlanningRuns runs,
            ObjectProvider<BulkWrites> bulkWrites,
            org.openvmi.analytics.AnalyticsSnapshots analytics,
            org.openvmi.procurement.OverdueSupply overdue) {
        this.overdue = overdue;
        this.runs = runs;
        this.analytics = analytics;
        this.bulkWrites = bulkWrites.getIfAvailable();
        this.items = items;
        this.supplierStock = supplierStock;
        this.warehouses = warehouses;
        this.suppliers = suppliers;
        this.users = users;
        this.year = year;
        this.clock = clock;
    }

    /**
     * Not one transaction: the year is posted through the features' use cases, each committing its own (as in real
     * use); an interrupted seeding leaves a non-empty database that is not seeded again. Meanwhile no re-plan starts
     * (each would compete for the embedded database's one writer and refuse the seeder's own planning run with 409;
     * the pairs changed are re-planned one window after the seeding), and on the embedded H2 file the commits are
     * stored by H2's background writer rather than one file write each ({@link BulkWrites}), and the analytics
     * snapshots are not caught up on their schedule (on demand they are), and overdue supply is checked once at the end
     * rather than after each receipt and PO change.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (items.count() > 0 || !users.isEmpty()) {
            log.info("Demo data: the database is not empty, nothing seeded");
            return;
        }
        long started = System.nanoTime();
        runs.withReplansHeld(() -> analytics.withScheduledCatchUpHeld(
                () -> overdue.withEventChecksHeld(() -> BulkWrites.during(bulkWrites, () -> {
                    seed();
                    return null;
                }))));
        log.info(
                "Demo data stored in {} ms (the seeding and its last write to the database file)",
                (System.nanoTime() - started) / 1_000_000);
    }

    private void seed() {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        List<ItemSpec> itemSpecs = DemoCatalog.items(ITEMS, random);
        seedWarehouses();
        seedSuppliers();
        seedItems(itemSpecs);
        seedUsers();
        long masterData = System.nanoTime();
        DemoYear.Result played = year.seed(itemSpecs, random);
        seedSupplierStock(itemSpecs, new Random(SEED + 7));
        log.info(
                "Demo data seeded in {} ms (master data {} ms): {} warehouses, {} suppliers, {} items; a year of "
                        + "{} item-warehouses: {} ledger lines in daily postings, {} purchase orders, {} transfers, "
                        + "{} VMI consumptions, {} statements, {} demand-history rows; {} sales channels with {} orders, "
                        + "{} transfer lanes, transfer plan {}; supplier stock of every source; "
                        + "users admin, buyer, warehouse, finance, planner, viewer, sup-s001 … sup-s008 (password {})",
                (System.nanoTime() - started) / 1_000_000,
                (masterData - started) / 1_000_000,
                DemoCatalog.WAREHOUSES.size(),
                DemoCatalog.SUPPLIERS.size(),
                itemSpecs.size(),
                played.pairs(),
                played.movements(),
                played.purchaseOrders(),
                played.transfers(),
                played.consumptions(),
                played.statements(),
                played.demandRows(),
                played.channels().channels(),
                played.channels().orders(),
                played.channels().lanes(),
                played.channels().plan(),
                DEMO_PASSWORD);
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
                var line = new org.openvmi.supplier.SupplierStockLine(
                        spec.code(), BigDecimal.valueOf(random.nextInt(5) * 250L));
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
        s.setPrice(item.unitCost()
                .multiply(new BigDecimal("0.92"))
                .multiply(priceFactor)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .max(new BigDecimal("0.01")));
        s.setCurrency("CNY");
        // the plant orders a week's need at a time: a large MOQ would leave every cheap item far above its max line
        s.setMoq(BigDecimal.ONE);
        s.setPackSize(BigDecimal.ONE);
        s.setLeadTimeDays(DemoCatalog.leadTimeDays(supplierIndex) + (primary ? 0 : 5));
        s.setPrimary(primary);
        suppliers.addSource(supplier.code(), s);
    }

    /** The demo users share the published password: it is hashed once for all of them. */
    private void seedUsers() {
        Map<String, Role> buyerSide = Map.of(
                "admin",
                Role.ADMIN,
                "buyer",
                Role.BUYER,
                "warehouse",
                Role.WAREHOUSE,
                "finance",
                Role.FINANCE,
                "planner",
                Role.PLANNER,
                "viewer",
                Role.VIEWER);
        List<UserCommand> demoUsers = new java.util.ArrayList<>();
        buyerSide.forEach((name, role) -> demoUsers.add(user(name, role, null)));
        for (SupplierSpec s : DemoCatalog.SUPPLIERS) {
            demoUsers.add(user("sup-" + s.code().toLowerCase(Locale.ROOT), Role.SUPPLIER, s.code()));
        }
        users.createWithSharedPassword(demoUsers, DEMO_PASSWORD);
    }

    /** The buyer-side demo users' names as colleagues know them; the user names stay the short ASCII logins. */
    private static final Map<String, String> DISPLAY_NAMES = Map.of(
            "admin", "系统管理员 张伟",
            "buyer", "采购员 刘洋",
            "warehouse", "仓管员 陈静",
            "finance", "财务 杨帆",
            "planner", "计划员 黄磊",
            "viewer", "访客 赵敏");

    private static UserCommand user(String username, Role role, String supplier) {
        UserCommand c = new UserCommand();
        c.setUsername(username);
        c.setDisplayName(supplier == null ? DISPLAY_NAMES.getOrDefault(username, username) : supplier + " 业务员");
        c.setRoles(EnumSet.of(role));
        c.setSupplier(supplier);
        return c;
    }
}
