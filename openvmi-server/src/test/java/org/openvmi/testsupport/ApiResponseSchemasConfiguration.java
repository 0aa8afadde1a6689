package org.openvmi.testsupport;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Test auto-configuration imported with every {@code @AutoConfigureMockMvc} (listed in
 * {@code META-INF/spring/…AutoConfigureMockMvc.imports} of the test resources): every MockMvc checks the responses of
 * {@code /api/v1/**} against the OpenAPI document ({@link ApiResponseSchemas}), so each API test does without
 * being edited. Not annotated, so the application's component scan does not pick it up.
 */
public class ApiResponseSchemasConfiguration {

    @Bean
    MockMvcBuilderCustomizer apiResponseSchemas() {
        return builder -> builder.alwaysDo(new ApiResponseSchemas());
    }
}
