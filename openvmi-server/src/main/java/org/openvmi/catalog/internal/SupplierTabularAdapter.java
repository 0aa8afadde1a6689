package org.openvmi.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.SupplierCommand;
import org.openvmi.catalog.SupplierView;
import org.openvmi.catalog.model.Cells;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.tabular.TabularRow;
import org.springframework.stereotype.Component;

/**
 * Suppliers as a table: the columns of the supplier API, validated by {@link SupplierCommand}'s own constraints.
 * A blank {@code active} cell means active, as in the API. A supplier user's export holds its own supplier only.
 */
@Component
class SupplierTabularAdapter implements TabularAdapter<SupplierCommand> {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String CONTACT_NAME = "contactName";
    static final String CONTACT_PHONE = "contactPhone";
    static final String CONTACT_EMAIL = "contactEmail";
    static final String ADDRESS = "address";
    static final String ACTIVE = "active";

    private final SupplierBatchRepository suppliers;
    private final AuditTrail audit;

    SupplierTabularAdapter(SupplierBatchRepository suppliers, AuditTrail audit) {
        this.suppliers = suppliers;
        this.audit = audit;
    }

    @Override
    public String entity() {
        return "suppliers";
    }

    @Override
    public List<String> columns() {
        return List.of(CODE, NAME, CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL, ADDRESS, ACTIVE);
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
    public SupplierCommand read(TabularRow row, RowProblems problems) {
        SupplierCommand c = new SupplierCommand();
        c.setCode(row.get(CODE));
        c.setName(row.get(NAME));
        c.setContactName(row.get(CONTACT_NAME));
        c.setContactPhone(row.get(CONTACT_PHONE));
        c.setContactEmail(row.get(CONTACT_EMAIL));
        c.setAddress(row.get(ADDRESS));
        c.setActive(Cells.bool(row, ACTIVE, true, problems));
        return c;
    }

    @Override
    public ImportBatch<SupplierCommand> prepare(List<ImportRow<SupplierCommand>> rows, Set<String> columnsInFile) {
        List<String> codes = rows.stream()
                .map(r -> r.command().getCode())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return new Batch(suppliers.findByCodes(codes), columnsInFile);
    }

    @Override
    public List<List<Object>> exportRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (SupplierView v : suppliers.findAll(PartyScope.current())) {
            rows.add(Arrays.asList(
                    v.code(),
                    v.name(),
                    v.contactName(),
                    v.contactPhone(),
                    v.contactEmail(),
                    v.address(),
                    String.valueOf(v.active())));
        }
        return rows;
    }

    /** One supplier import: the stored suppliers it touches, loaded once; then the batch write. */
    private final class Batch implements ImportBatch<SupplierCommand> {

        private static final String AUDIT_ENTITY = "supplier"; // as SupplierCatalog audits suppliers

        private final Map<String, SupplierView> existing;
        private final Set<String> columnsInFile;

        Batch(Map<String, SupplierView> existing, Set<String> columnsInFile) {
            this.existing = existing;
            this.columnsInFile = columnsInFile;
        }

        @Override
        public SupplierCommand complete(SupplierCommand c) {
            SupplierView stored = c.getCode() == null ? null : existing.get(c.getCode());
            if (stored != null) {
                if (!columnsInFile.contains(CONTACT_NAME)) {
                    c.setContactName(stored.contactName());
                }
                if (!columnsInFile.contains(CONTACT_PHONE)) {
                    c.setContactPhone(stored.contactPhone());
                }
                if (!columnsInFile.contains(CONTACT_EMAIL)) {
                    c.setContactEmail(stored.contactEmail());
                }
                if (!columnsInFile.contains(ADDRESS)) {
                    c.setAddress(stored.address());
                }
                if (!columnsInFile.contains(ACTIVE)) {
                    c.setActive(stored.active());
                }
            }
            return c;
        }

        @Override
        public void check(List<ImportRow<SupplierCommand>> rows, RowProblems problems) {
            // nothing across rows beyond the code twice, which TabularImport checks
        }

        @Override
        public Written write(List<ImportRow<SupplierCommand>> rows) {
            UpsertPlan<SupplierCommand> plan = UpsertPlan.of(
                    rows, c -> existing.get(c.getCode()), Batch::same, SupplierView::id, SupplierView::version);
            List<AuditTrail.Change> changes = new ArrayList<>();
            if (!plan.created.isEmpty()) {
                Map<String, Long> ids = suppliers.insert(plan.created);
                for (SupplierCommand c : plan.created) {
                    changes.add(new AuditTrail.Change(
                            "CREATE", AUDIT_ENTITY, c.getCode(), null, view(ids.get(c.getCode()), c, 0, 0)));
                }
            }
            if (!plan.updated.isEmpty()) {
                if (!suppliers.update(plan.versions, plan.updated)) {
                    throw new ConflictException("Suppliers of the file were changed by someone else during the import; "
                            + "nothing was imported, try again");
                }
                plan.updated.forEach((id, c) -> {
                    SupplierView before = existing.get(c.getCode());
                    changes.add(new AuditTrail.Change(
                            "UPDATE",
                            AUDIT_ENTITY,
                            c.getCode(),
                            before,
                            view(id, c, before.itemCount(), before.version() + 1)));
                });
            }
            audit.recordAll(changes);
            return new Written(plan.created.size(), plan.updated.size(), plan.unchanged);
        }

        private static boolean same(SupplierView v, SupplierCommand c) {
            return v.name().equals(c.getName())
                    && Objects.equals(v.contactName(), c.getContactName())
                    && Objects.equals(v.contactPhone(), c.getContactPhone())
                    && Objects.equals(v.contactEmail(), c.getContactEmail())
                    && Objects.equals(v.address(), c.getAddress())
                    && v.active() == c.isActive();
        }

        private static SupplierView view(long id, SupplierCommand c, int itemCount, int version) {
            return new SupplierView(
                    id,
                    c.getCode(),
                    c.getName(),
                    c.getContactName(),
                    c.getContactPhone(),
                    c.getContactEmail(),
                    c.getAddress(),
                    c.isActive(),
                    itemCount,
                    version);
        }
    }
}
