package org.openvmi.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/** A Spring Boot test (MockMvc) against its own freshly created PostgreSQL database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(
        properties = {
            "openvmi.security.bcrypt-strength=4",
            "openvmi.demo-data=false",
            "openvmi.planning.replan=false",
            "openvmi.planning.catch-up=false",
            // MockMvc keeps a test's login in a MockHttpSession (UiSessions), which Spring Session's filter does not
            // read: the UI sessions of these tests stay in memory. The JDBC sessions are covered over real HTTP
            // (HttpErrorsAndHeadersTest, the browser tests, TwoInstancesIT; ADR 0064).
            "spring.autoconfigure.exclude=org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresTestDatabase.class)
public @interface PostgresTest {}
