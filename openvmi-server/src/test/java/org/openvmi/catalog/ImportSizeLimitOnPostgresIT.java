package org.openvmi.catalog;

import org.junit.jupiter.api.extension.ExtendWith;
import org.openvmi.testsupport.PostgresAvailable;
import org.openvmi.testsupport.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

@ExtendWith(PostgresAvailable.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "openvmi.security.bcrypt-strength=4",
            "openvmi.demo-data=false",
            ImportSizeLimitContract.SMALL_LIMIT
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class ImportSizeLimitOnPostgresIT extends ImportSizeLimitContract {}
