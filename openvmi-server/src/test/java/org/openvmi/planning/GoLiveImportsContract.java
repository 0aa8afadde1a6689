package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.containsString;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.shared.tabular.TabularFiles;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.testsupport.Fixtures;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * Go-live imports (issue 14, part 5) on H2 and PostgreSQL: opening stock through the ledger and demand history into
 * planning's history, each all or nothing with a row and field report, each file applied once; then one planning run
 * on imported real spare-parts demand.
 */
abstract class GoLiveImportsContract extends PlanningContractFixture {

    static final String STOCK_HEADER = "item,location,owner,lot,qty,unitCost";
    static final String HISTORY_HEADER = "item,warehouse,date,qty";

    ResultActions upload(String entity, Role role, String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/" + entity)
                .file(new MockMultipartFile("file", fileName, "text/csv", content))
                .header("Accept-Language", "en")
                .with(as(role)));
    }

    static byte[] csv(String header, String... rows) {
        return (header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    long movements(String item) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement m JOIN item i ON i.id = m.item_id WHERE i.code = :c")
                .param("c", item)
                .query(Long.class)
                .single();
    }

    BigDecimal history(String item) {
        return jdbc.sql(
                        "SELECT COALESCE(SUM(h.qty), 0) FROM demand_history h JOIN item i ON i.id = h.item_id WHERE i.code = :c")
                .param("c", item)
                .query(BigDecimal.class)
                .single();
    }

    @Test
    void
            opening_stock_with_an_unknown_item_a_negative_quantity_and_a_duplicate_row_is_refused_naming_each_row_and_posts_nothing()
                    throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        byte[] file = csv(
                STOCK_HEADER,
                item + "," + wh + "-B1,OWN,,10,2.50",
                "NO-SUCH-ITEM," + wh + "-B1,,,5,1",
                item + "," + wh + "-B1,OWN,LOT-X,-3,1",
                item + "," + wh + "-B1," + Fixtures.SUPPLIER_A + ",,4,",
                item + "," + wh + "-B1," + Fixtures.SUPPLIER_A + ",,6,");

        JsonNode refused = body(upload("opening-stock", Role.WAREHOUSE, "opening.csv", file)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.rejected").value(4)));

        List<String> errors = new ArrayList<>();
        refused.get("errors")
                .forEach(e -> errors.add(e.get("row").asInt() + " "
                        + e.get("field").asString() + ": " + e.get("message").asString()));
        assertThat(errors).contains("3 item: unknown item 'NO-SUCH-ITEM'", "4 qty: '-3' must be greater than 0");
        assertThat(errors).anyMatch(e -> e.startsWith("5 item,location,owner,lot: ") && e.contains("rows 5, 6"));
        assertThat(errors).anyMatch(e -> e.startsWith("6 item,location,owner,lot: ") && e.contains("rows 5, 6"));
        assertThat(errors).noneMatch(e -> e.startsWith("2 "));
        assertThat(movements(item)).isZero();

        // the corrected file posts every row
        upload(
                        "opening-stock",
                        Role.WAREHOUSE,
                        "opening.csv",
                        csv(
                                STOCK_HEADER,
                                item + "," + wh + "-B1,OWN,,10,2.50",
                                item + "," + wh + "-B1," + Fixtures.SUPPLIER_A + ",,4,"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.created").value(2));
        assertThat(movements(item)).isEqualTo(2);
    }

    @Test
    void
            demand_history_with_an_unknown_item_a_negative_quantity_a_duplicate_row_and_a_bad_date_is_refused_and_records_nothing()
                    throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        byte[] file = csv(
                HISTORY_HEADER,
                item + "," + wh + "," + today.minusDays(3) + ",7",
                "NO-SUCH-ITEM," + wh + "," + today.minusDays(3) + ",7",
                item + "," + wh + "," + today.minusDays(4) + ",-2",
                item + "," + wh + "," + today.minusDays(5) + ",1",
                item + "," + wh + "," + today.minusDays(5) + ",2",
                item + "," + wh + ",31.02.2026,1",
                item + "," + wh + "," + today.plusDays(2) + ",1");

        JsonNode refused = body(upload("demand-history", Role.PLANNER, "sales.csv", file)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(6)));
        List<String> errors = new ArrayList<>();
        refused.get("errors")
                .forEach(e -> errors.add(e.get("row").asInt() + " "
                        + e.get("field").asString() + ": " + e.get("message").asString()));
        assertThat(errors)
                .contains(
                        "3 item: unknown item 'NO-SUCH-ITEM'",
                        "4 qty: '-2' must not be negative",
                        "7 date: '31.02.2026' is not a date (yyyy-MM-dd)",
                        "8 date: '" + today.plusDays(2) + "' is in the future; history ends today");
        assertThat(errors).anyMatch(e -> e.startsWith("5 item,warehouse,date: ") && e.contains("rows 5, 6"));
        assertThat(errors).anyMatch(e -> e.startsWith("6 item,warehouse,date: "));
        assertThat(history(item)).isEqualByComparingTo("0");
    }

    @Test
    void rows_written_differently_for_the_same_key_are_duplicates_in_each_go_live_table() throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        String day = today.minusDays(3).toString();
        assertDuplicate(
                upload(
                        "opening-stock",
                        Role.WAREHOUSE,
                        "dup.csv",
                        csv(STOCK_HEADER, item + "," + wh + "-B1,,,10,1", item + "," + wh + "-B1,own,,5,1")),
                "item,location,owner,lot");
        assertThat(movements(item)).isZero();
        // the same day written two ways would otherwise keep one of the two quantities only
        assertDuplicate(
                upload(
                        "demand-history",
                        Role.PLANNER,
                        "dup.csv",
                        csv(
                                HISTORY_HEADER,
                                item + "," + wh + "," + day + ",7",
                                item + "," + wh + "," + day.replace('-', '/') + ",3")),
                "item,warehouse,date");
        assertThat(history(item)).isEqualByComparingTo("0");
        assertDuplicate(
                upload(
                        "open-purchase-orders",
                        Role.BUYER,
                        "dup.csv",
                        csv(
                                "reference,supplier,warehouse,item,qty,neededBy,status",
                                "ERP-D," + Fixtures.SUPPLIER_A + "," + wh + "," + item + ",5,,SENT",
                                "ERP-D," + Fixtures.SUPPLIER_A + "," + wh + "," + item + ",6,,SENT")),
                "reference,item");
        assertThat(ordersAt(wh)).isEmpty();
    }

    /** Both rows of the file are refused on the key columns, each naming rows 2 and 3. */
    private void assertDuplicate(ResultActions upload, String keyColumns) throws Exception {
        JsonNode refused = body(upload.andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(2)));
        List<String> errors = new ArrayList<>();
        refused.get("errors")
                .forEach(e -> errors.add(e.get("row").asInt() + " "
                        + e.get("field").asString() + ": " + e.get("message").asString()));
        assertThat(errors).anyMatch(e -> e.startsWith("2 " + keyColumns + ": ") && e.contains("rows 2, 3"));
        assertThat(errors).anyMatch(e -> e.startsWith("3 " + keyColumns + ": ") && e.contains("rows 2, 3"));
    }

    @Test
    void the_same_file_imported_twice_is_applied_once() throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        byte[] stock = csv(STOCK_HEADER, item + "," + wh + "-B1,,,12,3");
        byte[] sales = csv(
                HISTORY_HEADER,
                item + "," + wh + "," + today.minusDays(1) + ",4",
                item + "," + wh + "," + today.minusDays(8) + ",6");
        for (int attempt = 0; attempt < 2; attempt++) {
            upload("opening-stock", Role.ADMIN, "stock.csv", stock)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.imported").value(1))
                    .andExpect(jsonPath("$.rejected").value(0));
            upload("demand-history", Role.BUYER, "sales.csv", sales)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.imported").value(2));
        }
        // the second time everything is reported unchanged, and nothing was added
        upload("opening-stock", Role.ADMIN, "again.csv", stock)
                .andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.created").value(0));
        assertThat(movements(item)).isEqualTo(1);
        mvc.perform(get("/api/v1/stock").param("item", item).with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.content[0].onHand").value(12));
        assertThat(history(item)).isEqualByComparingTo("10");

        // another file with a day already imported is refused on that row: it would count the demand twice
        upload(
                        "demand-history",
                        Role.BUYER,
                        "overlap.csv",
                        csv(
                                HISTORY_HEADER,
                                item + "," + wh + "," + today.minusDays(1) + ",4",
                                item + "," + wh + "," + today.minusDays(2) + ",1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        assertThat(history(item)).isEqualByComparingTo("10");
    }

    @Test
    void opening_stock_shows_on_the_stock_page_with_its_value_and_as_an_opening_movement() throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        String other = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        upload(
                        "opening-stock",
                        Role.WAREHOUSE,
                        "opening.xlsx",
                        TabularFiles.write(
                                List.of("item", "location", "owner", "lot", "qty", "unitCost"),
                                List.of(
                                        List.of(item, wh + "-B1", "OWN", "", new BigDecimal("7"), new BigDecimal("10")),
                                        List.of(
                                                other,
                                                wh + "-B1",
                                                "",
                                                "",
                                                new BigDecimal("4"),
                                                new BigDecimal("5.25"))),
                                TabularFormat.XLSX))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));

        // own: 7 × 10.00 + 4 × 5.25 = 91.00
        mvc.perform(get("/stock")
                        .param("warehouse", wh)
                        .with(user("t-viewer").roles("VIEWER"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"own-value\">¥91.00<")))
                .andExpect(content().string(containsString("data-item=\"" + item + "\"")));
        mvc.perform(get("/api/v1/movements").param("item", item).with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.content[0].type").value("OPENING"))
                .andExpect(jsonPath("$.content[0].qty").value(7));
        mvc.perform(get("/api/v1/stock/reconcile").with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.ok").value(true));
        // only who posts stock may load opening stock
        upload("opening-stock", Role.BUYER, "opening.csv", csv(STOCK_HEADER, item + "," + wh + "-B1,,,1,1"))
                .andExpect(status().isForbidden());
    }

    List<String> ordersAt(String warehouse) {
        return jdbc.sql("""
                SELECT po.status FROM proc_purchase_order po JOIN warehouse w ON w.id = po.warehouse_id
                WHERE w.code = :w ORDER BY po.id""").param("w", warehouse).query(String.class).list();
    }

    @Test
    void open_purchase_orders_are_created_through_procurement_sent_or_confirmed_all_or_nothing_and_once_per_file()
            throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        String other = data.item(Fixtures.SUPPLIER_A, 7, "1", "1");
        String header = "reference,supplier,warehouse,item,qty,neededBy,status";
        String a = Fixtures.SUPPLIER_A;
        byte[] bad = csv(
                header,
                "ERP-1," + a + "," + wh + "," + item + ",40," + today.plusDays(5) + ",SENT",
                "ERP-1," + a + "," + wh + ",NO-SUCH-ITEM,5,,SENT",
                "ERP-2," + a + "," + wh + "," + item + ",0,,CONFIRMED",
                "ERP-3," + Fixtures.SUPPLIER_B + "," + wh + "," + item + ",5,,SENT",
                "ERP-1," + a + "," + wh + "," + other + ",5,,CONFIRMED",
                "ERP-4," + a + "," + wh + "," + other + ",5,2026-13-01,SENT");
        JsonNode refused = body(upload("open-purchase-orders", Role.BUYER, "po.csv", bad)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(5)));
        List<String> errors = new ArrayList<>();
        refused.get("errors")
                .forEach(e ->
                        errors.add(e.get("row").asInt() + " " + e.get("field").asString()));
        assertThat(errors).contains("3 item", "4 qty", "5 item", "6 status", "7 neededBy");
        assertThat(ordersAt(wh)).isEmpty();

        byte[] good = csv(
                header,
                "ERP-1," + a + "," + wh + "," + item + ",40," + today.plusDays(5) + ",SENT",
                "ERP-1," + a + "," + wh + "," + other + ",5," + today.plusDays(9) + ",SENT",
                "ERP-2," + a + "," + wh + "," + item + ",12," + today.plusDays(3) + ",CONFIRMED");
        for (int attempt = 0; attempt < 2; attempt++) {
            upload("open-purchase-orders", Role.BUYER, "po.csv", good)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.imported").value(3));
        }
        assertThat(ordersAt(wh)).containsExactly("SENT", "CONFIRMED");
        assertThat(jdbc.sql("""
                SELECT SUM(l.qty) FROM proc_po_line l JOIN proc_purchase_order po ON po.id = l.po_id
                JOIN warehouse w ON w.id = po.warehouse_id WHERE w.code = :w""").param("w", wh).query(BigDecimal.class).single())
                .isEqualByComparingTo("57");
    }

    /** Monthly demand of real spare parts (shared data): the series with the most months of demand. */
    static Map<String, double[]> busiestSeries(int count) throws IOException {
        Path file = Path.of("/work/shared/data/oil_spares_monthly.csv");
        assumeThat(Files.exists(file)).as("the shared real data at " + file).isTrue();
        Map<String, List<Double>> all = new LinkedHashMap<>();
        try (var lines = Files.lines(file)) {
            lines.skip(1).forEach(line -> {
                String[] f = line.split(",");
                all.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
            });
        }
        Map<String, double[]> chosen = new LinkedHashMap<>();
        all.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<Double>>>comparingLong(
                                e -> e.getValue().stream().filter(v -> v > 0).count())
                        .thenComparingDouble(e -> e.getValue().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum())
                        .reversed())
                .limit(count)
                .forEach(e -> chosen.put(
                        e.getKey(),
                        e.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
        return chosen;
    }

    @Test
    void imported_real_demand_history_and_opening_stock_give_sensible_suggestions_in_one_planning_run()
            throws Exception {
        Map<String, double[]> series = busiestSeries(2);
        String wh = data.warehouse();
        String empty = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        String stocked = data.item(Fixtures.SUPPLIER_A, 14, "1", "1");
        List<double[]> demand = new ArrayList<>(series.values());
        List<String> rows = new ArrayList<>();
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        String[] codes = {empty, stocked};
        double[] yearly = new double[2];
        for (int s = 0; s < 2; s++) {
            double[] months = demand.get(s);
            for (int m = 0; m < months.length; m++) {
                LocalDate day = firstOfMonth.minusMonths(months.length - 1 - m);
                if (months[m] > 0) {
                    rows.add(codes[s] + "," + wh + "," + day + ","
                            + BigDecimal.valueOf(months[m]).stripTrailingZeros().toPlainString());
                }
                if (m >= months.length - 12) {
                    yearly[s] += months[m];
                }
            }
        }
        upload("demand-history", Role.PLANNER, "erp-sales.csv", csv(HISTORY_HEADER, rows.toArray(String[]::new)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(rows.size()));
        // the stocked item starts with two years of its last year's demand on hand; the other with nothing
        String onHand = BigDecimal.valueOf(Math.max(1, 2 * yearly[1]))
                .stripTrailingZeros()
                .toPlainString();
        upload(
                        "opening-stock",
                        Role.WAREHOUSE,
                        "opening.csv",
                        csv(STOCK_HEADER, stocked + "," + wh + "-B1,,," + onHand + ",1"))
                .andExpect(status().isOk());

        JsonNode started = body(mvc.perform(post("/api/v1/planning/runs")
                        .with(as(Role.PLANNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"items\":[\"" + empty + "\",\"" + stocked + "\"],\"warehouse\":\"" + wh + "\"}"))
                .andExpect(status().isAccepted()));
        long id = started.get("id").asLong();
        JsonNode run = started;
        for (long deadline = System.nanoTime() + 60_000_000_000L;
                !"DONE".equals(run.get("status").asString()); ) {
            assertThat(run.get("status").asString()).isNotEqualTo("FAILED");
            assertThat(System.nanoTime()).as("the run finishes within a minute").isLessThan(deadline);
            Thread.sleep(50);
            run = body(mvc.perform(get("/api/v1/planning/runs/" + id).with(as(Role.VIEWER))));
        }

        JsonNode forEmpty = body(mvc.perform(get("/api/v1/suggestions")
                        .param("item", empty)
                        .param("run", String.valueOf(id))
                        .with(as(Role.BUYER))
                        .header("Accept-Language", "en")))
                .get("content");
        assertThat(forEmpty)
                .as("the item without stock gets one purchase suggestion")
                .hasSize(1);
        JsonNode s = forEmpty.get(0);
        assertThat(s.get("type").asString()).isEqualTo("PURCHASE");
        BigDecimal qty = new BigDecimal(s.get("qty").asString());
        BigDecimal forecast = new BigDecimal(s.get("forecastQty").asString());
        assertThat(forecast.signum())
                .as("the imported history gives a demand forecast")
                .isPositive();
        // sensible: more than nothing, and not more than the last two years' demand
        assertThat(qty.doubleValue()).isPositive().isLessThanOrEqualTo(2 * yearly[0]);
        assertThat(s.get("reason").asString()).contains("on hand 0");

        JsonNode forStocked = body(mvc.perform(get("/api/v1/suggestions")
                        .param("item", stocked)
                        .param("run", String.valueOf(id))
                        .with(as(Role.BUYER))))
                .get("content");
        assertThat(forStocked).as("two years of stock need no order").isEmpty();
        JsonNode f = body(mvc.perform(get("/api/v1/forecasts")
                        .param("item", stocked)
                        .param("location", wh)
                        .with(as(Role.VIEWER))))
                .get("content")
                .get(0);
        assertThat(f.get("demandClass").asString()).isNotBlank();
    }
}
