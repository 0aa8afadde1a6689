package org.openvmi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The import / export page of the UI, in both languages. */
@H2Test
class ImportPageOnH2Test {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    @Test
    void the_page_offers_an_upload_per_entity_and_export_links_in_chinese_and_english() throws Exception {
        mvc.perform(get("/imports").with(user("t-buyer").roles("BUYER")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("导入 / 导出"),
                                containsString("只导入有效的行（部分导入）"),
                                containsString("/exports/items?format=csv"),
                                containsString("/exports/items?format=xlsx"),
                                containsString("action=\"/imports/items\""),
                                containsString("name=\"_csrf\""))));
        String english = mvc.perform(
                        get("/imports").with(user("t-buyer").roles("BUYER")).locale(Locale.ENGLISH))
                .andExpect(content()
                        .string(allOf(
                                containsString("Import valid rows only (partial)"),
                                containsString("code,name,uom,category,unitCost,lotTracked,barcodes"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english.split("id=\"sidebar\"", -1)).hasSize(2); // the menu once: the layout's nav fragment only
    }

    @Test
    void an_upload_shows_the_counts_and_a_table_of_the_bad_rows() throws Exception {
        String good = Fixtures.unique("UI");
        String csv = ImportApiContract.HEADER + "\n" + good + ",界面导入,PCS,,,,\n" + Fixtures.unique("UIBAD")
                + ",,PCS,,abc,,\n";
        MockMultipartFile file =
                new MockMultipartFile("file", "items.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/imports/items")
                        .file(file)
                        .with(csrf())
                        .with(user("t-buyer").roles("BUYER"))
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Nothing was imported: 1 row(s) have errors"),
                                containsString("id=\"import-errors\""),
                                containsString("<td>unitCost</td>"),
                                containsString("<td>name</td>"))));
        assertThat(count(good)).isZero();

        mvc.perform(multipart("/imports/items")
                        .file(file)
                        .param("partial", "true")
                        .with(csrf())
                        .with(user("t-buyer").roles("BUYER"))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已导入 1 行，拒绝 1 行。")));
        assertThat(count(good)).isOne();
    }

    @Test
    void an_upload_without_the_csrf_token_is_refused() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "items.csv",
                "text/csv",
                (ImportApiContract.HEADER + "\n" + Fixtures.unique("NOCSRF") + ",n,PCS,,,,\n")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/imports/items").file(file).with(user("t-buyer").roles("BUYER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_ui_download_is_an_attachment_of_the_same_export() throws Exception {
        mvc.perform(get("/exports/items")
                        .param("format", "xlsx")
                        .with(user("t-viewer").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("items-")))
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
    }

    @Test
    void the_page_offers_all_five_lists_with_chinese_and_english_labels() throws Exception {
        String[] entities = {"items", "warehouses", "locations", "suppliers", "supplier-items"};
        String zh = mvc.perform(
                        get("/imports").with(user("t-admin").roles("ADMIN")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh).contains("物料", "仓库", "库位", "供应商", "货源清单");
        String en = mvc.perform(
                        get("/imports").with(user("t-admin").roles("ADMIN")).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en)
                .contains(">Items<", ">Warehouses<", ">Locations<", ">Suppliers<", "Source lists")
                .contains("warehouse,code,name,type,allowNegative")
                .contains("supplier,item,supplierPartNo,price,currency,moq,packSize,leadTimeDays,primary");
        for (String e : entities) {
            assertThat(en)
                    .contains(
                            "/exports/" + e + "?format=csv",
                            "/exports/" + e + "?format=xlsx",
                            "data-action=\"/imports/" + e + "\"");
        }
    }

    @Test
    void the_xlsx_links_of_the_warehouse_and_supplier_lists_download_their_exports() throws Exception {
        for (String list : new String[] {"warehouses", "suppliers"}) {
            mvc.perform(get("/exports/" + list)
                            .param("format", "xlsx")
                            .with(user("t-viewer").roles("VIEWER")))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .contentTypeCompatibleWith(org.openvmi.shared.tabular.TabularFormat.XLSX.contentType()))
                    .andExpect(header().string("Content-Disposition", containsString(list + "-")))
                    .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
        }
        for (String page : new String[] {"/warehouses", "/suppliers"}) {
            String html = mvc.perform(get(page).with(user("t-admin").roles("ADMIN")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).contains("/exports" + page + "?format=xlsx");
        }
    }

    private long count(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM item WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }
}
