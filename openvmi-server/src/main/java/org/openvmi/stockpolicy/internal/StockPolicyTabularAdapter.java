package org.openvmi.stockpolicy.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.model.Cells;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.tabular.TabularRow;
import org.openvmi.stockpolicy.PolicyMode;
import org.openvmi.stockpolicy.StockLines;
import org.openvmi.stockpolicy.StockPolicyCommand;
import org.openvmi.stockpolicy.StockPolicyView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Stock policies as a table (bulk edit by CSV/XLSX): one row per item and warehouse ("location"), upserted by that
 * pair. A blank mode keeps the stored one (MANUAL for new rows); a blank service level keeps the stored one.
 */
@Component
class StockPolicyTabularAdapter implements TabularAdapter<StockPolicyCommand> {

    static final String ITEM = "item";
    static final String LOCATION = "location";
    static final String SAFETY = "safety";
    static final String WARNING = "warning";
    static final String MAX = "max";
    static final String SERVICE_LEVEL = "serviceLevel";
    static final String MODE = "mode";

    private final StockPolicyRepository policies;
    private final CatalogRefs refs;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    StockPolicyTabularAdapter(
            StockPolicyRepository policies, CatalogRefs refs, AuditTrail audit, MessageSource messages, Clock clock) {
        this.policies = policies;
        this.refs = refs;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String entity() {
        return "stock-policies";
    }

    @Override
    public List<String> columns() {
        return List.of(ITEM, LOCATION, SAFETY, WARNING, MAX, SERVICE_LEVEL, MODE);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(ITEM, LOCATION, SAFETY, WARNING, MAX);
    }

    @Override
    public List<String> keyColumns() {
        return List.of(ITEM, LOCATION);
    }

    @Override
    public StockPolicyCommand read(TabularRow row, RowProblems problems) {
        StockPolicyCommand c = new StockPolicyCommand();
        c.setItem(row.get(ITEM));
        c.setLocation(row.get(LOCATION));
        c.setSafety(Cells.decimal(row, SAFETY, problems));
        c.setWarning(Cells.decimal(row, WARNING, problems));
        c.setMax(Cells.decimal(row, MAX, problems));
        c.setServiceLevel(Cells.decimal(row, SERVICE_LEVEL, problems));
        c.setMode(row.get(MODE) == null ? null : Cells.oneOf(row, MODE, PolicyMode.class, problems));
        return c;
    }

    @Override
    public ImportBatch<StockPolicyCommand> prepare(
            List<ImportRow<StockPolicyCommand>> rows, Set<String> columnsInFile) {
        List<String> items = rows.stream()
                .map(r -> r.command().getItem())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<String> locations = rows.stream()
                .map(r -> r.command().getLocation())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, ItemRef> itemRefs = refs.items(items);
        Map<String, Long> warehouseIds = refs.warehouses(locations);
        Map<String, StockPolicyView> existing = new HashMap<>();
        for (StockPolicyView v : policies.all(PartyScope.ALL)) {
            existing.put(v.item() + "\u0000" + v.location(), v);
        }
        return new Batch(itemRefs, warehouseIds, existing, columnsInFile);
    }

    @Override
    public List<List<Object>> exportRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (StockPolicyView v : policies.all(PartyScope.current())) {
            rows.add(Arrays.asList(
                    v.item(),
                    v.location(),
                    v.safety(),
                    v.warning(),
                    v.max(),
                    v.serviceLevel(),
                    v.mode().name()));
        }
        return rows;
    }

    private final class Batch implements ImportBatch<StockPolicyCommand> {

        private final Map<String, ItemRef> items;
        private final Map<String, Long> warehouses;
        private final Map<String, StockPolicyView> existing;
        private final Set<String> columnsInFile;

        Batch(
                Map<String, ItemRef> items,
                Map<String, Long> warehouses,
                Map<String, StockPolicyView> existing,
                Set<String> columnsInFile) {
            this.items = items;
            this.warehouses = warehouses;
            this.existing = existing;
            this.columnsInFile = columnsInFile;
        }

        private StockPolicyView stored(StockPolicyCommand c) {
            return existing.get(c.getItem() + "\u0000" + c.getLocation());
        }

        @Override
        public StockPolicyCommand complete(StockPolicyCommand c) {
            StockPolicyView stored = stored(c);
            if (c.getMode() == null) {
                c.setMode(stored == null ? PolicyMode.MANUAL : stored.mode());
            }
            if (stored != null && (!columnsInFile.contains(SERVICE_LEVEL) || c.getServiceLevel() == null)) {
                c.setServiceLevel(stored.serviceLevel());
            }
            return c;
        }

        @Override
        public void check(List<ImportRow<StockPolicyCommand>> rows, RowProblems problems) {
            for (ImportRow<StockPolicyCommand> r : rows) {
                StockPolicyCommand c = r.command();
                ItemRef item = c.getItem() == null ? null : items.get(c.getItem());
                if (c.getItem() != null && (item == null || !item.code().equals(c.getItem()))) {
                    problems.reject(r.row(), ITEM, "imports.error.unknownItem", c.getItem());
                }
                if (c.getLocation() != null && !warehouses.containsKey(c.getLocation())) {
                    problems.reject(r.row(), LOCATION, "imports.error.unknownWarehouse", c.getLocation());
                }
                if (c.getSafety() != null && c.getWarning() != null && c.getMax() != null) {
                    c.lines()
                            .problems()
                            .list()
                            .forEach(e -> problems.add(
                                    r.row(),
                                    e.field(),
                                    messages.getMessage(
                                            e.message(), null, e.message(), LocaleContextHolder.getLocale())));
                }
            }
        }

        @Override
        public Written write(List<ImportRow<StockPolicyCommand>> rows) {
            String user = CurrentUser.name();
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            List<AuditTrail.Change> changes = new ArrayList<>();
            for (ImportRow<StockPolicyCommand> r : rows) {
                StockPolicyCommand c = r.command();
                StockPolicyView stored = stored(c);
                if (stored == null) {
                    policies.insert(
                            items.get(c.getItem()).id(),
                            warehouses.get(c.getLocation()),
                            c,
                            c.serviceLevelSetBy(null, user),
                            user,
                            clock.instant());
                    changes.add(new AuditTrail.Change(
                            "CREATE", "stock-policy", c.getItem() + "/" + c.getLocation(), null, c));
                    created++;
                } else if (same(stored, c)) {
                    unchanged++;
                } else {
                    if (!policies.update(
                            stored.id(),
                            stored.version(),
                            c,
                            c.serviceLevelSetBy(stored, user),
                            user,
                            clock.instant())) {
                        throw new org.openvmi.shared.ConflictException("Stock policies of the file were changed by "
                                + "someone else during the import; nothing was imported, try again");
                    }
                    changes.add(new AuditTrail.Change(
                            "UPDATE", "stock-policy", c.getItem() + "/" + c.getLocation(), stored, c));
                    updated++;
                }
            }
            audit.recordAll(changes);
            return new Written(created, updated, unchanged);
        }
    }

    private static boolean same(StockPolicyView v, StockPolicyCommand c) {
        return new StockLines(v.safety(), v.warning(), v.max()).equals(normal(c.lines()))
                && v.mode() == c.getMode()
                && equal(v.serviceLevel(), c.getServiceLevel());
    }

    private static StockLines normal(StockLines l) {
        return new StockLines(
                l.safety().stripTrailingZeros(),
                l.warning().stripTrailingZeros(),
                l.max().stripTrailingZeros());
    }

    private static boolean equal(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
