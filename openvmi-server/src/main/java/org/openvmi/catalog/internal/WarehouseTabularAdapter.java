package org.openvmi.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.catalog.WarehouseView;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.tabular.TabularRow;
import org.springframework.stereotype.Component;

/** Warehouses as a table: the columns of the warehouse API. Every signed-in user may export them. */
@Component
class WarehouseTabularAdapter implements TabularAdapter<WarehouseCommand> {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String ADDRESS = "address";

    private final WarehouseBatchRepository warehouses;
    private final AuditTrail audit;

    WarehouseTabularAdapter(WarehouseBatchRepository warehouses, AuditTrail audit) {
        this.warehouses = warehouses;
        this.audit = audit;
    }

    @Override
    public String entity() {
        return "warehouses";
    }

    @Override
    public List<String> columns() {
        return List.of(CODE, NAME, ADDRESS);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(CODE, NAME);
    }

    @Override
    public List<String> keyColumns() {
        return List.of(CODE);
    }

    @Override
    public WarehouseCommand read(TabularRow row, RowProblems problems) {
        WarehouseCommand c = new WarehouseCommand();
        c.setCode(row.get(CODE));
        c.setName(row.get(NAME));
        c.setAddress(row.get(ADDRESS));
        return c;
    }

    @Override
    public ImportBatch<WarehouseCommand> prepare(List<ImportRow<WarehouseCommand>> rows, Set<String> columnsInFile) {
        List<String> codes = rows.stream()
                .map(r -> r.command().getCode())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return new Batch(warehouses.findByCodes(codes), columnsInFile);
    }

    @Override
    public List<List<Object>> exportRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (WarehouseView v : warehouses.findAll()) {
            rows.add(Arrays.asList(v.code(), v.name(), v.address()));
        }
        return rows;
    }

    /** One warehouse import: the stored warehouses it touches, loaded once; then the batch write. */
    private final class Batch implements ImportBatch<WarehouseCommand> {

        private static final String AUDIT_ENTITY = "warehouse"; // as WarehouseCatalog audits warehouses

        private final Map<String, WarehouseView> existing;
        private final Set<String> columnsInFile;

        Batch(Map<String, WarehouseView> existing, Set<String> columnsInFile) {
            this.existing = existing;
            this.columnsInFile = columnsInFile;
        }

        @Override
        public WarehouseCommand complete(WarehouseCommand c) {
            WarehouseView stored = c.getCode() == null ? null : existing.get(c.getCode());
            if (stored != null && !columnsInFile.contains(ADDRESS)) {
                c.setAddress(stored.address());
            }
            return c;
        }

        @Override
        public void check(List<ImportRow<WarehouseCommand>> rows, RowProblems problems) {
            // nothing across rows beyond the code twice, which TabularImport checks
        }

        @Override
        public Written write(List<ImportRow<WarehouseCommand>> rows) {
            UpsertPlan<WarehouseCommand> plan = UpsertPlan.of(
                    rows,
                    c -> existing.get(c.getCode()),
                    WarehouseTabularAdapter::same,
                    WarehouseView::id,
                    WarehouseView::version);
            List<AuditTrail.Change> changes = new ArrayList<>();
            if (!plan.created.isEmpty()) {
                Map<String, Long> ids = warehouses.insert(plan.created);
                for (WarehouseCommand c : plan.created) {
                    WarehouseView after = new WarehouseView(
                            ids.get(c.getCode()), c.getCode(), c.getName(), c.getAddress(), 0, 0, null);
                    changes.add(new AuditTrail.Change("CREATE", AUDIT_ENTITY, c.getCode(), null, after));
                }
            }
            if (!plan.updated.isEmpty()) {
                if (!warehouses.update(plan.versions, plan.updated)) {
                    throw new ConflictException(
                            "Warehouses of the file were changed by someone else during the import; "
                                    + "nothing was imported, try again");
                }
                plan.updated.forEach((id, c) -> {
                    WarehouseView before = existing.get(c.getCode());
                    WarehouseView after = new WarehouseView(
                            id,
                            c.getCode(),
                            c.getName(),
                            c.getAddress(),
                            before.locationCount(),
                            before.version() + 1,
                            before.receivingLocation());
                    changes.add(new AuditTrail.Change("UPDATE", AUDIT_ENTITY, c.getCode(), before, after));
                });
            }
            audit.recordAll(changes);
            return new Written(plan.created.size(), plan.updated.size(), plan.unchanged);
        }
    }

    private static boolean same(WarehouseView stored, WarehouseCommand c) {
        return stored.name().equals(c.getName()) && Objects.equals(stored.address(), c.getAddress());
    }
}
