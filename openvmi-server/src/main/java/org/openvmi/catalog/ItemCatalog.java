package org.openvmi.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.internal.ItemRepository;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases on items. Every read applies the caller's party scope; every change is audited. */
@Service
public class ItemCatalog {

    static final String ENTITY = "item";

    private final ItemRepository items;
    private final AuditTrail audit;

    ItemCatalog(ItemRepository items, AuditTrail audit) {
        this.items = items;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public ItemView get(String code) {
        return items.findByCode(code, PartyScope.current()).orElseThrow(() -> new NotFoundException("Item", code));
    }

    @Transactional(readOnly = true)
    public PageResult<ItemView> find(ItemQuery query, PageRequest page) {
        return items.find(query, page, PartyScope.current());
    }

    @Transactional(readOnly = true)
    public List<String> categories() {
        return items.categories(PartyScope.current());
    }

    /** Item counts per category (null category as ""), for the home page chart. */
    @Transactional(readOnly = true)
    public Map<String, Long> countByCategory() {
        return items.countByCategory(PartyScope.current());
    }

    @Transactional(readOnly = true)
    public long count() {
        return items.count(PartyScope.current());
    }

    /** The item code a scanned barcode (or the code itself) stands for. */
    @Transactional(readOnly = true)
    public String resolveCode(String codeOrBarcode) {
        PartyScope scope = PartyScope.current();
        return items.codeOfBarcode(codeOrBarcode)
                .or(() -> Optional.of(codeOrBarcode))
                .flatMap(code -> items.findByCode(code, scope).map(ItemView::code))
                .orElseThrow(() -> new NotFoundException("Item or barcode", codeOrBarcode));
    }

    @Transactional
    public ItemView create(ItemCommand command) {
        if (items.idOf(command.getCode()).isPresent()) {
            throw new ConflictException("code", CodedRefusal.duplicate("An item", command.getCode()));
        }
        checkBarcodes(command, null);
        try {
            items.insert(command);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("code", CodedRefusal.duplicate("An item", command.getCode()));
        }
        ItemView created = get(command.getCode());
        audit.record("CREATE", ENTITY, created.code(), null, created);
        return created;
    }

    /** Replaces an item's fields; the code never changes. a null version means "whatever is current". */
    @Transactional
    public ItemView update(String code, ItemCommand command) {
        ItemView before = get(code);
        command.setCode(code);
        checkBarcodes(command, before.id());
        if (Unchanged.item(before, command)) {
            return before;
        }
        int version = command.getVersion() == null ? before.version() : command.getVersion();
        if (!items.update(before.id(), version, command)) {
            throw new ConflictException(
                    "version",
                    CodedRefusal.stale("Item '" + code + "' was changed by someone else; reload and try again"));
        }
        ItemView after = get(code);
        audit.record("UPDATE", ENTITY, code, before, after);
        return after;
    }

    @Transactional
    public void delete(String code) {
        ItemView before = get(code);
        long sources = items.countSupplierItems(before.id());
        if (sources > 0) {
            throw new ConflictException("Item '" + code + "' cannot be deleted: it is on " + sources
                    + " supplier source list(s); remove those first");
        }
        try {
            items.delete(before.id());
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(
                    "Item '" + code + "' cannot be deleted: it is still referenced (stock, orders or history)");
        }
        audit.record("DELETE", ENTITY, code, before, null);
    }

    private void checkBarcodes(ItemCommand command, Long itemId) {
        Map<String, String> taken = items.barcodesTakenByOthers(command.getBarcodes(), itemId);
        if (!taken.isEmpty()) {
            Map.Entry<String, String> first = taken.entrySet().iterator().next();
            throw new ConflictException(
                    "barcodes", "Barcode '" + first.getKey() + "' already belongs to item '" + first.getValue() + "'");
        }
    }
}
