package org.openvmi.stockpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The stock lines page: add one, bulk edit all or nothing with the message on the bad row, in both languages. */
@H2Test
class StockPolicyPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    String item;
    String other;
    String wh;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
        item = Fixtures.unique("PGI");
        other = Fixtures.unique("PGO");
        wh = Fixtures.unique("PGW");
        for (String code : new String[] {item, other}) {
            jdbc.sql("INSERT INTO item (code, name, uom) VALUES (:c, '轴承', 'PCS')")
                    .param("c", code)
                    .update();
        }
        jdbc.sql("INSERT INTO warehouse (code, name) VALUES (:c, '上海仓')")
                .param("c", wh)
                .update();
    }

    private BigDecimal stored(String code, String column) {
        return jdbc.sql("SELECT p." + column + " FROM stock_policy p JOIN item i ON i.id = p.item_id WHERE i.code = :c")
                .param("c", code)
                .query(BigDecimal.class)
                .single();
    }

    @Test
    void lines_are_added_then_edited_in_bulk_and_a_bad_row_saves_nothing() throws Exception {
        for (String code : new String[] {item, other}) {
            mvc.perform(post("/stock-policies/add")
                            .with(user("t-planner").roles("PLANNER"))
                            .with(csrf())
                            .param("item", code)
                            .param("location", wh)
                            .param("safety", "5")
                            .param("warning", "10")
                            .param("max", "50")
                            .param("mode", "MANUAL"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/stock-policies")
                        .param("location", wh)
                        .with(user("t-viewer").roles("VIEWER"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("库存水位线")))
                .andExpect(content().string(containsString(item)))
                .andExpect(content().string(containsString(other)));

        // rows sorted by item code: item (PGI…) first, other (PGO…) second; the second row breaks the rule
        mvc.perform(post("/stock-policies")
                        .with(user("t-buyer").roles("BUYER"))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("location", wh)
                        .param("rows[0].item", item)
                        .param("rows[0].location", wh)
                        .param("rows[0].safety", "6")
                        .param("rows[0].warning", "12")
                        .param("rows[0].max", "60")
                        .param("rows[0].mode", "MANUAL")
                        .param("rows[1].item", other)
                        .param("rows[1].location", wh)
                        .param("rows[1].safety", "80")
                        .param("rows[1].warning", "12")
                        .param("rows[1].max", "60")
                        .param("rows[1].mode", "MANUAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("safety stock must not be above the warning line")));
        assertThat(stored(item, "safety")).isEqualByComparingTo("5");

        mvc.perform(post("/stock-policies")
                        .with(user("t-buyer").roles("BUYER"))
                        .with(csrf())
                        .param("location", wh)
                        .param("rows[0].item", item)
                        .param("rows[0].location", wh)
                        .param("rows[0].safety", "6")
                        .param("rows[0].warning", "12")
                        .param("rows[0].max", "60")
                        .param("rows[0].mode", "DYNAMIC")
                        .param("rows[1].item", other)
                        .param("rows[1].location", wh)
                        .param("rows[1].safety", "5")
                        .param("rows[1].warning", "10")
                        .param("rows[1].max", "50")
                        .param("rows[1].mode", "MANUAL"))
                .andExpect(status().is3xxRedirection());
        assertThat(stored(item, "safety")).isEqualByComparingTo("6");
        assertThat(stored(item, "max_qty")).isEqualByComparingTo("60");
        assertThat(jdbc.sql("SELECT p.mode FROM stock_policy p JOIN item i ON i.id = p.item_id WHERE i.code = :c")
                        .param("c", item)
                        .query(String.class)
                        .single())
                .isEqualTo("DYNAMIC");
    }

    @Test
    void the_page_says_whether_a_service_level_is_a_target_and_who_set_it_in_both_languages() throws Exception {
        mvc.perform(post("/stock-policies/add")
                        .with(user("t-planner").roles("PLANNER"))
                        .with(csrf())
                        .param("item", item)
                        .param("location", wh)
                        .param("safety", "5")
                        .param("warning", "10")
                        .param("max", "50")
                        .param("serviceLevel", "0.98")
                        .param("mode", "DYNAMIC"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT p.service_level_set_by FROM stock_policy p JOIN item i ON i.id = p.item_id"
                                + " WHERE i.code = :c")
                        .param("c", item)
                        .query(String.class)
                        .single())
                .isEqualTo("t-planner");
        jdbc.sql("""
                INSERT INTO stock_policy (item_id, warehouse_id, safety, warning, max_qty, service_level, mode,
                                          updated_at, updated_by)
                VALUES ((SELECT id FROM item WHERE code = :i), (SELECT id FROM warehouse WHERE code = :w), 1, 2, 3, 0.95,
                        'DYNAMIC', CURRENT_TIMESTAMP, 'system')""").param("i", other).param("w", wh).update();
        mvc.perform(get("/stock-policies")
                        .param("location", wh)
                        .with(user("t-viewer").roles("VIEWER"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("目标，由 t-planner 设定")))
                .andExpect(content().string(containsString("计划运行的服务水平")))
                .andExpect(content().string(not(containsString("level of the planning runs"))));
        jdbc.sql("UPDATE stock_policy SET service_level_set_by = 'rule:7' WHERE item_id = (SELECT id FROM item"
                        + " WHERE code = :i)")
                .param("i", item)
                .update();
        mvc.perform(get("/stock-policies")
                        .param("location", wh)
                        .with(user("t-viewer").roles("VIEWER"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("target set by rule #7")))
                .andExpect(content().string(containsString("level of the planning runs")));
    }

    @Test
    void adding_lines_for_an_unknown_item_shows_the_message_at_the_item_field() throws Exception {
        mvc.perform(post("/stock-policies/add")
                        .with(user("t-planner").roles("PLANNER"))
                        .with(csrf())
                        .param("item", "NO-SUCH")
                        .param("location", wh)
                        .param("safety", "1")
                        .param("warning", "2")
                        .param("max", "3")
                        .param("mode", "MANUAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"item-error\"")))
                .andExpect(content().string(containsString("There is no item &#39;NO-SUCH&#39;")))
                .andExpect(content().string(containsString("value=\"NO-SUCH\"")));
        // in the page's language, not the API's English
        mvc.perform(post("/stock-policies/add")
                        .with(user("t-planner").roles("PLANNER"))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("item", "NO-SUCH")
                        .param("location", wh)
                        .param("safety", "1")
                        .param("warning", "2")
                        .param("max", "3")
                        .param("mode", "MANUAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("物料“NO-SUCH”不存在")))
                .andExpect(content().string(not(containsString("unknown item"))));
        // Bean Validation's own default ("不能为null") is not what the user reads either
        mvc.perform(post("/stock-policies/add")
                        .with(user("t-planner").roles("PLANNER"))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("item", "NO-SUCH")
                        .param("location", wh)
                        .param("safety", "")
                        .param("warning", "2")
                        .param("max", "3")
                        .param("mode", "MANUAL"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<span class=\"field-error\" id=\"safety-error\">请填写此项</span>")))
                .andExpect(content().string(not(containsString("不能为null"))));
    }
}
