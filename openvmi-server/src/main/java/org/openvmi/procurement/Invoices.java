package org.openvmi.procurement;

import jakarta.validation.Validator;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.procurement.internal.InvoiceRepository;
import org.openvmi.procurement.internal.PurchaseOrderRepository;
import org.openvmi.procurement.model.MatchStatus;
import org.openvmi.procurement.model.ThreeWayMatch;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularWriter;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier invoices, entered by the supplier in the portal, by a buyer or finance, or imported; each line is matched
 * three ways (PO price, received quantity, invoiced quantity) within the supplier's price and quantity tolerances.
 * Only MATCHED lines count as invoiced, so a corrected invoice can follow a refused one.
 */
@Service
public class Invoices {

    private final InvoiceRepository repository;
    private final PurchaseOrderRepository poRepository;
    private final PurchaseOrders orders;
    private final CatalogRefs refs;
    private final AuditTrail audit;
    private final Clock clock;
    private final Validator validator;

    Invoices(
            InvoiceRepository repository,
            PurchaseOrderRepository poRepository,
            PurchaseOrders orders,
            CatalogRefs refs,
            AuditTrail audit,
            Clock clock,
            Validator validator) {
        this.validator = validator;
        this.repository = repository;
        this.poRepository = poRepository;
        this.orders = orders;
        this.refs = refs;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public InvoiceView create(InvoiceRequest r) {
        RequestValidation.check(validator, r);
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        PartyScope scope = PartyScope.current();
        FieldErrors errors = new FieldErrors();
        String supplier = r.supplier() == null || r.supplier().isBlank()
                ? scope.supplierCode()
                : r.supplier().trim();
        if (supplier == null) {
            errors.add("supplier", CodedRefusal.required());
        } else if (!scope.seesAll() && !supplier.equals(scope.supplierCode())) {
            errors.add("supplier", "you can only enter invoices of your own supplier " + scope.supplierCode());
        }
        if (r.purchaseOrder() == null) {
            errors.add("purchaseOrder", CodedRefusal.required());
        }
        if (r.number() == null || r.number().isBlank()) {
            errors.add("number", CodedRefusal.required());
        }
        if (r.lines() == null || r.lines().isEmpty()) {
            errors.add("lines", "at least one line is required");
        }
        errors.throwIfAny();
        PurchaseOrderView po = orders.get(r.purchaseOrder(), scope);
        if (!po.supplier().equals(supplier)) {
            throw new BusinessRuleException(
                    "purchaseOrder",
                    po.number() + " is an order to supplier " + po.supplier() + ", not to " + supplier);
        }
        long supplierId = poRepository.supplierIdOf(po.id());
        String number = r.number().trim();
        if (repository.exists(supplierId, number)) {
            throw new ConflictException("number", "invoice " + number + " of supplier " + supplier + " exists already");
        }
        List<PurchaseOrderView.Line> poLines = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            InvoiceRequest.Line l = r.lines().get(i);
            String f = "lines[" + i + "]";
            PurchaseOrderView.Line pl = l == null ? null : orders.line(po, l.line(), l.item());
            if (pl == null) {
                errors.add(f + ".item", "no such line on " + po.number());
            } else if (l.qty() == null || l.qty().signum() <= 0) {
                errors.add(f + ".qty", "must be greater than 0");
            } else if (l.price() == null || l.price().signum() < 0) {
                errors.add(f + ".price", l.price() == null ? "is required" : "must not be negative");
            }
            poLines.add(pl);
        }
        errors.throwIfAny();
        List<Long> lockOrder = poLines.stream()
                .map(PurchaseOrderView.Line::id)
                .distinct()
                .sorted()
                .toList();
        lockOrder.forEach(poRepository::lockLine);
        PurchaseOrderView locked = orders.get(po.id(), PartyScope.ALL);
        MatchStatus overall = MatchStatus.MATCHED;
        BigDecimal total = BigDecimal.ZERO;
        List<ThreeWayMatch.Result> results = new ArrayList<>();
        Map<Long, BigDecimal> invoicedHere = new java.util.HashMap<>();
        for (int i = 0; i < r.lines().size(); i++) {
            InvoiceRequest.Line l = r.lines().get(i);
            PurchaseOrderView.Line pl = orders.line(locked, poLines.get(i).lineNo(), null);
            var tol = poRepository.tolerance(
                    supplierId, refs.items(List.of(pl.item())).get(pl.item()).id());
            BigDecimal before = pl.invoicedQty().add(invoicedHere.getOrDefault(pl.id(), BigDecimal.ZERO));
            ThreeWayMatch.Result result = ThreeWayMatch.line(
                    pl.price(), pl.receivedQty(), before, l.qty(), l.price(), tol.pricePct(), tol.qtyPct());
            results.add(result);
            overall = overall.worse(result.status());
            total = total.add(l.qty().multiply(l.price()));
            if (result.status() == MatchStatus.MATCHED) {
                invoicedHere.merge(pl.id(), l.qty(), BigDecimal::add);
            }
        }
        Instant now = clock.instant();
        LocalDate date = r.invoiceDate() == null ? LocalDate.ofInstant(now, clock.getZone()) : r.invoiceDate();
        String user = Actor.current().name();
        long id = repository.insert(supplierId, po.id(), number, date, po.currency(), total, overall.name(), user, now);
        for (int i = 0; i < r.lines().size(); i++) {
            InvoiceRequest.Line l = r.lines().get(i);
            repository.insertLine(
                    id,
                    poLines.get(i).id(),
                    l.qty(),
                    l.price(),
                    results.get(i).status().name(),
                    results.get(i).detail());
        }
        invoicedHere.forEach(poRepository::addInvoiced);
        poRepository.event(po.id(), po.revision(), "INVOICED", user, now, number + ": " + overall.name());
        InvoiceView view = repository.find(id, PartyScope.ALL).orElseThrow();
        audit.record("CREATE", "invoice", supplier + "/" + number, null, view);
        return view;
    }

    /**
     * Imports invoices from a CSV/XLSX file with the columns supplier, purchaseOrder (id or PO-id), number,
     * invoiceDate, line or item, qty, price; consecutive rows with the same supplier and number form one invoice.
     * All or nothing: any refused row refuses the file, naming the row.
     */
    @Transactional
    public List<InvoiceView> importFile(java.io.InputStream in, TabularFormat format) {
        List<org.openvmi.shared.tabular.TabularRow> rows = org.openvmi.shared.tabular.TabularFiles.read(in, format);
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "has no rows");
        }
        Map<String, List<org.openvmi.shared.tabular.TabularRow>> groups = new java.util.LinkedHashMap<>();
        for (var row : rows) {
            groups.computeIfAbsent(row.get("supplier") + "\u0000" + row.get("number"), k -> new ArrayList<>())
                    .add(row);
        }
        FieldErrors errors = new FieldErrors();
        List<InvoiceView> created = new ArrayList<>();
        for (var group : groups.values()) {
            var first = group.get(0);
            String field = "row " + first.rowNumber();
            try {
                String po = first.get("purchaseOrder");
                Long poId = po == null ? null : Long.valueOf(po.replaceFirst("(?i)^PO-", ""));
                String date = first.get("invoiceDate");
                List<InvoiceRequest.Line> lines = new ArrayList<>();
                for (var row : group) {
                    String line = row.get("line");
                    lines.add(new InvoiceRequest.Line(
                            line == null ? null : Integer.valueOf(line),
                            row.get("item"),
                            row.get("qty") == null ? null : new BigDecimal(row.get("qty")),
                            row.get("price") == null ? null : new BigDecimal(row.get("price"))));
                }
                created.add(create(new InvoiceRequest(
                        first.get("supplier"),
                        poId,
                        first.get("number"),
                        date == null ? null : LocalDate.parse(date),
                        lines)));
            } catch (InvalidInputException e) {
                e.errors().forEach(fe -> errors.add(field, fe.field() + ": " + fe.message()));
            } catch (BusinessRuleException | ConflictException | NotFoundException e) {
                errors.add(field, e.getMessage());
            } catch (RuntimeException e) {
                errors.add(field, "unreadable value: " + e.getMessage());
            }
        }
        errors.throwIfAny();
        return created;
    }

    @Transactional(readOnly = true)
    public InvoiceView get(long id) {
        return repository.find(id, PartyScope.current()).orElseThrow(() -> new NotFoundException("Invoice", id));
    }

    @Transactional(readOnly = true)
    public PageResult<InvoiceView> find(
            String status, String supplier, Long purchaseOrder, LocalDate from, LocalDate to, PageRequest page) {
        return repository.find(
                status(status), supplierId(supplier), purchaseOrder, from, to, page, PartyScope.current());
    }

    /** Invoice lines for the finance system (default: MATCHED invoices), one row per line. */
    @Transactional(readOnly = true)
    public void export(
            String status, String supplier, LocalDate from, LocalDate to, TabularFormat format, OutputStream out) {
        String s = status == null || status.isBlank() ? MatchStatus.MATCHED.name() : status(status);
        List<InvoiceView> all = new ArrayList<>();
        PageResult<InvoiceView> page;
        int n = 0;
        do {
            page = repository.find(
                    s, supplierId(supplier), null, from, to, PageRequest.of(n++, 1000), PartyScope.current());
            all.addAll(page.content());
        } while (page.content().size() == 1000);
        all.sort(Comparator.comparing(InvoiceView::id));
        try (TabularWriter w = TabularWriter.open(
                List.of(
                        "supplier",
                        "invoiceNumber",
                        "invoiceDate",
                        "purchaseOrder",
                        "line",
                        "item",
                        "qty",
                        "price",
                        "amount",
                        "currency",
                        "matchStatus"),
                format,
                out)) {
            for (InvoiceView v : all) {
                for (InvoiceView.Line l : v.lines()) {
                    w.row(List.of(
                            v.supplier(),
                            v.number(),
                            v.invoiceDate().toString(),
                            v.poNumber(),
                            l.lineNo(),
                            l.item(),
                            l.qty(),
                            l.price(),
                            l.qty().multiply(l.price()),
                            v.currency(),
                            l.matchStatus()));
                }
            }
        }
    }

    @Transactional(readOnly = true)
    public ReconciliationView reconciliation(String supplier, YearMonth month) {
        if (supplier == null || supplier.isBlank()) {
            throw InvalidInputException.of("supplier", CodedRefusal.required());
        }
        if (month == null) {
            throw InvalidInputException.of("month", "is required (yyyy-MM)");
        }
        PartyScope scope = PartyScope.current();
        Long supplierId = supplierId(supplier);
        if (!scope.sees(supplierId)) {
            throw new NotFoundException("Supplier", supplier);
        }
        List<ReconciliationView.Line> lines = repository.reconciliation(
                supplierId, month.atDay(1), month.plusMonths(1).atDay(1));
        BigDecimal ordered =
                lines.stream().map(ReconciliationView.Line::orderedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal received =
                lines.stream().map(ReconciliationView.Line::receivedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal invoiced =
                lines.stream().map(ReconciliationView.Line::invoicedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String currency = orders.find(null, supplier, null, PageRequest.of(0, 1)).content().stream()
                .map(PurchaseOrderView::currency)
                .findFirst()
                .orElse("CNY");
        // open quantities are priced at each PO line's own price (not the month's average: open lines may be older)
        BigDecimal openReceive = lines.stream()
                .map(ReconciliationView.Line::openToReceiveAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal openInvoice = lines.stream()
                .map(ReconciliationView.Line::openToInvoiceAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ReconciliationView(
                supplier, month, currency, lines, ordered, received, invoiced, openReceive, openInvoice);
    }

    private Long supplierId(String supplier) {
        if (supplier == null || supplier.isBlank()) {
            return null;
        }
        Long id = refs.suppliers(List.of(supplier.trim())).get(supplier.trim());
        if (id == null) {
            throw InvalidInputException.of("supplier", CodedRefusal.unknown("supplier", supplier));
        }
        return id;
    }

    private static String status(String status) {
        return AllowedValues.code("status", status, MatchStatus.class);
    }
}
