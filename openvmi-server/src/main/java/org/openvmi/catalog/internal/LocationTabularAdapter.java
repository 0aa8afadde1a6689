package org.openvmi.catalog.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.LocationView;
import org.openvmi.catalog.WarehouseView;
import org.openvmi.catalog.model.Cells;
import org.openvmi.catalog.model.ImportBatch;
import org.openvmi.catalog.model.ImportRow;
import org.openvmi.catalog.model.RowProblems;
import org.openvmi.catalog.model.TabularAdapter;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.tabular.TabularRow;
import org.springframework.stereotype.Component;

/**
 * Locations as a table: the columns of the location API plus the warehouse code. Location codes are unique across
 * warehouses, so the code alone is the key; an import does not move a location to another warehouse.
 */
@Component
class LocationTabularAdapter implements TabularAdapter<LocationTabularAdapter.LocationRow> {

    static final String WAREHOUSE = "warehouse";
    static final String CODE = "code";
    static final String NAME = "name";
    static final String TYPE = "type";
    static final String ALLOW_NEGATIVE = "allowNegative";

    /** The location command with its warehouse, which the API takes from the path. */
    static class LocationRow extends LocationCommand {

        @NotBlank
        @Size(max = 64)
        private String warehouse;

        String getWarehouse() {
            return warehouse;
        }

        void setWarehouse(String warehouse) {
            this.warehouse = warehouse == null ? null : warehouse.trim();
        }
    }

    private final WarehouseBatchRepository warehouses;
    private final AuditTrail audit;

    LocationTabularAdapter(WarehouseBatchRepository warehouses, AuditTrail audit) {
        this.warehouses = warehouses;
        this.audit = audit;
    }

    @Override
    public String entity() {
        return "locations";
    }

    @Override
    public List<String> columns() {
        return List.of(WAREHOUSE, CODE, NAME, TYPE, ALLOW_NEGATIVE);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(WAREHOUSE, CODE);
    }

    @Override
    public List<String> keyColumns() {
        return List.of(CODE);
    }

    @Override
    public LocationRow read(TabularRow row, RowProblems problems) {
        LocationRow c = new LocationRow();
        c.setWarehouse(row.get(WAREHOUSE));
        c.setCode(row.get(CODE));
        c.setName(row.get(NAME));
        LocationType type = Cells.oneOf(row, TYPE, LocationType.class, problems);
        c.setType(type == null ? LocationType.STORAGE : type);
        c.setAllowNegative(Cells.bool(row, ALLOW_NEGATIVE, problems));
        return c;
    }

    @Override
    public ImportBatch<LocationRow> prepare(List<ImportRow<LocationRow>> rows, Set<String> columnsInFile) {
        List<String> codes = rows.stream()
                .map(r -> r.command().getCode())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<String> warehouseCodes = rows.stream()
                .map(r -> r.command().getWarehouse())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return new Batch(warehouses.findLocationsByCodes(codes), warehouses.findByCodes(warehouseCodes), columnsInFile);
    }

    @Override
    public List<List<Object>> exportRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (LocationView v : warehouses.findAllLocations()) {
            rows.add(Arrays.asList(
                    v.warehouse(), v.code(), v.name(), v.type().name(), String.valueOf(v.allowNegative())));
        }
        return rows;
    }

    /** One location import: the stored locations and warehouses it names, loaded once; then checks and the write. */
    private final class Batch implements ImportBatch<LocationRow> {

        private static final String AUDIT_ENTITY = "location"; // as WarehouseCatalog audits locations

        private final Map<String, LocationView> existing;
        private final Map<String, WarehouseView> warehousesByCode;
        private final Set<String> columnsInFile;

        Batch(
                Map<String, LocationView> existing,
                Map<String, WarehouseView> warehousesByCode,
                Set<String> columnsInFile) {
            this.existing = existing;
            this.warehousesByCode = warehousesByCode;
            this.columnsInFile = columnsInFile;
        }

        @Override
        public LocationRow complete(LocationRow c) {
            LocationView stored = c.getCode() == null ? null : existing.get(c.getCode());
            if (stored != null) {
                if (!columnsInFile.contains(NAME)) {
                    c.setName(stored.name());
                }
                if (!columnsInFile.contains(TYPE)) {
                    c.setType(stored.type());
                }
                if (!columnsInFile.contains(ALLOW_NEGATIVE)) {
                    c.setAllowNegative(stored.allowNegative());
                }
            }
            return c;
        }

        /** The warehouse must exist; a code that is a location of another warehouse is taken (codes are global). */
        @Override
        public void check(List<ImportRow<LocationRow>> rows, RowProblems problems) {
            for (ImportRow<LocationRow> r : rows) {
                LocationRow c = r.command();
                if (c.getWarehouse() == null) {
                    continue;
                }
                if (!warehousesByCode.containsKey(c.getWarehouse())) {
                    problems.reject(r.row(), WAREHOUSE, "imports.error.unknownWarehouse", c.getWarehouse());
                }
                LocationView stored = c.getCode() == null ? null : existing.get(c.getCode());
                if (stored != null && !stored.warehouse().equals(c.getWarehouse())) {
                    problems.reject(
                            r.row(), CODE, "imports.error.locationOfOtherWarehouse", c.getCode(), stored.warehouse());
                }
            }
        }

        @Override
        public Written write(List<ImportRow<LocationRow>> rows) {
            Map<LocationCommand, Long> created = new IdentityHashMap<>();
            List<LocationRow> createdInOrder = new ArrayList<>();
            Map<Long, LocationCommand> updated = new LinkedHashMap<>();
            Map<Long, Integer> versions = new HashMap<>();
            int unchanged = 0;
            for (ImportRow<LocationRow> r : rows) {
                LocationRow c = r.command();
                LocationView stored = existing.get(c.getCode());
                if (stored == null) {
                    created.put(c, warehousesByCode.get(c.getWarehouse()).id());
                    createdInOrder.add(c);
                } else if (Objects.equals(stored.name(), c.getName())
                        && stored.type() == c.getType()
                        && stored.allowNegative() == c.isAllowNegative()) {
                    unchanged++;
                } else {
                    updated.put(stored.id(), c);
                    versions.put(stored.id(), stored.version());
                }
            }
            List<AuditTrail.Change> changes = new ArrayList<>();
            if (!created.isEmpty()) {
                Map<String, Long> ids = warehouses.insertLocations(created);
                for (LocationRow c : createdInOrder) {
                    changes.add(new AuditTrail.Change(
                            "CREATE",
                            AUDIT_ENTITY,
                            c.getCode(),
                            null,
                            view(ids.get(c.getCode()), c.getWarehouse(), c, 0)));
                }
            }
            if (!updated.isEmpty()) {
                if (!warehouses.updateLocations(versions, updated)) {
                    throw new ConflictException("Locations of the file were changed by someone else during the import; "
                            + "nothing was imported, try again");
                }
                updated.forEach((id, c) -> {
                    LocationView before = existing.get(c.getCode());
                    changes.add(new AuditTrail.Change(
                            "UPDATE",
                            AUDIT_ENTITY,
                            c.getCode(),
                            before,
                            view(id, before.warehouse(), c, before.version() + 1)));
                });
            }
            audit.recordAll(changes);
            return new Written(created.size(), updated.size(), unchanged);
        }

        private static LocationView view(long id, String warehouse, LocationCommand c, int version) {
            return new LocationView(id, warehouse, c.getCode(), c.getName(), c.getType(), c.isAllowNegative(), version);
        }
    }
}
