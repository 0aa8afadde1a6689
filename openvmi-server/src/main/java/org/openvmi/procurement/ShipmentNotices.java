package org.openvmi.procurement;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openvmi.audit.AuditTrail;
import org.openvmi.procurement.internal.ProcurementRequests;
import org.openvmi.procurement.internal.ShipmentNoticeRepository;
import org.openvmi.procurement.model.PurchaseOrderStatus;
import org.openvmi.procurement.model.ShipmentNoticeStatus;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shipment notices (ASN, 发货通知): the supplier announces what it ships against its purchase order, lines at most
 * what is still open on them; the warehouse then receives the whole notice in one step, through the same receipt
 * as a receipt against PO lines (tolerances, RECEIPT movements, lead-time facts), and a notice is received once.
 */
@Service
public class ShipmentNotices {

    private final ShipmentNoticeRepository repository;
    private final PurchaseOrders orders;
    private final Receipts receipts;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Validator validator;
    private final ProcurementRequests idempotency;
    private final org.springframework.context.ApplicationEventPublisher events;

    ShipmentNotices(
            ShipmentNoticeRepository repository,
            PurchaseOrders orders,
            Receipts receipts,
            AuditTrail audit,
            PlatformTransactionManager transactionManager,
            Clock clock,
            Validator validator,
            ProcurementRequests idempotency,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.idempotency = idempotency;
        this.validator = validator;
        this.repository = repository;
        this.orders = orders;
        this.receipts = receipts;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public ShipmentNoticeView create(long purchaseOrder, ShipmentNoticeRequest r) {
        RequestValidation.check(validator, r);
        return transactions.execute(status -> {
            PurchaseOrderView po = orders.get(purchaseOrder, PartyScope.current());
            if (!PurchaseOrderStatus.valueOf(po.status()).receivable()) {
                throw new BusinessRuleException(
                        "purchaseOrder",
                        po.number() + " is " + po.status() + "; nothing more can be shipped against it");
            }
            FieldErrors errors = new FieldErrors();
            if (r == null || r.expectedOn() == null) {
                errors.add("expectedOn", CodedRefusal.required());
            }
            if (r == null || r.lines() == null || r.lines().isEmpty()) {
                errors.add("lines", "at least one line is required");
            }
            errors.throwIfAny();
            List<PurchaseOrderView.Line> poLines = new ArrayList<>();
            for (int i = 0; i < r.lines().size(); i++) {
                ShipmentNoticeRequest.Line l = r.lines().get(i);
                String f = "lines[" + i + "]";
                PurchaseOrderView.Line pl = l == null || l.line() == null ? null : orders.line(po, l.line(), null);
                if (pl == null) {
                    errors.add(f + ".line", "no line " + (l == null ? "" : "#" + l.line()) + " on " + po.number());
                    poLines.add(null);
                    continue;
                }
                poLines.add(pl);
                if (l.qty() == null || l.qty().signum() <= 0) {
                    errors.add(f + ".qty", CodedRefusal.positive());
                } else {
                    BigDecimal open = pl.qty().subtract(pl.receivedQty()).max(BigDecimal.ZERO);
                    if (l.qty().compareTo(open) > 0) {
                        errors.add(
                                f + ".qty",
                                "only " + open.stripTrailingZeros().toPlainString() + " of line #" + pl.lineNo()
                                        + " is still open");
                    }
                }
            }
            errors.throwIfAny();
            long id = repository.insert(po.id(), r.expectedOn(), CurrentUser.name(), clock.instant());
            for (int i = 0; i < r.lines().size(); i++) {
                ShipmentNoticeRequest.Line l = r.lines().get(i);
                repository.insertLine(id, i + 1, l.line(), l.qty(), blankToNull(l.lot()));
            }
            ShipmentNoticeView view = view(id, po);
            audit.record("SHIPMENT_NOTICE", "purchase-order", po.number(), null, view);
            events.publishEvent(new ShipmentNoticeCreated(view));
            return view;
        });
    }

    public ShipmentNoticeView get(long id) {
        return transactions.execute(status -> {
            ShipmentNoticeRepository.Head head =
                    repository.find(id).orElseThrow(() -> new NotFoundException("Shipment notice", id));
            PurchaseOrderView po;
            try {
                po = orders.get(head.poId(), PartyScope.current());
            } catch (NotFoundException otherSupplier) {
                throw new NotFoundException("Shipment notice", id);
            }
            return view(id, po);
        });
    }

    public List<ShipmentNoticeView> ofOrder(long purchaseOrder) {
        return transactions.execute(status -> {
            PurchaseOrderView po = orders.get(purchaseOrder, PartyScope.current());
            return repository.idsOf(po.id()).stream().map(id -> view(id, po)).toList();
        });
    }

    /** Receives every line of an IN_TRANSIT notice at once; a second receipt of the same notice is 409. */
    public ReceiptView receive(long id, ShipmentNoticeReceiptRequest r) {
        return receive(id, null, r);
    }

    /**
     * Receives an IN_TRANSIT notice in one receipt, as announced or as {@code r.lines()} say it arrived; once per
     * {@code idempotencyKey} (a retry answers the first receipt), otherwise a second receipt of the notice is 409.
     */
    public ReceiptView receive(long id, String idempotencyKey, ShipmentNoticeReceiptRequest r) {
        RequestValidation.check(validator, r);
        return transactions.execute(status -> idempotency.once(
                idempotencyKey, "receive-notice-" + id, r, ReceiptView.class, () -> receiveOnce(id, r)));
    }

    private ReceiptView receiveOnce(long id, ShipmentNoticeReceiptRequest r) {
        ShipmentNoticeView notice = get(id);
        ShipmentNoticeStatus.valueOf(notice.status()).moveTo(ShipmentNoticeStatus.RECEIVED, id);
        if (r == null) {
            throw InvalidInputException.of("location", CodedRefusal.required());
        }
        ReceiptView receipt = receipts.receive(
                new ReceiptRequest(notice.purchaseOrder(), r.location(), r.receivedOn(), arrived(notice, r.lines())));
        if (!repository.markReceived(id, receipt.id())) {
            throw new ConflictException("status", "Shipment notice " + id + " was received meanwhile");
        }
        audit.record(
                "RECEIVE_NOTICE",
                "purchase-order",
                notice.poNumber(),
                null,
                Map.of("notice", id, "receipt", receipt.id()));
        return receipt;
    }

    /** The receipt lines: the notice as announced, or what arrived of each notice line (by its number). */
    private static List<ReceiptRequest.Line> arrived(
            ShipmentNoticeView notice, List<ShipmentNoticeReceiptRequest.Line> given) {
        if (given == null) {
            return notice.lines().stream()
                    .map(l -> new ReceiptRequest.Line(l.poLine(), null, l.lot(), l.qty(), null, null))
                    .toList();
        }
        FieldErrors errors = new FieldErrors();
        List<ReceiptRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ShipmentNoticeReceiptRequest.Line g = given.get(i);
            ShipmentNoticeView.Line l = g == null || g.line() == null
                    ? null
                    : notice.lines().stream()
                            .filter(n -> n.lineNo() == g.line())
                            .findFirst()
                            .orElse(null);
            if (l == null) {
                errors.add(
                        "lines[" + i + "].line",
                        "no line " + (g == null || g.line() == null ? "" : "#" + g.line()) + " on shipment notice "
                                + notice.id());
                continue;
            }
            lines.add(new ReceiptRequest.Line(l.poLine(), null, l.lot(), g.qty(), g.rejectedQty(), g.rejectReason()));
        }
        errors.throwIfAny();
        return lines;
    }

    private ShipmentNoticeView view(long id, PurchaseOrderView po) {
        ShipmentNoticeRepository.Head head = repository.find(id).orElseThrow();
        List<ShipmentNoticeView.Line> lines = repository.lines(id).stream()
                .map(l -> ShipmentNoticeRepository.view(
                        l, orders.line(po, l.poLineNo(), null).item()))
                .toList();
        return new ShipmentNoticeView(
                id,
                po.id(),
                po.number(),
                po.supplier(),
                head.expectedOn(),
                head.status(),
                head.receiptId(),
                head.createdBy(),
                head.createdAt(),
                lines);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
