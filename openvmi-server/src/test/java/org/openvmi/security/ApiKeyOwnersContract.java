package org.openvmi.security;

import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.cluster.CacheVersions;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API-key owner cache (ADR 0064): a verified key is not read from the database on every request, and a change
 * made by another instance (its cache_version bump) is honoured at this instance's next poll. On H2 and PostgreSQL.
 */
abstract class ApiKeyOwnersContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    CacheVersions cacheVersions;

    record Key(long id, String secret) {}

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
        cacheVersions.poll(); // the counters as they are now: the first poll after a start drops every cache
    }

    private Key createKey() throws Exception {
        String body = mvc.perform(post("/api/v1/api-keys")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + Fixtures.unique("cache") + "\",\"username\":\"t-viewer\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Key(((Number) JsonPath.read(body, "$.id")).longValue(), JsonPath.read(body, "$.secret"));
    }

    private int answer(Key key) throws Exception {
        return mvc.perform(get("/api/v1/items").header("X-API-Key", key.secret()))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void a_verified_key_is_not_read_again_and_a_revocation_by_another_instance_counts_from_the_next_poll()
            throws Exception {
        Key key = createKey();
        int first = answer(key);
        org.assertj.core.api.Assertions.assertThat(first).isEqualTo(200);

        // another instance revokes the key: its row changes, this instance has not heard of it yet
        jdbc.sql("UPDATE api_key SET revoked_at = CURRENT_TIMESTAMP WHERE id = :id")
                .param("id", key.id())
                .update();
        org.assertj.core.api.Assertions.assertThat(answer(key))
                .as("the owner comes from the cache, not from a read per request")
                .isEqualTo(200);

        // ... and bumps the counter in the same transaction; this instance's poll sees it
        jdbc.sql("UPDATE cache_version SET version = version + 1 WHERE name = 'api-keys'")
                .update();
        cacheVersions.poll();
        org.assertj.core.api.Assertions.assertThat(answer(key))
                .as("after the poll")
                .isEqualTo(401);
    }

    @Test
    void a_key_revoked_on_this_instance_is_refused_at_once() throws Exception {
        Key key = createKey();
        org.assertj.core.api.Assertions.assertThat(answer(key)).isEqualTo(200);
        mvc.perform(post("/api/v1/api-keys/" + key.id() + "/revoke").with(as(Role.ADMIN)))
                .andExpect(status().isOk());
        org.assertj.core.api.Assertions.assertThat(answer(key)).isEqualTo(401);
    }

    @Test
    void an_unknown_key_is_refused_every_time_and_a_valid_key_still_works_after_it() throws Exception {
        for (int i = 0; i < 3; i++) {
            org.assertj.core.api.Assertions.assertThat(answer(new Key(0, "ovk_unknown-" + i)))
                    .isEqualTo(401);
        }
        org.assertj.core.api.Assertions.assertThat(answer(createKey())).isEqualTo(200);
    }
}
