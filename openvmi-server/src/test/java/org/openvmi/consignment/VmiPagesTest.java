package org.openvmi.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.openvmi.testsupport.UiSessions;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;

/**
 * The scenario through the pages of both sides (buyer, supplier, warehouse, finance), in Chinese and English:
 * agreement form → to-ship board → ASN in one click → receipt → consumption → statement → issue → confirm → close.
 */
@H2Test
@Import(MutableClockConfiguration.class)
class VmiPagesTest extends VmiTestSupport {

    @Test
    void the_consignment_scenario_works_through_the_pages_of_both_sides() throws Exception {
        flushOpenLines(Fixtures.SUPPLIER_A);
        MockHttpSession buyer = UiSessions.login(mvc, "t-buyer");
        MockHttpSession supplierA = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        MockHttpSession supplierB = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_B);
        MockHttpSession warehouse = UiSessions.login(mvc, "t-warehouse");
        MockHttpSession finance = UiSessions.login(mvc, "t-finance");

        // the buyer writes the agreement; max < min is answered on the form
        mvc.perform(post("/vmi/agreements")
                        .session(buyer)
                        .with(csrf())
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("ownershipMode", "UNTIL_CONSUMED")
                        .param("settlementCycle", "MONTHLY")
                        .param("replenishWithinHours", "48")
                        .param("validFrom", "2026-01-01")
                        .param("currency", "CNY")
                        .param("lines[0].item", data.item)
                        .param("lines[0].location", data.vmi)
                        .param("lines[0].min", "100")
                        .param("lines[0].max", "50")
                        .param("lines[0].price", "2.95"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Line 1: ")))
                .andExpect(content().string(not(containsString("lines[0].max:"))));
        String url = mvc.perform(post("/vmi/agreements")
                        .session(buyer)
                        .with(csrf())
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("ownershipMode", "UNTIL_CONSUMED")
                        .param("settlementCycle", "MONTHLY")
                        .param("replenishWithinHours", "48")
                        .param("validFrom", "2026-01-01")
                        .param("currency", "CNY")
                        .param("penaltyTerms", "迟到每小时罚款 10 元")
                        .param("lines[0].item", data.item)
                        .param("lines[0].location", data.vmi)
                        .param("lines[0].min", "100")
                        .param("lines[0].max", "400")
                        .param("lines[0].price", "2.95")
                        .param("lines[1].item", ""))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(url).session(supplierA).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("消耗时转移")))
                .andExpect(content().string(containsString(data.itemName)));
        mvc.perform(get(url).session(supplierB)).andExpect(status().isNotFound());
        // a change through the edit form is a new version; version 1 stays readable
        mvc.perform(get(url + "/edit").session(buyer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"400\"")));
        mvc.perform(post(url)
                        .session(buyer)
                        .with(csrf())
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("ownershipMode", "UNTIL_CONSUMED")
                        .param("settlementCycle", "MONTHLY")
                        .param("replenishWithinHours", "24")
                        .param("validFrom", "2026-01-01")
                        .param("currency", "CNY")
                        .param("lines[0].item", data.item)
                        .param("lines[0].location", data.vmi)
                        .param("lines[0].min", "100")
                        .param("lines[0].max", "400")
                        .param("lines[0].price", "2.95"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(url).session(buyer).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("v2")))
                .andExpect(content().string(containsString("24 h")));

        // the supplier sees what to ship and makes the ASN in one click
        mvc.perform(get("/vmi/to-ship").session(supplierA).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("待发货")))
                .andExpect(content().string(containsString("id=\"to-ship-" + data.item + "\"")));
        mvc.perform(get("/vmi/to-ship").session(supplierB))
                .andExpect(content().string(not(containsString("id=\"to-ship-" + data.item + "\""))));
        String asnUrl = mvc.perform(post("/shipments/suggested")
                        .session(supplierA)
                        .with(csrf())
                        .param("item", data.item)
                        .param("location", data.vmi)
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("lot", "L2311"))
                .andExpect(flash().attribute("flash", containsString("ASN-")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(asnUrl).startsWith("/shipments/");

        // the warehouse receives 398 of the 400
        mvc.perform(post(asnUrl + "/receive").session(warehouse).with(csrf()).param("qty1", "398"))
                .andExpect(flash().attribute("flash", containsString("Receipt")));
        mvc.perform(get(asnUrl).session(warehouse).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("部分收货")))
                .andExpect(content().string(containsString("<td class=\"num received\">398</td>")));

        // consumption on the consignment stock page
        mvc.perform(post("/vmi/consumptions")
                        .session(warehouse)
                        .with(csrf())
                        .param("item", data.item)
                        .param("location", data.vmi)
                        .param("qty", "12")
                        .param("reference", "WO-1002"))
                .andExpect(flash().attribute("flash", containsString("Consumption")));
        mvc.perform(post("/vmi/consumptions")
                        .session(warehouse)
                        .with(csrf())
                        .param("item", data.item)
                        .param("location", data.vmi)
                        .param("qty", "1000"))
                .andExpect(flash().attribute("flashError", containsString("available 386, requested 1000")));
        mvc.perform(get("/vmi/stock").session(buyer))
                .andExpect(content().string(containsString("<td class=\"num consigned\">386</td>")));
        // the scanner types a barcode into the consume form
        mvc.perform(post("/vmi/consumptions")
                        .session(warehouse)
                        .with(csrf())
                        .param("item", data.barcode)
                        .param("location", data.vmi)
                        .param("qty", "1"))
                .andExpect(flash().attribute("flash", containsString("Consumption")));
        mvc.perform(get("/vmi/stock").session(warehouse).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("id=\"scan-item\"")))
                .andExpect(content().string(containsString("<td class=\"num consigned\">385</td>")));

        // finance makes and issues the statement; the supplier confirms; finance closes, prints and exports
        LocalDate today = LocalDate.now(clock);
        String stUrl = mvc.perform(post("/settlements")
                        .session(finance)
                        .with(csrf())
                        .param("supplier", Fixtures.SUPPLIER_A)
                        .param("from", periodStart().toString())
                        .param("to", today.withDayOfMonth(today.lengthOfMonth()).toString()))
                .andExpect(flash().attribute("flash", containsString("ST-")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(post(stUrl + "/issue").session(finance).with(csrf())).andExpect(flash().attributeExists("flash"));
        mvc.perform(get(stUrl).session(supplierA).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("已发布")))
                .andExpect(content().string(containsString("¥38.35")))
                .andExpect(content().string(containsString("id=\"confirm\"")));
        mvc.perform(post(stUrl + "/confirm").session(supplierB).with(csrf()))
                .andExpect(flash().attributeExists("flashError"));
        mvc.perform(post(stUrl + "/confirm").session(supplierA).with(csrf()).param("comment", "无误"))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(post(stUrl + "/close").session(finance).with(csrf())).andExpect(flash().attributeExists("flash"));
        mvc.perform(get(stUrl).session(finance).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("closed")));
        mvc.perform(get(stUrl + "/print").session(supplierA).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("寄售对账单")))
                .andExpect(content().string(containsString(data.itemName)));
        mvc.perform(get(stUrl + "/export").session(finance))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        mvc.perform(get("/settlements").session(supplierB))
                .andExpect(content().string(not(containsString("href=\"" + stUrl + "\""))));
        for (String page : new String[] {
            "/vmi/agreements", "/shipments", "/vmi/calloffs", "/settlements", "/vmi/stock", "/vmi/agreements/new"
        }) {
            mvc.perform(get(page).session(buyer).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void the_shipment_list_shows_those_due_today_or_late_on_asking_as_the_warehouse_home_links_it() throws Exception {
        agreement(data.supplier, "UNTIL_CONSUMED", line(data.item, "10", "500", "2.95", null));
        long late = asn(
                org.openvmi.testsupport.Fixtures.as(org.openvmi.security.Role.BUYER),
                data.supplier,
                asnLine(data.item, "5", null)); // expected 2026-11-25
        String future = "{\"supplier\":\"" + data.supplier + "\",\"expectedAt\":\""
                + clock.instant().plus(java.time.Duration.ofDays(3)) + "\",\"lines\":[" + asnLine(data.item, "5", null)
                + "]}";
        long later = body(postJson(
                                "/api/v1/shipments",
                                org.openvmi.testsupport.Fixtures.as(org.openvmi.security.Role.BUYER),
                                future)
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        MockHttpSession warehouse = UiSessions.login(mvc, "t-warehouse");

        mvc.perform(get("/shipments")
                        .param("status", "IN_TRANSIT")
                        .param("due", "today")
                        .session(warehouse))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"shipment-" + late + "\"")))
                .andExpect(content().string(not(containsString("id=\"shipment-" + later + "\""))))
                .andExpect(content().string(containsString("id=\"shipment-filter\"")));
        mvc.perform(get("/shipments").param("status", "IN_TRANSIT").session(warehouse))
                .andExpect(content().string(containsString("id=\"shipment-" + later + "\"")))
                .andExpect(content().string(not(containsString("id=\"shipment-filter\""))));
        mvc.perform(get("/shipments").param("due", "tomorrow").session(warehouse))
                .andExpect(status().isBadRequest());
    }
}
