package org.openvmi.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 13: a refused form names the problem in the page's language, never by its property path. */
@H2Test
class RefusedFormMessagesTest {

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
    void a_supplier_reporting_an_item_it_does_not_supply_reads_why_without_a_property_path() throws Exception {
        MockHttpSession supplier = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        mvc.perform(post("/supplier-stock/edit")
                        .session(supplier)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("item", "NO-SUCH-ITEM")
                        .param("available", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"edit-errors\"")))
                .andExpect(content().string(containsString("value=\"NO-SUCH-ITEM\"")))
                .andExpect(content().string(not(containsString("lines[0]"))))
                .andExpect(content().string(not(containsString("item: "))));
    }

    @Test
    void a_refused_requisition_comes_back_as_typed_with_the_line_named_by_its_number() throws Exception {
        MockHttpSession buyer = UiSessions.login(mvc, "t-buyer");
        mvc.perform(post("/requisitions")
                        .session(buyer)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("warehouse", "NO-SUCH-WH")
                        .param("note", "urgent for line 3")
                        .param("item", "NO-SUCH-ITEM", "", "", "", "")
                        .param("qty", "4", "", "", "", "")
                        .param("neededBy", "", "", "", "", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is no item &#39;NO-SUCH-ITEM&#39;")))
                .andExpect(content().string(containsString("value=\"urgent for line 3\"")))
                .andExpect(content().string(containsString("value=\"NO-SUCH-ITEM\"")))
                .andExpect(content().string(not(containsString("lines[0].item"))));
        // a quantity that is no number is a message at its row's field, not an error page
        mvc.perform(post("/requisitions")
                        .session(buyer)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("warehouse", "NO-SUCH-WH")
                        .param("item", "", "NO-SUCH-ITEM")
                        .param("qty", "", "五")
                        .param("neededBy", "", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"qty-1-error\">请输入数字</span>")))
                .andExpect(content().string(containsString("value=\"五\"")));
    }

    @Test
    void a_refused_call_off_or_approval_rule_comes_back_as_typed_with_the_reason_in_chinese() throws Exception {
        MockHttpSession buyer = UiSessions.login(mvc, "t-buyer");
        mvc.perform(post("/vmi/calloffs")
                        .session(buyer)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("item", "NO-SUCH-ITEM")
                        .param("location", "NO-SUCH-LOC")
                        .param("qty", "12")
                        .param("comment", "周五前"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", containsString("物料“NO-SUCH-ITEM”不存在")))
                .andExpect(flash().attribute("typed", hasEntry("item", "NO-SUCH-ITEM")))
                .andExpect(flash().attribute("typed", hasEntry("comment", "周五前")));
        // a quantity that is not a number is a message at its field, not an error page
        mvc.perform(post("/vmi/calloffs")
                        .session(buyer)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("item", "NO-SUCH-ITEM")
                        .param("location", "NO-SUCH-LOC")
                        .param("qty", "十二")
                        .param("comment", "周五前"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("fieldErrors", hasEntry("qty", "请输入数字")))
                .andExpect(flash().attribute("typed", hasEntry("qty", "十二")));
        mvc.perform(post("/vmi/calloffs")
                        .session(buyer)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("item", "NO-SUCH-ITEM")
                        .param("location", "NO-SUCH-LOC")
                        .param("qty", "12"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("fieldErrors", hasEntry("item", "There is no item 'NO-SUCH-ITEM'")));
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        mvc.perform(post("/approval-rules")
                        .session(admin)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("name", "大额")
                        .param("priority", "7")
                        .param("minAmount", "1000")
                        .param("approvers", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flashError"))
                .andExpect(flash().attribute("typed", hasEntry("name", "大额")))
                .andExpect(flash().attribute("typed", hasEntry("priority", "7")));
        // each refusal at its field, in Chinese: an unknown role among the approvers, an amount that is no number
        mvc.perform(post("/approval-rules")
                        .session(admin)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("name", "大额")
                        .param("priority", "7")
                        .param("minAmount", "一千")
                        .param("approvers", "t-buyer"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("fieldErrors", hasEntry("minAmount", "“一千”不是数字")))
                .andExpect(flash().attribute("typed", hasEntry("minAmount", "一千")));
        mvc.perform(post("/approval-rules")
                        .session(admin)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("name", "大额")
                        .param("priority", "x")
                        .param("approvers", "t-buyer, role:GOD"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("fieldErrors", hasEntry("priority", "“x”不是整数")));
        mvc.perform(post("/approval-rules")
                        .session(admin)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("name", "大额")
                        .param("priority", "7")
                        .param("approvers", "t-buyer, role:GOD"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "fieldErrors",
                                hasEntry(
                                        org.hamcrest.Matchers.is("approvers"),
                                        containsString("“role:GOD”既不是用户，也不是可选的角色"))));
    }
}
