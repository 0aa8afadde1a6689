package org.openvmi.inventory;

import static org.openvmi.inventory.internal.DocumentTransactions.refuse;

import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.internal.CountFlow;
import org.openvmi.inventory.internal.CountQueryRepository;
import org.openvmi.inventory.internal.CountRepository;
import org.openvmi.inventory.internal.DocumentIdempotency;
import org.openvmi.inventory.internal.DocumentRefs;
import org.openvmi.inventory.internal.DocumentTransactions;
import org.openvmi.inventory.model.CountSheet;
import org.openvmi.inventory.model.CountStatus;
import org.openvmi.inventory.model.DocumentRules;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cycle counts: a sheet snapshots the book quantities of a location (or a warehouse, or one item category in it),
 * counted quantities are entered (blind sheets hide the book), and posting writes the variances as COUNT movements.
 */
@Service
public class StockCounts {

    private final CountRepository counts;
    private final CountQueryRepository queries;
    private final CountFlow flow;
    private final DocumentRefs refs;
    private final WarehouseCatalog warehouses;
    private final DocumentTransactions transactions;
    private final DocumentIdempotency idempotency;
    private final Clock clock;
    private final Validator validator;

    StockCounts(
            CountRepository counts,
            CountQueryRepository queries,
            CountFlow flow,
            DocumentRefs refs,
            WarehouseCatalog warehouses,
            DocumentTransactions transactions,
            DocumentIdempotency idempotency,
            Clock clock,
            Validator validator) {
        this.validator = validator;
        this.counts = counts;
        this.queries = queries;
        this.flow = flow;
        this.refs = refs;
        this.warehouses = warehouses;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Writes take an optional idempotency key: a retry with the same key and body gets the first answer. */
    public CountView create(CountRequest r, String idempotencyKey) {
        RequestValidation.check(validator, r);
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        LocationRef location = blank(r.location()) ? null : refs.location("location", r.location(), errors);
        Long warehouseId = location == null ? null : location.warehouseId();
        if (blank(r.location()) && blank(r.warehouse())) {
            errors.add("location", "a location or a warehouse is required");
        } else if (location != null
                && !blank(r.warehouse())
                && !r.warehouse().trim().equals(location.warehouse())) {
            errors.add("warehouse", "location " + location.code() + " is in warehouse " + location.warehouse());
        } else if (blank(r.location())) {
            try {
                warehouseId = warehouses.get(r.warehouse().trim()).id();
            } catch (NotFoundException e) {
                errors.add(
                        "warehouse",
                        CodedRefusal.unknown("warehouse", r.warehouse().trim()));
            }
        }
        boolean post = Boolean.TRUE.equals(r.post());
        List<CountEntryRequest.Line> lines = r.lines() == null ? List.of() : r.lines();
        if (post && lines.isEmpty()) {
            errors.add("lines", "counted lines are required to post at once");
        }
        List<DocumentRefs.ResolvedKey> keys = !post
                ? List.of()
                : refs.keys(
                        lines.stream()
                                .map(l -> l == null
                                        ? null
                                        : new DocumentRefs.KeyInput(l.item(), l.location(), l.owner(), l.lot()))
                                .toList(),
                        location,
                        "lines",
                        errors);
        errors.throwIfAny();
        if (location != null) {
            refuse(CountSheet.countable(location.code(), location.type() == LocationType.IN_TRANSIT));
        }
        long whId = warehouseId;
        return transactions.run(() -> idempotency.once(idempotencyKey, "POST /counts", r, CountView.class, () -> {
            long id = counts.insert(
                    whId,
                    location == null ? null : location.id(),
                    DocumentRules.text(r.category(), 64),
                    Boolean.TRUE.equals(r.blind()),
                    DocumentRules.text(r.reference(), 100),
                    CurrentUser.name(),
                    clock.instant());
            if (post) {
                counts.snapshotKeys(id, keys.stream().filter(Objects::nonNull).toList());
            } else {
                counts.snapshot(
                        id, whId, location == null ? null : location.id(), DocumentRules.text(r.category(), 64));
            }
            if (!lines.isEmpty()) {
                flow.enter(id, lines);
            }
            if (post) {
                flow.post(id);
            }
            return view(id);
        }));
    }

    public CountView enter(long id, CountEntryRequest request) {
        RequestValidation.check(validator, request);
        return transactions.run(() -> {
            flow.enter(id, request == null ? null : request.lines());
            return view(id);
        });
    }

    /** Posts the variances (counted − book at posting) and answers with the variance report. */
    public CountView post(long id, String idempotencyKey) {
        return transactions.run(
                () -> idempotency.once(idempotencyKey, "POST /counts/" + id + "/post", null, CountView.class, () -> {
                    flow.post(id);
                    return view(id);
                }));
    }

    @Transactional(readOnly = true)
    public CountView get(long id) {
        return view(id);
    }

    @Transactional(readOnly = true)
    public PageResult<CountSummary> find(String status, String warehouse, PageRequest page) {
        String s = AllowedValues.code("status", status, CountStatus.class);
        return queries.find(s, warehouse, page);
    }

    private CountView view(long id) {
        return queries.view(id).orElseThrow(() -> new NotFoundException("Count", id));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
