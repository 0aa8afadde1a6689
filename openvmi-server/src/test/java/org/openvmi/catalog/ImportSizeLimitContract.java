package org.openvmi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The upload limit through a real servlet container (MockMvc would skip its multipart parsing). Subclasses start the
 * server on a random port with {@code openvmi.imports.max-file-size=1KB}.
 */
abstract class ImportSizeLimitContract {

    static final String SMALL_LIMIT = "openvmi.imports.max-file-size=1KB";

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    @Test
    void an_upload_over_the_configured_limit_is_413_problem_json_and_changes_nothing() {
        long items = count("item");
        long audits = count("audit_log");

        ResponseEntity<String> response = upload(bigCsv());

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody()).contains("\"status\":413");
        assertThat(count("item")).isEqualTo(items);
        assertThat(count("audit_log")).isEqualTo(audits);
    }

    @Test
    void an_upload_under_the_limit_is_imported() {
        String code = Fixtures.unique("SMALL");
        ResponseEntity<String> response = upload(ImportApiContract.HEADER + "\r\n" + code + ",小文件,PCS,,,,\r\n");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"imported\":1");
    }

    @Test
    void a_too_large_upload_on_the_page_says_so_and_changes_nothing() throws Exception {
        long items = count("item");
        MockMultipartFile file =
                new MockMultipartFile("file", "items.csv", "text/csv", bigCsv().getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/imports/items")
                        .file(file)
                        .with(csrf())
                        .with(user("t-buyer").roles("BUYER"))
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file is larger than the limit of 1 KB")));
        assertThat(count("item")).isEqualTo(items);
    }

    private static String bigCsv() {
        StringBuilder csv = new StringBuilder(ImportApiContract.HEADER).append("\r\n");
        String prefix = Fixtures.unique("BIG");
        for (int i = 0; i < 100; i++) {
            csv.append(prefix).append('-').append(i).append(",name ").append(i).append(",PCS,,,,\r\n");
        }
        return csv.toString();
    }

    private ResponseEntity<String> upload(String csv) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "items.csv";
            }
        });
        String basic =
                Base64.getEncoder().encodeToString(("t-buyer:" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return RestClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/api/v1/imports/items")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, resp) -> {})
                .toEntity(String.class);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
