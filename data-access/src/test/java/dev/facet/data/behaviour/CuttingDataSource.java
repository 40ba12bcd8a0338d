package dev.facet.data.behaviour;

import com.zaxxer.hikari.HikariDataSource;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool whose connections are cut, deterministically, when a given statement is about to run:
 * counted across connections, statement {@link #cutAt} (0-based) finds its connection gone. The
 * connection is closed under the driver's feet ({@link Cut#CLOSE}: the client went away), or, on
 * PostgreSQL, its server process is terminated from another session ({@link Cut#TERMINATE}: the
 * server went away) and the statement then runs into the dead connection.
 */
final class CuttingDataSource implements DataSource {
    /** How a connection is cut. */
    enum Cut { CLOSE, TERMINATE }

    private final HikariDataSource pool;
    private final Cut how;
    private int statements;
    /** The statement at which the connection is cut; none while negative. */
    volatile int cutAt = -1;

    CuttingDataSource(DataSource pool, Cut how) {
        this.pool = (HikariDataSource) pool;
        this.how = how;
    }

    /** Starts counting anew and cuts at statement {@code n} (-1: never). */
    synchronized void cutAt(int n) {
        statements = 0;
        cutAt = n;
    }

    /** @return the statements prepared since the last {@link #cutAt(int)} */
    synchronized int statements() { return statements; }

    private synchronized boolean next() { return statements++ == cutAt; }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = pool.getConnection();
        int pid = how == Cut.TERMINATE ? backendPid(c) : 0;
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if ((method.getName().startsWith("prepare") || method.getName().equals("createStatement")) && next()) {
                pool.evictConnection(c);
                if (how == Cut.CLOSE) {
                    c.unwrap(Connection.class).close();
                    throw new SQLNonTransientConnectionException("the test cut the connection", "08006");
                }
                // Waits until the server process has ended; the statement then meets a dead connection.
                TestDatabases.runAsAdmin(DbKind.POSTGRES, "SELECT pg_terminate_backend(" + pid + ", 10000)");
            }
            try {
                return method.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override public Connection getConnection(String user, String password) throws SQLException { throw new SQLException("not supported"); }

    @Override public PrintWriter getLogWriter() { return null; }

    @Override public void setLogWriter(PrintWriter out) { }

    @Override public void setLoginTimeout(int seconds) { }

    @Override public int getLoginTimeout() { return 0; }

    @Override public Logger getParentLogger() { return Logger.getGlobal(); }

    @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }

    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
}
