package dev.facet.data.sql.connect;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The statement time limit SQLite lacks (the servers have {@code statement_timeout} and {@code max_statement_time};
 * sqlite-jdbc only stores {@code setQueryTimeout}). Each call into the database (an execute, a row fetch) is timed
 * by a progress handler, which SQLite calls every few thousand virtual-machine steps (microseconds of work): from its
 * first look into the call, it interrupts the statement once the call has run longer than the limit. The interrupted
 * call fails with SQLITE_INTERRUPT, worded as a timeout, and the connection stays usable.
 */
final class SqliteTimeLimit {
    /** SQLite's virtual-machine steps between two looks at the clock: microseconds of work. */
    private static final int STEPS = 4_000;
    /** The inner text of the error, after the driver's "[SQLITE_INTERRUPT] ...", as {@code SqlErrors} reads it. */
    static final String MESSAGE = "interrupted (statement timeout exceeded)";

    private SqliteTimeLimit() {}

    /** @return {@code driver}, whose connections interrupt any call running longer than {@code limit} (not zero) */
    static DataSource wrap(DataSource driver, Duration limit) {
        return new Limited(driver, limit.toNanos());
    }

    /**
     * The clock of one connection. A call bumps {@link #calls} as it begins and as it ends (odd while it runs); the
     * clock reads the time only in the progress handler, at the call's first look and after, so a quick call (a row
     * fetch) costs two increments, not two clock reads and fences. No field is volatile: SQLite calls the handler on
     * the thread that makes the call, and a connection serves one thread at a time (the pool hands it over).
     */
    static final class Clock extends ProgressHandler {
        private final long limit;
        private long calls;
        /** The call the handler last saw, and when it first saw it. */
        private long seen = -1;
        private long seenAt;
        /** The call the handler interrupted. */
        private long interrupted = -1;

        Clock(long limit) { this.limit = limit; }

        @Override
        protected int progress() {
            long call = calls;
            if ((call & 1) == 0) return 0;
            long now = System.nanoTime();
            if (call != seen) {
                seen = call;
                seenAt = now;
                return 0;
            }
            if (now - seenAt < limit) return 0;
            interrupted = call;
            return 1;
        }

        /** A call into SQLite begins. */
        void start() { calls++; }

        /** The call has returned or failed. */
        void stop() { calls++; }

        /** @return what the caller sees of {@code e}, which the call under way threw: worded as a timeout when the clock stopped it */
        SQLException failure(SQLException e) {
            if (interrupted == calls && e instanceof SQLiteException s && s.getResultCode() != null && (s.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_INTERRUPT.code) {
                return new SQLiteException("[SQLITE_INTERRUPT] Statement cancelled (" + MESSAGE + ")", SQLiteErrorCode.SQLITE_INTERRUPT);
            }
            return e;
        }

        Object timed(Object target, Method method, Object[] args) throws Throwable {
            start();
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof SQLException s ? failure(s) : e.getCause();
            } finally {
                stop();
            }
        }
    }

    /**
     * Wraps a connection or a statement so that its calls into the database are timed, and the statements and result
     * sets it returns are wrapped too. Statements see a few calls each; result sets, read once per column per row,
     * are {@link TimedResultSet}s.
     */
    private record Timed(Object target, Clock clock) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            boolean call = target instanceof Statement && name.startsWith("execute");
            Object result;
            if (call) {
                result = clock.timed(target, method, args);
            } else {
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            Class<?> type = method.getReturnType();
            if (result instanceof ResultSet rows) return new TimedResultSet(rows, clock, proxy instanceof Statement statement ? statement : rows.getStatement());
            if (result != null && Statement.class.isAssignableFrom(type)) {
                return Proxy.newProxyInstance(SqliteTimeLimit.class.getClassLoader(), new Class<?>[] {type}, new Timed(result, clock));
            }
            return result;
        }
    }

    private record Limited(DataSource driver, long limit) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException { return limited(driver.getConnection()); }

        @Override
        public Connection getConnection(String user, String password) throws SQLException { return limited(driver.getConnection(user, password)); }

        private Connection limited(Connection connection) throws SQLException {
            Clock clock = new Clock(limit);
            ProgressHandler.setHandler(connection, STEPS, clock);
            return (Connection) Proxy.newProxyInstance(SqliteTimeLimit.class.getClassLoader(), new Class<?>[] {Connection.class},
                    new Timed(connection, clock));
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException { return driver.getLogWriter(); }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException { driver.setLogWriter(out); }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException { driver.setLoginTimeout(seconds); }

        @Override
        public int getLoginTimeout() throws SQLException { return driver.getLoginTimeout(); }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException { return driver.getParentLogger(); }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException { return driver.unwrap(iface); }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException { return driver.isWrapperFor(iface); }
    }
}
