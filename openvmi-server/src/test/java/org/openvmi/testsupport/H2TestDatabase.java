package org.openvmi.testsupport;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A fresh in-memory H2 database in PostgreSQL mode for each test context; gone when the JVM ends. */
public class H2TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "openvmi_" + UUID.randomUUID().toString().replace("-", "");
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "h2-test-database",
                        Map.of(
                                "spring.datasource.url",
                                        "jdbc:h2:mem:" + name
                                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                                "spring.datasource.username", "sa",
                                "spring.datasource.password", "")));
    }
}
