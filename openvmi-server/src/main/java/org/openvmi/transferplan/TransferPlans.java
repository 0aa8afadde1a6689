package org.openvmi.transferplan;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.inventory.StockPositions;
import org.openvmi.inventory.TransferRequest;
import org.openvmi.inventory.Transfers;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.NotFoundException;
import org.openvmi.transferplan.internal.PlanInputs;
import org.openvmi.transferplan.internal.PlanRepository;
import org.openvmi.transferplan.model.ItemPlan;
import org.openvmi.transferplan.model.PlanLineKind;
import org.openvmi.transferplan.model.PlanStatus;
import org.openvmi.transferplan.model.Stocking;
import org.openvmi.transferplan.model.TransferOptimiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transfer plans over every warehouse at once (ADR 0056): {@link #create} reads the inputs, solves each item as a
 * minimum-cost flow and stores the plan; {@link #accept} turns its moves into DRAFT transfer orders through inventory's
 * transfer API, once — accepting again (a retry, a second click, a concurrent request) answers with the same plan and
 * creates nothing.
 */
@Service
public class TransferPlans {

    private static final Logger log = LoggerFactory.getLogger(TransferPlans.class);

    static final int DEFAULT_COVER_DAYS = 60;

    private final PlanInputs inputs;
    private final PlanRepository plans;
    private final Transfers transfers;
    private final StockPositions stock;
    private final PlanningCatalog catalog;
    private final TransactionTemplate write;
    private final Clock clock;
    private final TransferOptimiser optimiser = new TransferOptimiser();

    TransferPlans(
            PlanInputs inputs,
            PlanRepository plans,
            Transfers transfers,
            StockPositions stock,
            PlanningCatalog catalog,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.inputs = inputs;
        this.plans = plans;
        this.transfers = transfers;
        this.stock = stock;
        this.catalog = catalog;
        this.write = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public TransferPlanView create(TransferPlanRequest request) {
        long started = System.nanoTime();
        TransferPlanRequest r = request == null ? new TransferPlanRequest(null, null, null) : request;
        FieldErrors errors = new FieldErrors();
        List<Long> warehouseIds = ids("warehouses", r.warehouses(), catalog::warehouseId, "warehouse", errors);
        List<Long> itemIds = ids("items", r.items(), catalog::itemId, "item", errors);
        int cover = r.coverDays() == null ? DEFAULT_COVER_DAYS : r.coverDays();
        if (cover < 1 || cover > 3650) {
            errors.add("coverDays", CodedRefusal.between(1, 3650));
        }
        errors.throwIfAny();
        if (warehouseIds != null && warehouseIds.size() < 2) {
            throw new BusinessRuleException(
                    "warehouses",
                    CodedRefusal.of("transferPlan.twoWarehouses", "a transfer plan needs at least two warehouses"));
        }
        PlanInputs.Inputs in = inputs.read(warehouseIds, itemIds);
        long read = System.nanoTime();
        List<PlanRepository.NewLine> lines = new ArrayList<>();
        Map<Long, BigDecimal[]> cover4 = new HashMap<>();
        BigDecimal transferCost = BigDecimal.ZERO;
        BigDecimal saved = BigDecimal.ZERO;
        List<Map.Entry<Long, List<Stocking>>> items =
                new ArrayList<>(in.byItem().entrySet());
        List<ItemPlan> solved = items.parallelStream()
                .map(e -> optimiser.plan(in.itemTerms(e.getKey()), e.getValue(), in::lane, cover))
                .toList();
        long solve = System.nanoTime();
        for (int i = 0; i < items.size(); i++) {
            for (Stocking s : items.get(i).getValue()) {
                BigDecimal[] c = cover4.computeIfAbsent(s.warehouseId(), k -> zeros());
                c[0] = c[0].add(s.availableNow().max(BigDecimal.ZERO));
                c[1] = c[1].add(s.dailyDemand() == null ? BigDecimal.ZERO : s.dailyDemand());
            }
            var terms = in.itemTerms(items.get(i).getKey());
            for (ItemPlan.Move m : solved.get(i).moves()) {
                lines.add(new PlanRepository.NewLine(
                        PlanLineKind.TRANSFER,
                        m.itemId(),
                        m.fromWarehouseId(),
                        m.toWarehouseId(),
                        m.packs(),
                        terms.packSize(),
                        m.qty(),
                        m.lane().costPerUnit(),
                        m.lane().transitDays(),
                        m.transferCost(),
                        terms.purchasePrice(),
                        m.purchaseCost(),
                        m.need().name(),
                        m.excess().name(),
                        leadTime(terms),
                        null));
                cover4.computeIfAbsent(m.toWarehouseId(), k -> zeros())[2] =
                        cover4.get(m.toWarehouseId())[2].add(m.qty());
                cover4.computeIfAbsent(m.fromWarehouseId(), k -> zeros())[3] =
                        cover4.get(m.fromWarehouseId())[3].add(m.qty());
                transferCost = transferCost.add(m.transferCost());
                if (m.purchaseCost() != null) {
                    saved = saved.add(m.purchaseCost().subtract(m.transferCost()));
                }
            }
            for (ItemPlan.Purchase p : solved.get(i).purchases()) {
                lines.add(new PlanRepository.NewLine(
                        PlanLineKind.PURCHASE,
                        p.itemId(),
                        null,
                        p.warehouseId(),
                        p.packs(),
                        terms.packSize(),
                        p.qty(),
                        null,
                        null,
                        null,
                        terms.purchasePrice(),
                        p.purchaseCost(),
                        p.need().name(),
                        null,
                        leadTime(terms),
                        p.slowLaneDays()));
            }
        }
        List<PlanRepository.NewCover> covers = new ArrayList<>();
        cover4.forEach((w, c) -> covers.add(new PlanRepository.NewCover(w, c[0], c[1], c[2], c[3])));
        long ms = (System.nanoTime() - started) / 1_000_000;
        var header = new PlanRepository.NewPlan(
                join(r.warehouses(), 2000),
                join(r.items(), 4000),
                cover,
                items.size(),
                transferCost,
                saved,
                ms,
                clock.instant(),
                CurrentUser.name());
        long insert = System.nanoTime();
        Long id = write.execute(status -> plans.insert(header, lines, covers));
        long inserted = System.nanoTime();
        TransferPlanView view = get(id);
        log.info(
                "transfer plan {}: {} items, {} lines; read {} ms, solve {} ms, insert {} ms, read back {} ms",
                id,
                items.size(),
                lines.size(),
                (read - started) / 1_000_000,
                (solve - read) / 1_000_000,
                (inserted - insert) / 1_000_000,
                (System.nanoTime() - inserted) / 1_000_000);
        return view;
    }

    @Transactional(readOnly = true)
    public TransferPlanView get(long id) {
        return plans.view(id).orElseThrow(() -> new NotFoundException("Transfer plan", id));
    }

    /** The newest plan, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<TransferPlanView> latest() {
        return plans.latestId().flatMap(plans::view);
    }

    /**
     * Creates the plan's transfer orders (DRAFT, one per source location and destination warehouse, reference
     * {@code TP-<id>}) and marks it ACCEPTED, in one transaction under the plan's row lock; an accepted plan is
     * answered as it is. Each transfer also carries an idempotency key of the plan and its route.
     */
    @Transactional
    public TransferPlanView accept(long id) {
        PlanStatus status = plans.lock(id).orElseThrow(() -> new NotFoundException("Transfer plan", id));
        if (!status.canAccept()) {
            return get(id);
        }
        Map<List<String>, List<PlanRepository.OpenMove>> routes = new LinkedHashMap<>();
        for (PlanRepository.OpenMove m : plans.openMoves(id)) {
            String from = stock.richestLocation(m.itemId(), m.fromWarehouseId());
            if (from == null) {
                from = catalog.storageLocation(m.fromWarehouseId());
            }
            String to = catalog.storageLocation(m.toWarehouseId());
            if (from == null || to == null) {
                throw new BusinessRuleException(
                        "moves",
                        CodedRefusal.of(
                                "transferPlan.noStorage",
                                "warehouse {0} has no storage location to ship from or receive into",
                                from == null ? m.fromWarehouseId() : m.toWarehouseId()));
            }
            routes.computeIfAbsent(List.of(from, to), k -> new ArrayList<>()).add(m);
        }
        routes.forEach((route, moves) -> {
            List<TransferRequest.Line> lines = moves.stream()
                    .map(m -> new TransferRequest.Line(m.itemCode(), "OWN", null, m.qty()))
                    .toList();
            var transfer = transfers.create(
                    new TransferRequest(route.get(0), route.get(1), "TP-" + id, lines),
                    "transfer-plan-" + id + "-" + route.get(0) + "-" + route.get(1));
            plans.linkTransfer(moves.stream().map(PlanRepository.OpenMove::id).toList(), transfer.id());
        });
        plans.accept(id, CurrentUser.name(), clock.instant());
        return get(id);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static List<Long> ids(
            String field,
            List<String> codes,
            java.util.function.Function<String, Long> lookup,
            String kind,
            FieldErrors errors) {
        if (codes == null) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).trim();
            Long id = code.isEmpty() ? null : lookup.apply(code);
            if (code.isEmpty()) {
                errors.add(field + "[" + i + "]", CodedRefusal.required());
            } else if (id == null) {
                errors.add(field + "[" + i + "]", CodedRefusal.unknown(kind, code));
            } else {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String join(List<String> codes, int max) {
        if (codes == null) {
            return null;
        }
        String joined = String.join(",", codes.stream().map(String::trim).toList());
        return joined.length() <= max ? joined : joined.substring(0, joined.lastIndexOf(',', max - 1));
    }

    /** Buying new's lead time, the yardstick for a lane's transit (null when the item cannot be bought). */
    private static Integer leadTime(org.openvmi.transferplan.model.ItemTerms terms) {
        return terms.purchasePrice() == null ? null : terms.leadTimeDays();
    }
}
