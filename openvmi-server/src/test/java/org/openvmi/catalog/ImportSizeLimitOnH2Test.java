package org.openvmi.catalog;

import org.openvmi.testsupport.H2TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "openvmi.security.bcrypt-strength=4",
            "openvmi.demo-data=false",
            ImportSizeLimitContract.SMALL_LIMIT
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = H2TestDatabase.class)
class ImportSizeLimitOnH2Test extends ImportSizeLimitContract {}
