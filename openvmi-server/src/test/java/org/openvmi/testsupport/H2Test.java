package org.openvmi.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/** A Spring Boot test (MockMvc) against its own in-memory H2 database in PostgreSQL mode. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "openvmi.security.bcrypt-strength=4",
            "openvmi.demo-data=false",
            "openvmi.planning.replan=false",
            "openvmi.planning.catch-up=false"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = H2TestDatabase.class)
public @interface H2Test {}
