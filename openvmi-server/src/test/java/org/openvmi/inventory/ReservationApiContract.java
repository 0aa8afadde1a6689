package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Reservations through the REST API, on H2 and PostgreSQL; expiry by moving the test clock. */
abstract class ReservationApiContract extends StockDocsContract {

    @Autowired
    ReservationExpiryJob job;

    String reservation(String location, String qty, Instant expiresAt) {
        return "{\"item\":\"%s\",\"location\":\"%s\",\"qty\":%s,\"reference\":\"SO-1\",\"expiresAt\":%s}"
                .formatted(item, location, qty, expiresAt == null ? "null" : "\"" + expiresAt + "\"");
    }

    long reserve(String qty, Instant expiresAt) throws Exception {
        return body(postJson("/api/v1/reservations", Role.BUYER, reservation(bin1, qty, expiresAt))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
    }

    @Test
    void a_reservation_reduces_available_and_an_issue_of_reserved_stock_is_refused_with_409() throws Exception {
        receive(item, bin1, null, "10");
        long id = reserve("7", null);
        mvc.perform(get("/api/v1/stock")
                        .param("item", item)
                        .param("location", bin1)
                        .with(as(Role.VIEWER)))
                .andExpect(jsonPath("$.content[0].onHand").value(10))
                .andExpect(jsonPath("$.content[0].reserved").value(7))
                .andExpect(jsonPath("$.content[0].available").value(3));
        String issue = "{\"lines\":[{\"type\":\"ISSUE\",\"item\":\"%s\",\"location\":\"%s\",\"qty\":%s}]}";
        postJson("/api/v1/movements", Role.WAREHOUSE, issue.formatted(item, bin1, "4"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("available 3, requested 4")));
        postJson("/api/v1/movements", Role.WAREHOUSE, issue.formatted(item, bin1, "3"))
                .andExpect(status().isCreated());
        postJson("/api/v1/reservations", Role.BUYER, reservation(bin1, "1", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("qty"))
                .andExpect(jsonPath("$.detail", containsString(item)))
                .andExpect(jsonPath("$.detail", containsString("available 0, requested 1")));

        mvc.perform(delete("/api/v1/reservations/" + id).with(as(Role.WAREHOUSE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RELEASED"))
                .andExpect(jsonPath("$.releasedBy").value("t-warehouse"));
        assertThat(reserved(item, bin1)).isZero();
        mvc.perform(delete("/api/v1/reservations/" + id).with(as(Role.WAREHOUSE)))
                .andExpect(status().isConflict());
        assertThat(reserved(item, bin1)).isZero();
        mvc.perform(get("/api/v1/stock/reconcile").with(as(Role.FINANCE)))
                .andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void an_expired_reservation_is_released_by_the_job_after_moving_the_clock() throws Exception {
        receive(item, bin1, null, "10");
        long expiring = reserve("5", clock.instant().plus(Duration.ofHours(1)));
        long lasting = reserve("2", null);
        job.releaseExpired();
        mvc.perform(get("/api/v1/reservations/" + expiring).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(reserved(item, bin1)).isEqualByComparingTo("7");

        clock.advance(Duration.ofHours(2));
        job.releaseExpired();
        mvc.perform(get("/api/v1/reservations/" + expiring).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.status").value("EXPIRED"))
                .andExpect(jsonPath("$.releasedBy").value("system"));
        mvc.perform(get("/api/v1/reservations/" + lasting).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(reserved(item, bin1)).isEqualByComparingTo("2");
        mvc.perform(get("/api/v1/reservations")
                        .param("status", "EXPIRED")
                        .param("item", item)
                        .with(as(Role.PLANNER)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(expiring));
    }

    @Test
    void concurrent_reservations_never_promise_more_than_is_available() throws Exception {
        receive(item, bin1, null, "10");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/api/v1/reservations")
                                    .with(as(Role.BUYER))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(reservation(bin1, "6", null)))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            Collections.sort(statuses);
            assertThat(statuses).containsExactly(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reserved(item, bin1)).isEqualByComparingTo("6");
    }

    @Test
    void a_reservation_needs_a_known_key_a_positive_quantity_and_a_future_expiry() throws Exception {
        receive(item, bin1, null, "10");
        postJson("/api/v1/reservations", Role.BUYER, "{\"item\":\"NO-SUCH\",\"location\":\"" + bin1 + "\",\"qty\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("item")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("qty")));
        postJson(
                        "/api/v1/reservations",
                        Role.BUYER,
                        reservation(bin1, "1", clock.instant().minus(Duration.ofMinutes(1))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
        postJson("/api/v1/reservations", Role.BUYER, reservation(data.destTransit, "1", null))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("location"));
        postJson("/api/v1/reservations", Role.BUYER, reservation(bin2, "1", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("available 0, requested 1")));
        assertThat(reserved(item, bin1)).isZero();
    }

    @Test
    void a_supplier_user_gets_403_on_reservation_writes() throws Exception {
        receive(item, bin1, null, "10");
        long id = reserve("1", null);
        mvc.perform(post("/api/v1/reservations")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(reservation(bin1, "1", null)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/reservations/" + id).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/reservations/" + id).with(as(Role.FINANCE))).andExpect(status().isForbidden());
        assertThat(reserved(item, bin1)).isEqualByComparingTo("1");
    }
}
