package org.openvmi.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A JDBC driver for URLs {@code jdbc:counting:<the real URL without jdbc:>} that hands out the real driver's
 * connections wrapped so that the statements run on the bench's client threads (named {@code bench-…}) are counted:
 * each {@code execute…} call is one round trip to the database, a batch counts once and its rows separately, and
 * {@code commit}/{@code rollback} count too. Work of the application's own threads (jobs, timers, after-commit
 * workers) is counted apart. JDK only: the bench's statements per posting, without a profiler.
 */
public final class CountingDriver implements Driver {

    static final String PREFIX = "jdbc:counting:";

    /** Counters of one kind of thread. */
    static final class Counts {
        final AtomicLong statements = new AtomicLong();
        final AtomicLong batchRows = new AtomicLong();
        final AtomicLong commits = new AtomicLong();
        final AtomicLong rollbacks = new AtomicLong();

        long[] snapshot() {
            return new long[] {statements.get(), batchRows.get(), commits.get(), rollbacks.get()};
        }
    }

    /** The bench's client threads. */
    static final Counts BENCH = new Counts();
    /** Every other thread (the application's jobs and workers). */
    static final Counts OTHER = new Counts();

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Counts here() {
        return Thread.currentThread().getName().startsWith("bench-") ? BENCH : OTHER;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return wrap(Connection.class, real);
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T real) {
        return (T) Proxy.newProxyInstance(
                CountingDriver.class.getClassLoader(), new Class<?>[] {type}, new Counting(real));
    }

    private record Counting(Object real) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(real)) {
                return real;
            }
            if (name.equals("isWrapperFor") && args != null && args[0] instanceof Class<?> c && c.isInstance(real)) {
                return true;
            }
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (real instanceof Connection) {
                switch (name) {
                    case "commit" -> here().commits.incrementAndGet();
                    case "rollback" -> {
                        if (args == null) {
                            here().rollbacks.incrementAndGet();
                        }
                    }
                    case "prepareStatement" -> {
                        return wrap(PreparedStatement.class, (PreparedStatement) result);
                    }
                    case "prepareCall" -> {
                        return wrap(CallableStatement.class, (CallableStatement) result);
                    }
                    case "createStatement" -> {
                        return wrap(Statement.class, (Statement) result);
                    }
                    default -> {}
                }
            } else if (name.startsWith("execute")) {
                Counts counts = here();
                counts.statements.incrementAndGet();
                if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                    counts.batchRows.addAndGet(
                            result instanceof int[] n ? n.length : result instanceof long[] l ? l.length : 0);
                }
            }
            return result;
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
