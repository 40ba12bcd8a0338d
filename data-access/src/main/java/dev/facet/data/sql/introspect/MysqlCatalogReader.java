package dev.facet.data.sql.introspect;

import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.schema.model.Provider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's catalog ({@code information_schema}) for the URL's database. Enums are column types there:
 * each becomes an enum named {@code table_column}, as Prisma names them.
 */
final class MysqlCatalogReader implements CatalogReader {
    private static final Pattern JSON_CHECK = Pattern.compile("json_valid\\(`([^`]+)`\\)");
    private static final Pattern ARGS = Pattern.compile("\\(([^)]*)\\)");
    private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^']|'')*)'");

    @Override
    public DatabaseCatalog read(SqlDatabase db, Connection c) throws SQLException {
        String schema = db.defaultSchema();
        boolean mariadb = c.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        // MariaDB's JSON is LONGTEXT with a json_valid check: Prisma reads it as Json.
        Set<String> jsonColumns = new HashSet<>();
        if (mariadb) {
            for (String[] r : CatalogQueries.rows(c, "SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?", schema, 2)) {
                Matcher m = JSON_CHECK.matcher(r[1]);
                if (m.find()) jsonColumns.add(r[0] + "." + m.group(1));
            }
        }
        Map<String, List<DatabaseCatalog.Column>> columns = new LinkedHashMap<>();
        Map<String, List<DatabaseCatalog.Column>> viewColumns = new LinkedHashMap<>();
        List<DatabaseCatalog.Enum> enums = new ArrayList<>();
        for (String[] r : CatalogQueries.rows(c, "SELECT c.TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, t.TABLE_TYPE"
                + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA"
                + " AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW')"
                + " WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME <> '_prisma_migrations' ORDER BY c.TABLE_NAME, ORDINAL_POSITION", schema, 8)) {
            String[] typed;
            if (r[2].equalsIgnoreCase("enum")) {
                String name = r[0] + "_" + r[1];
                List<String> values = new ArrayList<>();
                Matcher m = ENUM_VALUE.matcher(r[3]);
                while (m.find()) values.add(m.group(1).replace("''", "'"));
                enums.add(new DatabaseCatalog.Enum(name, values));
                typed = new String[] {name, null};
            } else {
                typed = jsonColumns.contains(r[0] + "." + r[1]) ? new String[] {"Json", null} : type(r[2].toLowerCase(Locale.ROOT), r[3].toLowerCase(Locale.ROOT));
            }
            String extra = r[6] == null ? "" : r[6].toLowerCase(Locale.ROOT);
            String dflt = extra.contains("auto_increment") ? "autoincrement()"
                    : defaultValue(r[5], typed[0], r[2].equalsIgnoreCase("enum"), mariadb || extra.contains("default_generated"));
            (r[7].equals("VIEW") ? viewColumns : columns).computeIfAbsent(r[0], k -> new ArrayList<>()).add(
                    new DatabaseCatalog.Column(r[1], typed[0], false, r[4].equals("YES"), typed[1], dflt));
        }
        Map<String, DatabaseCatalog.Key> keys = new LinkedHashMap<>();
        Map<String, Map<String, List<DatabaseCatalog.IndexColumn>>> indexColumns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        for (String[] r : CatalogQueries.rows(c, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, COLLATION FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? AND INDEX_TYPE NOT IN ('FULLTEXT', 'SPATIAL') ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", schema, 5)) {
            indexColumns.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).computeIfAbsent(r[1], k -> new ArrayList<>())
                    .add(new DatabaseCatalog.IndexColumn(r[3], "D".equals(r[4])));
            unique.put(r[0] + "." + r[1], "0".equals(r[2]));
        }
        Map<String, List<DatabaseCatalog.Index>> indexes = new LinkedHashMap<>();
        indexColumns.forEach((table, byName) -> byName.forEach((name, cols) -> {
            if (cols.stream().anyMatch(col -> col.name() == null)) return;
            if (name.equals("PRIMARY")) keys.put(table, new DatabaseCatalog.Key(null, cols.stream().map(DatabaseCatalog.IndexColumn::name).toList()));
            else indexes.computeIfAbsent(table, k -> new ArrayList<>()).add(new DatabaseCatalog.Index(name, unique.get(table + "." + name), cols));
        }));
        Map<String, Map<String, List<String[]>>> fkRows = new LinkedHashMap<>();
        for (String[] r : CatalogQueries.rows(c, "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,"
                + " rc.DELETE_RULE, rc.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k"
                + " JOIN information_schema.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
                + " AND rc.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND rc.TABLE_NAME = k.TABLE_NAME"
                + " WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL"
                + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION", schema, 7)) {
            fkRows.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).computeIfAbsent(r[1], k -> new ArrayList<>()).add(r);
        }
        List<DatabaseCatalog.Table> tables = new ArrayList<>();
        for (var e : columns.entrySet()) {
            List<DatabaseCatalog.ForeignKey> fks = new ArrayList<>();
            fkRows.getOrDefault(e.getKey(), Map.of()).forEach((name, rs) -> fks.add(new DatabaseCatalog.ForeignKey(name,
                    rs.stream().map(r -> r[2]).toList(), rs.getFirst()[3], rs.stream().map(r -> r[4]).toList(),
                    DatabaseCatalog.action(rs.getFirst()[5]), DatabaseCatalog.action(rs.getFirst()[6]))));
            tables.add(new DatabaseCatalog.Table(e.getKey(), e.getValue(), keys.get(e.getKey()),
                    indexes.getOrDefault(e.getKey(), List.of()), fks));
        }
        return new DatabaseCatalog(Provider.MYSQL, tables, enums, DatabaseCatalog.views(viewColumns));
    }

    /** @return Prisma's type and native type (null when the type's default) for a column's data and column types */
    static String[] type(String data, String column) {
        Matcher m = ARGS.matcher(column);
        String args = m.find() ? m.group(1).replace(",", ", ") : null;
        boolean unsigned = column.contains("unsigned");
        return switch (data) {
            case "int" -> new String[] {"Int", unsigned ? "UnsignedInt" : null};
            case "tinyint" -> "1".equals(args) ? new String[] {"Boolean", null} : new String[] {"Int", unsigned ? "UnsignedTinyInt" : "TinyInt"};
            case "smallint" -> new String[] {"Int", unsigned ? "UnsignedSmallInt" : "SmallInt"};
            case "mediumint" -> new String[] {"Int", unsigned ? "UnsignedMediumInt" : "MediumInt"};
            case "year" -> new String[] {"Int", "Year"};
            case "bigint" -> new String[] {"BigInt", unsigned ? "UnsignedBigInt" : null};
            case "varchar" -> new String[] {"String", "191".equals(args) ? null : "VarChar(" + args + ")"};
            case "char" -> new String[] {"String", "Char(" + args + ")"};
            case "text" -> new String[] {"String", "Text"};
            case "tinytext" -> new String[] {"String", "TinyText"};
            case "mediumtext" -> new String[] {"String", "MediumText"};
            case "longtext" -> new String[] {"String", "LongText"};
            case "decimal" -> new String[] {"Decimal", "65, 30".equals(args) ? null : "Decimal(" + args + ")"};
            case "double" -> new String[] {"Float", null};
            case "float" -> new String[] {"Float", "Float"};
            case "bit" -> "1".equals(args) ? new String[] {"Boolean", "Bit(1)"} : new String[] {"Bytes", "Bit(" + args + ")"};
            case "datetime" -> new String[] {"DateTime", "3".equals(args) ? null : "DateTime(" + (args == null ? "0" : args) + ")"};
            case "timestamp" -> new String[] {"DateTime", "Timestamp(" + (args == null ? "0" : args) + ")"};
            case "date" -> new String[] {"DateTime", "Date"};
            case "time" -> new String[] {"DateTime", "Time(" + (args == null ? "0" : args) + ")"};
            case "json" -> new String[] {"Json", null};
            case "longblob" -> new String[] {"Bytes", null};
            case "blob" -> new String[] {"Bytes", "Blob"};
            case "tinyblob" -> new String[] {"Bytes", "TinyBlob"};
            case "mediumblob" -> new String[] {"Bytes", "MediumBlob"};
            case "binary" -> new String[] {"Bytes", "Binary(" + args + ")"};
            case "varbinary" -> new String[] {"Bytes", "VarBinary(" + args + ")"};
            default -> new String[] {"Unsupported(\"" + Defaults.escape(column) + "\")", null};
        };
    }

    /**
     * @param quoted whether string defaults come quoted (MariaDB; MySQL's expression defaults), so that an unquoted
     *               one is an expression
     */
    private static String defaultValue(String value, String type, boolean isEnum, boolean quoted) {
        if (value == null) return null;
        if (isEnum) {
            String v = value.startsWith("'") && value.endsWith("'") ? value.substring(1, value.length() - 1).replace("''", "'") : value;
            return quoted && !value.startsWith("'") ? null : v;
        }
        boolean textual = Set.of("String", "Json", "Bytes").contains(type);
        if (!quoted && textual) return Defaults.quote(value);
        return Defaults.sqlLiteral(value, type);
    }
}
