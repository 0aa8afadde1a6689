package org.openvmi.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.consignment.AgreementRequest;
import org.openvmi.consignment.Agreements;
import org.openvmi.consignment.ConsumptionRequest;
import org.openvmi.consignment.Consumptions;
import org.openvmi.consignment.ReceiptRequest;
import org.openvmi.consignment.Settlements;
import org.openvmi.consignment.ShipmentRequest;
import org.openvmi.consignment.ShipmentView;
import org.openvmi.consignment.Shipments;
import org.openvmi.consignment.StatementAnswer;
import org.openvmi.consignment.StatementRequest;
import org.openvmi.consignment.StatementView;
import org.openvmi.demo.model.DemoCatalog;
import org.openvmi.demo.model.PlantYear;
import org.openvmi.demo.model.PlantYear.Pair;
import org.openvmi.shared.ApplicationClock;
import org.springframework.stereotype.Component;

/**
 * The demo plant's consignment through the consignment use cases: S001 holds its VMI items in the VMI zone of every
 * warehouse under one agreement (ownership passes on consumption), ships weekly to each warehouse, the plant consumes
 * weekly; every complete month is settled by a statement, confirmed by the supplier — one disputed. The last shipment
 * is still on its way.
 */
@Component
class DemoConsignment {

    static final String SUPPLIER = "S001";
    private static final BigDecimal TAX_RATE = new BigDecimal("0.13");

    private final Agreements agreements;
    private final Shipments shipments;
    private final Consumptions consumptions;
    private final Settlements settlements;
    private List<Pair> pairs = List.of();
    private int consumed;

    DemoConsignment(Agreements agreements, Shipments shipments, Consumptions consumptions, Settlements settlements) {
        this.agreements = agreements;
        this.shipments = shipments;
        this.consumptions = consumptions;
        this.settlements = settlements;
    }

    static String zone(Pair p) {
        return DemoYear.warehouse(p) + "-VMI-01";
    }

    /** Day 0, 08:00: the agreement; its lines' min and max are a week of demand around the stock target. */
    void start(List<Pair> all, DemoYear.Days days) {
        pairs = all.stream().filter(p -> p.vmi).toList();
        consumed = 0;
        if (pairs.isEmpty()) {
            return;
        }
        List<AgreementRequest.Line> lines = new ArrayList<>();
        for (Pair p : pairs) {
            lines.add(new AgreementRequest.Line(
                    p.item.code(),
                    zone(p),
                    BigDecimal.valueOf(Math.max(0, p.target - p.nextWeek())),
                    BigDecimal.valueOf(p.target + p.nextWeek()),
                    DemoPurchasing.price(p.item),
                    null,
                    null,
                    null));
        }
        ApplicationClock.at(
                days.at(0, 8),
                () -> agreements.create(new AgreementRequest(
                        SUPPLIER,
                        "CNY",
                        null,
                        48,
                        "MONTHLY",
                        null,
                        "UNTIL_CONSUMED",
                        days.date(0),
                        null,
                        "迟到每小时罚款 10 元；断货每天 200 元",
                        new BigDecimal("10"),
                        new BigDecimal("200"),
                        lines)));
        deliver(0, days);
    }

    int consumptions() {
        return consumed;
    }

    /** 12:00 the week's consumption of each VMI item at each warehouse (ownership passes to the plant). */
    void consume(int day, DemoYear.Days days) {
        for (Pair p : pairs) {
            if (p.served[day] > 0) {
                ApplicationClock.at(
                        days.at(day, 12),
                        () -> consumptions.consume(new ConsumptionRequest(
                                p.item.code(),
                                zone(p),
                                BigDecimal.valueOf(p.served[day]),
                                "WO-" + days.date(day) + "-" + p.item.code())));
                consumed++;
            }
        }
    }

    /** One shipment per warehouse, announced at 08:00 and received at 15:00 (day 0: before the first consumption). */
    void deliver(int day, DemoYear.Days days) {
        for (int w = 0; w < DemoCatalog.WAREHOUSES.size(); w++) {
            List<ShipmentRequest.Line> lines = new ArrayList<>();
            List<ReceiptRequest.Line> received = new ArrayList<>();
            for (Pair p : pairs) {
                if (p.warehouse == w && p.delivered[day] > 0) {
                    BigDecimal qty = BigDecimal.valueOf(p.delivered[day]);
                    lines.add(new ShipmentRequest.Line(p.item.code(), qty, null, zone(p)));
                    received.add(new ReceiptRequest.Line(p.item.code(), qty, null));
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            String reference = "ASN-" + DemoCatalog.WAREHOUSES.get(w).code() + "-" + days.date(day);
            int hour = day == 0 ? 9 : 15;
            ShipmentView shipment = ApplicationClock.at(
                    days.at(day, 8),
                    () -> shipments.create(new ShipmentRequest(
                            SUPPLIER,
                            OffsetDateTime.ofInstant(
                                    days.at(day, hour), days.clock().getZone()),
                            reference,
                            lines)));
            ApplicationClock.at(
                    days.at(day, hour), () -> shipments.receive(shipment.id(), new ReceiptRequest(received)));
        }
    }

    /** Yesterday's shipment to the first warehouse is on its way; every complete month gets its statement. */
    int finish(DemoYear.Days days) {
        List<ShipmentRequest.Line> onTheWay = pairs.stream()
                .filter(p -> p.warehouse == 0 && p.nextWeek() > 0)
                .map(p -> new ShipmentRequest.Line(p.item.code(), BigDecimal.valueOf(p.nextWeek()), null, zone(p)))
                .toList();
        if (!onTheWay.isEmpty()) {
            ApplicationClock.at(
                    days.at(PlantYear.LAST, 16),
                    () -> shipments.create(new ShipmentRequest(
                            SUPPLIER,
                            OffsetDateTime.ofInstant(
                                    days.at(PlantYear.DAYS, 15), days.clock().getZone()),
                            "ASN-在途",
                            onTheWay)));
        }
        if (pairs.isEmpty()) {
            return 0;
        }
        LocalDate today = days.date(PlantYear.DAYS);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(days.date(0)); m.atEndOfMonth().isBefore(today); m = m.plusMonths(1)) {
            months.add(m);
        }
        for (int i = 0; i < months.size(); i++) {
            YearMonth m = months.get(i);
            boolean disputed = i == months.size() - 2;
            Instant issued = days.clock().instant().isBefore(at(m.plusMonths(1).atDay(1), 10, days))
                    ? days.clock().instant()
                    : at(m.plusMonths(1).atDay(1), 10, days);
            Instant answered = at(m.plusMonths(1).atDay(1), 10, days).plusSeconds(4 * 24 * 3600L);
            Instant answeredAt = answered.isAfter(days.clock().instant()) ? issued.plusSeconds(3600) : answered;
            StatementView statement = ApplicationClock.at(issued, () -> {
                StatementView s =
                        settlements.generate(new StatementRequest(SUPPLIER, m.atDay(1), m.atEndOfMonth(), TAX_RATE));
                return settlements.issue(s.id());
            });
            ApplicationClock.at(
                    answeredAt,
                    () -> disputed
                            ? settlements.dispute(statement.id(), new StatementAnswer("第 2 行数量与我方发货记录不符，请核对", null))
                            : settlements.confirm(statement.id(), new StatementAnswer("已核对无误", null)));
        }
        return months.size();
    }

    private static Instant at(LocalDate date, int hour, DemoYear.Days days) {
        return date.atTime(hour, 0).atZone(days.clock().getZone()).toInstant();
    }
}
