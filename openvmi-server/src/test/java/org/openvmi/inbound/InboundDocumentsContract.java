package org.openvmi.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.security.ApiKeys;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Inbound documents from other systems (issue 19 part 3, ADR 0063), through the REST API with API keys: posted once
 * per source id, a repeat answered with the first result, a refused document leaving nothing behind, the same
 * document sent twice at once posted once, supplier keys for their own stock only, and the file drop's row report.
 */
abstract class InboundDocumentsContract {

    static final String KEY = "X-API-Key";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    LedgerTestData data;
    String erpKey;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        data = new LedgerTestData(items, warehouses, suppliers);
        erpKey = apiKeys.create("erp " + data.warehouse, "t-warehouse").secret();
    }

    BigDecimal onHand(String item, String location) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(b.on_hand), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id
                JOIN location l ON l.id = b.location_id WHERE i.code = :i AND l.code = :l""")
                .param("i", item)
                .param("l", location)
                .query(BigDecimal.class)
                .single();
    }

    long movementsOf(String item) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement m JOIN item i ON i.id = m.item_id WHERE i.code = :i")
                .param("i", item)
                .query(Long.class)
                .single();
    }

    ResultActions send(String path, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/inbound/" + path)
                .header(KEY, key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String receipt(String sourceId, String qty) {
        return """
                {"sourceId":"%s","lines":[{"type":"RECEIPT","item":"%s","location":"%s","qty":%s,"reference":"GR-%s"}]}""".formatted(sourceId, data.item, data.bin1, qty, sourceId);
    }

    @Test
    void a_movement_document_sent_again_is_posted_once_and_answered_with_the_first_result() throws Exception {
        String id = Fixtures.unique("GR");
        String body = "{\"documents\":[" + receipt(id, "10") + "]}";
        String first = send("movements", erpKey, body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.posted").value(1))
                .andExpect(jsonPath("$.documents[0].sourceId").value(id))
                .andExpect(jsonPath("$.documents[0].status").value("POSTED"))
                .andExpect(jsonPath("$.documents[0].lines").value(1))
                .andExpect(jsonPath("$.documents[0].postedBy").value("t-warehouse"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Number postingId = JsonPath.read(first, "$.documents[0].postingIds[0]");
        String postedAt = JsonPath.read(first, "$.documents[0].postedAt");

        send("movements", erpKey, body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.posted").value(0))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.documents[0].status").value("DUPLICATE"))
                .andExpect(jsonPath("$.documents[0].postingIds[0]").value(postingId.longValue()))
                .andExpect(jsonPath("$.documents[0].postedAt").value(postedAt));

        assertThat(onHand(data.item, data.bin1)).isEqualByComparingTo("10");
        assertThat(movementsOf(data.item)).isEqualTo(1);
    }

    @Test
    void each_document_gets_its_own_result_and_a_refused_one_leaves_nothing_and_can_be_sent_again_corrected()
            throws Exception {
        String good = Fixtures.unique("GR");
        String bad = Fixtures.unique("GR");
        String badDoc = """
                {"sourceId":"%s","lines":[
                  {"type":"RECEIPT","item":"%s","location":"%s","qty":5},
                  {"type":"RECEIPT","item":"NO-SUCH-ITEM","location":"%s","qty":5}]}""".formatted(bad, data.item, data.bin2, data.bin2);
        send("movements", erpKey, "{\"documents\":[" + receipt(good, "3") + "," + badDoc + ",{\"lines\":[]}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.posted").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.documents[0].status").value("POSTED"))
                .andExpect(jsonPath("$.documents[1].status").value("REJECTED"))
                .andExpect(jsonPath("$.documents[1].errors[0].field").value("lines[1].item"))
                .andExpect(jsonPath("$.documents[1].postingIds").isEmpty())
                .andExpect(jsonPath("$.documents[2].status").value("REJECTED"))
                .andExpect(jsonPath("$.documents[2].errors[0].field").value("sourceId"));
        assertThat(onHand(data.item, data.bin2)).isEqualByComparingTo("0");

        String corrected = """
                {"sourceId":"%s","lines":[{"type":"RECEIPT","item":"%s","location":"%s","qty":5},
                  {"type":"RECEIPT","item":"%s","location":"%s","qty":5}]}""".formatted(bad, data.item, data.bin2, data.item, data.bin2);
        send("movements", erpKey, "{\"documents\":[" + corrected + "]}")
                .andExpect(jsonPath("$.documents[0].status").value("POSTED"));
        assertThat(onHand(data.item, data.bin2)).isEqualByComparingTo("10");

        // the same source id with other content is not a repeat: refused, naming the source id
        send("movements", erpKey, "{\"documents\":[" + receipt(good, "4") + "]}")
                .andExpect(jsonPath("$.documents[0].status").value("REJECTED"))
                .andExpect(jsonPath("$.documents[0].errors[0].field").value("sourceId"));
        assertThat(onHand(data.item, data.bin1)).isEqualByComparingTo("3");
    }

    @Test
    void an_issue_beyond_the_stock_is_rejected_with_the_line_quantity_named() throws Exception {
        String doc = """
                {"sourceId":"%s","lines":[{"type":"ISSUE","item":"%s","location":"%s","qty":1}]}""".formatted(Fixtures.unique("PICK"), data.item, data.bin1);
        send("movements", erpKey, "{\"documents\":[" + doc + "]}")
                .andExpect(jsonPath("$.documents[0].status").value("REJECTED"))
                .andExpect(jsonPath("$.documents[0].errors[0].field").value("lines[0].qty"));
    }

    @Test
    void a_sales_document_consumes_every_line_once() throws Exception {
        send("movements", erpKey, "{\"documents\":[" + receipt(Fixtures.unique("GR"), "20") + "]}")
                .andExpect(jsonPath("$.posted").value(1));
        String sale = """
                {"sourceId":"%s","lines":[{"item":"%s","location":"%s","qty":2,"reference":"POS-1"},
                  {"item":"%s","location":"%s","qty":3}]}""".formatted(Fixtures.unique("POS"), data.item, data.bin1, data.item, data.bin1);
        String body = "{\"documents\":[" + sale + "]}";
        send("consumptions", erpKey, body)
                .andExpect(jsonPath("$.documents[0].status").value("POSTED"))
                .andExpect(jsonPath("$.documents[0].postingIds.length()").value(2));
        send("consumptions", erpKey, body)
                .andExpect(jsonPath("$.documents[0].status").value("DUPLICATE"));
        assertThat(onHand(data.item, data.bin1)).isEqualByComparingTo("15");

        String tooMuch = """
                {"sourceId":"%s","lines":[{"item":"%s","location":"%s","qty":1},
                  {"item":"%s","location":"%s","qty":100}]}""".formatted(Fixtures.unique("POS"), data.item, data.bin1, data.item, data.bin1);
        send("consumptions", erpKey, "{\"documents\":[" + tooMuch + "]}")
                .andExpect(jsonPath("$.documents[0].status").value("REJECTED"))
                .andExpect(jsonPath("$.documents[0].errors[0].field").value("lines[1].qty"));
        assertThat(onHand(data.item, data.bin1)).isEqualByComparingTo("15");
    }

    @Test
    void a_supplier_key_reports_its_own_stock_and_is_refused_for_another_suppliers() throws Exception {
        String keyA = apiKeys.create("supplier erp", Fixtures.SUPPLIER_USER_A).secret();
        String own = """
                {"sourceId":"%s","lines":[{"item":"%s","available":120}]}""".formatted(Fixtures.unique("SS"), data.item);
        send("supplier-stock", keyA, "{\"documents\":[" + own + "]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documents[0].status").value("POSTED"));
        send("supplier-stock", keyA, "{\"documents\":[" + own + "]}")
                .andExpect(jsonPath("$.documents[0].status").value("DUPLICATE"));

        String other = """
                {"sourceId":"%s","supplier":"%s","lines":[{"item":"%s","available":1}]}""".formatted(Fixtures.unique("SS"), Fixtures.SUPPLIER_B, data.item);
        send("supplier-stock", keyA, "{\"documents\":[" + own.replace("SS-", "SS2-") + "," + other + "]}")
                .andExpect(status().isForbidden());
        // nothing of that batch was written, not even the document of its own
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_document WHERE source_id LIKE 'SS2-%'")
                        .query(Long.class)
                        .single())
                .isZero();
        // and a supplier's key may not post movements
        send("movements", keyA, "{\"documents\":[" + receipt(Fixtures.unique("GR"), "1") + "]}")
                .andExpect(status().isForbidden());
    }

    @Test
    void an_empty_batch_is_a_400_naming_documents() throws Exception {
        send("movements", erpKey, "{\"documents\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documents"));
        mvc.perform(post("/api/v1/inbound/movements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documents\":[]}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void the_same_document_sent_several_times_at_once_is_posted_once() throws Exception {
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 5; round++) {
                String body = "{\"documents\":[" + receipt(Fixtures.unique("RACE"), "1") + "]}";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> answers = new ArrayList<>();
                for (int r = 0; r < racers; r++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return send("movements", erpKey, body)
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse()
                                .getContentAsString();
                    }));
                }
                start.countDown();
                List<String> statuses = new ArrayList<>();
                List<Object> postings = new ArrayList<>();
                for (Future<String> a : answers) {
                    String json = a.get(30, TimeUnit.SECONDS);
                    statuses.add(JsonPath.read(json, "$.documents[0].status"));
                    postings.add(JsonPath.read(json, "$.documents[0].postingIds[0]"));
                }
                assertThat(statuses).containsOnlyOnce("POSTED");
                assertThat(statuses).filteredOn("DUPLICATE"::equals).hasSize(racers - 1);
                assertThat(postings).as("every answer names the one posting").containsOnly(postings.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(onHand(data.item, data.bin1)).isEqualByComparingTo("5");
        assertThat(movementsOf(data.item)).isEqualTo(5);
    }

    @Test
    void a_dropped_file_is_reported_row_by_row_and_posts_nothing_when_dropped_again() throws Exception {
        String g1 = Fixtures.unique("GR");
        String g2 = Fixtures.unique("GR");
        String csv = "sourceId,type,item,location,qty\n"
                + g1 + ",RECEIPT," + data.item + "," + data.bin1 + ",4\n"
                + g1 + ",RECEIPT," + data.item + "," + data.bin2 + ",6\n"
                + g2 + ",RECEIPT,NO-SUCH-ITEM," + data.bin1 + ",1\n"
                + g2 + ",RECEIPT," + data.item + "," + data.bin1 + ",abc\n";
        MockMultipartFile file =
                new MockMultipartFile("file", "receipts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/inbound/movements/file").file(file).header(KEY, erpKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.posted").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.report[0].row").value(2))
                .andExpect(jsonPath("$.report[0].status").value("POSTED"))
                .andExpect(jsonPath("$.report[1].status").value("POSTED"))
                .andExpect(jsonPath("$.report[2].status").value("REJECTED"))
                .andExpect(jsonPath("$.report[3].row").value(5))
                .andExpect(jsonPath("$.report[3].errors[0].field").value("qty"));
        mvc.perform(multipart("/api/v1/inbound/movements/file").file(file).header(KEY, erpKey))
                .andExpect(jsonPath("$.posted").value(0))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.report[0].status").value("DUPLICATE"));
        assertThat(onHand(data.item, data.bin1)).isEqualByComparingTo("4");
        assertThat(onHand(data.item, data.bin2)).isEqualByComparingTo("6");
    }

    @Test
    void the_file_drop_page_shows_the_row_report_in_the_users_language() throws Exception {
        String csv = "sourceId,item,location,qty\n" + Fixtures.unique("POS") + ",NO-SUCH-ITEM," + data.bin1 + ",1\n";
        MockMultipartFile file =
                new MockMultipartFile("file", "sales.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(
                        multipart("/inbound/consumptions/file")
                                .file(file)
                                .session(UiSessions.login(mvc, "t-warehouse"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("inbound-rows").contains("已拒绝").contains("sales.csv");
        String supplierPage = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inbound")
                                .session(UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(supplierPage).contains("supplier-stock/file").doesNotContain("movements/file");
    }
}
