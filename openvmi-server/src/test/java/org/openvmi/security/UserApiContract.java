package org.openvmi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The user endpoints (ADMIN only), run on H2 and on PostgreSQL by its subclasses. */
abstract class UserApiContract {

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

    private ResultActions postUser(String json) throws Exception {
        return mvc.perform(post("/api/v1/users")
                .with(as(Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions putUser(String username, String json) throws Exception {
        return mvc.perform(put("/api/v1/users/" + username)
                .with(as(Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private String newBuyer(String password) throws Exception {
        String username = Fixtures.unique("u").toLowerCase();
        postUser("""
                {"username":"%s","displayName":"张三","password":"%s","roles":["BUYER"]}""".formatted(username, password)).andExpect(status().isCreated());
        return username;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private int itemsStatus(String username, String password) throws Exception {
        return mvc.perform(get("/api/v1/items").with(httpBasic(username, password)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void an_admins_time_zone_of_a_user_is_validated_like_the_own_settings_and_left_alone_when_omitted()
            throws Exception {
        String username = Fixtures.unique("u").toLowerCase();
        postUser("""
                {"username":"%s","password":"first-pass-1","roles":["BUYER"],"timeZone":"Mars/Olympus"}""".formatted(username))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("timeZone"));
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE username = '" + username + "'"))
                .isZero();
        postUser("""
                {"username":"%s","password":"first-pass-1","roles":["BUYER"],"timeZone":"Europe/Berlin"}""".formatted(username))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.timeZone").value("Europe/Berlin"));
        assertThat(users.timeZone(username)).contains(java.time.ZoneId.of("Europe/Berlin"));
        // left out of a PUT: unchanged; a bad one: refused naming the field, nothing changed; blank: the server's zone
        putUser(username, """
                {"username":"%s","displayName":"改名","roles":["BUYER"]}""".formatted(username))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").value("Europe/Berlin"));
        putUser(username, """
                {"username":"%s","displayName":"再改","roles":["BUYER"],"timeZone":"Asia/Nowhere"}""".formatted(username))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("timeZone"));
        mvc.perform(get("/api/v1/users/" + username).with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.displayName").value("改名"))
                .andExpect(jsonPath("$.timeZone").value("Europe/Berlin"));
        putUser(username, """
                {"username":"%s","displayName":"改名","roles":["BUYER"],"timeZone":""}""".formatted(username))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").doesNotExist());
        assertThat(users.timeZone(username)).isEmpty();
    }

    @Test
    void range_and_role_refusals_carry_their_codes_with_the_english_text_unchanged() throws Exception {
        postUser("""
                {"username":"%s","password":"first-pass-1","roles":["SUPPLIER","BUYER"],"supplier":"%s"}""".formatted(Fixtures.unique("u").toLowerCase(), Fixtures.SUPPLIER_A))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].code").value("supplierRoles"))
                .andExpect(jsonPath("$.errors[0].message").value("a SUPPLIER user cannot have buyer-side roles"));
        mvc.perform(get("/api/v1/users").param("size", "5000").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("between"))
                .andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 1000"));
    }

    @Test
    void an_admin_creates_a_user_who_can_then_sign_in_with_its_password() throws Exception {
        String username = Fixtures.unique("u").toLowerCase();
        postUser("""
                {"username":"%s","displayName":"张三","password":"first-pass-1","roles":["BUYER","PLANNER"]}""".formatted(username))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/users/" + username))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.displayName").value("张三"))
                .andExpect(jsonPath("$.roles", hasSize(2)))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist());

        assertThat(itemsStatus(username, "first-pass-1")).isEqualTo(200);
        assertThat(itemsStatus(username, "wrong-pass-1")).isEqualTo(401);
        mvc.perform(get("/api/v1/users/" + username).with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", hasItem("PLANNER")));
        mvc.perform(get("/api/v1/users").param("size", "1000").with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.content[*].username", hasItem(username)));

        List<String> audit = jdbc.sql("SELECT after_json FROM audit_log WHERE entity = 'user' AND action = 'CREATE' "
                        + "AND entity_key = :k")
                .param("k", username)
                .query(String.class)
                .list();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).contains(username).doesNotContain("$2a$").doesNotContainIgnoringCase("password");
    }

    @Test
    void a_duplicate_username_is_409_naming_the_field_and_changes_nothing() throws Exception {
        String username = newBuyer("first-pass-1");
        long usersBefore = count("SELECT COUNT(*) FROM app_user");
        long auditBefore = count("SELECT COUNT(*) FROM audit_log");

        postUser("""
                {"username":"%s","password":"other-pass-2","roles":["ADMIN"]}""".formatted(username))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(jsonPath("$.detail", containsString(username)));

        assertThat(count("SELECT COUNT(*) FROM app_user")).isEqualTo(usersBefore);
        assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(auditBefore);
        assertThat(itemsStatus(username, "first-pass-1")).isEqualTo(200);
        assertThat(itemsStatus(username, "other-pass-2")).isEqualTo(401);
        mvc.perform(get("/api/v1/users/" + username).with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.roles[0]").value("BUYER"));
    }

    @Test
    void invalid_fields_are_400_naming_each_field_and_create_nothing() throws Exception {
        long usersBefore = count("SELECT COUNT(*) FROM app_user");
        String u = Fixtures.unique("u").toLowerCase();

        postUser("{\"username\":\"has space\",\"password\":\"short\",\"roles\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
        postUser("{\"username\":\"" + u + "\",\"roles\":[\"BUYER\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        postUser("{\"username\":\"" + u + "\",\"password\":\"long-enough\",\"roles\":[\"SUPPLIER\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supplier"));
        postUser("{\"username\":\"" + u
                        + "\",\"password\":\"long-enough\",\"roles\":[\"SUPPLIER\"],\"supplier\":\"NO-SUCH\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supplier"))
                .andExpect(jsonPath("$.errors[0].message", containsString("NO-SUCH")));
        postUser("{\"username\":\"" + u
                        + "\",\"password\":\"long-enough\",\"roles\":[\"BUYER\"],\"supplier\":\"T-SUP-A\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supplier"));
        postUser(
                        "{\"username\":\"" + u
                                + "\",\"password\":\"long-enough\",\"roles\":[\"SUPPLIER\",\"BUYER\"],\"supplier\":\"T-SUP-A\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        postUser("{\"username\":\"" + u + "\",\"password\":\"long-enough\",\"roles\":[\"KING\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", containsString("roles")));

        assertThat(count("SELECT COUNT(*) FROM app_user")).isEqualTo(usersBefore);
    }

    @Test
    void a_supplier_user_is_bound_to_its_supplier() throws Exception {
        String u = Fixtures.unique("sup").toLowerCase();
        postUser("{\"username\":\"" + u
                        + "\",\"password\":\"long-enough\",\"roles\":[\"SUPPLIER\"],\"supplier\":\"T-SUP-B\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.supplier").value("T-SUP-B"));
        assertThat(jdbc.sql(
                                "SELECT s.code FROM app_user u JOIN supplier s ON s.id = u.supplier_id WHERE u.username = :u")
                        .param("u", u)
                        .query(String.class)
                        .single())
                .isEqualTo("T-SUP-B");
    }

    @Test
    void an_update_without_password_keeps_it_and_an_update_with_one_resets_it() throws Exception {
        String username = newBuyer("first-pass-1");

        putUser(username, "{\"displayName\":\"李四\",\"roles\":[\"VIEWER\"],\"enabled\":true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.displayName").value("李四"))
                .andExpect(jsonPath("$.roles[0]").value("VIEWER"));
        assertThat(itemsStatus(username, "first-pass-1")).isEqualTo(200);
        mvc.perform(post("/api/v1/items")
                        .with(httpBasic(username, "first-pass-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());

        putUser(username, "{\"roles\":[\"VIEWER\"],\"password\":\"second-pass-2\"}")
                .andExpect(status().isOk());
        assertThat(itemsStatus(username, "first-pass-1")).isEqualTo(401);
        assertThat(itemsStatus(username, "second-pass-2")).isEqualTo(200);

        putUser(username, "{\"roles\":[\"VIEWER\"],\"password\":\"short\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        assertThat(itemsStatus(username, "second-pass-2")).isEqualTo(200);

        String update = jdbc.sql("SELECT before_json || ' => ' || after_json FROM audit_log WHERE entity = 'user' "
                        + "AND action = 'UPDATE' AND entity_key = :k ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("k", username)
                .query(String.class)
                .single();
        assertThat(update).contains("BUYER", "VIEWER", "李四").doesNotContain("$2a$");
    }

    @Test
    void a_disabled_user_can_no_longer_sign_in_until_enabled_again() throws Exception {
        String username = newBuyer("first-pass-1");
        putUser(username, "{\"roles\":[\"BUYER\"],\"enabled\":false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        assertThat(itemsStatus(username, "first-pass-1")).isEqualTo(401);
        putUser(username, "{\"roles\":[\"BUYER\"],\"enabled\":true}").andExpect(status().isOk());
        assertThat(itemsStatus(username, "first-pass-1")).isEqualTo(200);
    }

    @Test
    void an_unknown_user_is_404() throws Exception {
        mvc.perform(get("/api/v1/users/no-such-user").with(as(Role.ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        putUser("no-such-user", "{\"roles\":[\"BUYER\"]}").andExpect(status().isNotFound());
    }

    @Test
    void the_last_enabled_admin_can_neither_lose_the_role_nor_be_disabled() throws Exception {
        List<Long> otherAdmins = jdbc.sql("SELECT id FROM app_user WHERE roles LIKE '%ADMIN%' AND enabled = TRUE "
                        + "AND username <> 't-admin'")
                .query(Long.class)
                .list();
        if (!otherAdmins.isEmpty()) {
            jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id IN (:ids)")
                    .param("ids", otherAdmins)
                    .update();
        }
        try {
            putUser("t-admin", "{\"roles\":[\"BUYER\"],\"enabled\":true}")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("roles"));
            putUser("t-admin", "{\"roles\":[\"ADMIN\"],\"enabled\":false}")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("enabled"));
            mvc.perform(get("/api/v1/users").with(as(Role.ADMIN))).andExpect(status().isOk());

            String second = Fixtures.unique("adm").toLowerCase();
            postUser("{\"username\":\"" + second + "\",\"password\":\"long-enough\",\"roles\":[\"ADMIN\"]}")
                    .andExpect(status().isCreated());
            putUser(second, "{\"roles\":[\"VIEWER\"],\"enabled\":true}").andExpect(status().isOk());
        } finally {
            if (!otherAdmins.isEmpty()) {
                jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE id IN (:ids)")
                        .param("ids", otherAdmins)
                        .update();
            }
        }
    }

    @Test
    void users_are_listed_in_pages_within_the_contract_bounds() throws Exception {
        mvc.perform(get("/api/v1/users").param("size", "2").param("page", "1").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(2)))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalElements").value((int) count("SELECT COUNT(*) FROM app_user")));
        mvc.perform(get("/api/v1/users").param("size", "0").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void only_an_admin_may_read_or_change_users() throws Exception {
        mvc.perform(get("/api/v1/users").with(as(Role.BUYER)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/users/t-buyer")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"ADMIN\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users/t-buyer").with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.roles[0]").value("BUYER"));
    }
    /**
     * The demo seeder's users share the published password: it is hashed once (one BCrypt at the default strength
     * per user was a quarter of a second of CPU each in a cold JVM), so they share one hash; each can sign in with it,
     * and a user created on its own still gets a hash of its own.
     */
    @Test
    void users_created_with_a_shared_password_get_one_hash_and_each_can_sign_in() throws Exception {
        List<String> names = List.of(
                Fixtures.unique("s").toLowerCase(),
                Fixtures.unique("s").toLowerCase(),
                Fixtures.unique("s").toLowerCase());
        List<UserCommand> commands = names.stream()
                .map(name -> {
                    UserCommand c = new UserCommand();
                    c.setUsername(name);
                    c.setDisplayName(name);
                    c.setRoles(java.util.EnumSet.of(Role.VIEWER));
                    return c;
                })
                .toList();
        List<UserView> created = users.createWithSharedPassword(commands, "shared-secret");
        assertThat(created).extracting(UserView::username).containsExactlyElementsOf(names);
        List<String> hashes = jdbc.sql("SELECT password_hash FROM app_user WHERE username IN (:names)")
                .param("names", names)
                .query(String.class)
                .list();
        assertThat(hashes).hasSize(3);
        assertThat(hashes.stream().distinct()).as("hashed once").hasSize(1);
        for (String name : names) {
            assertThat(itemsStatus(name, "shared-secret")).isEqualTo(200);
            assertThat(itemsStatus(name, "other-secret")).isEqualTo(401);
        }
        String alone = newBuyer("shared-secret");
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
                        .param("u", alone)
                        .query(String.class)
                        .single())
                .as("a user created on its own has its own salt")
                .isNotEqualTo(hashes.get(0));
    }
}
