package org.openvmi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The portal's one-time question "what do your columns mean?", in Chinese, then the file it kept is imported. */
@H2Test
class SupplierStockColumnsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate batch;

    @Autowired
    UserDirectory users;

    @Test
    void an_erp_export_with_unknown_headers_asks_once_with_guesses_and_imports_the_kept_file() throws Exception {
        Fixtures.ensure(jdbc, users);
        SupplierTestData data = new SupplierTestData(jdbc, batch);
        String supplier = data.supplierWithUser(users, "ERPP");
        List<String> items = data.items(supplier, 2, supplier, 5, "1.00", true);
        MockHttpSession session = UiSessions.login(mvc, supplier.toLowerCase());
        String csv = "物料名称,我方编码,可用数量\n轴承," + items.get(0) + ",5\n螺母," + items.get(1) + ",6\n";
        mvc.perform(multipart("/supplier-stock/upload")
                        .file(new MockMultipartFile(
                                "file", "erp.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .session(session)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("id=\"columns-form\"")))
                .andExpect(content().string(containsString("贵方各列的含义")))
                .andExpect(content()
                        .string(containsString("<option value=\"available\" selected=\"selected\">可用数量</option>")));
        mvc.perform(post("/supplier-stock/upload/columns")
                        .session(session)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("header", "物料名称", "我方编码", "可用数量")
                        .param("column", "itemName", "item", "available"))
                .andExpect(content().string(containsString("id=\"upload-done\"")));
        assertThat(data.stockRows(supplier)).isEqualTo(2);
        // the session's file is gone: answering again asks for the file
        mvc.perform(post("/supplier-stock/upload/columns")
                        .session(session)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("header", "x")
                        .param("column", ""))
                .andExpect(content().string(containsString("文件已失效")));
    }
}
