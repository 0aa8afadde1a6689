package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.MutableClockConfiguration;
import org.springframework.context.annotation.Import;

/** The reservation list page and its release button. */
@H2Test
@Import(MutableClockConfiguration.class)
class ReservationPagesTest extends StockDocsContract {

    @Test
    void reservations_are_listed_and_released_from_the_page() throws Exception {
        receive(item, bin1, null, "10");
        long id = body(postJson(
                                "/api/v1/reservations",
                                Role.BUYER,
                                "{\"item\":\"" + item + "\",\"location\":\"" + bin1
                                        + "\",\"qty\":4,\"reference\":\"SO-9\"}")
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        mvc.perform(get("/reservations")
                        .param("item", item)
                        .with(user("t-planner").roles("PLANNER"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("生效中")))
                .andExpect(content().string(containsString("SO-9")));
        mvc.perform(post("/reservations/" + id + "/release")
                        .with(user("t-buyer").roles("BUYER"))
                        .with(csrf()))
                .andExpect(flash().attribute("flash", containsString(String.valueOf(id))));
        assertThat(reserved(item, bin1)).isZero();
        mvc.perform(get("/reservations").with(user("t-sup-a").roles("SUPPLIER")))
                .andExpect(status().isForbidden());
    }
}
