package org.openvmi.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18's channel goals in process (ADR 0082): starts the OpenVMI application context in this JVM on a fresh
 * PostgreSQL database, sets up the same data as {@link ChannelBench} over REST, then calls the services directly
 * ({@code Channels.atp}, {@code ChannelOrders.place}; no HTTP, no JSON, no security chain) from closed-loop client
 * threads: ATP reads of one item, then one-line channel orders (qty 1, random item and channel) — "500 channel
 * orders/s reserve through the ledger". Every JDBC statement is counted by a wrapper around the application's
 * {@link DataSource}: per call on the calling threads (executes and commits/rollbacks, each a round trip), and all
 * statements of the process during the phase (the pause worker, the outbox, the cache poll …) per call.
 *
 * <p>Options ({@code --name=value}): pg-url (jdbc:postgresql://127.0.0.1:5432/postgres), pg-user (postgres),
 * pg-password, items (100), atp-clients (50), order-clients (16), seconds (20), warmup (10), keep-database.
 */
public final class ChannelInProcessBench {

    /** Statements (executes, batches, commits, rollbacks) on threads that set {@link #COUNTING}, and on all threads. */
    static final LongAdder COUNTED = new LongAdder();

    static final LongAdder ALL = new LongAdder();
    static final ThreadLocal<Boolean> COUNTING = ThreadLocal.withInitial(() -> false);

    /** When set on a thread: the SQL of each statement it runs (one call traced after the warm-up). */
    static final ThreadLocal<List<String>> TRACE = new ThreadLocal<>();

    private ChannelInProcessBench() {}

    public static void main(String[] args) throws Throwable {
        Map<String, String> o = LedgerBench.options(args);
        String pgUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String pgUser = o.getOrDefault("pg-user", "postgres");
        String pgPassword = o.getOrDefault("pg-password", "");
        int items = Integer.parseInt(o.getOrDefault("items", "100"));
        int atpClients = Integer.parseInt(o.getOrDefault("atp-clients", "50"));
        int orderClients = Integer.parseInt(o.getOrDefault("order-clients", "16"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        String db = "openvmi_chanbench_" + Long.toString(System.currentTimeMillis(), 36);
        String dbUrl = pgUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + db + "$1");
        System.out.printf(
                "OpenVMI channel bench in process: %d cores, load average %s, database %s%n",
                Runtime.getRuntime().availableProcessors(), LedgerBench.loadAverage(), db);
        LedgerBench.admin(pgUrl, pgUser, pgPassword, "CREATE DATABASE " + db);
        ConfigurableApplicationContext context = null;
        try {
            SpringApplication application = new SpringApplication(Class.forName(
                    "org.openvmi.OpenVmiApplication", true, ChannelInProcessBench.class.getClassLoader()));
            application.addInitializers(c -> c.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds ? counting(ds) : bean;
                }
            }));
            context = application.run(
                    "--spring.datasource.url=" + dbUrl,
                    "--spring.datasource.username=" + pgUser,
                    "--spring.datasource.password=" + pgPassword,
                    "--server.port=0",
                    "--openvmi.demo-data=false",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN");
            String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            String key = LedgerBench.benchUser(new JdbcTemplate(context.getBean(DataSource.class)));
            ChannelBench.Setup setup = ChannelBench.setUp(baseUrl, key, items, 8);
            List<String> codes = setup.items();
            String[] channels = setup.channels();

            ClassLoader cl = context.getClassLoader();
            Class<?> channelsType = Class.forName("org.openvmi.channels.Channels", true, cl);
            Class<?> ordersType = Class.forName("org.openvmi.channels.ChannelOrders", true, cl);
            Class<?> requestType = Class.forName("org.openvmi.channels.ChannelOrderRequest", true, cl);
            Class<?> lineType = Class.forName("org.openvmi.channels.ChannelOrderRequest$Line", true, cl);
            Object channelService = context.getBean(channelsType);
            Object orderService = context.getBean(ordersType);
            Method atp = channelsType.getMethod("atp", String.class, List.class);
            Method place = ordersType.getMethod("place", String.class, requestType);
            var newRequest = requestType.getConstructor(String.class, List.class);
            var newLine = lineType.getConstructor(String.class, BigDecimal.class);
            AtomicLong orderIds = new AtomicLong();

            ChannelBench.Call atpRead = n -> {
                atp.invoke(
                        channelService,
                        channels[n % 3],
                        List.of(codes.get(ThreadLocalRandom.current().nextInt(codes.size()))));
                return 200;
            };
            ChannelBench.Call order = n -> {
                Object line = newLine.newInstance(
                        codes.get(ThreadLocalRandom.current().nextInt(codes.size())), BigDecimal.ONE);
                try {
                    place.invoke(
                            orderService,
                            channels[ThreadLocalRandom.current().nextInt(3)],
                            newRequest.newInstance("P-" + orderIds.incrementAndGet(), List.of(line)));
                } catch (InvocationTargetException e) {
                    return 409; // refused (or failed): counted as an error
                }
                return 201;
            };
            CpuMeter cpu = new CpuMeter(null, db);
            System.out.printf("warm-up: %d s of each%n", warmup);
            phase("warm-up ATP", 8, warmup, atpRead, cpu);
            phase("warm-up orders", 8, warmup, order, cpu);
            // one order traced: the statements it runs, in order
            List<String> trace = new java.util.ArrayList<>();
            TRACE.set(trace);
            order.run(0);
            TRACE.remove();
            System.out.printf("one one-line order, %d statements on the caller:%n", trace.size());
            trace.forEach(sql -> System.out.println("  " + (sql.length() > 160 ? sql.substring(0, 160) + " …" : sql)));
            String before = LedgerBench.loadAverage();
            Phase a = phase("ATP reads in process", atpClients, seconds, atpRead, cpu);
            Phase p = phase("channel orders in process", orderClients, seconds, order, cpu);
            String after = LedgerBench.loadAverage();
            System.out.printf(
                    Locale.ROOT,
                    "GOAL channel orders in process %.0f reservations/s at %d clients (goal 500/s: %s), p99 %.1f ms,"
                            + " %s, load %s -> %s%n",
                    p.perSecond(),
                    orderClients,
                    p.perSecond() >= 500 ? "met" : "NOT met",
                    p.result().p(0.99),
                    p.line(),
                    before,
                    after);
            System.out.printf(
                    Locale.ROOT,
                    "IN-PROCESS ATP read %.0f/s at %d clients, p50 %.2f ms, p99 %.2f ms, %s, load %s -> %s%n",
                    a.perSecond(),
                    atpClients,
                    a.result().p(0.50),
                    a.result().p(0.99),
                    a.line(),
                    before,
                    after);
        } finally {
            if (context != null) {
                context.close();
            }
            if (!o.containsKey("keep-database")) {
                LedgerBench.admin(pgUrl, pgUser, pgPassword, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
        System.exit(0);
    }

    record Phase(ChannelBench.Result result, int seconds, String line) {
        double perSecond() {
            return result.count / (double) seconds;
        }
    }

    private static Phase phase(String label, int clients, int seconds, ChannelBench.Call call, CpuMeter cpu)
            throws InterruptedException {
        ChannelBench.Call counted = n -> {
            COUNTING.set(true);
            try {
                return call.run(n);
            } finally {
                COUNTING.set(false);
            }
        };
        long counted0 = COUNTED.sum();
        long all0 = ALL.sum();
        CpuMeter.Sample s0 = cpu.sample();
        ChannelBench.Result r = ChannelBench.load(clients, seconds, counted);
        CpuMeter.Sample used = cpu.sample().minus(s0);
        double n = Math.max(1, r.count);
        String line = String.format(
                Locale.ROOT,
                "statements per call %.2f on the caller (%.2f in the process), CPU per call: JVM %.3f ms, "
                        + "PostgreSQL backends %.3f ms",
                (COUNTED.sum() - counted0) / n,
                (ALL.sum() - all0) / n,
                used.client() * 1000 / n,
                used.database() * 1000 / n);
        System.out.printf(
                Locale.ROOT,
                "%s, %d clients, %d s: %d calls, %.0f/s, p50 %.2f ms, p99 %.2f ms, errors %d; %s%n",
                label,
                clients,
                seconds,
                r.count,
                r.count / (double) seconds,
                r.p(0.50),
                r.p(0.99),
                r.errors.get(),
                line);
        return new Phase(r, seconds, line);
    }

    /** The data source with every statement counted (executes and batches, commits and rollbacks). */
    static DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                ChannelInProcessBench.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                forward(
                        target,
                        (m, result, args) ->
                                m.getName().equals("getConnection") ? connection((Connection) result) : result));
    }

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                ChannelInProcessBench.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                forward(target, (m, result, args) -> {
                    String name = m.getName();
                    if (name.equals("commit") || name.equals("rollback")) {
                        count(name.toUpperCase(Locale.ROOT));
                    }
                    if (result instanceof CallableStatement s) {
                        return statement(s, CallableStatement.class, null);
                    }
                    if (result instanceof PreparedStatement s) {
                        return statement(s, PreparedStatement.class, (String) args[0]);
                    }
                    if (result instanceof Statement s) {
                        return statement(s, Statement.class, null);
                    }
                    return result;
                }));
    }

    private static Object statement(Statement target, Class<?> type, String prepared) {
        return Proxy.newProxyInstance(
                ChannelInProcessBench.class.getClassLoader(),
                new Class<?>[] {type},
                forward(target, (m, result, args) -> {
                    if (m.getName().startsWith("execute")) {
                        count(prepared != null ? prepared : args != null && args.length > 0 ? args[0] : "?");
                    }
                    return result;
                }));
    }

    private static void count(Object sql) {
        ALL.increment();
        if (COUNTING.get()) {
            COUNTED.increment();
        }
        List<String> trace = TRACE.get();
        if (trace != null) {
            trace.add(String.valueOf(sql).replaceAll("\\s+", " "));
        }
    }

    interface After {
        Object apply(Method m, Object result, Object[] args) throws Exception;
    }

    /** Calls the target, then {@code after}; unwrap / isWrapperFor see through the wrapper. */
    private static InvocationHandler forward(Object target, After after) {
        return (proxy, m, args) -> {
            if (m.getName().equals("unwrap") && args != null && args.length == 1 && args[0] instanceof Class<?> c) {
                return c.isInstance(target) ? target : ((java.sql.Wrapper) target).unwrap(c);
            }
            if (m.getName().equals("isWrapperFor")
                    && args != null
                    && args.length == 1
                    && args[0] instanceof Class<?> c) {
                return c.isInstance(target) || ((java.sql.Wrapper) target).isWrapperFor(c);
            }
            if (m.getName().equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (m.getName().equals("hashCode") && (args == null || args.length == 0)) {
                return System.identityHashCode(proxy);
            }
            try {
                return after.apply(m, m.invoke(target, args), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
