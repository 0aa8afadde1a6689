package org.openvmi.catalog;

import java.util.Optional;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.internal.ItemRepository;
import org.openvmi.catalog.internal.SupplierRepository;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases on suppliers and their source lists. Reads are party-scoped; every change is audited. */
@Service
public class SupplierCatalog {

    private final SupplierRepository suppliers;
    private final ItemRepository items;
    private final AuditTrail audit;

    SupplierCatalog(SupplierRepository suppliers, ItemRepository items, AuditTrail audit) {
        this.suppliers = suppliers;
        this.items = items;
        this.audit = audit;
    }

    /** The internal id of a supplier code, regardless of the caller's scope (for binding users). */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String code) {
        return suppliers.idOf(code);
    }

    @Transactional(readOnly = true)
    public long count() {
        return suppliers.count(PartyScope.current());
    }

    @Transactional(readOnly = true)
    public SupplierView get(String code) {
        return suppliers
                .findByCode(code, PartyScope.current())
                .orElseThrow(() -> new NotFoundException("Supplier", code));
    }

    @Transactional(readOnly = true)
    public PageResult<SupplierView> find(String text, Boolean active, PageRequest page) {
        return suppliers.find(text, active, page, PartyScope.current());
    }

    @Transactional
    public SupplierView create(SupplierCommand c) {
        if (suppliers.idOf(c.getCode()).isPresent()) {
            throw WarehouseCatalog.duplicate("Supplier", c.getCode());
        }
        try {
            suppliers.insert(c);
        } catch (DuplicateKeyException e) {
            throw WarehouseCatalog.duplicate("Supplier", c.getCode());
        }
        SupplierView created = get(c.getCode());
        audit.record("CREATE", "supplier", created.code(), null, created);
        return created;
    }

    @Transactional
    public SupplierView update(String code, SupplierCommand c) {
        SupplierView before = get(code);
        c.setCode(code);
        if (Unchanged.supplier(before, c)) {
            return before;
        }
        int version = c.getVersion() == null ? before.version() : c.getVersion();
        if (!suppliers.update(before.id(), version, c)) {
            throw WarehouseCatalog.stale("Supplier", code);
        }
        SupplierView after = get(code);
        audit.record("UPDATE", "supplier", code, before, after);
        return after;
    }

    @Transactional
    public void delete(String code) {
        SupplierView before = get(code);
        if (before.itemCount() > 0) {
            throw new ConflictException("Supplier '" + code + "' cannot be deleted: its source list still has "
                    + before.itemCount() + " item(s); remove those first, or set it inactive");
        }
        try {
            suppliers.delete(before.id());
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Supplier '" + code + "' cannot be deleted: it is still referenced "
                    + "(users, agreements, orders); set it inactive instead");
        }
        audit.record("DELETE", "supplier", code, before, null);
    }

    @Transactional(readOnly = true)
    public PageResult<SupplierItemView> sources(String supplierCode, String itemCode, PageRequest page) {
        return suppliers.findSources(supplierCode, itemCode, page, PartyScope.current());
    }

    @Transactional(readOnly = true)
    public SupplierItemView source(String supplierCode, String itemCode) {
        return suppliers
                .findSource(supplierCode, itemCode, PartyScope.current())
                .orElseThrow(() -> new NotFoundException("Source-list line", supplierCode + "/" + itemCode));
    }

    @Transactional
    public SupplierItemView addSource(String supplierCode, SupplierItemCommand c) {
        SupplierView supplier = get(supplierCode);
        long itemId = items.idOf(c.getItem())
                .orElseThrow(() -> InvalidInputException.of("item", CodedRefusal.unknown("item", c.getItem())));
        if (suppliers.findSource(supplierCode, c.getItem(), PartyScope.ALL).isPresent()) {
            throw new ConflictException(
                    "item",
                    "Item '" + c.getItem() + "' is already on the source list of supplier '" + supplierCode + "'");
        }
        try {
            suppliers.insertSource(supplier.id(), itemId, c);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "item",
                    "Item '" + c.getItem() + "' is already on the source list of supplier '" + supplierCode + "'");
        }
        if (c.isPrimary()) {
            suppliers.demoteOtherPrimaries(itemId, supplier.id());
        }
        SupplierItemView created = source(supplierCode, c.getItem());
        audit.record("CREATE", "supplier-item", supplierCode + "/" + c.getItem(), null, created);
        return created;
    }

    @Transactional
    public SupplierItemView updateSource(String supplierCode, String itemCode, SupplierItemCommand c) {
        SupplierItemView before = source(supplierCode, itemCode);
        c.setItem(itemCode);
        if (Unchanged.source(before, c)) {
            return before;
        }
        int version = c.getVersion() == null ? before.version() : c.getVersion();
        if (!suppliers.updateSource(before.id(), version, c)) {
            throw WarehouseCatalog.stale("Source-list line", supplierCode + "/" + itemCode);
        }
        if (c.isPrimary()) {
            suppliers.demoteOtherPrimaries(
                    items.idOf(itemCode).orElseThrow(), get(supplierCode).id());
        }
        SupplierItemView after = source(supplierCode, itemCode);
        audit.record("UPDATE", "supplier-item", supplierCode + "/" + itemCode, before, after);
        return after;
    }

    @Transactional
    public void removeSource(String supplierCode, String itemCode) {
        SupplierItemView before = source(supplierCode, itemCode);
        try {
            suppliers.deleteSource(before.id());
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Source-list line '" + supplierCode + "/" + itemCode + "' is still referenced");
        }
        audit.record("DELETE", "supplier-item", supplierCode + "/" + itemCode, before, null);
    }
}
