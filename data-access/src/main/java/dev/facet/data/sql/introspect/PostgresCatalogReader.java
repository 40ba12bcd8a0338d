package dev.facet.data.sql.introspect;

import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.schema.model.Provider;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's catalog ({@code pg_catalog}) for the database's schema (the URL's {@code schema}, else public). */
final class PostgresCatalogReader implements CatalogReader {
    private static final Pattern CAST = Pattern.compile("(?s)'(.*)'::[\\w .\"\\[\\]()]+");
    private static final Pattern ARGS = Pattern.compile("\\((\\d+)(?:,(\\d+))?\\)");

    private static final String COLUMNS = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), t.typtype, et.typname, et.typtype,
                   a.attnotnull, pg_get_expr(d.adbin, d.adrelid), t.typname, a.attidentity, c.relkind
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v') AND a.attnum > 0 AND NOT a.attisdropped
              AND c.relname <> '_prisma_migrations'
            ORDER BY c.relname, a.attnum""";
    private static final String CONSTRAINTS = """
            SELECT cl.relname, con.conname, con.contype,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
                   fcl.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
                   con.confdeltype, con.confupdtype
            FROM pg_constraint con
            JOIN pg_class cl ON cl.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = cl.relnamespace
            LEFT JOIN pg_class fcl ON fcl.oid = con.confrelid
            WHERE n.nspname = ? AND con.contype IN ('p', 'f')
            ORDER BY cl.relname, con.contype DESC, con.conname""";
    private static final String INDEXES = """
            SELECT t.relname, i.relname, ix.indisunique,
                   ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.num ORDER BY k.ord),
                   ARRAY(SELECT (o.opt & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY o(opt, ord) ORDER BY o.ord),
                   ix.indnkeyatts
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = ? AND NOT ix.indisprimary AND ix.indexprs IS NULL AND ix.indpred IS NULL
            ORDER BY t.relname, i.relname""";
    private static final String ENUMS = """
            SELECT t.typname, e.enumlabel FROM pg_type t
            JOIN pg_enum e ON e.enumtypid = t.oid
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ? ORDER BY t.typname, e.enumsortorder""";

    @Override
    public DatabaseCatalog read(SqlDatabase db, Connection c) throws SQLException {
        String schema = db.defaultSchema();
        Map<String, List<String>> enums = new LinkedHashMap<>();
        for (String[] row : CatalogQueries.rows(c, ENUMS, schema, 2)) enums.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);

        Map<String, List<DatabaseCatalog.Column>> columns = new LinkedHashMap<>();
        Map<String, List<DatabaseCatalog.Column>> viewColumns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    (rs.getString(11).equals("v") ? viewColumns : columns).computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(column(rs));
                }
            }
        }
        Map<String, DatabaseCatalog.Key> keys = new LinkedHashMap<>();
        Map<String, List<DatabaseCatalog.ForeignKey>> fks = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CONSTRAINTS)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> cols = strings(rs.getArray(4));
                    if (rs.getString(3).equals("p")) {
                        keys.put(rs.getString(1), new DatabaseCatalog.Key(rs.getString(2), cols));
                    } else {
                        fks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DatabaseCatalog.ForeignKey(rs.getString(2),
                                cols, rs.getString(5), strings(rs.getArray(6)), DatabaseCatalog.action(rs.getString(7)),
                                DatabaseCatalog.action(rs.getString(8))));
                    }
                }
            }
        }
        Map<String, List<DatabaseCatalog.Index>> indexes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(INDEXES)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> cols = strings(rs.getArray(4));
                    Object[] desc = (Object[]) rs.getArray(5).getArray();
                    int keyColumns = rs.getInt(6);
                    List<DatabaseCatalog.IndexColumn> ic = new ArrayList<>();
                    for (int i = 0; i < Math.min(keyColumns, cols.size()); i++) {
                        ic.add(new DatabaseCatalog.IndexColumn(cols.get(i), i < desc.length && Boolean.TRUE.equals(desc[i])));
                    }
                    indexes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
                            new DatabaseCatalog.Index(rs.getString(2), rs.getBoolean(3), ic));
                }
            }
        }
        List<DatabaseCatalog.Table> tables = new ArrayList<>();
        for (var e : columns.entrySet()) {
            tables.add(new DatabaseCatalog.Table(e.getKey(), e.getValue(), keys.get(e.getKey()),
                    indexes.getOrDefault(e.getKey(), List.of()), fks.getOrDefault(e.getKey(), List.of())));
        }
        List<DatabaseCatalog.Enum> enumList = enums.entrySet().stream().map(e -> new DatabaseCatalog.Enum(e.getKey(), e.getValue())).toList();
        return new DatabaseCatalog(db.provider() == Provider.COCKROACHDB ? Provider.COCKROACHDB : Provider.POSTGRESQL, tables, enumList,
                DatabaseCatalog.views(viewColumns));
    }

    private static DatabaseCatalog.Column column(ResultSet rs) throws SQLException {
        String formatted = rs.getString(3);
        boolean list = rs.getString(5) != null;
        String enumName = list ? ("e".equals(rs.getString(6)) ? rs.getString(5) : null) : ("e".equals(rs.getString(4)) ? rs.getString(9) : null);
        String element = list ? formatted.substring(0, formatted.length() - 2) : formatted;
        String[] typed = enumName != null ? new String[] {enumName, null} : type(element);
        String identity = rs.getString(10);
        String dflt = identity != null && !identity.isEmpty() ? "autoincrement()" : defaultValue(rs.getString(8), typed[0], list, enumName != null);
        return new DatabaseCatalog.Column(rs.getString(2), typed[0], list, !rs.getBoolean(7), typed[1], dflt);
    }

    /** @return Prisma's type and native type (null when it is the type's default) for a {@code format_type} text */
    static String[] type(String t) {
        Matcher m = ARGS.matcher(t);
        String args = m.find() ? (m.group(2) != null ? m.group(1) + ", " + m.group(2) : m.group(1)) : null;
        String base = t.replaceAll("\\(.*?\\)", "");
        return switch (base) {
            case "integer" -> new String[] {"Int", null};
            case "smallint" -> new String[] {"Int", "SmallInt"};
            case "oid" -> new String[] {"Int", "Oid"};
            case "bigint" -> new String[] {"BigInt", null};
            case "text" -> new String[] {"String", null};
            case "character varying" -> new String[] {"String", args == null ? "VarChar" : "VarChar(" + args + ")"};
            case "character" -> new String[] {"String", "Char(" + (args == null ? "1" : args) + ")"};
            case "uuid" -> new String[] {"String", "Uuid"};
            case "xml" -> new String[] {"String", "Xml"};
            case "inet" -> new String[] {"String", "Inet"};
            case "citext" -> new String[] {"String", "Citext"};
            case "bit" -> new String[] {"String", "Bit(" + (args == null ? "1" : args) + ")"};
            case "bit varying" -> new String[] {"String", args == null ? "VarBit" : "VarBit(" + args + ")"};
            case "numeric" -> new String[] {"Decimal", args == null || args.equals("65, 30") ? null : "Decimal(" + args + ")"};
            case "money" -> new String[] {"Decimal", "Money"};
            case "double precision" -> new String[] {"Float", null};
            case "real" -> new String[] {"Float", "Real"};
            case "boolean" -> new String[] {"Boolean", null};
            case "timestamp without time zone" -> new String[] {"DateTime", "3".equals(args) ? null : "Timestamp(" + (args == null ? "6" : args) + ")"};
            case "timestamp with time zone" -> new String[] {"DateTime", "Timestamptz(" + (args == null ? "6" : args) + ")"};
            case "date" -> new String[] {"DateTime", "Date"};
            case "time without time zone" -> new String[] {"DateTime", "Time(" + (args == null ? "6" : args) + ")"};
            case "time with time zone" -> new String[] {"DateTime", "Timetz(" + (args == null ? "6" : args) + ")"};
            case "jsonb" -> new String[] {"Json", null};
            case "json" -> new String[] {"Json", "Json"};
            case "bytea" -> new String[] {"Bytes", null};
            default -> new String[] {"Unsupported(\"" + Defaults.escape(t) + "\")", null};
        };
    }

    static String defaultValue(String expr, String type, boolean list, boolean isEnum) {
        if (expr == null) return null;
        String e = expr.trim();
        if (e.startsWith("nextval(")) return "autoincrement()";
        if (e.equalsIgnoreCase("CURRENT_TIMESTAMP") || e.equals("now()")) return type.equals("DateTime") ? "now()" : Defaults.dbGenerated(e);
        if (list) {
            if (e.matches("'\\{}'::.*") || e.matches("ARRAY\\[]::.*")) return "[]";
            if (!e.startsWith("ARRAY[") || !e.contains("]")) return Defaults.dbGenerated(e);
            String inner = e.substring(6, e.lastIndexOf(']'));
            List<String> items = new ArrayList<>();
            for (String item : inner.split(",\\s*(?=(?:[^']*'[^']*')*[^']*$)")) {
                String v = scalar(item.trim(), type, isEnum);
                if (v == null || v.startsWith("dbgenerated(")) return Defaults.dbGenerated(e);
                items.add(v);
            }
            return "[" + String.join(", ", items) + "]";
        }
        return scalar(e, type, isEnum);
    }

    private static String scalar(String e, String type, boolean isEnum) {
        Matcher cast = CAST.matcher(e);
        String literal = cast.matches() ? cast.group(1).replace("''", "'") : null;
        if (literal != null && isEnum) return literal;
        if (literal != null) {
            return switch (type) {
                case "Int", "BigInt", "Float", "Decimal", "Boolean" -> Defaults.sqlLiteral(literal, type);
                default -> type.startsWith("Unsupported") ? Defaults.dbGenerated(e) : Defaults.quote(literal);
            };
        }
        if (e.startsWith("'") && e.endsWith("'")) return Defaults.sqlLiteral(e, type);
        if (Set.of("Int", "BigInt", "Float", "Decimal", "Boolean").contains(type)) return Defaults.sqlLiteral(e, type);
        return Defaults.dbGenerated(e);
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) out.add(String.valueOf(o));
        return out;
    }
}
