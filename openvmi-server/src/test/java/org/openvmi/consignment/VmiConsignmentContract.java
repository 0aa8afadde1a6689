package org.openvmi.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** VMI consignment through the REST API, told as the stories, on H2 and PostgreSQL. */
abstract class VmiConsignmentContract extends VmiTestSupport {

    // ---- the stories

    @Test
    void until_consumed_agreement_to_asn_to_receipt_to_consumption_to_a_confirmed_and_closed_statement()
            throws Exception {
        flushOpenLines(Fixtures.SUPPLIER_A);
        // Use case 1: the buyer agrees with the supplier on min 100, max 400 at 2.95 CNY
        long agreement = agreement(Fixtures.SUPPLIER_A, "UNTIL_CONSUMED", line(data.item, "100", "400", "2.95", null));
        mvc.perform(get("/api/v1/vmi/agreements/" + agreement).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.lines[0].packSize").value(50))
                .andExpect(jsonPath("$.lines[0].moq").value(100));

        // Use case 2: the supplier ships 300 (an ASN, in transit) and the warehouse receives 298 of them
        long asn = asn(asUser(Fixtures.SUPPLIER_USER_A), null, asnLine(data.item, "300", "L2311"));
        mvc.perform(get("/api/v1/shipments/" + asn).with(as(Role.WAREHOUSE)))
                .andExpect(jsonPath("$.status").value("IN_TRANSIT"))
                .andExpect(jsonPath("$.lines[0].shipped").value(300));
        postJson(
                        "/api/v1/shipments/" + asn + "/receive",
                        as(Role.WAREHOUSE),
                        "{\"lines\":[{\"item\":\"" + data.item + "\",\"qty\":298,\"lot\":\"L2311\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PARTIALLY_RECEIVED"))
                .andExpect(jsonPath("$.lines[0].received").value(298))
                .andExpect(jsonPath("$.lines[0].difference").value(2));
        assertThat(onHand(data.item, data.vmi, Fixtures.SUPPLIER_A)).isEqualByComparingTo("298");
        assertThat(onHand(data.item, data.vmi, "OWN")).isZero();

        // Use case 3: production consumes 12: ownership passes and one settlement line of 12 × 2.95 appears
        postJson(
                        "/api/v1/vmi/consumptions",
                        as(Role.WAREHOUSE),
                        "{\"item\":\"" + data.item + "\",\"location\":\"" + data.vmi
                                + "\",\"qty\":12,\"reference\":\"WO-1002\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.picks[0].owner").value(Fixtures.SUPPLIER_A))
                .andExpect(jsonPath("$.picks[0].lot").value("L2311"))
                .andExpect(jsonPath("$.settled[0].qty").value(12))
                .andExpect(jsonPath("$.settled[0].amount").value(35.40))
                .andExpect(jsonPath("$.settled[0].agreementVersion").value(1));
        assertThat(onHand(data.item, data.vmi, Fixtures.SUPPLIER_A)).isEqualByComparingTo("286");
        assertThat(onHand(data.item, data.vmi, "OWN")).isZero();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM stock_movement WHERE type = 'OWNERSHIP_TRANSFER' AND reference = 'WO-1002'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertInvariant(Fixtures.SUPPLIER_A);

        // Use case 4: finance makes the statement of the period, issues it; the supplier confirms; finance closes
        long statement = statement(Fixtures.SUPPLIER_A);
        mvc.perform(get("/api/v1/settlements/" + statement).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.total").value(35.40))
                .andExpect(jsonPath("$.currency").value("CNY"))
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.items[0].itemName").value(data.itemName));
        postJson("/api/v1/settlements/" + statement + "/confirm", asUser(Fixtures.SUPPLIER_USER_A), "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("DRAFT")));
        postJson("/api/v1/settlements/" + statement + "/issue", as(Role.FINANCE), "")
                .andExpect(jsonPath("$.status").value("ISSUED"));
        postJson(
                        "/api/v1/settlements/" + statement + "/confirm",
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "{\"comment\":\"无误 agreed\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.answeredBy").value(Fixtures.SUPPLIER_USER_A));
        postJson("/api/v1/settlements/" + statement + "/close", as(Role.FINANCE), "")
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.total").value(35.40));

        // the statement opens as a workbook with the Chinese item name intact
        byte[] xlsx = mvc.perform(get("/api/v1/settlements/" + statement + "/export")
                        .param("format", "xlsx")
                        .with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> texts = new ArrayList<>();
            for (Row row : sheet) {
                row.forEach(c -> texts.add(c.toString()));
            }
            assertThat(texts).contains(data.itemName, "寄售对账单 Consignment settlement statement", "35.4");
        }
        mvc.perform(get("/api/v1/stock/reconcile").with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void on_receipt_ownership_passes_at_the_receipt_and_consumption_settles_nothing_more() throws Exception {
        agreement(data.supplier, "ON_RECEIPT", line(data.item, "10", "100", "4.00", null));
        long asn = asn(as(Role.BUYER), data.supplier, asnLine(data.item, "60", null));
        postJson(
                        "/api/v1/shipments/" + asn + "/receive",
                        as(Role.WAREHOUSE),
                        "{\"lines\":[{\"item\":\"" + data.item + "\",\"qty\":60}]}")
                .andExpect(jsonPath("$.status").value("RECEIVED"));
        assertThat(onHand(data.item, data.vmi, "OWN")).isEqualByComparingTo("60");
        assertThat(onHand(data.item, data.vmi, data.supplier)).isZero();
        consume(data.item, "25")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.settled.length()").value(0));
        assertThat(onHand(data.item, data.vmi, "OWN")).isEqualByComparingTo("35");
        assertInvariant(data.supplier);
        long statement = statement(data.supplier);
        mvc.perform(get("/api/v1/settlements/" + statement).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.total").value(240.00))
                .andExpect(jsonPath("$.lines[0].kind").value("RECEIPT"))
                .andExpect(jsonPath("$.lines[0].qty").value(60));
    }

    @Test
    void staged_stock_below_the_safety_line_is_the_buyers_and_the_supplier_part_above_is_consumed_first()
            throws Exception {
        agreement(data.supplier, "STAGED", line(data.item, "30", "200", "1.50", "20"));
        long asn = asn(as(Role.BUYER), data.supplier, asnLine(data.item, "100", null));
        postJson(
                        "/api/v1/shipments/" + asn + "/receive",
                        as(Role.WAREHOUSE),
                        "{\"lines\":[{\"item\":\"" + data.item + "\",\"qty\":100}]}")
                .andExpect(status().isOk());
        assertThat(onHand(data.item, data.vmi, "OWN")).isEqualByComparingTo("20");
        assertThat(onHand(data.item, data.vmi, data.supplier)).isEqualByComparingTo("80");

        consume(data.item, "70")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.picks[0].owner").value(data.supplier))
                .andExpect(jsonPath("$.settled[0].qty").value(70));
        assertThat(onHand(data.item, data.vmi, "OWN")).isEqualByComparingTo("20");
        assertThat(onHand(data.item, data.vmi, data.supplier)).isEqualByComparingTo("10");

        consume(data.item, "15").andExpect(status().isCreated());
        assertThat(onHand(data.item, data.vmi, "OWN")).isEqualByComparingTo("15");
        assertThat(onHand(data.item, data.vmi, data.supplier)).isZero();
        assertInvariant(data.supplier);
        long statement = statement(data.supplier);
        mvc.perform(get("/api/v1/settlements/" + statement).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.total").value(150.00))
                .andExpect(jsonPath("$.items[0].qty").value(100));
    }

    @Test
    void a_price_change_mid_period_settles_earlier_lines_at_the_old_price_and_later_ones_at_the_new() throws Exception {
        long agreement = agreement(data.supplier, "UNTIL_CONSUMED", line(data.item, "10", "100", "2.95", null));
        receiveAll(asn(as(Role.BUYER), data.supplier, asnLine(data.item, "50", null)), data.item, "50");
        consume(data.item, "10").andExpect(jsonPath("$.settled[0].price").value(2.95));
        clock.advance(Duration.ofMinutes(5));
        mvc.perform(put("/api/v1/vmi/agreements/" + agreement)
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(agreementBody(
                                data.supplier, "UNTIL_CONSUMED", line(data.item, "10", "100", "3.10", null))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        clock.advance(Duration.ofMinutes(5));
        consume(data.item, "5")
                .andExpect(jsonPath("$.settled[0].price").value(3.10))
                .andExpect(jsonPath("$.settled[0].agreementVersion").value(2));
        mvc.perform(get("/api/v1/vmi/agreements/" + agreement)
                        .param("version", "1")
                        .with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.lines[0].price").value(2.95));
        long statement = statement(data.supplier);
        mvc.perform(get("/api/v1/settlements/" + statement).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.total").value(45.00))
                .andExpect(jsonPath("$.lines[0].amount").value(29.50))
                .andExpect(jsonPath("$.lines[1].amount").value(15.50));
    }

    @Test
    void bad_input_is_refused_with_a_clear_error_and_changes_nothing() throws Exception {
        // max < min
        postJson(
                        "/api/v1/vmi/agreements",
                        as(Role.BUYER),
                        agreementBody(data.supplier, "UNTIL_CONSUMED", line(data.item, "100", "50", "2.95", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].max"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM vmi_agreement a JOIN supplier s ON s.id = a.supplier_id WHERE s.code = :s")
                        .param("s", data.supplier)
                        .query(Long.class)
                        .single())
                .isZero();

        agreement(data.supplier, "UNTIL_CONSUMED", line(data.item, "10", "100", "2.00", null));
        long asn = asn(as(Role.BUYER), data.supplier, asnLine(data.item, "40", null));
        // an ASN line that does not exist
        postJson(
                        "/api/v1/shipments/" + asn + "/receive",
                        as(Role.WAREHOUSE),
                        "{\"lines\":[{\"item\":\"" + data.item + "\",\"qty\":10},{\"item\":\"" + data.lotItem
                                + "\",\"qty\":1,\"lot\":\"X\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].item"));
        assertThat(onHand(data.item, data.vmi, data.supplier)).isZero();
        mvc.perform(get("/api/v1/shipments/" + asn).with(as(Role.WAREHOUSE)))
                .andExpect(jsonPath("$.status").value("IN_TRANSIT"));
        // more than shipped
        postJson(
                        "/api/v1/shipments/" + asn + "/receive",
                        as(Role.WAREHOUSE),
                        "{\"lines\":[{\"item\":\"" + data.item + "\",\"qty\":41}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"));

        receiveAll(asn, data.item, "40");
        // consuming more than available
        consume(data.item, "41")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("qty"))
                .andExpect(jsonPath("$.detail", containsString("available 40, requested 41")));
        assertThat(onHand(data.item, data.vmi, data.supplier)).isEqualByComparingTo("40");
        assertThat(settledQty(data.supplier)).isZero();

        // confirming someone else's statement: 404 for the other supplier, and it stays ISSUED (an empty statement
        // is refused, so something is consumed first)
        consume(data.item, "1").andExpect(status().isCreated());
        long statement = statement(data.supplier);
        postJson("/api/v1/settlements/" + statement + "/issue", as(Role.FINANCE), "")
                .andExpect(status().isOk());
        postJson("/api/v1/settlements/" + statement + "/confirm", asUser(Fixtures.SUPPLIER_USER_B), "{}")
                .andExpect(status().isNotFound());
        postJson("/api/v1/settlements/" + statement + "/confirm", as(Role.FINANCE), "{}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/settlements/" + statement).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.status").value("ISSUED"));
    }

    @Test
    void a_supplier_sees_and_answers_only_its_own_agreements_shipments_and_statements() throws Exception {
        long agreementA = agreement(Fixtures.SUPPLIER_A, "UNTIL_CONSUMED", line(data.item, "10", "100", "2.00", null));
        long asnA = asn(asUser(Fixtures.SUPPLIER_USER_A), null, asnLine(data.item, "5", null));
        receiveAll(asnA, data.item, "5");
        consume(data.item, "1").andExpect(status().isCreated()); // an empty statement is refused
        long statementA = statement(Fixtures.SUPPLIER_A);
        mvc.perform(get("/api/v1/vmi/agreements/" + agreementA).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/shipments/" + asnA).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/settlements/" + statementA).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        String agreementsOfB = mvc.perform(
                        get("/api/v1/vmi/agreements").param("size", "1000").with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (JsonNode a : json.readTree(agreementsOfB).get("content")) {
            assertThat(a.get("supplier").asString()).isEqualTo(Fixtures.SUPPLIER_B);
        }
        // a supplier cannot ship in another supplier's name
        postJson(
                        "/api/v1/shipments",
                        asUser(Fixtures.SUPPLIER_USER_B),
                        "{\"supplier\":\"" + Fixtures.SUPPLIER_A + "\",\"lines\":[" + asnLine(data.item, "5", null)
                                + "]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supplier"));
        mvc.perform(get("/api/v1/settlements/" + statementA).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk());
    }

    @Test
    void settlement_quantities_equal_ownership_transfers_under_concurrent_consumption() throws Exception {
        agreement(data.supplier, "UNTIL_CONSUMED", line(data.item, "10", "500", "1.25", null));
        receiveAll(asn(as(Role.BUYER), data.supplier, asnLine(data.item, "100", "A")), data.item, "100");
        receiveAll(asn(as(Role.BUYER), data.supplier, asnLine(data.item, "100", "B")), data.item, "100");
        int threads = 6;
        int each = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await();
                int ok = 0;
                for (int i = 0; i < each; i++) {
                    int status =
                            consume(data.item, "3").andReturn().getResponse().getStatus();
                    assertThat(status).isIn(201, 409);
                    ok += status == 201 ? 1 : 0;
                }
                return ok;
            }));
        }
        start.countDown();
        int consumed = 0;
        for (Future<Integer> f : results) {
            consumed += f.get();
        }
        pool.shutdown();
        // 72 requests of 3 against 200: 66 fit
        assertThat(consumed).isEqualTo(66);
        assertThat(onHand(data.item, data.vmi, data.supplier)).isEqualByComparingTo("2");
        assertThat(settledQty(data.supplier)).isEqualByComparingTo("198");
        assertInvariant(data.supplier);
        long statement = statement(data.supplier);
        mvc.perform(get("/api/v1/settlements/" + statement).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.total").value(247.50));
        mvc.perform(get("/api/v1/stock/reconcile").with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void
            below_min_the_to_ship_board_suggests_up_to_max_in_packs_the_asn_comes_in_one_call_and_the_sla_counts_late_hours()
                    throws Exception {
        agreement(data.supplier, "UNTIL_CONSUMED", line(data.item, "100", "400", "2.95", null));
        receiveAll(asn(as(Role.BUYER), data.supplier, asnLine(data.item, "120", null)), data.item, "120");
        mvc.perform(get("/api/v1/vmi/to-ship").param("supplier", data.supplier).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.length()").value(0));

        consume(data.item, "30").andExpect(status().isCreated());
        mvc.perform(get("/api/v1/vmi/to-ship").param("supplier", data.supplier).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].onHand").value(90))
                .andExpect(jsonPath("$[0].consignedOnHand").value(90))
                .andExpect(jsonPath("$[0].consignedValue").value(265.50))
                .andExpect(jsonPath("$[0].suggestedQty").value(350))
                .andExpect(jsonPath("$[0].belowMinSince").isNotEmpty())
                .andExpect(jsonPath("$[0].overdue").value(false));

        long asn = body(postJson(
                                "/api/v1/shipments/suggested",
                                as(Role.BUYER),
                                "{\"item\":\"" + data.item + "\",\"location\":\"" + data.vmi + "\",\"supplier\":\""
                                        + data.supplier + "\"}")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.lines[0].shipped").value(350)))
                .get("id")
                .asLong();
        mvc.perform(get("/api/v1/vmi/to-ship").param("supplier", data.supplier).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.length()").value(0));
        postJson(
                        "/api/v1/shipments/suggested",
                        as(Role.BUYER),
                        "{\"item\":\"" + data.item + "\",\"location\":\"" + data.vmi + "\",\"supplier\":\""
                                + data.supplier + "\"}")
                .andExpect(status().isUnprocessableContent());

        clock.advance(Duration.ofHours(50));
        mvc.perform(get("/api/v1/vmi/sla").with(as(Role.BUYER)))
                .andExpect(jsonPath("$[?(@.supplier == '" + data.supplier + "')].overdue")
                        .value(1));
        receiveAll(asn, data.item, "350");
        mvc.perform(get("/api/v1/vmi/sla").with(as(Role.BUYER)))
                .andExpect(jsonPath("$[?(@.supplier == '" + data.supplier + "')].episodes")
                        .value(1))
                .andExpect(jsonPath("$[?(@.supplier == '" + data.supplier + "')].late")
                        .value(1))
                .andExpect(jsonPath("$[?(@.supplier == '" + data.supplier + "')].lateHours")
                        .value(2.00))
                .andExpect(jsonPath("$[?(@.supplier == '" + data.supplier + "')].penalty")
                        .value(20.00))
                .andExpect(jsonPath("$[?(@.supplier == '" + data.supplier + "')].open")
                        .value(0));

        // the board's SLA table reads the hours late as hours ("2"), not as the stored scale ("2.00")
        String board = mvc.perform(get("/vmi/to-ship")
                        .param("lang", "zh")
                        .session(org.openvmi.testsupport.UiSessions.login(mvc, "t-buyer")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String sla = board.substring(board.indexOf("id=\"sla-table\""));
        String row = sla.substring(sla.indexOf("<td>" + data.supplier + " "));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row)
                .contains("<td class=\"num\">2</td>")
                .doesNotContainPattern("<td class=\"num\">\\d+\\.\\d{2}</td>");

        consume(data.item, "440").andExpect(status().isCreated());
        mvc.perform(get("/api/v1/vmi/sla").with(as(Role.BUYER)))
                .andExpect(jsonPath("$[?(@.supplier == '" + data.supplier + "')].stockouts")
                        .value(1))
                .andExpect(jsonPath("$[?(@.supplier == '" + data.supplier + "')].open")
                        .value(1));
        mvc.perform(get("/api/v1/vmi/sla").with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(
                        jsonPath("$[?(@.supplier == '" + data.supplier + "')]").isEmpty());
    }

    @Test
    void the_to_ship_board_counts_open_call_offs_and_shipments_as_on_their_way_and_a_supplier_sees_its_own_lines_only()
            throws Exception {
        agreement(Fixtures.SUPPLIER_A, "UNTIL_CONSUMED", line(data.item, "100", "400", "2.00", null));
        receiveAll(asn(asUser(Fixtures.SUPPLIER_USER_A), null, asnLine(data.item, "120", null)), data.item, "120");
        consume(data.item, "30").andExpect(status().isCreated());
        String mine = "$[?(@.item == '" + data.item + "')]";
        mvc.perform(get("/api/v1/vmi/to-ship").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(jsonPath(mine + ".suggestedQty").value(350))
                .andExpect(jsonPath(mine + ".inTransit").value(0));
        mvc.perform(get("/api/v1/vmi/to-ship").param("onlyToShip", "false").with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(jsonPath(mine).isEmpty())
                .andExpect(jsonPath("$[?(@.supplier != '" + Fixtures.SUPPLIER_B + "')]")
                        .isEmpty());

        // planning (or the buyer) calls off the 350: the need is covered, the supplier is not shown it again
        postJson(
                        "/api/v1/vmi/calloffs",
                        as(Role.BUYER),
                        "{\"supplier\":\"%s\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":350,\"neededBy\":\"2026-12-10\"}"
                                .formatted(Fixtures.SUPPLIER_A, data.item, data.vmi))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/vmi/to-ship").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(jsonPath(mine).isEmpty());
        mvc.perform(get("/api/v1/vmi/to-ship").param("onlyToShip", "false").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(jsonPath(mine + ".inTransit").value(350))
                .andExpect(jsonPath(mine + ".suggestedQty").value(0));

        // 200 shipped against it: 200 in the shipment and 150 still called off, on their way all the same
        asn(asUser(Fixtures.SUPPLIER_USER_A), null, asnLine(data.item, "200", null));
        mvc.perform(get("/api/v1/vmi/to-ship").param("onlyToShip", "false").with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(jsonPath(mine + ".inTransit").value(350))
                .andExpect(jsonPath(mine + ".suggestedQty").value(0));
        mvc.perform(get("/api/v1/vmi/to-ship").param("onlyToShip", "false").with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(jsonPath(mine).isEmpty());
    }

    @Test
    void a_call_off_is_confirmed_or_countered_by_its_supplier_and_both_sides_see_its_status() throws Exception {
        agreement(Fixtures.SUPPLIER_A, "UNTIL_CONSUMED", line(data.item, "10", "100", "2.00", null));
        String body =
                "{\"supplier\":\"%s\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":100,\"neededBy\":\"2026-12-05\"}"
                        .formatted(Fixtures.SUPPLIER_A, data.item, data.vmi);
        long countered = body(postJson("/api/v1/vmi/calloffs", as(Role.BUYER), body)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.status").value("REQUESTED")))
                .get("id")
                .asLong();
        mvc.perform(get("/api/v1/vmi/calloffs/" + countered).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(status().isNotFound());
        postJson("/api/v1/vmi/calloffs/" + countered + "/confirm", asUser(Fixtures.SUPPLIER_USER_B), "{}")
                .andExpect(status().isNotFound());
        postJson(
                        "/api/v1/vmi/calloffs/" + countered + "/propose",
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "{\"qty\":80,\"neededBy\":\"2026-12-07\",\"comment\":\"产能不足 short capacity\"}")
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.qty").value(100))
                .andExpect(jsonPath("$.proposedQty").value(80));
        mvc.perform(get("/api/v1/vmi/calloffs/" + countered).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.comment").value("产能不足 short capacity"));
        postJson("/api/v1/vmi/calloffs/" + countered + "/accept", as(Role.BUYER), "")
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.qty").value(80))
                .andExpect(jsonPath("$.neededBy").value("2026-12-07"));
        postJson("/api/v1/vmi/calloffs/" + countered + "/confirm", asUser(Fixtures.SUPPLIER_USER_A), "{}")
                .andExpect(status().isConflict())
                // the one 409 of every document (ADR 0052's leftovers): field status, code illegalTransition
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].code").value("illegalTransition"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("Call off " + countered
                                + " is CONFIRMED and cannot become CONFIRMED: only a call off that is REQUESTED can")));

        long confirmed = body(postJson("/api/v1/vmi/calloffs", as(Role.PLANNER), body)
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        postJson("/api/v1/vmi/calloffs/" + confirmed + "/confirm", asUser(Fixtures.SUPPLIER_USER_A), "{}")
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        postJson("/api/v1/vmi/calloffs", as(Role.BUYER), body.replace(Fixtures.SUPPLIER_A, data.supplier))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("item"));
    }

    /** Supplier A's agreement on the item (min 10, max 1000) and the buyer's call-off of 100 of it, REQUESTED. */
    private long requestedCallOffOf100() throws Exception {
        agreement(Fixtures.SUPPLIER_A, "UNTIL_CONSUMED", line(data.item, "10", "1000", "2.00", null));
        String body =
                "{\"supplier\":\"%s\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":100,\"neededBy\":\"2026-12-05\"}"
                        .formatted(Fixtures.SUPPLIER_A, data.item, data.vmi);
        long callOff = body(postJson("/api/v1/vmi/calloffs", as(Role.BUYER), body)
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        return callOff;
    }

    @Test
    void a_confirmed_call_off_is_partly_shipped_then_shipped_as_shipments_cover_it() throws Exception {
        long callOff = requestedCallOffOf100();
        postJson("/api/v1/vmi/calloffs/" + callOff + "/confirm", asUser(Fixtures.SUPPLIER_USER_A), "{}")
                .andExpect(jsonPath("$.status").value("CONFIRMED"));

        asn(asUser(Fixtures.SUPPLIER_USER_A), null, asnLine(data.item, "60", null));
        mvc.perform(get("/api/v1/vmi/calloffs/" + callOff).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.status").value("PARTIALLY_SHIPPED"))
                .andExpect(jsonPath("$.shippedQty").value(60));
        postJson("/api/v1/vmi/calloffs/" + callOff + "/cancel", as(Role.BUYER), "")
                .andExpect(status().isConflict());

        asn(asUser(Fixtures.SUPPLIER_USER_A), null, asnLine(data.item, "50", null));
        mvc.perform(get("/api/v1/vmi/calloffs/" + callOff).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(jsonPath("$.status").value("SHIPPED"))
                .andExpect(jsonPath("$.shippedQty").value(100));
        // the 110 shipped are on order once: the shipped call-off adds nothing on top of them
        String wh = jdbc.sql(
                        "SELECT w.code FROM location l JOIN warehouse w ON w.id = l.warehouse_id WHERE l.code = :c")
                .param("c", data.vmi)
                .query(String.class)
                .single();
        JsonNode a = body(
                mvc.perform(get("/api/v1/availability/" + data.item + "/" + wh).with(as(Role.BUYER)))
                        .andExpect(status().isOk()));
        assertThat(new java.math.BigDecimal(a.get("onOrder").asString())).isEqualByComparingTo("110");
        assertThat(a.toString()).doesNotContain("CO-" + callOff);
    }

    @Test
    void a_call_off_confirmed_after_shipments_filled_part_of_it_is_partly_shipped_at_once() throws Exception {
        long callOff = requestedCallOffOf100();
        asn(asUser(Fixtures.SUPPLIER_USER_A), null, asnLine(data.item, "60", null));
        mvc.perform(get("/api/v1/vmi/calloffs/" + callOff).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.shippedQty").value(60));

        postJson("/api/v1/vmi/calloffs/" + callOff + "/confirm", asUser(Fixtures.SUPPLIER_USER_A), "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PARTIALLY_SHIPPED"))
                .andExpect(jsonPath("$.shippedQty").value(60));
        asn(asUser(Fixtures.SUPPLIER_USER_A), null, asnLine(data.item, "40", null));
        mvc.perform(get("/api/v1/vmi/calloffs/" + callOff).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.status").value("SHIPPED"));
    }

    @Test
    void a_consumption_or_receipt_retried_with_its_idempotency_key_posts_once_and_answers_the_same() throws Exception {
        agreement(data.supplier, "UNTIL_CONSUMED", line(data.item, "10", "100", "2.00", null));
        long asn = asn(as(Role.BUYER), data.supplier, asnLine(data.item, "50", null));
        String receipt = "{\"lines\":[{\"item\":\"" + data.item + "\",\"qty\":20}]}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/shipments/" + asn + "/receive")
                            .with(as(Role.WAREHOUSE))
                            .header("Idempotency-Key", "rcv-" + asn)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(receipt))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.lines[0].received").value(20));
        }
        assertThat(onHand(data.item, data.vmi, data.supplier)).isEqualByComparingTo("20");
        String body = "{\"item\":\"" + data.item + "\",\"location\":\"" + data.vmi + "\",\"qty\":3}";
        String key = "cons-" + asn;
        long first = body(mvc.perform(post("/api/v1/vmi/consumptions")
                                .with(as(Role.WAREHOUSE))
                                .header("Idempotency-Key", key)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        long second = body(mvc.perform(post("/api/v1/vmi/consumptions")
                                .with(as(Role.WAREHOUSE))
                                .header("Idempotency-Key", key)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        assertThat(second).isEqualTo(first);
        assertThat(onHand(data.item, data.vmi, data.supplier)).isEqualByComparingTo("17");
        assertThat(settledQty(data.supplier)).isEqualByComparingTo("3");
        mvc.perform(post("/api/v1/vmi/consumptions")
                        .with(as(Role.WAREHOUSE))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"qty\":3", "\"qty\":4")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(onHand(data.item, data.vmi, data.supplier)).isEqualByComparingTo("17");
    }

    @Autowired
    StatementCycleJob cycleJob;

    @Test
    void when_the_month_is_over_the_cycle_job_makes_the_supplier_its_draft_statement_once() throws Exception {
        agreement(data.supplier, "UNTIL_CONSUMED", line(data.item, "10", "100", "2.00", null));
        receiveAll(asn(as(Role.BUYER), data.supplier, asnLine(data.item, "20", null)), data.item, "20");
        consume(data.item, "7").andExpect(status().isCreated());
        LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
        LocalDate today = LocalDate.now(clock);
        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(
                today, month.plusMonths(1).plusDays(1))));
        cycleJob.run();
        cycleJob.run();
        List<java.util.Map<String, Object>> made =
                jdbc.sql("""
                SELECT st.period_from, st.period_to, st.total, st.status FROM vmi_settlement_statement st
                JOIN supplier s ON s.id = st.supplier_id WHERE s.code = :s""").param("s", data.supplier).query().listOfRows();
        assertThat(made).hasSize(1);
        assertThat(made.get(0).get("period_from").toString()).isEqualTo(month.toString());
        assertThat(new BigDecimal(made.get(0).get("total").toString())).isEqualByComparingTo("14.00");
        assertThat(made.get(0).get("status")).isEqualTo("DRAFT");
    }

    @Test
    void a_supplier_disputes_a_line_with_a_comment_the_lines_stay_frozen_and_finance_closes_it() throws Exception {
        agreement(Fixtures.SUPPLIER_B, "UNTIL_CONSUMED", line(data.item, "10", "100", "5.00", null));
        receiveAll(asn(asUser(Fixtures.SUPPLIER_USER_B), null, asnLine(data.item, "30", null)), data.item, "30");
        flushOpenLines(Fixtures.SUPPLIER_B);
        consume(data.item, "4").andExpect(status().isCreated());
        long statement = statement(Fixtures.SUPPLIER_B);
        JsonNode draft =
                body(mvc.perform(get("/api/v1/settlements/" + statement).with(as(Role.FINANCE))));
        long lineId = draft.get("lines").get(0).get("id").asLong();
        postJson("/api/v1/settlements/" + statement + "/issue", as(Role.FINANCE), "")
                .andExpect(status().isOk());
        postJson("/api/v1/settlements/" + statement + "/dispute", asUser(Fixtures.SUPPLIER_USER_B), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        postJson(
                        "/api/v1/settlements/" + statement + "/dispute",
                        asUser(Fixtures.SUPPLIER_USER_B),
                        "{\"comment\":\"数量不符\",\"lines\":[{\"line\":" + lineId + ",\"comment\":\"我方记录为 3 件\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPUTED"))
                .andExpect(jsonPath("$.comment").value("数量不符"))
                .andExpect(jsonPath("$.lines[0].comment").value("我方记录为 3 件"))
                .andExpect(jsonPath("$.total").value(20.00));
        // a later consumption does not touch the issued statement: it waits for the next one
        consume(data.item, "1").andExpect(status().isCreated());
        mvc.perform(get("/api/v1/settlements/" + statement).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.total").value(20.00));
        postJson("/api/v1/settlements/" + statement + "/confirm", asUser(Fixtures.SUPPLIER_USER_B), "{}")
                .andExpect(status().isConflict());
        postJson("/api/v1/settlements/" + statement + "/close", as(Role.FINANCE), "")
                .andExpect(jsonPath("$.status").value("CLOSED"));
        long next = statement(Fixtures.SUPPLIER_B);
        mvc.perform(get("/api/v1/settlements/" + next).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.total").value(5.00));
        mvc.perform(get("/api/v1/settlements")
                        .param("status", "closed")
                        .param("supplier", Fixtures.SUPPLIER_B)
                        .with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(jsonPath("$.content[0].id").value(statement));
    }
}
