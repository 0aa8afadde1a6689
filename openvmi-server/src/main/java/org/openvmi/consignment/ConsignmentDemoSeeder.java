package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: once the demo master data is there and no agreement exists yet, the first demo supplier gets a VMI
 * agreement for three of its items in the first VMI zone, one shipment received, and one consumption — so the
 * consignment pages show something. Runs after start-up (after the demo seeder); never stops the start.
 */
@Component
@ConditionalOnProperty(name = "openvmi.demo-data", havingValue = "true")
class ConsignmentDemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ConsignmentDemoSeeder.class);

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final Shipments shipments;
    private final Consumptions consumptions;
    private final Clock clock;

    ConsignmentDemoSeeder(JdbcClient jdbc, Agreements agreements, Shipments shipments, Consumptions consumptions,
                          Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.shipments = shipments;
        this.consumptions = consumptions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        try {
            if (jdbc.sql("SELECT COUNT(*) FROM vmi_agreement").query(Long.class).single() > 0) {
                return;
            }
            var location = jdbc.sql("SELECT code FROM location WHERE type = 'VMI' ORDER BY code FETCH FIRST 1 ROWS ONLY")
                    .query(String.class).optional();
            record Source(String supplier, String item, BigDecimal price) {
            }
            List<Source> sources = jdbc.sql("""
                    SELECT s.code AS supplier, i.code AS item, si.price FROM supplier_item si
                    JOIN supplier s ON s.id = si.supplier_id JOIN item i ON i.id = si.item_id
                    WHERE s.code = 'S001' AND NOT i.lot_tracked ORDER BY i.code FETCH FIRST 3 ROWS ONLY""")
                    .query((rs, n) -> new Source(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).list();
            if (location.isEmpty() || sources.isEmpty()) {
                return;
            }
            List<AgreementRequest.Line> lines = new ArrayList<>();
            for (Source s : sources) {
                lines.add(new AgreementRequest.Line(s.item(), location.get(), new BigDecimal("200"), new BigDecimal("1000"),
                        s.price(), null, null, null));
            }
            agreements.create(new AgreementRequest("S001", "CNY", null, 48, "MONTHLY", null, "UNTIL_CONSUMED",
                    LocalDate.now(clock).withDayOfYear(1), null, "迟到每小时罚款 10 元；断货每天 200 元", new BigDecimal("10"),
                    new BigDecimal("200"), lines));
            ShipmentView asn = shipments.create(new ShipmentRequest("S001", null, "DEMO-ASN-1",
                    sources.stream().map(s -> new ShipmentRequest.Line(s.item(), new BigDecimal("600"), null, location.get()))
                            .toList()));
            shipments.receive(asn.id(), new ReceiptRequest(sources.stream()
                    .map(s -> new ReceiptRequest.Line(s.item(), new BigDecimal("600"), null)).toList()));
            consumptions.consume(new ConsumptionRequest(sources.get(0).item(), location.get(), new BigDecimal("450"),
                    "WO-DEMO-1"));
            LOG.info("Demo data: VMI agreement of S001 for {} items at {}, ASN-{} received, one consumption",
                    sources.size(), location.get(), asn.id());
        } catch (RuntimeException e) {
            LOG.warn("Demo data: consignment examples not seeded: {}", e.getMessage());
        }
    }
}
