package dev.facet.data.sql.ddl;

import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.ReferentialAction;
import java.util.List;

/**
 * What a push creates, worked out from the schema once and rendered by a {@link DdlDialect}: the database-level
 * picture Prisma's schema engine calculates from a schema (its "SQL schema"), before any SQL text.
 *
 * @param schemas the database schemas (namespaces) tables and enums go in, default first; one entry except on
 *                multi-schema PostgreSQL, {@code null} where the database has no schemas (MySQL, SQLite)
 * @param enums   native enum types (PostgreSQL only)
 * @param tables  model tables in schema order, then implicit many-to-many tables
 */
record DdlPlan(List<String> schemas, List<EnumDef> enums, List<Table> tables) {
    DdlPlan {
        schemas = List.copyOf(schemas);
        enums = List.copyOf(enums);
        tables = List.copyOf(tables);
    }

    /** @return the number of secondary indexes (unique and normal, not primary keys) */
    int indexCount() { return tables.stream().mapToInt(t -> t.indexes().size()).sum(); }

    /** @return the number of foreign keys */
    int foreignKeyCount() { return tables.stream().mapToInt(t -> t.foreignKeys().size()).sum(); }

    /** A native enum type. */
    record EnumDef(String schema, String name, List<String> values) {
        EnumDef { values = List.copyOf(values); }
    }

    /** A table with its columns and constraints. */
    record Table(String schema, String name, List<Column> columns, PrimaryKey primaryKey, List<Index> indexes,
                 List<ForeignKey> foreignKeys) {
        Table {
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }

        Column column(String columnName) {
            for (Column c : columns) if (c.name().equals(columnName)) return c;
            return null;
        }
    }

    /**
     * A column.
     *
     * @param name          the column name
     * @param type          the SQL type as the dialect writes it, without a list suffix
     * @param list          whether it is a PostgreSQL array of {@code type}
     * @param notNull       whether it is {@code NOT NULL}
     * @param defaultSql    the {@code DEFAULT} expression, or null
     * @param autoincrement whether the database generates it ({@code SERIAL}, {@code AUTO_INCREMENT}, ...)
     */
    record Column(String name, String type, boolean list, boolean notNull, String defaultSql, boolean autoincrement) {}

    /** A primary key; {@code name} is null where the database does not name it. */
    record PrimaryKey(String name, List<IndexColumn> columns) {
        PrimaryKey { columns = List.copyOf(columns); }
    }

    /**
     * A secondary index.
     *
     * @param name    the index name
     * @param kind    unique, normal or fulltext
     * @param columns the columns in order
     * @param method  the PostgreSQL access method ({@code Hash}, {@code Gin}, ...), or null for the default
     */
    record Index(String name, IndexKind kind, List<IndexColumn> columns, String method) {
        Index { columns = List.copyOf(columns); }
    }

    /**
     * A column of an index or key.
     *
     * @param name          the column name
     * @param descending    whether the schema asks for {@code sort: Desc} ({@code null} when no sort is given)
     * @param length        the MySQL prefix length, or null
     * @param operatorClass the PostgreSQL operator class in SQL form ({@code jsonb_path_ops}), or null
     */
    record IndexColumn(String name, Boolean descending, Integer length, String operatorClass) {
        static IndexColumn of(String name) { return new IndexColumn(name, null, null, null); }
    }

    /** A foreign key from this table's columns to another table's. */
    record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                      List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
        ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }
}
