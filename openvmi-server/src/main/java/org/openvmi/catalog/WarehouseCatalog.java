package org.openvmi.catalog;

import java.util.List;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.internal.WarehouseRepository;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases on warehouses and their locations; every change is audited. */
@Service
public class WarehouseCatalog {

    private final WarehouseRepository warehouses;
    private final AuditTrail audit;

    WarehouseCatalog(WarehouseRepository warehouses, AuditTrail audit) {
        this.warehouses = warehouses;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public long count() {
        return warehouses.count();
    }

    @Transactional(readOnly = true)
    public WarehouseView get(String code) {
        return warehouses.findByCode(code).orElseThrow(() -> new NotFoundException("Warehouse", code));
    }

    @Transactional(readOnly = true)
    public PageResult<WarehouseView> find(String text, PageRequest page) {
        return warehouses.find(text, page);
    }

    @Transactional
    public WarehouseView create(WarehouseCommand c) {
        if (c.getReceivingLocation() != null) {
            throw notOwnLocation(c);
        }
        if (warehouses.findByCode(c.getCode()).isPresent()) {
            throw duplicate("Warehouse", c.getCode());
        }
        try {
            warehouses.insert(c);
        } catch (DuplicateKeyException e) {
            throw duplicate("Warehouse", c.getCode());
        }
        WarehouseView created = get(c.getCode());
        audit.record("CREATE", "warehouse", created.code(), null, created);
        return created;
    }

    @Transactional
    public WarehouseView update(String code, WarehouseCommand c) {
        WarehouseView before = get(code);
        c.setCode(code);
        if (Unchanged.warehouse(before, c)) {
            return before;
        }
        if (c.getReceivingLocation() != null
                && warehouses
                        .findLocation(c.getReceivingLocation())
                        .filter(l -> l.warehouse().equals(code))
                        .isEmpty()) {
            throw notOwnLocation(c);
        }
        int version = c.getVersion() == null ? before.version() : c.getVersion();
        if (!warehouses.update(before.id(), version, c)) {
            throw stale("Warehouse", code);
        }
        WarehouseView after = get(code);
        audit.record("UPDATE", "warehouse", code, before, after);
        return after;
    }

    @Transactional
    public void delete(String code) {
        WarehouseView before = get(code);
        if (before.locationCount() > 0) {
            throw new ConflictException("Warehouse '" + code + "' cannot be deleted: it still has "
                    + before.locationCount() + " location(s); delete those first");
        }
        try {
            warehouses.delete(before.id());
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Warehouse '" + code + "' cannot be deleted: it is still referenced");
        }
        audit.record("DELETE", "warehouse", code, before, null);
    }

    @Transactional(readOnly = true)
    public List<LocationView> locations(String warehouseCode) {
        return warehouses.locationsOf(get(warehouseCode).id());
    }

    @Transactional(readOnly = true)
    public PageResult<LocationView> findLocations(
            String warehouseCode, String text, LocationType type, PageRequest page) {
        return warehouses.findLocations(warehouseCode, text, type, page);
    }

    @Transactional(readOnly = true)
    public LocationView location(String locationCode) {
        return warehouses.findLocation(locationCode).orElseThrow(() -> new NotFoundException("Location", locationCode));
    }

    /** The location, checked to belong to the given warehouse (a mismatch is reported as not found). */
    @Transactional(readOnly = true)
    public LocationView location(String warehouseCode, String locationCode) {
        return warehouses
                .findLocation(locationCode)
                .filter(l -> l.warehouse().equals(warehouseCode))
                .orElseThrow(() -> new NotFoundException("Location", warehouseCode + "/" + locationCode));
    }

    @Transactional
    public LocationView createLocation(String warehouseCode, LocationCommand c) {
        WarehouseView warehouse = get(warehouseCode);
        if (warehouses.findLocation(c.getCode()).isPresent()) {
            throw duplicate("Location", c.getCode());
        }
        try {
            warehouses.insertLocation(warehouse.id(), c);
        } catch (DuplicateKeyException e) {
            throw duplicate("Location", c.getCode());
        }
        LocationView created = location(c.getCode());
        audit.record("CREATE", "location", created.code(), null, created);
        return created;
    }

    @Transactional
    public LocationView updateLocation(String warehouseCode, String locationCode, LocationCommand c) {
        LocationView before = location(warehouseCode, locationCode);
        c.setCode(locationCode);
        if (Unchanged.location(before, c)) {
            return before;
        }
        int version = c.getVersion() == null ? before.version() : c.getVersion();
        if (!warehouses.updateLocation(before.id(), version, c)) {
            throw stale("Location", locationCode);
        }
        LocationView after = location(locationCode);
        audit.record("UPDATE", "location", locationCode, before, after);
        return after;
    }

    @Transactional
    public void deleteLocation(String warehouseCode, String locationCode) {
        LocationView before = location(warehouseCode, locationCode);
        try {
            warehouses.deleteLocation(before.id());
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(
                    "Location '" + locationCode + "' cannot be deleted: it is still referenced (stock or history)");
        }
        audit.record("DELETE", "location", locationCode, before, null);
    }

    private static BusinessRuleException notOwnLocation(WarehouseCommand c) {
        return new BusinessRuleException(
                "receivingLocation",
                "location '" + c.getReceivingLocation() + "' is not a location of warehouse '" + c.getCode() + "'");
    }

    static ConflictException duplicate(String what, String code) {
        return new ConflictException("code", CodedRefusal.duplicate(what, code));
    }

    static ConflictException stale(String what, String code) {
        return new ConflictException(
                "version",
                CodedRefusal.stale(what + " '" + code + "' was changed by someone else; reload and try again"));
    }
}
