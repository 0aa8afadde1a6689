package org.openvmi.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.demo.model.DemoCatalog;
import org.openvmi.demo.model.DemoCatalog.ItemSpec;
import org.openvmi.demo.model.PlantYear;
import org.openvmi.demo.model.PlantYear.Pair;
import org.openvmi.procurement.ConfirmationRequest;
import org.openvmi.procurement.PurchaseOrderRequest;
import org.openvmi.procurement.PurchaseOrderView;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.procurement.ReceiptRequest;
import org.openvmi.procurement.Receipts;
import org.openvmi.procurement.RequisitionRequest;
import org.openvmi.procurement.RequisitionView;
import org.openvmi.procurement.Requisitions;
import org.openvmi.procurement.ShipmentNoticeRequest;
import org.openvmi.procurement.ShipmentNotices;
import org.openvmi.shared.ApplicationClock;
import org.springframework.stereotype.Component;

/**
 * The demo plant's purchasing through procurement's use cases: in the last four weeks every weekly delivery of a
 * supplier to a warehouse is one purchase order (ordered a lead time before, confirmed the next day, received on the
 * day). At the end there are orders in every status: received, confirmed and sent for the coming weeks, one with a
 * change proposed, two with shipment notices, one cancelled, one overdue (its delivery did not come yesterday) and
 * one partially received (three lines missing) — the stock of those lines really is low — plus requisitions awaiting
 * approval and a draft.
 */
@Component
class DemoPurchasing {

    /** First delivery day received through a purchase order (the last four weekly deliveries). */
    static final int PO_FROM = PlantYear.LAST - 3 * PlantYear.WEEK;

    private static final int PARTIAL_MISSING_LINES = 3;

    private enum Kind {
        RECEIVED,
        OVERDUE,
        PARTIAL,
        SENT,
        CONFIRMED,
        CHANGE_PROPOSED,
        NOTICE,
        CANCELLED
    }

    private static final class Order {
        final String supplier;
        final String warehouse;
        final int orderDay;
        final int deliveryDay;
        final List<Pair> pairs = new ArrayList<>();
        final List<Long> qty = new ArrayList<>();
        Kind kind;
        PurchaseOrderView view;

        Order(String supplier, String warehouse, int orderDay, int deliveryDay, Kind kind) {
            this.supplier = supplier;
            this.warehouse = warehouse;
            this.orderDay = orderDay;
            this.deliveryDay = deliveryDay;
            this.kind = kind;
        }

        void add(Pair p, long q) {
            if (q > 0) {
                pairs.add(p);
                qty.add(q);
            }
        }
    }

    private final PurchaseOrders orders;
    private final Receipts receipts;
    private final ShipmentNotices notices;
    private final Requisitions requisitions;
    private final List<Order> planned = new ArrayList<>();
    private Map<String, List<Pair>> groups = Map.of();
    private String overdueGroup;
    private String partialGroup;

    DemoPurchasing(PurchaseOrders orders, Receipts receipts, ShipmentNotices notices, Requisitions requisitions) {
        this.orders = orders;
        this.receipts = receipts;
        this.notices = notices;
        this.requisitions = requisitions;
    }

    /** Source-list price of the primary source (what a receipt of own stock is valued at). */
    static BigDecimal price(ItemSpec item) {
        return item.unitCost()
                .multiply(new BigDecimal("0.92"))
                .setScale(2, RoundingMode.HALF_UP)
                .max(new BigDecimal("0.01"));
    }

    /**
     * Chooses, before the year is played, the deliveries that do not come yesterday: all of the smallest supplier ×
     * warehouse group with at least three items (overdue order), and three lines of the next one (partial receipt).
     */
    void markMissingDeliveries(List<Pair> pairs) {
        groups = new LinkedHashMap<>();
        for (Pair p : pairs) {
            if (!p.vmi) {
                groups.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
            }
        }
        List<String> bySize = groups.keySet().stream()
                .filter(k -> groups.get(k).size() >= 3)
                .sorted(Comparator.comparingInt((String k) -> groups.get(k).size())
                        .thenComparing(k -> k))
                .toList();
        overdueGroup = bySize.get(0);
        partialGroup = bySize.get(bySize.size() / 2);
        groups.get(overdueGroup).forEach(p -> p.lastDeliveryMissing = true);
        groups.get(partialGroup).stream().limit(PARTIAL_MISSING_LINES).forEach(p -> p.lastDeliveryMissing = true);
    }

    /** The orders of the last four weeks and of the coming two, from the played year. */
    void plan(List<Pair> pairs) {
        planned.clear();
        int confirmedOpen = 0;
        for (Map.Entry<String, List<Pair>> group : groups.entrySet()) {
            Pair first = group.getValue().get(0);
            String supplier = supplier(first);
            String warehouse = DemoYear.warehouse(first);
            int lead = first.leadDays;
            for (int day = PO_FROM; day <= PlantYear.LAST; day += PlantYear.WEEK) {
                Kind kind = day < PlantYear.LAST
                        ? Kind.RECEIVED
                        : group.getKey().equals(overdueGroup)
                                ? Kind.OVERDUE
                                : group.getKey().equals(partialGroup) ? Kind.PARTIAL : Kind.RECEIVED;
                Order o = new Order(supplier, warehouse, day - lead, day, kind);
                for (Pair p : group.getValue()) {
                    boolean missing = day == PlantYear.LAST && p.lastDeliveryMissing;
                    // yesterday's delivery is aimed at the planner's lines only once the order is out: order ample
                    // (three times the estimated target: an order capped near the estimate left ~30 item × warehouses
                    // below the lines the planner set) and receive what is needed (the rest is closed short)
                    o.add(
                            p,
                            missing
                                    ? Math.max(p.target - p.onHand, p.nextWeek())
                                    : day == PlantYear.LAST
                                            ? Math.max(
                                                    Math.round(Math.ceil(p.delivered[day] * 1.5)) + 2,
                                                    3 * p.target + p.nextWeek())
                                            : p.delivered[day]);
                }
                add(o);
            }
            for (int day = PlantYear.LAST + PlantYear.WEEK; day - lead <= PlantYear.LAST; day += PlantYear.WEEK) {
                Kind kind = Kind.SENT;
                if (day - lead < PlantYear.LAST) {
                    kind = switch (confirmedOpen++) {
                        case 0 -> Kind.CHANGE_PROPOSED;
                        case 1, 2 -> Kind.NOTICE;
                        default -> Kind.CONFIRMED;
                    };
                }
                Order o = new Order(supplier, warehouse, day - lead, day, kind);
                group.getValue().forEach(p -> o.add(p, p.nextWeek()));
                add(o);
            }
        }
        Pair any = groups.values().iterator().next().get(0);
        Order cancelled = new Order(supplier(any), DemoYear.warehouse(any), PO_FROM + 2, PO_FROM + 16, Kind.CANCELLED);
        cancelled.add(any, Math.max(1, any.nextWeek()));
        add(cancelled);
    }

    private void add(Order o) {
        if (!o.pairs.isEmpty()) {
            planned.add(o);
        }
    }

    int orders() {
        return (int) planned.stream().filter(o -> o.view != null).count();
    }

    /** 09:00 the day's orders go out; 09:30 the supplier confirms yesterday's (or proposes a later date). */
    void beforeDemand(int day, DemoYear.Days days) {
        for (Order o : planned) {
            if (o.orderDay == day) {
                o.view = ApplicationClock.at(
                        days.at(day, 9), () -> orders.create(request(o, days)).get(0));
                if (o.kind == Kind.CANCELLED) {
                    o.view = ApplicationClock.at(days.at(day, 11), () -> orders.close(o.view.id(), "重复下单，取消"));
                }
            }
            if (o.orderDay == day - 1 && o.view != null && o.kind != Kind.SENT && o.kind != Kind.CANCELLED) {
                o.view = ApplicationClock.at(
                        days.at(day, 9).plusSeconds(1800),
                        () -> orders.confirm(
                                o.view.id(),
                                new ConfirmationRequest(
                                        o.kind == Kind.CHANGE_PROPOSED
                                                ? List.of(new ConfirmationRequest.Line(
                                                        1, null, null, days.date(o.deliveryDay + 3)))
                                                : List.of(),
                                        "按期交货")));
            }
        }
    }

    /** 15:00 the deliveries of the day are received in full (the partial one without its missing lines). */
    void deliver(int day, DemoYear.Days days) {
        for (Order o : planned) {
            if (o.deliveryDay != day || o.view == null || (o.kind != Kind.RECEIVED && o.kind != Kind.PARTIAL)) {
                continue;
            }
            List<ReceiptRequest.Line> lines = new ArrayList<>();
            boolean short_ = false;
            for (int i = 0; i < o.pairs.size(); i++) {
                Pair p = o.pairs.get(i);
                if (day == PlantYear.LAST && p.lastDeliveryMissing) {
                    continue;
                }
                long qty = Math.min(p.delivered[day], o.qty.get(i));
                short_ |= qty < o.qty.get(i);
                if (qty > 0) {
                    lines.add(new ReceiptRequest.Line(i + 1, null, null, BigDecimal.valueOf(qty), null, null));
                }
            }
            receiveByBin(o, lines, days, day);
            if (short_ && o.kind == Kind.RECEIVED) {
                o.view = ApplicationClock.at(days.at(day, 16), () -> orders.close(o.view.id(), "按实际需求收货，余量取消"));
            }
        }
    }

    /** A receipt goes to one location: the lines of each storage bin are received together. */
    private void receiveByBin(Order o, List<ReceiptRequest.Line> lines, DemoYear.Days days, int day) {
        Map<String, List<ReceiptRequest.Line>> byBin = new LinkedHashMap<>();
        for (ReceiptRequest.Line l : lines) {
            byBin.computeIfAbsent(DemoYear.bin(o.pairs.get(l.line() - 1)), k -> new ArrayList<>())
                    .add(l);
        }
        LocalDate on = days.date(day);
        byBin.forEach((bin, ofBin) -> ApplicationClock.at(
                days.at(day, 15), () -> receipts.receive(new ReceiptRequest(o.view.id(), bin, on, ofBin))));
    }

    /** Yesterday 16:00: two suppliers send shipment notices; today: requisitions awaiting approval and a draft. */
    void finish(DemoYear.Days days) {
        for (Order o : planned) {
            if (o.kind == Kind.NOTICE && o.view != null) {
                List<ShipmentNoticeRequest.Line> lines = new ArrayList<>();
                for (int i = 0; i < o.pairs.size(); i++) {
                    lines.add(new ShipmentNoticeRequest.Line(i + 1, BigDecimal.valueOf(o.qty.get(i)), null));
                }
                ApplicationClock.at(
                        days.at(PlantYear.LAST, 16),
                        () -> notices.create(o.view.id(), new ShipmentNoticeRequest(days.date(o.deliveryDay), lines)));
            }
        }
        List<Pair> candidates = groups.values().stream()
                .flatMap(List::stream)
                .filter(p -> p.nextWeek() > 0)
                .toList();
        LocalDate today = days.date(PlantYear.DAYS);
        for (int r = 0; r < 4; r++) {
            List<RequisitionRequest.Line> lines = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                Pair p = candidates.get((r * 37 + k * 11) % candidates.size());
                lines.add(new RequisitionRequest.Line(
                        p.item.code(), BigDecimal.valueOf(p.nextWeek() * 2), today.plusDays(14 + r)));
            }
            String warehouse = DemoCatalog.WAREHOUSES
                    .get(r % DemoCatalog.WAREHOUSES.size())
                    .code();
            RequisitionView created = requisitions.create(new RequisitionRequest(
                    warehouse,
                    r == 0,
                    r == 0 ? "产线扩产备料" : "月度备料",
                    null,
                    lines.stream().filter(distinctItems()).toList()));
            if (r < 3) {
                requisitions.submit(created.id());
            }
        }
    }

    private static java.util.function.Predicate<RequisitionRequest.Line> distinctItems() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return l -> seen.add(l.item());
    }

    private PurchaseOrderRequest request(Order o, DemoYear.Days days) {
        List<PurchaseOrderRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < o.pairs.size(); i++) {
            lines.add(new PurchaseOrderRequest.Line(
                    o.pairs.get(i).item.code(), BigDecimal.valueOf(o.qty.get(i)), days.date(o.deliveryDay)));
        }
        return new PurchaseOrderRequest(null, o.supplier, o.warehouse, lines);
    }

    private static String key(Pair p) {
        return supplier(p) + "/" + DemoYear.warehouse(p);
    }

    private static String supplier(Pair p) {
        return DemoCatalog.SUPPLIERS.get(p.item.primarySupplier()).code();
    }
}
