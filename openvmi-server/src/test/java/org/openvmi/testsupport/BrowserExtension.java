package org.openvmi.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Lends each test method of a {@link BrowserTest} a headless chromium pointed at the application's random port: a
 * browser of the JVM's {@link BrowserPool}, cleared as if new, or a new one; handed back after the method (closed
 * instead when the method failed).
 * <ul>
 *   <li>Browser and driver: {@code CHROME_BIN} (default {@value Browser#DEFAULT_CHROME_BIN}) and {@code CHROMEDRIVER}
 *       (default {@value Browser#DEFAULT_CHROMEDRIVER}), Debian's packages {@code chromium} and
 *       {@code chromium-driver}. Selenium Manager is never asked to find or download anything.</li>
 *   <li>Outside CI, when either is missing, the tests are skipped with a visible message. With {@code CI=true} they
 *       always run, so a missing browser fails the build instead of silently skipping.</li>
 *   <li>When a test fails, a screenshot, the page source and a short report (URL, error, browser console) are saved
 *       under {@code target/browser-failures/}.</li>
 * </ul>
 */
public class BrowserExtension
        implements ExecutionCondition, ParameterResolver, AfterTestExecutionCallback, AfterEachCallback {

    static final Path FAILURES = Path.of("target", "browser-failures");

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);
    private static Boolean installed;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: browser tests always run");
        }
        synchronized (BrowserExtension.class) {
            if (installed == null) {
                installed = isExecutable(Browser.chromeBinary()) && isExecutable(Browser.chromedriver());
                if (!installed) {
                    System.err.println(
                            "*** chromium (" + Browser.chromeBinary() + ") or chromedriver (" + Browser.chromedriver()
                                    + ") missing: SKIPPING browser tests. Install Debian's chromium and chromium-driver,"
                                    + " or set CHROME_BIN / CHROMEDRIVER (set CI=true to make them fail instead) ***");
                }
            }
        }
        return installed
                ? ConditionEvaluationResult.enabled("chromium and chromedriver installed")
                : ConditionEvaluationResult.disabled(
                        "chromium or chromedriver not installed (outside CI browser tests are skipped)");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    /** The same browser for the test method and its {@code @BeforeEach} methods. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = methodStore(context);
        Browser browser = store.get(Browser.class, Browser.class);
        if (browser == null) {
            String port = SpringExtension.getApplicationContext(context)
                    .getEnvironment()
                    .getRequiredProperty("local.server.port");
            browser = BrowserPool.acquire("http://localhost:" + port);
            store.put(Browser.class, browser);
        }
        return browser;
    }

    /** Runs before {@code @AfterEach} methods and before the browser closes, so the page is still the failing one. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browser browser = methodStore(context).get(Browser.class, Browser.class);
        Throwable failure = context.getExecutionException().orElse(null);
        String name = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        for (String suffix : new String[] {".png", ".html", ".txt"}) {
            try {
                Files.deleteIfExists(FAILURES.resolve(name + suffix)); // from an earlier run
            } catch (IOException ignored) {
                // a leftover report does no harm
            }
        }
        if (browser != null && failure != null) {
            Path report = browser.saveFailureReport(FAILURES, name, failure);
            System.err.println(
                    "*** Browser test failed: screenshot and page source in " + report.toAbsolutePath() + ".* ***");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = methodStore(context).remove(Browser.class, Browser.class);
        if (browser == null) {
            return;
        }
        if (context.getExecutionException().isPresent()) {
            browser.discard(); // a failed test may have left the browser in any state
        } else {
            browser.close();
        }
    }

    private static ExtensionContext.Store methodStore(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // chromium may still be writing its profile while it exits; the OS cleans /tmp
                }
            });
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // as above
        }
    }
}
