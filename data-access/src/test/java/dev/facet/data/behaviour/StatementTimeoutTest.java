package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every statement Facet sends carries a server-side time limit (issue 18): a statement that runs longer is cancelled
 * by the server and reported with the database's code, as Prisma Client 7 reports it (P2039: its adapters have no
 * code of their own for PostgreSQL's 57014 or MariaDB's 1969).
 */
class StatementTimeoutTest extends EngineSuite {
    static final String SCHEMA = DATASOURCE.replace("%MODE%", "foreignKeys") + """
            model Row {
              id  Int @id
              val Int
            }
            """;
    private static final String SQLITE_TIMEOUT = "interrupted (statement timeout exceeded)";

    /** An update that waits on a row another connection holds locked runs into the limit, wherever the server applies it to writes. */
    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL"})
    void aStatementRunningLongerThanTheLimitIsCancelledByTheServer(DbKind kind) throws Exception {
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", SCHEMA.replace("%PROVIDER%", kind.provider().id()))).schema().orElseThrow();
        TestDatabase db = DBS.fresh(kind);
        SqlDatabase holder = db.open();
        SchemaPusher.push(schema, holder);
        try (SqlDatabase limited = SqlDatabase.open(kind.provider(), db.parsedUrl(), false, Duration.ofMillis(500));
             QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, limited.dataSource(), limited, null));
             Connection lock = holder.dataSource().getConnection()) {
            engine.execute("Row", "create", JsonCodec.parse("{\"data\": {\"id\": 1, \"val\": 0}}"));
            String server = lock.getMetaData().getDatabaseProductVersion();
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute(kind == DbKind.POSTGRES ? "SELECT * FROM \"Row\" WHERE id = 1 FOR UPDATE" : "SELECT * FROM `Row` WHERE id = 1 FOR UPDATE");
            }
            Throwable t = catchThrowable(() -> engine.execute("Row", "update", JsonCodec.parse("{\"where\": {\"id\": 1}, \"data\": {\"val\": 1}}")));
            lock.rollback();
            if (kind == DbKind.MYSQL && !server.toLowerCase().contains("mariadb")) {
                // MySQL's max_execution_time limits reads only: the update waits for the lock (or its own lock timeout).
                return;
            }
            assertThat(t).isInstanceOf(QueryError.class);
            QueryError e = (QueryError) t;
            assertThat(e.code()).isEqualTo("P2039");
            assertThat(e.getMessage()).isEqualTo(kind == DbKind.POSTGRES
                    ? "Database error. Code: `57014`. Message: `canceling statement due to statement timeout`"
                    : "Database error. Code: `1969`. Message: `Query execution was interrupted (max_statement_time exceeded)`");
            // The engine goes on: the next statement runs.
            assertThat(engine.execute("Row", "update", JsonCodec.parse("{\"where\": {\"id\": 1}, \"data\": {\"val\": 2}}")).get("val").asInt()).isEqualTo(2);
        }
    }

    /**
     * SQLite has no limit of its own: Facet interrupts a call into the database that runs longer than the limit, and
     * reports it as the servers' cancellations are reported (P2039 with the database's code). The slow statement is a
     * view counting to four billion, minutes of work in one step; the guard only stops a hang.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aSlowSqliteStatementIsInterruptedAtTheLimit() throws Exception {
        String pushed = SCHEMA.replace("%PROVIDER%", "sqlite");
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", pushed + """
                model Slow {
                  id Int @id
                }
                """)).schema().orElseThrow();
        TestDatabase db = DBS.fresh(DbKind.SQLITE);
        SqlDatabase holder = db.open();
        SchemaPusher.push(SchemaLoader.load(new SourceFile("schema.prisma", pushed)).schema().orElseThrow(), holder);
        try (Connection c = holder.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW Slow AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 4000000000)"
                    + " SELECT count(*) AS id FROM n");
        }
        holder.close();
        try (SqlDatabase limited = SqlDatabase.open(DbKind.SQLITE.provider(), db.parsedUrl(), false, Duration.ofMillis(300));
             QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, limited.dataSource(), limited, null))) {
            engine.execute("Row", "create", JsonCodec.parse("{\"data\": {\"id\": 1, \"val\": 0}}"));
            Throwable t = catchThrowable(() -> engine.execute("Slow", "findMany", JsonCodec.parse("{}")));
            assertThat(t).isInstanceOf(QueryError.class);
            QueryError e = (QueryError) t;
            assertThat(e.code()).isEqualTo("P2039");
            assertThat(e.getMessage()).isEqualTo("Database error. Code: `9`. Message: `SQLITE_INTERRUPT: " + SQLITE_TIMEOUT + "`");
            // The connection goes on: the next statements run, a write included.
            assertThat(engine.execute("Row", "update", JsonCodec.parse("{\"where\": {\"id\": 1}, \"data\": {\"val\": 2}}")).get("val").asInt()).isEqualTo(2);
            assertThat(engine.execute("Row", "count", JsonCodec.parse("{}")).asInt()).isEqualTo(1);
        }
    }

    /**
     * The limit is per call into SQLite, a row fetch included: a fetch that runs past it is interrupted, while a read
     * whose fetches are each quick may take as long as its reader likes between them (an export of a big table).
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void eachSqliteRowFetchRunsUnderTheLimitNotTheWholeRead() throws Exception {
        TestDatabase db = DBS.fresh(DbKind.SQLITE);
        String firstAndFourBillionth = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 4000000000)"
                + " SELECT x FROM n WHERE x = 1 OR x = 4000000000";
        try (SqlDatabase limited = SqlDatabase.open(DbKind.SQLITE.provider(), db.parsedUrl(), true, Duration.ofMillis(300));
             Connection c = limited.dataSource().getConnection()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(firstAndFourBillionth)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThatThrownBy(rs::next).hasMessageContaining(SQLITE_TIMEOUT);
                assertThat(rs.getStatement()).isSameAs(s);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 UNION ALL SELECT 2")) {
                assertThat(rs.next()).isTrue();
                Thread.sleep(400); // the reader dawdles past the limit between two quick fetches
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void theLimitIsASettingInSeconds() {
        assertThat(SqlDatabase.DEFAULT_STATEMENT_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
        assertThat(SqlDatabase.parseSeconds("0")).isZero();
        assertThat(SqlDatabase.parseSeconds(" 2.5 ")).isEqualTo(Duration.ofMillis(2500));
        assertThat(SqlDatabase.parseSeconds("0.0001")).isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> SqlDatabase.parseSeconds("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlDatabase.parseSeconds("soon")).isInstanceOf(IllegalArgumentException.class);
        String before = System.getProperty(SqlDatabase.STATEMENT_TIMEOUT_PROPERTY);
        try {
            System.setProperty(SqlDatabase.STATEMENT_TIMEOUT_PROPERTY, "7");
            assertThat(SqlDatabase.defaultStatementTimeout()).isEqualTo(Duration.ofSeconds(7));
            System.setProperty(SqlDatabase.STATEMENT_TIMEOUT_PROPERTY, "x");
            assertThatThrownBy(SqlDatabase::defaultStatementTimeout).hasMessageContaining("-Dfacet.statementTimeout must be a number of seconds");
        } finally {
            if (before == null) System.clearProperty(SqlDatabase.STATEMENT_TIMEOUT_PROPERTY);
            else System.setProperty(SqlDatabase.STATEMENT_TIMEOUT_PROPERTY, before);
        }
    }
}
