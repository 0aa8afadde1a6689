package org.openvmi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.openvmi.testsupport.Fixtures.as;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.supplier.model.InvitationTokens;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Onboarding: a buyer invites a supplier user by e-mail; the one-time link sets the password once, until it expires. */
@TestPropertySource(properties = "spring.mail.host=127.0.0.1")
abstract class SupplierInvitationContract {

    static final GreenMail SMTP = start();

    private static GreenMail start() {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

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

    private String invite(String username, String email) throws Exception {
        mvc.perform(post("/api/v1/supplier-invitations")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplier\":\"" + Fixtures.SUPPLIER_A + "\",\"username\":\"" + username
                                + "\",\"email\":\"" + email + "\",\"language\":\"en\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.supplier").value(Fixtures.SUPPLIER_A));
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipients(m).contains(email))
                .findFirst()
                .orElseThrow();
        Matcher link = Pattern.compile("/invitations/([A-Za-z0-9_-]{20,})").matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("the mail carries the link").isTrue();
        return link.group(1);
    }

    private static String recipients(MimeMessage m) {
        try {
            return GreenMailUtil.getAddressList(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_invited_supplier_user_sets_its_password_once_through_the_mailed_link_and_then_signs_in() throws Exception {
        String username = Fixtures.unique("inv").toLowerCase();
        String token = invite(username, username + "@supplier.example.com");

        // only the token's hash is stored; the user exists but cannot sign in yet
        assertThat(jdbc.sql("SELECT token_hash FROM supplier_invitation WHERE username = :u")
                        .param("u", username)
                        .query(String.class)
                        .single())
                .isEqualTo(InvitationTokens.hash(token))
                .isNotEqualTo(token);
        mvc.perform(get("/api/v1/supplier-stock").with(httpBasic(username, "my-new-secret")))
                .andExpect(status().isUnauthorized());

        mvc.perform(get("/invitations/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("accept-form")));
        mvc.perform(post("/invitations/" + token)
                        .with(csrf())
                        .param("password", "my-new-secret")
                        .param("confirmation", "other"))
                .andExpect(content().string(containsString("does not match")));
        mvc.perform(post("/invitations/" + token)
                        .with(csrf())
                        .param("password", "short")
                        .param("confirmation", "short"))
                .andExpect(content().string(containsString("8 to 100")));
        mvc.perform(post("/invitations/" + token)
                        .with(csrf())
                        .param("password", "my-new-secret")
                        .param("confirmation", "my-new-secret"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accepted\"")));

        mvc.perform(get("/api/v1/supplier-stock").with(httpBasic(username, "my-new-secret")))
                .andExpect(status().isOk());
        assertThat(users.get(username).supplier()).isEqualTo(Fixtures.SUPPLIER_A);
        assertThat(users.get(username).roles()).containsExactly(Role.SUPPLIER);

        // the link works once
        mvc.perform(post("/invitations/" + token)
                        .with(csrf())
                        .param("password", "taken-over!")
                        .param("confirmation", "taken-over!"))
                .andExpect(content().string(containsString("already been used")));
        mvc.perform(get("/api/v1/supplier-stock").with(httpBasic(username, "taken-over!")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/supplier-invitations").with(as(Role.ADMIN)))
                .andExpect(content().string(containsString("ACCEPTED")));
    }

    @Test
    void an_expired_or_unknown_link_sets_nothing() throws Exception {
        String username = Fixtures.unique("exp").toLowerCase();
        String token = invite(username, username + "@supplier.example.com");
        jdbc.sql("UPDATE supplier_invitation SET expires_at = expires_at - INTERVAL '4' DAY WHERE username = :u")
                .param("u", username)
                .update();
        mvc.perform(get("/invitations/" + token)).andExpect(content().string(containsString("expired")));
        mvc.perform(post("/invitations/" + token)
                        .with(csrf())
                        .param("password", "my-new-secret")
                        .param("confirmation", "my-new-secret"))
                .andExpect(content().string(containsString("expired")));
        mvc.perform(get("/api/v1/supplier-stock").with(httpBasic(username, "my-new-secret")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/invitations/not-a-real-token")).andExpect(content().string(containsString("id=\"invalid\"")));
    }

    @Test
    void only_buyers_and_admins_invite_and_a_taken_user_name_is_refused() throws Exception {
        String body = "{\"supplier\":\"" + Fixtures.SUPPLIER_A + "\",\"username\":\"x-" + System.nanoTime()
                + "\",\"email\":\"x@example.com\"}";
        mvc.perform(post("/api/v1/supplier-invitations")
                        .with(asUser(Fixtures.SUPPLIER_USER_A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/supplier-invitations")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/supplier-invitations")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplier\":\"" + Fixtures.SUPPLIER_A + "\",\"username\":\""
                                + Fixtures.SUPPLIER_USER_B + "\",\"email\":\"x@example.com\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/supplier-invitations")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplier\":\"NO-SUCH-SUP\",\"username\":\"nobody-" + System.nanoTime()
                                + "\",\"email\":\"x@example.com\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_invitation_page_explains_a_refusal_at_its_field_and_keeps_what_was_typed() throws Exception {
        org.springframework.mock.web.MockHttpSession buyer = org.openvmi.testsupport.UiSessions.login(mvc, "t-buyer");
        long invitations = jdbc.sql("SELECT COUNT(*) FROM supplier_invitation")
                .query(Long.class)
                .single();
        String unknown = mvc.perform(
                        post("/supplier-invitations")
                                .session(buyer)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .locale(java.util.Locale.SIMPLIFIED_CHINESE)
                                .param("supplier", "NO-SUCH-SUP")
                                .param("username", "li-lei")
                                .param("email", "li@supplier.example.com")
                                .param("displayName", "李雷"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(unknown)
                .contains("id=\"supplier-error\">供应商“NO-SUCH-SUP”不存在<")
                .contains("value=\"li@supplier.example.com\"")
                .contains("value=\"李雷\"")
                .contains("value=\"li-lei\"");
        String taken = mvc.perform(
                        post("/supplier-invitations")
                                .session(buyer)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .locale(java.util.Locale.ENGLISH)
                                .param("supplier", Fixtures.SUPPLIER_A)
                                .param("username", Fixtures.SUPPLIER_USER_B)
                                .param("email", "x@example.com"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(taken)
                .contains("id=\"username-error\">&#39;" + Fixtures.SUPPLIER_USER_B + "&#39; already exists<")
                .contains("value=\"x@example.com\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supplier_invitation")
                        .query(Long.class)
                        .single())
                .isEqualTo(invitations);
    }
}
