package dev.facet.data.sql.introspect;

import dev.facet.data.connector.RowEstimate;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.schema.model.Model;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Row counts from the catalog, in one statement per database, never a {@code count(*)}: PostgreSQL's
 * {@code pg_class.reltuples} (what the planner uses, refreshed by ANALYZE and autovacuum), MySQL's and MariaDB's
 * {@code information_schema.TABLES.TABLE_ROWS} (InnoDB's sampled estimate), SQLite's {@code sqlite_stat1} where ANALYZE
 * has run. A table whose size on disk is small is marked cheap to count exactly.
 */
public final class RowEstimates {
    /** Below this size on disk an exact count takes milliseconds. */
    static final long CHEAP_BYTES = 16L * 1024 * 1024;
    /** SQLite has no size per table without the optional dbstat table: a small file is cheap to count whole. */
    static final long CHEAP_SQLITE_FILE = 64L * 1024 * 1024;

    /**
     * In a big SQLite file, a table is read up to this many rows to learn whether it is small: a bounded walk of its
     * b-tree, so a 50-row table beside a million-row one is counted, and the big one is not.
     */
    static final int SQLITE_PROBE_ROWS = 10_000;

    private RowEstimates() {}

    /**
     * @return per model name; views and tables the catalog does not list are left out
     */
    public static Map<String, RowEstimate> read(SqlDatabase db, Connection c, List<Model> models) throws SQLException {
        Map<String, RowEstimate> byTable = switch (db.provider()) {
            case POSTGRESQL, COCKROACHDB -> postgres(c, schemas(db, models));
            case MYSQL -> mysql(c, db.defaultSchema());
            case SQLITE -> sqlite(c);
            default -> Map.of();
        };
        Map<String, RowEstimate> out = new LinkedHashMap<>();
        for (Model m : models) {
            String schema = m.schema() != null ? m.schema() : db.defaultSchema();
            RowEstimate e = byTable.get(key(schema, m.databaseName()));
            if (e == null) e = byTable.get(key(null, m.databaseName()));
            if (e != null) out.put(m.name(), e);
        }
        return out;
    }

    private static Set<String> schemas(SqlDatabase db, List<Model> models) {
        Set<String> out = new LinkedHashSet<>();
        out.add(db.defaultSchema());
        for (Model m : models) if (m.schema() != null) out.add(m.schema());
        return out;
    }

    private static String key(String schema, String table) {
        return (schema == null ? "" : schema) + "\u0000" + table.toLowerCase(Locale.ROOT);
    }

    private static Map<String, RowEstimate> postgres(Connection c, Set<String> schemas) throws SQLException {
        Map<String, RowEstimate> out = new HashMap<>();
        String sql = """
                SELECT n.nspname, c.relname, c.reltuples::bigint, pg_relation_size(c.oid)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p', 'm')""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array names = c.createArrayOf("text", schemas.toArray());
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // reltuples is -1 for a table never analysed (PostgreSQL 14 on): no estimate then.
                    long rows = rs.getLong(3);
                    out.put(key(rs.getString(1), rs.getString(2)), new RowEstimate(rows < 0 ? -1 : rows, rs.getLong(4) <= CHEAP_BYTES));
                }
            }
        }
        return out;
    }

    private static Map<String, RowEstimate> mysql(Connection c, String schema) throws SQLException {
        Map<String, RowEstimate> out = new HashMap<>();
        String sql = "SELECT TABLE_NAME, TABLE_ROWS, DATA_LENGTH FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rows = rs.getLong(2);
                    boolean unknown = rs.wasNull();
                    out.put(key(schema, rs.getString(1)), new RowEstimate(unknown ? -1 : rows, rs.getLong(3) <= CHEAP_BYTES));
                }
            }
        }
        return out;
    }

    private static Map<String, RowEstimate> sqlite(Connection c) throws SQLException {
        Map<String, RowEstimate> out = new HashMap<>();
        long bytes;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) {
            bytes = rs.next() ? rs.getLong(1) : Long.MAX_VALUE;
        }
        boolean cheap = bytes <= CHEAP_SQLITE_FILE;
        Map<String, Long> stats = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")) {
            if (rs.next()) {
                try (ResultSet st = s.getConnection().createStatement().executeQuery("SELECT tbl, stat FROM sqlite_stat1")) {
                    while (st.next()) {
                        String stat = st.getString(2);
                        if (stat == null || stat.isBlank()) continue;
                        try {
                            stats.merge(st.getString(1), Long.parseLong(stat.trim().split("\\s+")[0]), Math::max);
                        } catch (NumberFormatException ignored) {
                            // Not a row count: no estimate for that table.
                        }
                    }
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                String table = rs.getString(1);
                boolean small = cheap || fewRows(c, table);
                out.put(key("main", table), new RowEstimate(stats.getOrDefault(table, -1L), small));
            }
        }
        return out;
    }

    /** @return whether {@code table} has at most {@link #SQLITE_PROBE_ROWS} rows, read no further than one more */
    private static boolean fewRows(Connection c, String table) throws SQLException {
        String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + quoted + " LIMIT " + (SQLITE_PROBE_ROWS + 1) + ")")) {
            return rs.next() && rs.getLong(1) <= SQLITE_PROBE_ROWS;
        }
    }
}
