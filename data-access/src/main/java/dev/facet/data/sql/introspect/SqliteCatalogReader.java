package dev.facet.data.sql.introspect;

import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.schema.model.Provider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** SQLite's catalog through its pragmas ({@code table_info}, {@code index_list}, {@code foreign_key_list}). */
final class SqliteCatalogReader implements CatalogReader {
    @Override
    public DatabaseCatalog read(SqlDatabase db, Connection c) throws SQLException {
        List<DatabaseCatalog.Table> tables = new ArrayList<>();
        for (String table : strings(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " AND name <> '_prisma_migrations' ORDER BY name")) {
            tables.add(table(c, table));
        }
        List<DatabaseCatalog.Table> views = new ArrayList<>();
        for (String view : strings(c, "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")) {
            // A view's pragma_table_info has its columns (never NOT NULL, no key); indexes and keys it has none.
            DatabaseCatalog.Table t = table(c, view);
            views.add(new DatabaseCatalog.Table(view, t.columns(), null, List.of(), List.of()));
        }
        return new DatabaseCatalog(Provider.SQLITE, tables, List.of(), views);
    }

    private static DatabaseCatalog.Table table(Connection c, String table) throws SQLException {
        List<DatabaseCatalog.Column> columns = new ArrayList<>();
        Map<Integer, String> pk = new TreeMap<>();
        Map<String, String> declared = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(5) > 0) pk.put(rs.getInt(5), rs.getString(1));
                    declared.put(rs.getString(1), rs.getString(2));
                    columns.add(new DatabaseCatalog.Column(rs.getString(1), type(rs.getString(2)), false, rs.getInt(3) == 0, null,
                            rs.getString(4)));
                }
            }
        }
        // INTEGER PRIMARY KEY is the rowid: Prisma reads it as autoincrement(); other defaults by the column's type.
        List<DatabaseCatalog.Column> typed = new ArrayList<>();
        for (DatabaseCatalog.Column col : columns) {
            boolean rowid = pk.size() == 1 && pk.containsValue(col.name())
                    && declared.get(col.name()).trim().equalsIgnoreCase("INTEGER");
            String dflt = rowid ? "autoincrement()" : Defaults.sqlLiteral(col.defaultValue(), col.type());
            typed.add(new DatabaseCatalog.Column(col.name(), col.type(), false, col.nullable() && !rowid, null, dflt));
        }
        DatabaseCatalog.Key key = pk.isEmpty() ? null : new DatabaseCatalog.Key(null, List.copyOf(pk.values()));
        return new DatabaseCatalog.Table(table, typed, key, indexes(c, table), foreignKeys(c, table));
    }

    private static List<DatabaseCatalog.Index> indexes(Connection c, String table) throws SQLException {
        List<DatabaseCatalog.Index> indexes = new ArrayList<>();
        List<String[]> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?) ORDER BY name")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!"pk".equals(rs.getString(3)) && rs.getInt(4) == 0) list.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        for (String[] index : list) {
            List<DatabaseCatalog.IndexColumn> cols = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno")) {
                ps.setString(1, index[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) cols.add(new DatabaseCatalog.IndexColumn(rs.getString(1), rs.getInt(2) == 1));
                }
            }
            // An index on an expression has no column name: Prisma cannot describe it either.
            if (cols.stream().anyMatch(col -> col.name() == null)) continue;
            String name = index[0].startsWith("sqlite_autoindex_") ? null : index[0];
            indexes.add(new DatabaseCatalog.Index(name, "1".equals(index[1]), cols));
        }
        return indexes;
    }

    private static List<DatabaseCatalog.ForeignKey> foreignKeys(Connection c, String table) throws SQLException {
        Map<Integer, List<String[]>> byId = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(
                            new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
                }
            }
        }
        List<DatabaseCatalog.ForeignKey> fks = new ArrayList<>();
        // SQLite numbers foreign keys from the last declared: reversed, they are in declaration order.
        List<List<String[]>> groups = new ArrayList<>(byId.values());
        java.util.Collections.reverse(groups);
        for (List<String[]> rows : groups) {
            String[] first = rows.getFirst();
            fks.add(new DatabaseCatalog.ForeignKey(null, rows.stream().map(r -> r[1]).toList(), first[0],
                    rows.stream().map(r -> r[2]).toList(), DatabaseCatalog.action(first[4]), DatabaseCatalog.action(first[3])));
        }
        return fks;
    }

    /** Prisma's reading of SQLite's declared types (by affinity-like name matching). */
    static String type(String declared) {
        String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT).replaceAll("\\(.*", "").trim();
        return switch (t) {
            case "INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT", "INT2", "INT8" -> "Int";
            case "BIGINT", "UNSIGNED BIG INT" -> "BigInt";
            case "TEXT", "VARCHAR", "CHAR", "CHARACTER", "NCHAR", "NVARCHAR", "CLOB", "VARYING CHARACTER", "NATIVE CHARACTER" -> "String";
            case "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT" -> "Float";
            case "DECIMAL", "NUMERIC" -> "Decimal";
            case "BOOLEAN" -> "Boolean";
            case "DATETIME", "DATE", "TIMESTAMP" -> "DateTime";
            case "BLOB" -> "Bytes";
            case "JSONB", "JSON" -> "Json";
            default -> "Unsupported(\"" + Defaults.escape(declared == null ? "" : declared) + "\")";
        };
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
