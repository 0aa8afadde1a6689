package org.openvmi.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * A browser test: the whole application on a random port against its own in-memory H2 database, driven by Debian's
 * headless chromium through chromedriver. Test methods (and {@code @BeforeEach} methods) get a fresh {@link Browser}
 * as a parameter. Name such classes {@code *IT} so that failsafe runs them during {@code ./mvnw verify}.
 *
 * @see BrowserExtension for the chromium set-up, skipping outside CI and the screenshots taken on failure
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"openvmi.security.bcrypt-strength=4", "openvmi.demo-data=false"})
@ContextConfiguration(initializers = H2TestDatabase.class)
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}
