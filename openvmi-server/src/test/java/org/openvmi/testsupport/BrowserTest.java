package org.openvmi.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A browser test: the whole application on a random port against its own in-memory H2 database, driven by Debian's
 * headless chromium through chromedriver. Test methods (and {@code @BeforeEach} methods) get a {@link Browser} as a
 * parameter, cleared as if new (a chromium of the JVM's {@link BrowserPool}). Name such classes {@code *IT} so that
 * failsafe runs them during {@code ./mvnw verify}.
 *
 * <p>MockMvc is configured for every browser test (some set up data through it), so that all of them share one Spring
 * context: the three that asked for it alone made a second context, another application start per test JVM.
 *
 * @see BrowserExtension for the chromium set-up, skipping outside CI and the screenshots taken on failure
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"openvmi.security.bcrypt-strength=4", "openvmi.demo-data=false"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = H2TestDatabase.class)
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}
