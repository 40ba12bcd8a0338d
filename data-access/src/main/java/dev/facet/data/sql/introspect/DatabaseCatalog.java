package dev.facet.data.sql.introspect;

import dev.facet.schema.model.Provider;
import java.util.List;

/**
 * What a database's catalog says about its tables, neutral of the database it was read from: the catalog readers
 * ({@link CatalogReader}) fill it with Prisma's types and defaults already mapped, and {@link SchemaWriter} writes the
 * Prisma schema from it.
 *
 * @param provider the datasource provider the schema will name
 * @param tables   the tables, in catalog order
 * @param enums    the enum types (PostgreSQL types, MySQL inline column enums)
 * @param views    the views, in catalog order: their columns only (a view has no key, index or foreign key)
 */
public record DatabaseCatalog(Provider provider, List<Table> tables, List<Enum> enums, List<Table> views) {
    public DatabaseCatalog { tables = List.copyOf(tables); enums = List.copyOf(enums); views = List.copyOf(views); }

    /** A catalog without views. */
    public DatabaseCatalog(Provider provider, List<Table> tables, List<Enum> enums) { this(provider, tables, enums, List.of()); }

    /** @return views made from their columns, in the order given */
    static List<Table> views(java.util.Map<String, List<Column>> columns) {
        return columns.entrySet().stream().map(e -> new Table(e.getKey(), e.getValue(), null, List.of(), List.of())).toList();
    }

    /** @return the table named {@code name}, or null */
    public Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * A table.
     *
     * @param primaryKey  null when the table has none
     * @param indexes     unique and normal indexes, without the primary key's
     * @param foreignKeys outgoing foreign keys
     */
    public record Table(String name, List<Column> columns, Key primaryKey, List<Index> indexes, List<ForeignKey> foreignKeys) {
        public Table { columns = List.copyOf(columns); indexes = List.copyOf(indexes); foreignKeys = List.copyOf(foreignKeys); }

        /** @return the column named {@code name}, or null */
        public Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * A column with its Prisma type.
     *
     * @param type       the Prisma type: a scalar ({@code Int}), an enum's name, or {@code Unsupported("...")}
     * @param list       whether it is a list (PostgreSQL arrays)
     * @param nullable   whether it accepts NULL
     * @param nativeType the native type attribute without {@code @db.} ({@code VarChar(40)}), null when Prisma writes none
     * @param defaultValue the default as Prisma writes it inside {@code @default(...)}, null when none
     */
    public record Column(String name, String type, boolean list, boolean nullable, String nativeType, String defaultValue) {}

    /** A primary key: its database name (null where the database has none) and columns. */
    public record Key(String name, List<String> columns) {
        public Key { columns = List.copyOf(columns); }
    }

    /** An index: its name, whether unique, and its columns in order. */
    public record Index(String name, boolean unique, List<IndexColumn> columns) {
        public Index { columns = List.copyOf(columns); }

        /** @return the column names in order */
        public List<String> columnNames() { return columns.stream().map(IndexColumn::name).toList(); }
    }

    /** A column of an index, descending or not. */
    public record IndexColumn(String name, boolean descending) {}

    /**
     * A foreign key.
     *
     * @param name     the constraint's name, null where the catalog does not keep it (SQLite)
     * @param onDelete Prisma's action name ({@code Cascade}, {@code NoAction}, ...)
     * @param onUpdate likewise
     */
    public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                             String onDelete, String onUpdate) {
        public ForeignKey { columns = List.copyOf(columns); referencedColumns = List.copyOf(referencedColumns); }
    }

    /** An enum type: its database name and values. */
    public record Enum(String name, List<String> values) {
        public Enum { values = List.copyOf(values); }
    }

    /** @return Prisma's referential action name for a catalog's action text ({@code SET NULL}, {@code a}, ...) */
    static String action(String catalogText) {
        return switch (catalogText.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "CASCADE", "C" -> "Cascade";
            case "RESTRICT", "R" -> "Restrict";
            case "SET NULL", "N" -> "SetNull";
            case "SET DEFAULT", "D" -> "SetDefault";
            default -> "NoAction";
        };
    }
}
