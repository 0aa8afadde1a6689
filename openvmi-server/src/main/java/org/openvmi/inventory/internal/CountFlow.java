package org.openvmi.inventory.internal;

import static org.openvmi.inventory.internal.DocumentTransactions.refuse;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.LocationRef;
import org.openvmi.inventory.CountEntryRequest;
import org.openvmi.inventory.InventoryLedger;
import org.openvmi.inventory.LedgerLine;
import org.openvmi.inventory.MovementType;
import org.openvmi.inventory.model.CountLine;
import org.openvmi.inventory.model.CountSheet;
import org.openvmi.inventory.model.DocumentRules;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Entering counted quantities and posting a count sheet, inside the caller's transaction. Posting locks the balances
 * of the sheet in the ledger's key order, takes their on hand as the book quantity at posting, and posts
 * counted − book as COUNT movements (reference {@code CNT-<id>}) in one posting.
 */
@Component
public class CountFlow {

    public static final String REASON = "cycle count";

    private final CountRepository counts;
    private final DocumentRefs refs;
    private final ItemCatalog items;
    private final InventoryLedger ledger;
    private final Clock clock;

    CountFlow(CountRepository counts, DocumentRefs refs, ItemCatalog items, InventoryLedger ledger, Clock clock) {
        this.counts = counts;
        this.refs = refs;
        this.items = items;
        this.ledger = ledger;
        this.clock = clock;
    }

    public void enter(long id, List<CountEntryRequest.Line> lines) {
        CountSheet sheet = load(id);
        FieldErrors errors = new FieldErrors();
        if (lines == null || lines.isEmpty()) {
            errors.add("lines", "at least one line is required").throwIfAny();
        }
        LocationRef sheetLocation =
                sheet.location() == null ? null : refs.location("location", sheet.location(), errors);
        List<DocumentRefs.ResolvedKey> keys = refs.keys(
                lines.stream()
                        .map(l -> l == null
                                ? null
                                : new DocumentRefs.KeyInput(l.item(), l.location(), l.owner(), l.lot()))
                        .toList(),
                sheetLocation,
                "lines",
                errors);
        List<BigDecimal> counted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            CountEntryRequest.Line l = lines.get(i);
            if (l != null && l.location() == null && sheetLocation == null) {
                errors.add("lines[" + i + "].location", "is required: count " + id + " covers a whole warehouse");
            }
            counted.add(l == null ? null : DocumentRules.notNegative("lines[" + i + "].counted", l.counted(), errors));
        }
        errors.throwIfAny();
        List<CountSheet.Entry> entries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            DocumentRefs.ResolvedKey k = keys.get(i);
            String category =
                    sheet.category() == null ? null : items.get(k.item().code()).category();
            entries.add(new CountSheet.Entry(
                    k.key(),
                    k.item().code(),
                    category,
                    k.location().code(),
                    k.location().warehouse(),
                    k.inTransit(),
                    counted.get(i),
                    counts.onHand(k.key())));
        }
        refuse(sheet.enter(entries));
        if (!counts.changeStatus(sheet)) {
            throw new StaleDocumentException("Count", id);
        }
        counts.saveCounted(id, sheet.changedLines(), CurrentUser.name(), clock.instant());
    }

    public void post(long id) {
        CountSheet sheet = load(id);
        refuse(sheet.post());
        if (!counts.changeStatus(sheet)) {
            throw new StaleDocumentException("Count", id);
        }
        Map<Integer, BigDecimal> bookAtPosting = new HashMap<>();
        sheet.lines().stream()
                .sorted(Comparator.comparing(CountLine::key))
                .forEach(l -> bookAtPosting.put(l.lineNo(), counts.lockOnHand(l.key())));
        sheet.posted(bookAtPosting);
        List<CountLine> changed =
                sheet.lines().stream().filter(l -> l.variance().signum() != 0).toList();
        Map<Integer, Long> owners = changed.isEmpty() ? Map.of() : counts.ownerSupplierIds(id);
        List<LedgerLine> variances = changed.stream()
                .map(l -> LedgerLine.of(
                        MovementType.COUNT,
                        l.key().itemId(),
                        l.key().locationId(),
                        owners.get(l.lineNo()),
                        l.key().lot(),
                        l.variance(),
                        REASON,
                        "CNT-" + id))
                .toList();
        Long postingId = variances.isEmpty() ? null : ledger.record(variances).postingId();
        counts.savePosted(sheet, postingId, CurrentUser.name(), clock.instant());
    }

    private CountSheet load(long id) {
        return counts.load(id).orElseThrow(() -> new NotFoundException("Count", id));
    }
}
