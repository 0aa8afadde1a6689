package org.openvmi.inventory;

import static org.openvmi.inventory.internal.DocumentTransactions.refuse;

import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.LocationType;
import org.openvmi.inventory.internal.DocumentIdempotency;
import org.openvmi.inventory.internal.DocumentRefs;
import org.openvmi.inventory.internal.DocumentTransactions;
import org.openvmi.inventory.internal.TransferFlow;
import org.openvmi.inventory.internal.TransferQueryRepository;
import org.openvmi.inventory.internal.TransferRepository;
import org.openvmi.inventory.model.DocumentRules;
import org.openvmi.inventory.model.StockKey;
import org.openvmi.inventory.model.Transfer;
import org.openvmi.inventory.model.TransferStatus;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers between warehouses. Shipping moves the goods into the destination warehouse's in-transit location,
 * receiving (partly, several times) moves them on to the destination, closing writes off what never arrived — so stock
 * on its way is never outside the ledger. Each use case is one transaction with its movements.
 */
@Service
public class Transfers {

    private final TransferRepository transfers;
    private final TransferQueryRepository queries;
    private final TransferFlow flow;
    private final DocumentRefs refs;
    private final DocumentTransactions transactions;
    private final DocumentIdempotency idempotency;
    private final Clock clock;
    private final Validator validator;

    Transfers(
            TransferRepository transfers,
            TransferQueryRepository queries,
            TransferFlow flow,
            DocumentRefs refs,
            DocumentTransactions transactions,
            DocumentIdempotency idempotency,
            Clock clock,
            Validator validator) {
        this.validator = validator;
        this.transfers = transfers;
        this.queries = queries;
        this.flow = flow;
        this.refs = refs;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * A new DRAFT transfer; nothing moves until it is shipped. Every write takes an optional idempotency key: a retry
     * with the same key and body answers as the first time and changes nothing.
     */
    public TransferView create(TransferRequest request, String idempotencyKey) {
        RequestValidation.check(validator, request);
        if (request == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        LocationRef from = refs.location("from", request.from(), errors);
        LocationRef to = refs.location("to", request.to(), errors);
        List<TransferRequest.Line> lines = request.lines() == null ? List.of() : request.lines();
        if (lines.isEmpty()) {
            errors.add("lines", "at least one line is required");
        }
        List<DocumentRefs.ResolvedKey> keys = refs.keys(
                lines.stream()
                        .map(l -> l == null ? null : new DocumentRefs.KeyInput(l.item(), null, l.owner(), l.lot()))
                        .toList(),
                from,
                "lines",
                errors);
        Map<StockKey, Integer> seen = new HashMap<>();
        List<TransferRepository.NewLine> newLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            var qty = lines.get(i) == null
                    ? null
                    : DocumentRules.positive(
                            "lines[" + i + "].qty", lines.get(i).qty(), errors);
            DocumentRefs.ResolvedKey key = keys.get(i);
            if (key == null || qty == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(key.key(), i);
            if (first != null) {
                errors.add("lines[" + i + "]", "repeats lines[" + first + "] (same item, owner and lot)");
            }
            newLines.add(new TransferRepository.NewLine(
                    key.item().id(),
                    key.key().owner(),
                    key.ownerSupplierId(),
                    key.key().lot(),
                    qty));
        }
        errors.throwIfAny();
        refuse(Transfer.route(
                from.warehouse(),
                from.type() == LocationType.IN_TRANSIT,
                to.warehouse(),
                to.type() == LocationType.IN_TRANSIT));
        return once(
                idempotencyKey,
                "POST /transfers",
                request,
                () -> view(transfers.insert(
                        from.id(),
                        to.id(),
                        DocumentRules.text(request.reference(), 100),
                        newLines,
                        CurrentUser.name(),
                        clock.instant())));
    }

    public TransferView ship(long id, String idempotencyKey) {
        return once(idempotencyKey, "POST /transfers/" + id + "/ship", null, () -> {
            flow.ship(id);
            return view(id);
        });
    }

    public TransferView receive(long id, TransferReceiptRequest request, String idempotencyKey) {
        RequestValidation.check(validator, request);
        return once(idempotencyKey, "POST /transfers/" + id + "/receive", request, () -> {
            flow.receive(id, request);
            return view(id);
        });
    }

    /** Closes a transfer still in transit; its difference report says what was written off. */
    public TransferView close(long id, TransferCloseRequest request, String idempotencyKey) {
        RequestValidation.check(validator, request);
        return once(idempotencyKey, "POST /transfers/" + id + "/close", request, () -> {
            flow.close(id, request == null ? null : request.reason());
            return view(id);
        });
    }

    private TransferView once(String key, String operation, Object request, Supplier<TransferView> useCase) {
        return transactions.run(() -> idempotency.once(key, operation, request, TransferView.class, useCase));
    }

    @Transactional(readOnly = true)
    public TransferView get(long id) {
        return view(id);
    }

    @Transactional(readOnly = true)
    public PageResult<TransferSummary> find(String status, String warehouse, PageRequest page) {
        return queries.find(status(status), warehouse, page, PartyScope.current());
    }

    private TransferView view(long id) {
        return queries.view(id, PartyScope.current()).orElseThrow(() -> new NotFoundException("Transfer", id));
    }

    static String status(String status) {
        return AllowedValues.code("status", status, TransferStatus.class);
    }
}
