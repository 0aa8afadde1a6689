package org.openvmi.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Creates a new PostgreSQL database for each test context and drops it when the context closes, so no test run
 * trusts what an earlier one left behind. Server from OPENVMI_TEST_PG_URL / _USER / _PASSWORD
 * (default jdbc:postgresql://127.0.0.1:5432/test, postgres, no password).
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static String adminUrl() {
        return env("OPENVMI_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String user() {
        return env("OPENVMI_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("OPENVMI_TEST_PG_PASSWORD", "");
    }

    /** Creates a new, empty database and returns its name. */
    public static String createDatabase() {
        String name =
                "openvmi_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        return name;
    }

    public static void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The JDBC URL of a database on the test server. */
    public static String url(String database) {
        return adminUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/" + database + "$1");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = createDatabase();
        Runnable drop = () -> dropDatabase(name);
        // Dropped when the context is closed completely, not at its ContextClosedEvent: beans still use the database
        // while they are destroyed (the event publication registry, jobs finishing their last run). The first
        // disposable bean registered is the last one destroyed. At JVM exit the context is closed first, then dropped
        // (a plain hook racing Spring's own shutdown hook left the context waiting for a database that was gone).
        ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("dropPostgresTestDatabase", drop::run);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            drop.run();
        }));
        String url = url(name);
        // Spring keeps up to 32 test contexts alive, each with its own pool; Hikari's default keeps all 10 connections
        // of every pool open, so 10 cached PostgreSQL contexts exhausted the server's 100 connections ("too many
        // clients already"). A cached context now keeps one idle connection and grows on demand.
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "pg-test-database",
                        Map.of(
                                "spring.datasource.url",
                                url,
                                "spring.datasource.username",
                                user(),
                                "spring.datasource.password",
                                password(),
                                "spring.datasource.hikari.minimum-idle",
                                "1",
                                "spring.datasource.hikari.idle-timeout",
                                "10000")));
    }

    public static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(adminUrl(), user(), password())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl(), user(), password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + adminUrl() + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
