package org.openvmi.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Procurement through the REST API, on H2 and PostgreSQL: requisition → approval → PO → receipt → invoice. */
abstract class ProcurementApiContract extends ProcurementApiSupport {

    @Test
    void use_case_a_shortage_becomes_a_matched_invoice_through_two_approvals_a_changed_date_and_two_receipts()
            throws Exception {
        // the approval table of this warehouse: below 1000 the buyer alone; from 1000 the buyer, then finance
        data.rule(mvc, "0", "1000", null, "t-buyer");
        data.rule(mvc, "1000", null, "t-admin", "t-buyer", "role:FINANCE");
        tolerance(data.bearing, "\"overPct\":5,\"underPct\":0").andExpect(status().isOk());

        // the planner asks for 480 bearings (480 × 2.95 = 1416 CNY) and submits
        long req = requisition(Role.PLANNER, data.bearing, "480", false);
        send(as(Role.PLANNER), "/api/v1/requisitions/" + req + "/submit", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.amount").value(1416))
                .andExpect(jsonPath("$.steps.length()").value(2))
                .andExpect(jsonPath("$.steps[0].approver").value("t-buyer"))
                .andExpect(jsonPath("$.steps[0].status").value("PENDING"))
                .andExpect(jsonPath("$.steps[1].status").value("WAITING"));
        // finance cannot approve before the buyer did
        send(as(Role.FINANCE), "/api/v1/requisitions/" + req + "/approve", "{}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("waits for t-buyer")));
        read(as(Role.BUYER), "/api/v1/requisitions/inbox").andExpect(jsonPath("$.content[*].id", hasItem((int) req)));
        send(as(Role.BUYER), "/api/v1/requisitions/" + req + "/approve", "{\"comment\":\"ok\"}")
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.steps[1].status").value("PENDING"));
        read(as(Role.FINANCE), "/api/v1/requisitions/inbox").andExpect(jsonPath("$.content[*].id", hasItem((int) req)));
        send(as(Role.FINANCE), "/api/v1/requisitions/" + req + "/approve", "{}")
                .andExpect(jsonPath("$.status").value("APPROVED"));

        // one PO to the primary supplier, 480 rounded up to whole packs of 50
        JsonNode po = body(send(as(Role.BUYER), "/api/v1/purchase-orders", "{\"requisition\":" + req + "}")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.purchaseOrders.length()").value(1))
                        .andExpect(jsonPath("$.purchaseOrders[0].supplier").value(Fixtures.SUPPLIER_A))
                        .andExpect(jsonPath("$.purchaseOrders[0].status").value("SENT"))
                        .andExpect(jsonPath("$.purchaseOrders[0].lines[0].requestedQty")
                                .value(480))
                        .andExpect(jsonPath("$.purchaseOrders[0].lines[0].qty").value(500))
                        .andExpect(
                                jsonPath("$.purchaseOrders[0].lines[0].price").value(2.95))
                        .andExpect(jsonPath("$.purchaseOrders[0].total").value(1475)))
                .get("purchaseOrders")
                .get(0);
        long id = po.get("id").asLong();
        read(as(Role.VIEWER), "/api/v1/requisitions/" + req)
                .andExpect(jsonPath("$.status").value("ORDERED"));

        // the other supplier does not see it; the supplier confirms two days later than asked
        read(asUser(Fixtures.SUPPLIER_USER_B), "/api/v1/purchase-orders/" + id).andExpect(status().isNotFound());
        LocalDate promised = today.plusDays(12);
        send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/purchase-orders/" + id + "/confirm",
                        "{\"lines\":[{\"item\":\"%s\",\"deliveryDate\":\"%s\"}]}".formatted(data.bearing, promised))
                .andExpect(jsonPath("$.status").value("CHANGE_PROPOSED"))
                .andExpect(jsonPath("$.lines[0].proposedDate").value(promised.toString()));
        send(as(Role.BUYER), "/api/v1/purchase-orders/" + id + "/accept-change", "")
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.lines[0].confirmedDate").value(promised.toString()));

        // two days later 300 arrive (5 more refused as damaged), then the other 200
        clock.advance(java.time.Duration.ofDays(2));
        send(
                        as(Role.WAREHOUSE),
                        "/api/v1/receipts",
                        ("{\"purchaseOrder\":%d,\"location\":\"%s\",\"lines\":[{\"item\":\"%s\","
                                        + "\"qty\":300,\"rejectedQty\":5,\"rejectReason\":\"damaged\"}]}")
                                .formatted(id, data.receiving, data.bearing))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.poStatus").value("PARTIALLY_RECEIVED"))
                .andExpect(jsonPath("$.lines[0].leadTimeDays").value(2))
                .andExpect(jsonPath("$.lines[0].onTime").value(true));
        assertThat(onHand(data.bearing)).isEqualByComparingTo("300");
        receive(id, data.bearing, "200")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.poStatus").value("RECEIVED"));
        assertThat(onHand(data.bearing)).isEqualByComparingTo("500");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE type = 'RECEIPT' AND reference LIKE :r")
                        .param("r", "PO-" + id + "/%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // each receipt line becomes a lead-time fact for planning (after commit, through the event registry)
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (jdbc.sql("SELECT COUNT(*) FROM planning_lead_time_fact WHERE reference LIKE :r")
                        .param("r", "PO-" + id + "/%")
                        .query(Long.class)
                        .single()
                < 2) {
            assertThat(System.nanoTime())
                    .as("lead-time facts recorded within 20 s")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(jdbc.sql("SELECT lead_days FROM planning_lead_time_fact WHERE reference LIKE :r ORDER BY id")
                        .param("r", "PO-" + id + "/%")
                        .query(Integer.class)
                        .list())
                .containsExactly(2, 2);

        // the supplier invoices in the portal: matched
        send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/invoices",
                        ("{\"purchaseOrder\":%d,\"number\":\"FP-%d\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":500,\"price\":\"2.95\"}]}")
                                .formatted(id, id, data.bearing))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.matchStatus").value("MATCHED"))
                .andExpect(jsonPath("$.total").value(1475));

        // each step with its time on the PO's timeline
        JsonNode timeline = body(read(as(Role.BUYER), "/api/v1/purchase-orders/" + id + "/timeline"));
        java.util.List<String> types = new java.util.ArrayList<>();
        timeline.forEach(e -> {
            types.add(e.get("type").asString());
            assertThat(e.get("at").isNull()).isFalse();
        });
        assertThat(types)
                .containsExactly(
                        "REQUISITION_CREATED",
                        "REQUISITION_SUBMITTED",
                        "APPROVAL_STEP_1_APPROVED",
                        "APPROVAL_STEP_2_APPROVED",
                        "CREATED",
                        "SENT",
                        "CHANGE_PROPOSED",
                        "CHANGE_ACCEPTED",
                        "RECEIVED",
                        "RECEIVED",
                        "INVOICED");

        // finance exports matched invoices; the monthly statement shows ordered = received = invoiced
        mvc.perform(get("/api/v1/invoices/export")
                        .param("format", "csv")
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .with(as(Role.FINANCE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("FP-" + id)));
        mvc.perform(get("/api/v1/invoices/export").param("format", "xlsx").with(as(Role.FINANCE)))
                .andExpect(status().isOk());
        String month = java.time.YearMonth.from(today).toString();
        JsonNode statement = body(mvc.perform(get("/api/v1/procurement/reconciliation")
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("month", month)
                        .with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk()));
        JsonNode line = null;
        for (JsonNode l : statement.get("lines")) {
            if (l.get("item").asString().equals(data.bearing)) {
                line = l;
            }
        }
        if (LocalDate.ofInstant(clock.instant(), clock.getZone()).getMonth() == today.getMonth()) {
            assertThat(line.get("orderedQty").decimalValue()).isEqualByComparingTo("500");
            assertThat(line.get("receivedQty").decimalValue()).isEqualByComparingTo("500");
            assertThat(line.get("invoicedQty").decimalValue()).isEqualByComparingTo("500");
            assertThat(line.get("openToReceiveQty").decimalValue()).isEqualByComparingTo("0");
            assertThat(line.get("openToInvoiceQty").decimalValue()).isEqualByComparingTo("0");
        }
        read(as(Role.ADMIN), "/api/v1/audit?entity=requisition&entityKey=PR-" + req)
                .andExpect(jsonPath("$.totalElements").value(5));
    }

    @Test
    void an_invoice_above_the_po_price_beyond_the_tolerance_is_a_price_variance_and_within_it_matched()
            throws Exception {
        tolerance(data.yuan, "\"pricePct\":2").andExpect(status().isOk());
        long po = order(approvedRequisition(data.yuan, "100"));
        receive(po, data.yuan, "100").andExpect(status().isCreated());
        send(
                        as(Role.FINANCE),
                        "/api/v1/invoices",
                        ("{\"supplier\":\"%s\",\"purchaseOrder\":%d,\"number\":\"PV-%d\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":100,\"price\":\"1.05\"}]}")
                                .formatted(Fixtures.SUPPLIER_A, po, po, data.yuan))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.matchStatus").value("PRICE_VARIANCE"))
                .andExpect(jsonPath("$.lines[0].detail").value(containsString("PO price 1")));
        send(
                        as(Role.FINANCE),
                        "/api/v1/invoices",
                        ("{\"supplier\":\"%s\",\"purchaseOrder\":%d,\"number\":\"OK-%d\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":100,\"price\":\"1.02\"}]}")
                                .formatted(Fixtures.SUPPLIER_A, po, po, data.yuan))
                .andExpect(jsonPath("$.matchStatus").value("MATCHED"));
        // the same lines again: billed twice → quantity variance; an invoice before any receipt → not received
        send(
                        as(Role.FINANCE),
                        "/api/v1/invoices",
                        ("{\"supplier\":\"%s\",\"purchaseOrder\":%d,\"number\":\"QV-%d\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":1,\"price\":\"1\"}]}")
                                .formatted(Fixtures.SUPPLIER_A, po, po, data.yuan))
                .andExpect(jsonPath("$.matchStatus").value("QUANTITY_VARIANCE"));
        long other = order(approvedRequisition(data.yuan, "10"));
        send(
                        as(Role.FINANCE),
                        "/api/v1/invoices",
                        ("{\"supplier\":\"%s\",\"purchaseOrder\":%d,\"number\":\"NR-%d\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":10,\"price\":\"1\"}]}")
                                .formatted(Fixtures.SUPPLIER_A, other, other, data.yuan))
                .andExpect(jsonPath("$.matchStatus").value("NOT_RECEIVED"));
        send(
                        as(Role.FINANCE),
                        "/api/v1/invoices",
                        ("{\"supplier\":\"%s\",\"purchaseOrder\":%d,\"number\":\"NR-%d\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":10,\"price\":\"1\"}]}")
                                .formatted(Fixtures.SUPPLIER_A, other, other, data.yuan))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("number"));
    }

    @Test
    void approvers_follow_each_amount_threshold_and_urgent_takes_one_approver() throws Exception {
        data.rule(mvc, "0", "1000", null, "t-buyer");
        data.rule(mvc, "1000", "5000", null, "t-buyer", "t-finance");
        data.rule(mvc, "5000", null, "t-admin", "t-buyer", "t-finance", "t-admin");
        String[][] cases = {{"999.99", "1"}, {"1000", "2"}, {"4999.99", "2"}, {"5000", "3"}, {"20000", "3"}};
        for (String[] c : cases) {
            long id = requisition(Role.BUYER, data.yuan, c[0], false);
            send(as(Role.BUYER), "/api/v1/requisitions/" + id + "/submit", "")
                    .andExpect(jsonPath("$.amount").value(new BigDecimal(c[0]).doubleValue()))
                    .andExpect(jsonPath("$.steps.length()").value(Integer.parseInt(c[1])));
        }
        long urgent = requisition(Role.WAREHOUSE, data.yuan, "6000", true);
        send(as(Role.WAREHOUSE), "/api/v1/requisitions/" + urgent + "/submit", "")
                .andExpect(jsonPath("$.urgent").value(true))
                .andExpect(jsonPath("$.steps.length()").value(1))
                .andExpect(jsonPath("$.steps[0].approver").value("t-admin"));
        read(as(Role.VIEWER), "/api/v1/requisitions?urgent=true&status=SUBMITTED")
                .andExpect(jsonPath("$.content[*].id", hasItem((int) urgent)));
        read(as(Role.ADMIN), "/api/v1/audit?action=SUBMIT_URGENT&entityKey=PR-" + urgent)
                .andExpect(jsonPath("$.totalElements").value(1));
        // delegation only to someone who exists: otherwise the step would wait for nobody
        send(as(Role.ADMIN), "/api/v1/requisitions/" + urgent + "/delegate", "{\"to\":\"nobody-here\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        send(as(Role.ADMIN), "/api/v1/requisitions/" + urgent + "/delegate", "{\"to\":\"role:GOD\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        read(as(Role.ADMIN), "/api/v1/requisitions/" + urgent)
                .andExpect(jsonPath("$.steps[0].approver").value("t-admin"));
        // delegation: the admin hands the step to finance, who approves
        send(as(Role.ADMIN), "/api/v1/requisitions/" + urgent + "/delegate", "{\"to\":\"t-finance\"}")
                .andExpect(jsonPath("$.steps[0].approver").value("t-finance"))
                .andExpect(jsonPath("$.steps[0].delegatedFrom").value("t-admin"));
        send(as(Role.ADMIN), "/api/v1/requisitions/" + urgent + "/approve", "{}")
                .andExpect(status().isUnprocessableContent());
        send(as(Role.FINANCE), "/api/v1/requisitions/" + urgent + "/approve", "{}")
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void a_rejected_requisition_cannot_become_a_purchase_order_and_a_draft_is_edited_before_submitting()
            throws Exception {
        data.rule(mvc, "0", null, null, "t-buyer");
        long id = requisition(Role.PLANNER, data.yuan, "10", false);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/requisitions/" + id)
                        .with(as(Role.PLANNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":20}]}"
                                .formatted(data.warehouse, data.yuan)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].qty").value(20))
                .andExpect(jsonPath("$.amount").value(20));
        send(as(Role.BUYER), "/api/v1/purchase-orders", "{\"requisition\":" + id + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("illegalTransition"));
        send(as(Role.PLANNER), "/api/v1/requisitions/" + id + "/submit", "").andExpect(status().isOk());
        send(as(Role.BUYER), "/api/v1/requisitions/" + id + "/reject", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(as(Role.BUYER), "/api/v1/requisitions/" + id + "/reject", "{\"reason\":\"budget frozen\"}")
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejectReason").value("budget frozen"));
        send(as(Role.BUYER), "/api/v1/purchase-orders", "{\"requisition\":" + id + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("only a requisition that is APPROVED can")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM proc_purchase_order WHERE requisition_id = :r")
                        .param("r", id)
                        .query(Long.class)
                        .single())
                .isZero();
        send(as(Role.PLANNER), "/api/v1/requisitions/" + id + "/submit", "").andExpect(status().isConflict());
    }

    @Test
    void bad_receipts_and_invoices_are_refused_with_the_field_named_and_change_nothing() throws Exception {
        long po = order(approvedRequisition(data.yuan, "50"));
        receive(po, data.yuan, "20").andExpect(status().isCreated());
        BigDecimal before = onHand(data.yuan);
        long movements = jdbc.sql("SELECT COUNT(*) FROM stock_movement")
                .query(Long.class)
                .single();

        receive(999999, data.yuan, "1").andExpect(status().isNotFound());
        receive(po, data.bearing, "1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].item"));
        receive(po, data.yuan, "-1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"));
        receive(po, data.yuan, "31")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("at most 50")));
        send(
                        as(Role.WAREHOUSE),
                        "/api/v1/receipts",
                        "{\"purchaseOrder\":%d,\"location\":\"%s\",\"lines\":[{\"item\":\"%s\",\"qty\":0,\"rejectedQty\":2}]}"
                                .formatted(po, data.receiving, data.yuan))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].rejectReason"));
        send(
                        asUser(Fixtures.SUPPLIER_USER_B),
                        "/api/v1/invoices",
                        ("{\"purchaseOrder\":%d,\"number\":\"X-%d\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":1,\"price\":\"1\"}]}")
                                .formatted(po, po, data.yuan))
                .andExpect(status().isNotFound());
        send(
                        as(Role.FINANCE),
                        "/api/v1/invoices",
                        ("{\"supplier\":\"%s\",\"purchaseOrder\":%d,\"number\":\"X-%d\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":1,\"price\":\"1\"}]}")
                                .formatted(Fixtures.SUPPLIER_B, po, po, data.yuan))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("purchaseOrder"));
        send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/invoices",
                        ("{\"purchaseOrder\":%d,\"number\":\"X-%d\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":-1,\"price\":\"1\"}]}")
                                .formatted(po, po, data.yuan))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"));

        // a closed PO line takes nothing more
        send(as(Role.BUYER), "/api/v1/purchase-orders/" + po + "/close", "{\"reason\":\"rest cancelled\"}")
                .andExpect(jsonPath("$.status").value("CLOSED"));
        receive(po, data.yuan, "1")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("purchaseOrder"));

        assertThat(onHand(data.yuan)).isEqualByComparingTo(before);
        assertThat(received(po)).isEqualByComparingTo("20");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement")
                        .query(Long.class)
                        .single())
                .isEqualTo(movements);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM proc_invoice WHERE po_id = :po")
                        .param("po", po)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void an_invoice_number_that_starts_like_a_formula_is_neutralised_in_finances_csv_export() throws Exception {
        long po = order(approvedRequisition(data.yuan, "10"));
        receive(po, data.yuan, "10").andExpect(status().isCreated());
        String number = "=HYPERLINK(\"http://evil\",\"pay\")" + po;
        send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/invoices",
                        ("{\"purchaseOrder\":%d,\"number\":\"%s\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":10,\"price\":\"1\"}]}")
                                .formatted(po, number.replace("\"", "\\\""), data.yuan))
                .andExpect(status().isCreated());

        byte[] csv = mvc.perform(get("/api/v1/invoices/export")
                        .param("format", "csv")
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .with(as(Role.FINANCE)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8).substring(1);
        // the raw cell, as a spreadsheet program sees it: behind a ', so it is text, never a formula
        org.apache.commons.csv.CSVRecord row = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(text))
                .stream()
                .filter(r -> r.get("invoiceNumber").endsWith(String.valueOf(po)))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("invoiceNumber")).isEqualTo("'" + number);
        assertThat(new BigDecimal(row.get("qty"))).isEqualByComparingTo("10"); // a number, not prefixed
        // read back as the imports read files, the number is the one the supplier sent
        assertThat(org.openvmi.shared.tabular.TabularFiles.read(
                        new java.io.ByteArrayInputStream(csv), org.openvmi.shared.tabular.TabularFormat.CSV))
                .anySatisfy(r -> assertThat(r.get("invoiceNumber")).isEqualTo(number));
        mvc.perform(get("/api/v1/invoices")
                        .param("purchaseOrder", String.valueOf(po))
                        .with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.content[0].number").value(number));
    }

    @Test
    void out_of_range_numbers_and_over_long_texts_on_procurement_are_400_naming_the_field_and_change_nothing()
            throws Exception {
        String digits = "at most 15 digits before and 4 after the decimal point";
        long requisitions = jdbc.sql("SELECT COUNT(*) FROM proc_requisition")
                .query(Long.class)
                .single();
        for (String qty : new String[] {"1e20", "\"1e2000000\"", "9".repeat(400), "1e400"}) {
            send(
                            as(Role.PLANNER),
                            "/api/v1/requisitions",
                            ("{\"warehouse\":\"%s\",\"lines\":[{\"item\":\"%s\"," + "\"qty\":%s}]}")
                                    .formatted(data.warehouse, data.yuan, qty))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"));
        }
        send(
                        as(Role.PLANNER),
                        "/api/v1/requisitions",
                        ("{\"warehouse\":\"%s\",\"note\":\"%s\",\"lines\":[{\"item\":\"%s\"," + "\"qty\":1}]}")
                                .formatted(data.warehouse, "n".repeat(501), data.yuan))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].message").value("at most 500 characters"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM proc_requisition")
                        .query(Long.class)
                        .single())
                .isEqualTo(requisitions);

        long po = order(approvedRequisition(data.yuan, "50"));
        BigDecimal before = onHand(data.yuan);
        receive(po, data.yuan, "1e17")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"))
                .andExpect(jsonPath("$.errors[0].message").value(digits));
        send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/invoices",
                        ("{\"purchaseOrder\":%d,\"number\":\"X-%d\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":1,\"price\":1e14}]}")
                                .formatted(po, po, data.yuan))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].price"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("at most 13 digits before and 6 after the decimal point"));
        send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/invoices",
                        ("{\"purchaseOrder\":%d,\"number\":\"%s\","
                                        + "\"lines\":[{\"item\":\"%s\",\"qty\":1,\"price\":1}]}")
                                .formatted(po, "N".repeat(65), data.yuan))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("number"))
                .andExpect(jsonPath("$.errors[0].message").value("at most 64 characters"));
        send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/purchase-orders/" + po + "/shipment-notices",
                        "{\"lines\":[{\"line\":1,\"qty\":1e20}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"));
        tolerance(data.yuan, "\"overPct\":123456")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overPct"));
        assertThat(onHand(data.yuan)).isEqualByComparingTo(before);
        assertThat(received(po)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM proc_invoice WHERE po_id = :po")
                        .param("po", po)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM proc_shipment_notice WHERE po_id = :po")
                        .param("po", po)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void finance_imports_supplier_invoices_from_a_file_all_or_nothing() throws Exception {
        long po = order(approvedRequisition(data.yuan, "40"));
        receive(po, data.yuan, "40").andExpect(status().isCreated());
        String good = "supplier,purchaseOrder,number,invoiceDate,item,qty,price\n"
                + "%s,PO-%d,IMP-%d,%s,%s,40,1.00\n".formatted(Fixtures.SUPPLIER_A, po, po, today, data.yuan);
        String bad = good + "%s,%d,IMP2-%d,%s,%s,-3,1.00\n".formatted(Fixtures.SUPPLIER_A, po, po, today, data.yuan);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/api/v1/invoices/import")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file",
                                "invoices.csv",
                                "text/csv",
                                bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(as(Role.FINANCE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("row 3"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM proc_invoice WHERE po_id = :po")
                        .param("po", po)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/api/v1/invoices/import")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file",
                                "invoices.csv",
                                "text/csv",
                                good.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(as(Role.FINANCE)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.invoices[0].matchStatus").value("MATCHED"));
    }

    @Test
    void a_sent_po_and_each_receipt_line_reach_the_subscribed_webhooks() throws Exception {
        send(
                        as(Role.ADMIN),
                        "/api/v1/webhooks",
                        "{\"url\":\"http://127.0.0.1:9/erp\",\"eventTypes\":"
                                + "[\"purchase-order.sent\",\"purchase-order.received\"]}")
                .andExpect(status().isCreated());
        long po = order(approvedRequisition(data.yuan, "5"));
        receive(po, data.yuan, "5").andExpect(status().isCreated());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE event_key = :a OR event_key LIKE :b")
                        .param("a", "po.sent:" + po)
                        .param("b", "po.received:%:" + data.yuan)
                        .query(Long.class)
                        .single()
                < 2) {
            assertThat(System.nanoTime())
                    .as("both webhook deliveries queued within 20 s")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(jdbc.sql("SELECT payload FROM webhook_delivery WHERE event_key = :a")
                        .param("a", "po.sent:" + po)
                        .query(String.class)
                        .list()
                        .get(0))
                .contains("\"number\":\"PO-" + po + "\"");
    }

    @Test
    void the_procurement_pages_render_in_english_and_chinese_and_a_page_refusal_is_a_message() throws Exception {
        long po = order(approvedRequisition(data.yuan, "5"));
        receive(po, data.yuan, "5").andExpect(status().isCreated());
        long invoice = body(send(
                        as(Role.FINANCE),
                        "/api/v1/invoices",
                        ("{\"supplier\":\"%s\",\"purchaseOrder\":%d,"
                                        + "\"number\":\"PG-%d\",\"lines\":[{\"item\":\"%s\",\"qty\":5,\"price\":\"1\"}]}")
                                .formatted(Fixtures.SUPPLIER_A, po, po, data.yuan)))
                .get("id")
                .asLong();
        var admin = org.openvmi.testsupport.UiSessions.login(mvc, "t-admin");
        for (String lang : new String[] {"en", "zh-CN"}) {
            for (String page : new String[] {
                "/requisitions",
                "/requisitions/inbox",
                "/requisitions/new",
                "/approval-rules",
                "/purchase-orders",
                "/purchase-orders/" + po,
                "/receipts/new?po=" + po,
                "/invoices",
                "/invoices/new?po=" + po,
                "/invoices/" + invoice,
                "/procurement/reconciliation?supplier=" + Fixtures.SUPPLIER_A
            }) {
                mvc.perform(get(page).session(admin).header("Accept-Language", lang))
                        .andExpect(status().isOk())
                        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("??"))));
            }
        }
        mvc.perform(get("/purchase-orders/" + po).session(admin).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Goods received")));
        var warehouse = org.openvmi.testsupport.UiSessions.login(mvc, "t-warehouse");
        mvc.perform(
                        post("/receipts")
                                .session(warehouse)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("doc", String.valueOf(po))
                                .param("location", data.receiving)
                                .param("qty-1", "1"))
                .andExpect(status().isOk()) // the page again, with the refusal at the document field
                .andExpect(content().string(containsString("id=\"doc-error\"")))
                .andExpect(content().string(containsString("nothing more can be received")));
    }

    @Test
    void an_explicit_order_to_a_backup_supplier_whose_quantity_change_the_buyer_rejects_is_then_confirmed_as_ordered()
            throws Exception {
        long po = body(send(
                                as(Role.BUYER),
                                "/api/v1/purchase-orders",
                                ("{\"supplier\":\"%s\",\"warehouse\":\"%s\","
                                                + "\"lines\":[{\"item\":\"%s\",\"qty\":7}]}")
                                        .formatted(Fixtures.SUPPLIER_B, data.warehouse, data.bearing))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.purchaseOrders[0].supplier").value(Fixtures.SUPPLIER_B))
                        .andExpect(
                                jsonPath("$.purchaseOrders[0].lines[0].price").value(3.1))
                        .andExpect(jsonPath("$.purchaseOrders[0].requisition").isEmpty()))
                .get("purchaseOrders")
                .get(0)
                .get("id")
                .asLong();
        send(
                        as(Role.BUYER),
                        "/api/v1/purchase-orders",
                        ("{\"supplier\":\"%s\",\"warehouse\":\"%s\"," + "\"lines\":[{\"item\":\"%s\",\"qty\":7}]}")
                                .formatted(Fixtures.SUPPLIER_B, data.warehouse, data.yuan))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].item"));
        send(asUser(Fixtures.SUPPLIER_USER_A), "/api/v1/purchase-orders/" + po + "/confirm", "{}")
                .andExpect(status().isNotFound());
        send(
                        asUser(Fixtures.SUPPLIER_USER_B),
                        "/api/v1/purchase-orders/" + po + "/confirm",
                        "{\"lines\":[{\"line\":1,\"qty\":5}]}")
                .andExpect(jsonPath("$.status").value("CHANGE_PROPOSED"))
                .andExpect(jsonPath("$.lines[0].proposedQty").value(5));
        send(as(Role.BUYER), "/api/v1/purchase-orders/" + po + "/reject-change", "{\"reason\":\"need all 7\"}")
                .andExpect(jsonPath("$.status").value("SENT"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.lines[0].qty").value(7))
                .andExpect(jsonPath("$.lines[0].proposedQty").isEmpty());
        send(asUser(Fixtures.SUPPLIER_USER_B), "/api/v1/purchase-orders/" + po + "/confirm", "{}")
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        // answering twice is an illegal transition: 409 with the one code every document refuses with
        send(asUser(Fixtures.SUPPLIER_USER_B), "/api/v1/purchase-orders/" + po + "/confirm", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].code").value("illegalTransition"))
                .andExpect(jsonPath("$.detail").value(containsString("is CONFIRMED and cannot become CONFIRMED")));
        read(asUser(Fixtures.SUPPLIER_USER_B), "/api/v1/purchase-orders")
                .andExpect(jsonPath(
                        "$.content[*].supplier",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(Fixtures.SUPPLIER_B))));
    }

    @Test
    void open_quantities_in_a_later_month_are_valued_at_their_po_lines_price() throws Exception {
        send(
                        as(Role.BUYER),
                        "/api/v1/purchase-orders",
                        ("{\"supplier\":\"%s\",\"warehouse\":\"%s\"," + "\"lines\":[{\"item\":\"%s\",\"qty\":7}]}")
                                .formatted(Fixtures.SUPPLIER_B, data.warehouse, data.bearing))
                .andExpect(status().isCreated());
        // next month nothing is ordered: the 7 still to receive are worth 7 × 3.10 of their own line, not 0
        String next = java.time.YearMonth.from(LocalDate.ofInstant(clock.instant(), clock.getZone()))
                .plusMonths(1)
                .toString();
        JsonNode statement = body(mvc.perform(get("/api/v1/procurement/reconciliation")
                        .param("supplier", Fixtures.SUPPLIER_B)
                        .param("month", next)
                        .with(as(Role.FINANCE)))
                .andExpect(status().isOk()));
        JsonNode line = null;
        for (JsonNode l : statement.get("lines")) {
            if (l.get("item").asString().equals(data.bearing)) {
                line = l;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("orderedQty").decimalValue()).isEqualByComparingTo("0");
        assertThat(line.get("openToReceiveQty").decimalValue()).isEqualByComparingTo("7");
        assertThat(line.get("openToReceiveAmount").decimalValue()).isEqualByComparingTo("21.7");
        assertThat(statement.get("openToReceiveAmount").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("21.7"));
    }

    @Test
    void a_suppliers_shipment_notice_is_received_in_one_step_once_and_only_its_own_supplier_may_send_one()
            throws Exception {
        long po = body(send(
                                as(Role.BUYER),
                                "/api/v1/purchase-orders",
                                ("{\"supplier\":\"%s\",\"warehouse\":\"%s\","
                                                + "\"lines\":[{\"item\":\"%s\",\"qty\":7}]}")
                                        .formatted(Fixtures.SUPPLIER_B, data.warehouse, data.bearing))
                        .andExpect(status().isCreated()))
                .get("purchaseOrders")
                .get(0)
                .get("id")
                .asLong();
        send(asUser(Fixtures.SUPPLIER_USER_B), "/api/v1/purchase-orders/" + po + "/confirm", "{}")
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        String notice = "{\"expectedOn\":\"2026-12-01\",\"lines\":[{\"line\":1,\"qty\":%s,\"lot\":\"L-9\"}]}";

        send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/purchase-orders/" + po + "/shipment-notices",
                        notice.formatted("4"))
                .andExpect(status().isNotFound());
        send(
                        asUser(Fixtures.SUPPLIER_USER_B),
                        "/api/v1/purchase-orders/" + po + "/shipment-notices",
                        notice.formatted("8"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].qty"));
        send(
                        asUser(Fixtures.SUPPLIER_USER_B),
                        "/api/v1/purchase-orders/" + po + "/shipment-notices",
                        "{\"expectedOn\":\"2026-12-01\",\"lines\":[{\"line\":9,\"qty\":1}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].line"));
        long id = body(send(
                                asUser(Fixtures.SUPPLIER_USER_B),
                                "/api/v1/purchase-orders/" + po + "/shipment-notices",
                                notice.formatted("4"))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.status").value("IN_TRANSIT"))
                        .andExpect(jsonPath("$.lines[0].item").value(data.bearing)))
                .get("id")
                .asLong();
        read(asUser(Fixtures.SUPPLIER_USER_A), "/api/v1/shipment-notices/" + id).andExpect(status().isNotFound());
        read(as(Role.WAREHOUSE), "/api/v1/purchase-orders/" + po + "/shipment-notices")
                .andExpect(jsonPath("$[0].id").value((int) id));

        send(
                        as(Role.WAREHOUSE),
                        "/api/v1/shipment-notices/" + id + "/receive",
                        "{\"location\":\"" + data.receiving + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.purchaseOrder").value((int) po));
        read(as(Role.BUYER), "/api/v1/purchase-orders/" + po)
                .andExpect(jsonPath("$.lines[0].receivedQty").value(4))
                .andExpect(jsonPath("$.status").value("PARTIALLY_RECEIVED"));
        read(as(Role.BUYER), "/api/v1/shipment-notices/" + id)
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.receipt").isNumber());
        // received once: a second receipt of the same notice changes nothing
        send(
                        as(Role.WAREHOUSE),
                        "/api/v1/shipment-notices/" + id + "/receive",
                        "{\"location\":\"" + data.receiving + "\"}")
                .andExpect(status().isConflict());
        read(as(Role.BUYER), "/api/v1/purchase-orders/" + po)
                .andExpect(jsonPath("$.lines[0].receivedQty").value(4));
        // only what is still open can be announced next
        send(
                        asUser(Fixtures.SUPPLIER_USER_B),
                        "/api/v1/purchase-orders/" + po + "/shipment-notices",
                        notice.formatted("4"))
                .andExpect(status().isBadRequest());

        // the same in the pages: the supplier sends the remaining 3 from the PO page, the warehouse receives them there
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        var supplierB = org.openvmi.testsupport.UiSessions.login(mvc, Fixtures.SUPPLIER_USER_B);
        var warehouse = org.openvmi.testsupport.UiSessions.login(mvc, "t-warehouse");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/purchase-orders/" + po + "/shipment-notices")
                        .session(supplierB)
                        .with(csrf)
                        .param("line", "1")
                        .param("qty", "3")
                        .param("lot", "L-10")
                        .param("expectedOn", "2026-12-03"))
                .andExpect(status().is3xxRedirection());
        JsonNode both = body(read(as(Role.WAREHOUSE), "/api/v1/purchase-orders/" + po + "/shipment-notices"));
        long second = both.get(1).get("id").asLong();
        mvc.perform(get("/purchase-orders/" + po).session(warehouse))
                .andExpect(content().string(containsString("data-notice=\"" + second + "\"")))
                .andExpect(content().string(containsString("receive-notice")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/shipment-notices/" + second + "/receive")
                        .session(warehouse)
                        .with(csrf)
                        .param("location", data.receiving))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/purchase-orders/" + po));
        read(as(Role.BUYER), "/api/v1/purchase-orders/" + po)
                .andExpect(jsonPath("$.lines[0].receivedQty").value(7))
                .andExpect(jsonPath("$.status").value("RECEIVED"));
    }

    @Test
    void when_the_primary_reported_too_little_stock_the_po_goes_to_the_backup_supplier() throws Exception {
        send(
                        asUser(Fixtures.SUPPLIER_USER_A),
                        "/api/v1/supplier-stock",
                        ("{\"supplier\":\"%s\",\"lines\":[{\"item\":\"%s\"," + "\"available\":100}]}")
                                .formatted(Fixtures.SUPPLIER_A, data.bearing))
                .andExpect(status().is2xxSuccessful());
        long po = order(approvedRequisition(data.bearing, "480"));
        read(as(Role.BUYER), "/api/v1/purchase-orders/" + po)
                .andExpect(jsonPath("$.supplier").value(Fixtures.SUPPLIER_B))
                .andExpect(jsonPath("$.lines[0].qty").value(480))
                .andExpect(jsonPath("$.lines[0].price").value(3.1))
                .andExpect(jsonPath("$.timeline[0].details").value(containsString("backup")));
        // enough reported: the primary keeps the order
        long enough = order(approvedRequisition(data.bearing, "90"));
        read(as(Role.BUYER), "/api/v1/purchase-orders/" + enough)
                .andExpect(jsonPath("$.supplier").value(Fixtures.SUPPLIER_A));
    }
}
