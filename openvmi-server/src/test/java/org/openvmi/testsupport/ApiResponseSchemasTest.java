package org.openvmi.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The check every MockMvc API test runs: responses that break the committed OpenAPI document fail, others pass. */
class ApiResponseSchemasTest {

    private static final String ITEM = """
            {"id":7,"code":"BRG-1","name":"深沟球轴承","uom":"PCS","category":null,"unitCost":3.2,\
            "barcodes":["690001"],"lotTracked":false,"version":0}""";

    private final ApiResponseSchemas schemas = new ApiResponseSchemas();

    private record Answer(MockHttpServletRequest request, MockHttpServletResponse response) {}

    private static Answer answer(String method, String path, int status, String contentType, String body)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(body);
        }
        return new Answer(request, response);
    }

    private void check(Answer answer) {
        schemas.check(answer.request(), answer.response());
    }

    @Test
    void a_response_as_documented_passes() {
        assertThatCode(() -> check(answer("GET", "/api/v1/items/BRG-1", 200, "application/json", ITEM)))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(answer("DELETE", "/api/v1/items/BRG-1", 204, null, null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(answer("GET", "/api/v1/items/NONE", 404, "application/problem+json", """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"no item","instance":null}""")))
                .doesNotThrowAnyException();
    }

    @Test
    void a_wrong_type_fails_naming_the_field() {
        assertThatThrownBy(() -> check(answer(
                        "GET",
                        "/api/v1/items/BRG-1",
                        200,
                        "application/json",
                        ITEM.replace("\"unitCost\":3.2", "\"unitCost\":\"3.20\""))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/v1/items/BRG-1")
                .hasMessageContaining("/unitCost");
    }

    @Test
    void a_null_the_schema_does_not_allow_fails() {
        assertThatThrownBy(() -> check(answer(
                        "GET",
                        "/api/v1/items/BRG-1",
                        200,
                        "application/json",
                        ITEM.replace("\"lotTracked\":false", "\"lotTracked\":null"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/lotTracked");
    }

    @Test
    void a_nested_record_may_be_null_where_the_document_says_so_and_is_checked_when_present() {
        String transfer = """
                {"id":1,"status":"DRAFT","version":0,"lines":[],"differenceReport":%s}""";
        assertThatCode(() -> check(
                        answer("GET", "/api/v1/transfers/1", 200, "application/json", transfer.formatted("null"))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check(
                        answer("GET", "/api/v1/transfers/1", 200, "application/json", transfer.formatted("\"none\""))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/differenceReport");
        assertThatThrownBy(() -> check(answer(
                        "GET", "/api/v1/transfers/1", 200, "application/json", transfer.formatted("{\"surplus\":1}"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("surplus");
    }

    @Test
    void a_field_the_schema_does_not_name_fails() {
        assertThatThrownBy(() -> check(answer(
                        "GET",
                        "/api/v1/items/BRG-1",
                        200,
                        "application/json",
                        ITEM.replace("{", "{\"secret\":\"x\","))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("secret");
    }

    @Test
    void an_undocumented_status_or_content_type_fails() {
        assertThatThrownBy(() -> check(answer("GET", "/api/v1/items/BRG-1", 202, "application/json", ITEM)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("202");
        assertThatThrownBy(() -> check(answer("GET", "/api/v1/items/BRG-1", 200, "text/plain", "BRG-1")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("text/plain");
    }

    @Test
    void a_problem_without_its_required_members_fails() {
        assertThatThrownBy(() -> check(answer(
                        "GET", "/api/v1/items/NONE", 404, "application/problem+json", "{\"detail\":\"no item\"}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status");
    }

    @Test
    void pages_and_other_paths_are_not_checked() {
        assertThatCode(() -> check(answer("GET", "/items", 200, "text/html", "<html></html>")))
                .doesNotThrowAnyException();
    }
}
