package org.openvmi.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.openvmi.security.Role;
import org.openvmi.testsupport.ContractFixture;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Master data and request helpers of the consignment tests ({@link ContractFixture}: the users, clock, JSON). */
abstract class VmiTestSupport extends ContractFixture {

    VmiTestData data;

    @BeforeEach
    void setUpVmi() {
        data = new VmiTestData(items, warehouses, suppliers);
    }

    // ---- helpers

    static String line(String item, String min, String max, String price, String safety) {
        return "{\"item\":\"%s\",\"location\":\"%%VMI%%\",\"min\":%s,\"max\":%s,\"price\":\"%s\"%s}"
                .formatted(item, min, max, price, safety == null ? "" : ",\"safety\":" + safety);
    }

    String agreementBody(String supplier, String mode, String lines) {
        return ("{\"supplier\":\"%s\",\"currency\":\"CNY\",\"replenishWithinHours\":48,\"settlementCycle\":\"MONTHLY\","
                        + "\"ownershipMode\":\"%s\",\"validFrom\":\"2026-01-01\",\"penaltyTerms\":\"迟到每小时罚款\","
                        + "\"penaltyPerLateHour\":\"10.00\",\"lines\":[%s]}")
                .formatted(supplier, mode, lines.replace("%VMI%", data.vmi));
    }

    long agreement(String supplier, String mode, String lines) throws Exception {
        return body(postJson("/api/v1/vmi/agreements", as(Role.BUYER), agreementBody(supplier, mode, lines))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    String asnLine(String item, String qty, String lot) {
        return "{\"item\":\"%s\",\"qty\":%s,\"lot\":%s,\"location\":\"%s\"}"
                .formatted(item, qty, lot == null ? "null" : "\"" + lot + "\"", data.vmi);
    }

    long asn(RequestPostProcessor who, String supplier, String lines) throws Exception {
        String body = "{" + (supplier == null ? "" : "\"supplier\":\"" + supplier + "\",")
                + "\"expectedAt\":\"2026-11-25T10:00:00+08:00\",\"lines\":[" + lines + "]}";
        return body(postJson("/api/v1/shipments", who, body).andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    void receiveAll(long asn, String item, String qty) throws Exception {
        postJson(
                        "/api/v1/shipments/" + asn + "/receive",
                        as(Role.WAREHOUSE),
                        "{\"lines\":[{\"item\":\"" + item + "\",\"qty\":" + qty + "}]}")
                .andExpect(status().isOk());
    }

    ResultActions consume(String item, String qty) throws Exception {
        return postJson(
                "/api/v1/vmi/consumptions",
                as(Role.WAREHOUSE),
                "{\"item\":\"" + item + "\",\"location\":\"" + data.vmi + "\",\"qty\":" + qty
                        + ",\"reference\":\"WO-T\"}");
    }

    /** Each statement a test makes is of a period of its own (one supplier and period make one statement). */
    private static final java.util.concurrent.atomic.AtomicInteger PERIODS =
            new java.util.concurrent.atomic.AtomicInteger();

    long statement(String supplier) throws Exception {
        return body(makeStatement(supplier).andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    /** The statement of the open lines up to the end of this month, from a day before all earlier ones'. */
    ResultActions makeStatement(String supplier) throws Exception {
        LocalDate today = LocalDate.now(clock);
        return postJson(
                "/api/v1/settlements",
                as(Role.FINANCE),
                "{\"supplier\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}"
                        .formatted(supplier, periodStart(), today.withDayOfMonth(today.lengthOfMonth())));
    }

    /** The start of a period no other statement of these tests has: a day before the month's start, then two… */
    LocalDate periodStart() {
        return LocalDate.now(clock).withDayOfMonth(1).minusDays(PERIODS.incrementAndGet());
    }

    /** Puts every open line of the supplier (from other tests) on a statement of its own; none open is refused (0.00). */
    void flushOpenLines(String supplier) throws Exception {
        int status = makeStatement(supplier).andReturn().getResponse().getStatus();
        assertThat(status).isIn(201, 422);
    }

    BigDecimal onHand(String item, String location, String owner) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(b.on_hand), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id
                JOIN location l ON l.id = b.location_id WHERE i.code = :i AND l.code = :l AND b.owner = :o""")
                .param("i", item)
                .param("l", location)
                .param("o", owner)
                .query(BigDecimal.class)
                .single();
    }

    BigDecimal settledQty(String supplier) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(sl.qty), 0) FROM vmi_settlement_line sl JOIN supplier s ON s.id = sl.supplier_id
                WHERE s.code = :s""").param("s", supplier).query(BigDecimal.class).single();
    }

    /** Σ settlement quantity = Σ quantity that left the supplier's ownership, per supplier and day. */
    void assertInvariant(String supplier) {
        BigDecimal transferred =
                jdbc.sql("""
                SELECT COALESCE(-SUM(qty), 0) FROM stock_movement WHERE type = 'OWNERSHIP_TRANSFER' AND owner = :s""").param("s", supplier).query(BigDecimal.class).single();
        assertThat(settledQty(supplier)).isEqualByComparingTo(transferred);
    }
}
