package dev.facet.data.sql;

import dev.facet.data.connector.Cancellation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Stops a MySQL/MariaDB statement with {@code KILL QUERY <connection id>} sent on a separate connection.
 *
 * <p>Why not Connector/J's own {@code Statement.cancel}, which sends the same command: Facet streams reads (fetch size
 * {@code Integer.MIN_VALUE}), so the server computes the rows while the result set is read, and the driver holds its
 * connection lock all that time; {@code isClosed()} on the statement waited for that lock until the statement had run to
 * its end, and {@code cancel()} does nothing once {@code executeQuery} has returned. So the statement's closing is
 * noted here without the driver (a proxy over it), the connection id is read when it is prepared (a field of the
 * driver's connection, no round trip), and the kill connection comes straight from the driver, never from the pool,
 * which may have no free connection. Killing a query of one's own user needs no privilege.
 */
final class MysqlStatementKill implements Cancellation.Canceller {
    /** A statement prepared but not yet started is not stopped by a kill: it is sent again, at most this often. */
    private static final long RESEND_NANOS = 250_000_000L;

    private final long connectionId;
    private final DataSource direct;
    private volatile boolean closed;
    private long lastSent;

    private MysqlStatementKill(long connectionId, DataSource direct) {
        this.connectionId = connectionId;
        this.direct = direct;
    }

    /**
     * @return {@code statement} as given when {@code connection} is not Connector/J's, else a proxy over it whose closing
     *         is noted, with its kill tracked by the current {@link Cancellation}
     */
    static PreparedStatement track(Connection connection, PreparedStatement statement, DataSource direct) throws SQLException {
        if (direct == null || !connection.isWrapperFor(com.mysql.cj.jdbc.JdbcConnection.class)) return null;
        MysqlStatementKill kill = new MysqlStatementKill(connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).getId(), direct);
        PreparedStatement guarded = (PreparedStatement) Proxy.newProxyInstance(MysqlStatementKill.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) kill.closed = true;
                    try {
                        return method.invoke(statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Cancellation.track(kill);
        return guarded;
    }

    @Override
    public synchronized void cancel() throws SQLException {
        if (closed) return;
        long now = System.nanoTime();
        if (lastSent != 0 && now - lastSent < RESEND_NANOS) return;
        lastSent = now;
        try (Connection kill = direct.getConnection(); Statement s = kill.createStatement()) {
            // Checked again after connecting: the statement closes before its connection goes back to the pool, so while
            // it is open the connection runs this work's statement and no one else's.
            if (closed) return;
            s.execute("KILL QUERY " + connectionId);
        }
    }

    @Override
    public boolean finished() { return closed; }
}
