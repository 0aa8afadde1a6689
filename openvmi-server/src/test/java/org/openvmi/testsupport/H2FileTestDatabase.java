package org.openvmi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A new H2 file database for each test context, with exactly the settings of the embedded default
 * (application.yml: PostgreSQL mode, WRITE_DELAY=0), in a temporary folder deleted when the context closes. For tests
 * whose point is the embedded default as users run it (a file, not memory): the soak test.
 */
public class H2FileTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path folder;
        try {
            folder = Files.createTempDirectory("openvmi-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("deleteH2TestFile", () -> delete(folder));
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "h2-file-test-database",
                        Map.of(
                                "openvmi.data-dir", folder.toString(),
                                // the URL of application.yml, so that the file is opened exactly as the running product
                                // opens it
                                "spring.datasource.username", "sa",
                                "spring.datasource.password", "")));
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
