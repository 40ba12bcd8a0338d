package dev.facet.data.testdb;

import dev.facet.data.sql.connect.SqlDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a database's catalog says about its tables, one line per fact, sorted: tables, columns (position, type,
 * nullability, default), primary keys, indexes (name, uniqueness, columns, order), foreign keys (name, columns,
 * target, actions) and enum types. Two databases built from the same schema by different means must give equal
 * snapshots.
 */
public final class CatalogSnapshot {
    private CatalogSnapshot() {}

    /**
     * @param schema the PostgreSQL schema to describe (ignored elsewhere)
     * @return the sorted lines
     */
    public static List<String> of(SqlDatabase db, DbKind kind, String schema) {
        try (Connection c = db.dataSource().getConnection()) {
            List<String> lines = switch (kind) {
                case POSTGRES -> postgres(c, schema);
                case MYSQL -> mysql(c);
                case SQLITE -> sqlite(c);
            };
            return lines.stream().sorted().toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> postgres(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        query(c, """
                SELECT cl.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       pg_get_expr(d.adbin, d.adrelid)
                FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE n.nspname = ? AND cl.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped""", schema, rs ->
                out.add("column " + rs.getString(1) + "." + rs.getInt(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + (rs.getBoolean(5) ? " NOT NULL" : " NULL") + (rs.getString(6) != null ? " DEFAULT " + rs.getString(6) : "")));
        query(c, """
                SELECT cl.relname, co.conname, co.contype, pg_get_constraintdef(co.oid)
                FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = co.connamespace
                WHERE n.nspname = ?""", schema, rs ->
                out.add("constraint " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)));
        query(c, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = ?", schema, rs ->
                out.add("index " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)));
        query(c, """
                SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = ? GROUP BY t.typname""", schema, rs ->
                out.add("enum " + rs.getString(1) + " " + rs.getString(2)));
        return out;
    }

    private static List<String> mysql(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        query(c, "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", null, rs ->
                out.add("table " + rs.getString(1) + " " + rs.getString(2)));
        query(c, """
                SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA
                FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()""", null, rs ->
                out.add("column " + rs.getString(1) + "." + rs.getInt(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + ("NO".equals(rs.getString(5)) ? " NOT NULL" : " NULL") + " DEFAULT " + rs.getString(6)
                        + (rs.getString(7).isBlank() ? "" : " " + rs.getString(7).toUpperCase(Locale.ROOT))));
        query(c, """
                SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, COLLATION, SUB_PART, INDEX_TYPE
                FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()""", null, rs ->
                out.add("index " + rs.getString(1) + " " + rs.getString(2) + (rs.getInt(3) == 0 ? " unique" : "") + " "
                        + rs.getInt(4) + ":" + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7) + " " + rs.getString(8)));
        query(c, """
                SELECT rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.REFERENCED_TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE,
                       GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION), GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION)
                FROM information_schema.REFERENTIAL_CONSTRAINTS rc
                JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA
                  AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME AND k.TABLE_NAME = rc.TABLE_NAME
                WHERE rc.CONSTRAINT_SCHEMA = DATABASE()
                GROUP BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.REFERENCED_TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE""", null, rs ->
                out.add("foreign key " + rs.getString(1) + " " + rs.getString(2) + " (" + rs.getString(6) + ") -> " + rs.getString(3)
                        + " (" + rs.getString(7) + ") ON DELETE " + rs.getString(5) + " ON UPDATE " + rs.getString(4)));
        return out;
    }

    private static final Pattern FK_NAME = Pattern.compile("CONSTRAINT \"([^\"]+)\" FOREIGN KEY \\(([^)]*)\\)");

    private static List<String> sqlite(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        List<String[]> tables = new ArrayList<>();
        query(c, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", null,
                rs -> tables.add(new String[] {rs.getString(1), rs.getString(2)}));
        for (String[] t : tables) {
            String table = t[0];
            String sql = t[1];
            out.add("table " + table + (sql.contains("AUTOINCREMENT") ? " autoincrement" : ""));
            Matcher m = FK_NAME.matcher(sql);
            while (m.find()) out.add("foreign key name " + table + " " + m.group(1) + " (" + m.group(2) + ")");
            pragma(c, "table_info", table, rs -> out.add("column " + table + "." + rs.getInt("cid") + " " + rs.getString("name") + " "
                    + rs.getString("type") + (rs.getInt("notnull") == 1 ? " NOT NULL" : " NULL") + " DEFAULT " + rs.getString("dflt_value")
                    + " pk=" + rs.getInt("pk")));
            List<String> indexes = new ArrayList<>();
            pragma(c, "index_list", table, rs -> {
                indexes.add(rs.getString("name"));
                out.add("index " + table + " " + rs.getString("name") + (rs.getInt("unique") == 1 ? " unique" : "") + " origin="
                        + rs.getString("origin"));
            });
            for (String index : indexes) {
                // Auto-indexes of inline keys have names SQLite makes up from the table name; they are compared by origin.
                if (index.startsWith("sqlite_autoindex_")) continue;
                pragma(c, "index_xinfo", index, rs -> {
                    if (rs.getInt("key") == 1) {
                        out.add("index column " + index + " " + rs.getInt("seqno") + ":" + rs.getString("name") + (rs.getInt("desc") == 1 ? " DESC" : ""));
                    }
                });
            }
            pragma(c, "foreign_key_list", table, rs -> out.add("foreign key " + table + " " + rs.getInt("id") + "." + rs.getInt("seq") + " "
                    + rs.getString("from") + " -> " + rs.getString("table") + "." + rs.getString("to") + " ON DELETE " + rs.getString("on_delete")
                    + " ON UPDATE " + rs.getString("on_update")));
        }
        return out;
    }

    private interface Row { void accept(ResultSet rs) throws SQLException; }

    private static void query(Connection c, String sql, String parameter, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) row.accept(rs);
            }
        }
    }

    private static void pragma(Connection c, String pragma, String argument, Row row) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + pragma + "(\"" + argument.replace("\"", "\"\"") + "\")")) {
            while (rs.next()) row.accept(rs);
        }
    }
}
