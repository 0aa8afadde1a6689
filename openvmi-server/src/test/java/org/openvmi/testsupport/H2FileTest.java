package org.openvmi.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/** A Spring Boot test against its own H2 file database, opened with the embedded default's own URL. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"openvmi.security.bcrypt-strength=4", "openvmi.demo-data=false"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = H2FileTestDatabase.class)
public @interface H2FileTest {}
