package dev.facet.data.sql.ddl;

import dev.facet.data.sql.connect.SqlFamily;
import dev.facet.data.sql.ddl.DdlPlan.EnumDef;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.NativeType;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ReferentialAction;
import dev.facet.schema.model.ScalarField;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DDL part of a database's dialect: how it spells Prisma's DDL (column types per scalar and native type, default
 * expressions, statement layout) and how to look for tables that already exist. The facts the query part states too
 * (quoting, string literals, namespaces, enum types, scalar lists) come from the database's {@link SqlFamily}. The
 * layout follows what Prisma's schema engine prints for the same schema, so a script reads like a Prisma migration.
 */
abstract sealed class DdlDialect permits PostgresDdl, MysqlDdl, SqliteDdl {
    static final String INDENT = "    ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** @return the dialect for a provider */
    static DdlDialect of(Provider provider) {
        return switch (provider) {
            case POSTGRESQL -> new PostgresDdl(false);
            case COCKROACHDB -> new PostgresDdl(true);
            case MYSQL -> new MysqlDdl();
            case SQLITE -> new SqliteDdl();
            default -> throw new SchemaPushException("facet push does not support the " + provider.id() + " provider");
        };
    }

    /** @return the family of databases this dialect writes DDL for, whose facts (quoting, literals, types) it uses */
    abstract SqlFamily family();

    /** @return the identifier quoted for this database */
    final String quote(String identifier) { return family().quote(identifier); }

    /** @return the quoted name of {@code name} in the namespace {@code schema} */
    final String qualified(String schema, String name) { return family().qualified(schema, name); }

    /** @return the longest identifier the database accepts (Prisma shortens generated names to it) */
    abstract int maxIdentifierLength();

    /** @return whether the database has schemas (namespaces) that tables are created in */
    final boolean hasSchemas() { return family().namespaces(); }

    /** @return whether enums are types of their own ({@code CREATE TYPE}) rather than column types */
    final boolean nativeEnums() { return family().enumTypes(); }

    /** @return whether an implicit many-to-many table gets a primary key on (A, B) instead of a unique index */
    boolean joinTablePrimaryKey() { return false; }

    /** @return whether DDL statements can run in one transaction that a failure rolls back */
    boolean transactionalDdl() { return true; }

    /** @return whether full-text indexes ({@code @@fulltext}) exist on this database */
    boolean fulltextIndexes() { return false; }

    /** @return the column type of a built-in scalar field, from its native type or Prisma's default for the scalar */
    abstract String scalarType(ScalarField field);

    /** @return the column type of an enum field */
    abstract String enumType(EnumDef enumType);

    /** @return whether the database generates this column's values ({@code SERIAL}, {@code AUTO_INCREMENT}, ...) */
    boolean autoincrement(ScalarField field, Model model) { return field.defaultValue() instanceof DefaultValue.Autoincrement; }

    /** @return the {@code DEFAULT} for {@code autoincrement()} when the database needs one, else null */
    String autoincrementDefault() { return null; }

    /** @return the {@code DEFAULT} for {@code now()} */
    String now(ScalarField field) { return "CURRENT_TIMESTAMP"; }

    /** @return a string literal */
    final String stringLiteral(String value) { return family().stringLiteral(value); }

    /**
     * @return a DateTime literal for a default, from its ISO-8601 text, written as Prisma writes it:
     *         {@code '2024-01-02 03:04:05.678 +00:00'}
     */
    String dateTimeLiteral(String iso) {
        OffsetDateTime t = OffsetDateTime.parse(iso);
        int nanos = t.getNano();
        // As many fraction digits as needed, in groups of three: .678, .678123, .678123456, or none.
        String fraction = nanos == 0 ? "" : nanos % 1_000_000 == 0 ? String.format(".%03d", nanos / 1_000_000)
                : nanos % 1_000 == 0 ? String.format(".%06d", nanos / 1_000) : String.format(".%09d", nanos);
        String offset = t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
        return stringLiteral(t.toLocalDate() + " " + t.toLocalTime().format(TIME)
                + fraction + " " + offset);
    }

    /** @return a Json literal for a default, or null when the database does not accept one */
    String jsonLiteral(String json) { return stringLiteral(json); }

    /** @return a Bytes literal for a default, or null when the database does not accept one */
    String bytesLiteral(byte[] bytes) { return stringLiteral(HexFormat.of().formatHex(bytes)); }

    /** @return a list literal of rendered items for a column of {@code elementType}, or null without lists */
    String listLiteral(List<String> items, String elementType) { return null; }

    /** @return the statements that create everything in the plan, in an order the database accepts */
    abstract List<DdlStatement> render(DdlPlan plan);

    /** @return the statements that create the plan's schemas when missing (for a script; a push checks first) */
    List<String> createSchemas(DdlPlan plan) { return List.of(); }

    /**
     * @return the plan's tables (and enum types) that already exist, as names for a message, in plan order
     */
    abstract List<String> existing(Connection connection, DdlPlan plan) throws SQLException;

    /** @return statements that create the plan's schemas the database does not have yet */
    List<DdlStatement> missingSchemas(Connection connection, DdlPlan plan) throws SQLException { return List.of(); }

    /** Undoes what a failed push created where DDL is not transactional; a no-op elsewhere. */
    void dropCreated(Connection connection, List<DdlPlan.Table> created) throws SQLException {}

    /** @return the native type's arguments in parentheses ({@code (10,2)}), or nothing */
    static String args(NativeType type, String separator) {
        return type.arguments().isEmpty() ? "" : "(" + String.join(separator, type.arguments()) + ")";
    }

    /** @return the column names quoted and joined by {@code ", "} */
    String quotedList(List<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    /** @return the SQL words for a referential action */
    static String action(ReferentialAction action) {
        return switch (action) {
            case CASCADE -> "CASCADE";
            case RESTRICT -> "RESTRICT";
            case NO_ACTION -> "NO ACTION";
            case SET_NULL -> "SET NULL";
            case SET_DEFAULT -> "SET DEFAULT";
        };
    }

    /** @return {@code ON DELETE x ON UPDATE y} for a foreign key */
    static String actions(DdlPlan.ForeignKey fk) {
        return " ON DELETE " + action(fk.onDelete()) + " ON UPDATE " + action(fk.onUpdate());
    }

    /**
     * One statement and, when it creates a table, which one (so a failure on a database without transactional DDL
     * can drop what was created).
     */
    record DdlStatement(String sql, DdlPlan.Table createsTable) {
        static DdlStatement of(String sql) { return new DdlStatement(sql, null); }
    }
}
