package dev.facet.data.sql.ddl;

import dev.facet.data.sql.connect.SqlFamily;
import dev.facet.data.sql.ddl.DdlPlan.Column;
import dev.facet.data.sql.ddl.DdlPlan.EnumDef;
import dev.facet.data.sql.ddl.DdlPlan.ForeignKey;
import dev.facet.data.sql.ddl.DdlPlan.Index;
import dev.facet.data.sql.ddl.DdlPlan.IndexColumn;
import dev.facet.data.sql.ddl.DdlPlan.Table;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.NativeType;
import dev.facet.schema.model.ScalarField;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** PostgreSQL, and CockroachDB through the same wire protocol with its own type names. */
final class PostgresDdl extends DdlDialect {
    private final boolean cockroach;

    PostgresDdl(boolean cockroach) { this.cockroach = cockroach; }

    @Override SqlFamily family() { return SqlFamily.POSTGRES; }

    @Override int maxIdentifierLength() { return 63; }

    @Override boolean joinTablePrimaryKey() { return true; }

    @Override
    String scalarType(ScalarField field) {
        NativeType nt = field.nativeType();
        if (cockroach) return cockroachType(field, nt);
        if (nt == null) {
            return switch (field.scalarType()) {
                case STRING -> "TEXT";
                case BOOLEAN -> "BOOLEAN";
                case INT -> "INTEGER";
                case BIG_INT -> "BIGINT";
                case FLOAT -> "DOUBLE PRECISION";
                case DECIMAL -> "DECIMAL(65,30)";
                case DATE_TIME -> "TIMESTAMP(3)";
                case JSON -> "JSONB";
                case BYTES -> "BYTEA";
            };
        }
        return switch (nt.name()) {
            case "DoublePrecision" -> "DOUBLE PRECISION";
            case "JsonB" -> "JSONB";
            case "ByteA" -> "BYTEA";
            case "Timestamptz" -> "TIMESTAMPTZ" + args(nt, ",");
            case "Timetz" -> "TIMETZ" + args(nt, ",");
            case "VarBit" -> "VARBIT" + args(nt, ",");
            default -> nt.name().toUpperCase(Locale.ROOT) + args(nt, ",");
        };
    }

    private static String cockroachType(ScalarField field, NativeType nt) {
        if (nt == null) {
            return switch (field.scalarType()) {
                case STRING -> "STRING";
                case BOOLEAN -> "BOOL";
                case INT -> "INT4";
                case BIG_INT -> "INT8";
                case FLOAT -> "FLOAT8";
                case DECIMAL -> "DECIMAL(65,30)";
                case DATE_TIME -> "TIMESTAMP(3)";
                case JSON -> "JSONB";
                case BYTES -> "BYTES";
            };
        }
        if (nt.name().equals("CatalogSingleChar")) return "\"char\"";
        return nt.name().toUpperCase(Locale.ROOT) + args(nt, ",");
    }

    @Override
    String enumType(EnumDef enumType) { return qualified(enumType.schema(), enumType.name()); }

    @Override
    boolean autoincrement(ScalarField field, Model model) {
        // CockroachDB numbers rows with unique_rowid() instead of sequences.
        return !cockroach && field.defaultValue() instanceof DefaultValue.Autoincrement;
    }

    @Override
    String autoincrementDefault() { return cockroach ? "unique_rowid()" : null; }

    @Override
    String bytesLiteral(byte[] bytes) { return "'\\x" + HexFormat.of().formatHex(bytes) + "'"; }

    @Override
    String listLiteral(List<String> items, String elementType) {
        return "ARRAY[" + String.join(", ", items) + "]::" + elementType + "[]";
    }

    @Override
    List<String> createSchemas(DdlPlan plan) {
        return plan.schemas().stream().map(s -> "CREATE SCHEMA IF NOT EXISTS " + quote(s)).toList();
    }

    @Override
    List<DdlStatement> render(DdlPlan plan) {
        List<DdlStatement> out = new ArrayList<>();
        for (EnumDef e : plan.enums()) {
            out.add(DdlStatement.of("CREATE TYPE " + qualified(e.schema(), e.name()) + " AS ENUM ("
                    + e.values().stream().map(this::stringLiteral).collect(Collectors.joining(", ")) + ")"));
        }
        for (Table t : plan.tables()) out.add(new DdlStatement(createTable(t), t));
        for (Table t : plan.tables()) for (Index i : t.indexes()) out.add(DdlStatement.of(createIndex(t, i)));
        for (Table t : plan.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                out.add(DdlStatement.of("ALTER TABLE " + qualified(t.schema(), t.name()) + " ADD CONSTRAINT " + quote(fk.name())
                        + " FOREIGN KEY (" + quotedList(fk.columns()) + ") REFERENCES "
                        + qualified(fk.referencedSchema(), fk.referencedTable()) + "(" + quotedList(fk.referencedColumns()) + ")"
                        + actions(fk)));
            }
        }
        return out;
    }

    private String createTable(Table t) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(qualified(t.schema(), t.name())).append(" (\n");
        sb.append(t.columns().stream().map(this::column).collect(Collectors.joining(",\n")));
        if (t.primaryKey() != null) {
            sb.append(",\n\n").append(INDENT).append("CONSTRAINT ").append(quote(t.primaryKey().name())).append(" PRIMARY KEY (")
                    .append(t.primaryKey().columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(",")))
                    .append(")");
        }
        return sb.append("\n)").toString();
    }

    private String column(Column c) {
        String type = c.type();
        if (c.autoincrement()) {
            type = switch (type) {
                case "SMALLINT" -> "SMALLSERIAL";
                case "INTEGER" -> "SERIAL";
                case "BIGINT" -> "BIGSERIAL";
                default -> type;
            };
        }
        return INDENT + quote(c.name()) + " " + type + (c.list() ? "[]" : "") + (c.notNull() ? " NOT NULL" : "")
                + (c.defaultSql() != null ? " DEFAULT " + c.defaultSql() : "");
    }

    private String createIndex(Table t, Index i) {
        String using = i.method() == null ? "" : " USING " + i.method().toUpperCase(Locale.ROOT) + " ";
        return "CREATE " + (i.kind() == IndexKind.UNIQUE ? "UNIQUE " : "") + "INDEX " + quote(i.name()) + " ON "
                + qualified(t.schema(), t.name()) + using + "("
                + i.columns().stream().map(this::indexColumn).collect(Collectors.joining(", ")) + ")";
    }

    private String indexColumn(IndexColumn c) {
        return quote(c.name()) + (c.operatorClass() != null ? " " + c.operatorClass() : "")
                + (c.descending() == null ? "" : c.descending() ? " DESC" : " ASC");
    }

    @Override
    List<String> existing(Connection connection, DdlPlan plan) throws SQLException {
        Set<String> tables = pairs(connection, """
                SELECT n.nspname, c.relname FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY (?) AND c.relname = ANY (?)""",
                plan.schemas(), plan.tables().stream().map(Table::name).toList());
        Set<String> types = pairs(connection, """
                SELECT n.nspname, t.typname FROM pg_catalog.pg_type t
                JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = ANY (?) AND t.typname = ANY (?)""",
                plan.schemas(), plan.enums().stream().map(EnumDef::name).toList());
        // Names are qualified only when the schema spans several database schemas.
        boolean qualify = plan.schemas().size() > 1;
        List<String> found = new ArrayList<>();
        for (EnumDef e : plan.enums()) {
            if (types.contains(e.schema() + "." + e.name())) found.add("type " + (qualify ? e.schema() + "." : "") + e.name());
        }
        for (Table t : plan.tables()) {
            if (tables.contains(t.schema() + "." + t.name())) found.add((qualify ? t.schema() + "." : "") + t.name());
        }
        return found;
    }

    private static Set<String> pairs(Connection connection, String sql, List<String> schemas, List<String> names) throws SQLException {
        Set<String> out = new HashSet<>();
        if (names.isEmpty()) return out;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Array schemaArray = connection.createArrayOf("text", schemas.toArray());
            Array nameArray = connection.createArrayOf("text", names.toArray());
            ps.setArray(1, schemaArray);
            ps.setArray(2, nameArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return out;
    }

    @Override
    List<DdlStatement> missingSchemas(Connection connection, DdlPlan plan) throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("text", plan.schemas().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) present.add(rs.getString(1));
            }
        }
        return plan.schemas().stream().filter(s -> !present.contains(s)).map(s -> DdlStatement.of("CREATE SCHEMA " + quote(s))).toList();
    }
}
