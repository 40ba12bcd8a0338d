package dev.facet.data.sql.ddl;

import dev.facet.data.sql.ddl.DdlPlan.Column;
import dev.facet.data.sql.ddl.DdlPlan.EnumDef;
import dev.facet.data.sql.ddl.DdlPlan.ForeignKey;
import dev.facet.data.sql.ddl.DdlPlan.IndexColumn;
import dev.facet.data.sql.ddl.DdlPlan.PrimaryKey;
import dev.facet.data.sql.ddl.DdlPlan.Table;
import dev.facet.schema.model.Datasource;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.EnumValue;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.JoinTable;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ReferentialAction;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.RelationMode;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Works out the tables, columns, keys, indexes and foreign keys of a schema the way Prisma's schema engine does:
 * a table per model (views excluded), a column per scalar field (ignored ones included: Prisma still manages them),
 * the names Prisma gives constraints, a foreign key per relation unless {@code relationMode = "prisma"}, and a
 * join table per implicit many-to-many relation.
 */
final class DdlPlanner {
    private final Schema schema;
    private final DdlDialect dialect;
    private final String defaultSchema;
    private final Map<String, EnumDef> enums = new LinkedHashMap<>();
    private final Map<String, Table> tablesByModel = new LinkedHashMap<>();

    private DdlPlanner(Schema schema, DdlDialect dialect, String defaultSchema) {
        this.schema = schema;
        this.dialect = dialect;
        this.defaultSchema = defaultSchema;
    }

    /**
     * @param defaultSchema where tables without {@code @@schema} go (PostgreSQL); ignored by databases without schemas
     */
    static DdlPlan plan(Schema schema, DdlDialect dialect, String defaultSchema) {
        return new DdlPlanner(schema, dialect, defaultSchema).plan();
    }

    private DdlPlan plan() {
        Datasource ds = schema.datasource().orElse(null);
        boolean foreignKeys = ds == null || ds.relationMode() == RelationMode.FOREIGN_KEYS;

        // With multi-schema, Prisma creates the listed schemas and nothing in the URL's schema.
        Set<String> schemas = new LinkedHashSet<>();
        if (dialect.hasSchemas()) {
            if (ds != null && !ds.schemas().isEmpty()) schemas.addAll(ds.schemas());
            else schemas.add(defaultSchema);
        }
        for (EnumType e : schema.enums()) {
            enums.put(e.name(), new EnumDef(namespace(e.schema()), e.databaseName(), e.values().stream().map(EnumValue::databaseName).toList()));
        }

        List<Model> models = schema.models().stream().filter(m -> !m.view()).toList();
        Map<String, List<ForeignKey>> foreignKeysByModel = new LinkedHashMap<>();
        for (Model m : models) {
            tablesByModel.put(m.name(), table(m, List.of()));
            foreignKeysByModel.put(m.name(), new ArrayList<>());
        }
        if (foreignKeys) {
            for (Relation r : schema.relations()) {
                if (r.kind() != RelationKind.ONE_TO_ONE && r.kind() != RelationKind.ONE_TO_MANY) continue;
                Model from = modelTable(r.referencingModel(), models);
                Model to = modelTable(r.referencedModel(), models);
                if (from == null || to == null || r.fields().isEmpty()) continue;
                Table target = tablesByModel.get(to.name());
                foreignKeysByModel.get(from.name()).add(new ForeignKey(r.foreignKeyName(), columns(from, r.fields()), target.schema(),
                        target.name(), columns(to, r.references()), r.onDelete(), r.onUpdate()));
            }
        }
        List<Table> tables = new ArrayList<>();
        for (Model m : models) {
            Table t = tablesByModel.get(m.name());
            tables.add(new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), t.indexes(), foreignKeysByModel.get(m.name())));
        }
        for (Relation r : schema.relations()) {
            if (!r.isManyToMany() || r.joinTable() == null) continue;
            Model a = modelTable(r.joinTable().modelA(), models);
            Model b = modelTable(r.joinTable().modelB(), models);
            if (a == null || b == null || a.primaryKey() == null || b.primaryKey() == null) continue;
            tables.add(joinTable(r.joinTable(), a, b, foreignKeys));
        }
        List<EnumDef> enumDefs = dialect.nativeEnums() ? List.copyOf(enums.values()) : List.of();
        return new DdlPlan(List.copyOf(schemas), enumDefs, tables);
    }

    private String namespace(String declared) {
        if (!dialect.hasSchemas()) return null;
        return declared != null ? declared : defaultSchema;
    }

    private static Model modelTable(String name, List<Model> models) {
        for (Model m : models) if (m.name().equals(name)) return m;
        return null;
    }

    private Table table(Model m, List<ForeignKey> foreignKeys) {
        List<Column> columns = new ArrayList<>();
        for (ScalarField f : m.scalarFields()) {
            if (f.kind() == FieldKind.COMPOSITE) continue;
            String type = switch (f.kind()) {
                case SCALAR -> dialect.scalarType(f);
                case ENUM -> dialect.enumType(enums.get(f.typeName()));
                default -> f.typeName();
            };
            columns.add(new Column(f.databaseName(), type, f.isList(), f.isRequired(), defaultSql(f, type),
                    dialect.autoincrement(f, m)));
        }
        PrimaryKey pk = m.primaryKey() == null ? null
                : new PrimaryKey(m.primaryKey().databaseName(), m.primaryKey().fields().stream().map(f -> indexColumn(m, f)).toList());
        List<DdlPlan.Index> indexes = new ArrayList<>();
        for (Index i : inPrismaOrder(m.indexes())) {
            if (i.kind() == IndexKind.FULLTEXT && !dialect.fulltextIndexes()) continue;
            String method = i.type() == null || i.type().equals("BTree") ? null : i.type();
            indexes.add(new DdlPlan.Index(i.databaseName(), i.kind(), i.fields().stream().map(f -> indexColumn(m, f)).toList(), method));
        }
        return new Table(namespace(m.schema()), m.databaseName(), columns, pk, indexes, foreignKeys);
    }

    /**
     * The order Prisma's schema engine creates indexes in (seen in its output): field-level {@code @unique} first, then
     * {@code @@index} and {@code @@fulltext}, then {@code @@unique}, each group in written order.
     */
    private static List<Index> inPrismaOrder(List<Index> indexes) {
        List<Index> sorted = new ArrayList<>(indexes);
        sorted.sort(java.util.Comparator.comparingInt(i -> i.fromField() ? 0 : i.kind() == IndexKind.UNIQUE ? 2 : 1));
        return sorted;
    }

    private static IndexColumn indexColumn(Model m, IndexField f) {
        return new IndexColumn(column(m, f.name()), f.sort() == null ? null : f.sort().equals("Desc"), f.length(),
                operatorClass(f.operatorClass()));
    }

    private static List<String> columns(Model m, List<String> fieldNames) {
        return fieldNames.stream().map(n -> column(m, n)).toList();
    }

    private static String column(Model m, String fieldName) {
        Field f = m.field(fieldName);
        return f instanceof ScalarField s ? s.databaseName() : fieldName;
    }

    /**
     * The join table of an implicit many-to-many relation: columns A and B typed like the two ids, a primary key
     * (PostgreSQL) or unique index on (A, B), an index on B, and foreign keys cascading both ways.
     */
    private Table joinTable(JoinTable join, Model a, Model b, boolean foreignKeys) {
        int max = dialect.maxIdentifierLength();
        String name = shorten(join.tableName(), max);
        Table tableA = tablesByModel.get(a.name());
        Table tableB = tablesByModel.get(b.name());
        String idA = column(a, a.primaryKey().fieldNames().getFirst());
        String idB = column(b, b.primaryKey().fieldNames().getFirst());
        Column colA = new Column(JoinTable.COLUMN_A, tableA.column(idA).type(), false, true, null, false);
        Column colB = new Column(JoinTable.COLUMN_B, tableB.column(idB).type(), false, true, null, false);
        List<IndexColumn> ab = List.of(IndexColumn.of(JoinTable.COLUMN_A), IndexColumn.of(JoinTable.COLUMN_B));

        PrimaryKey pk = null;
        List<DdlPlan.Index> indexes = new ArrayList<>();
        if (dialect.joinTablePrimaryKey()) {
            pk = new PrimaryKey(shorten(name, max - "_AB_pkey".length()) + "_AB_pkey", ab);
        } else {
            indexes.add(new DdlPlan.Index(shorten(name, max - "_AB_unique".length()) + "_AB_unique", IndexKind.UNIQUE, ab, null));
        }
        indexes.add(new DdlPlan.Index(shorten(name, max - "_B_index".length()) + "_B_index", IndexKind.NORMAL,
                List.of(IndexColumn.of(JoinTable.COLUMN_B)), null));

        List<ForeignKey> fks = new ArrayList<>();
        if (foreignKeys) {
            // Prisma's rule, kept as is: the names leave room so that they can never collide.
            int room = max - "_fkey".length() - 2;
            String nameA = (name.length() > room ? name.substring(0, room) : name) + "_A_fkey";
            String nameB = (name.length() >= room ? name.substring(0, room) : name) + "_B_fkey";
            fks.add(new ForeignKey(nameA, List.of(JoinTable.COLUMN_A), tableA.schema(), tableA.name(), List.of(idA),
                    ReferentialAction.CASCADE, ReferentialAction.CASCADE));
            fks.add(new ForeignKey(nameB, List.of(JoinTable.COLUMN_B), tableB.schema(), tableB.name(), List.of(idB),
                    ReferentialAction.CASCADE, ReferentialAction.CASCADE));
        }
        // The join table lives in model A's schema.
        return new Table(tableA.schema(), name, List.of(colA, colB), pk, indexes, fks);
    }

    private static String shorten(String s, int max) { return s.length() > max ? s.substring(0, max) : s; }

    /** The database default of a field, or null: client-side generators (cuid, uuid, nanoid, ...) have none. */
    private String defaultSql(ScalarField f, String columnType) {
        DefaultValue d = f.defaultValue();
        if (d == null) return null;
        return switch (d) {
            case DefaultValue.Autoincrement a -> dialect.autoincrementDefault();
            case DefaultValue.Now n -> dialect.now(f);
            case DefaultValue.DbGenerated g -> g.expression() == null || g.expression().isBlank() ? null : g.expression();
            case DefaultValue.Literal l -> literal(f, l.value(), columnType);
            default -> null;
        };
    }

    private String literal(ScalarField f, Object value, String columnType) {
        if (value instanceof List<?> items) {
            List<String> rendered = new ArrayList<>();
            for (Object item : items) {
                String r = literal(f, item, columnType);
                if (r == null) return null;
                rendered.add(r);
            }
            return dialect.listLiteral(rendered, columnType);
        }
        if (value instanceof DefaultValue.EnumValueRef ref) {
            EnumType e = schema.enumType(f.typeName());
            EnumValue v = e == null ? null : e.value(ref.name());
            return dialect.stringLiteral(v != null ? v.databaseName() : ref.name());
        }
        if (value instanceof Boolean b) return b.toString();
        String text = value.toString();
        if (f.kind() != FieldKind.SCALAR) return dialect.stringLiteral(text);
        return switch (f.scalarType()) {
            case STRING -> dialect.stringLiteral(text);
            case INT, BIG_INT, FLOAT, DECIMAL -> text;
            case BOOLEAN -> text.toLowerCase(Locale.ROOT);
            case DATE_TIME -> dialect.dateTimeLiteral(text);
            case JSON -> dialect.jsonLiteral(text);
            case BYTES -> dialect.bytesLiteral(Base64.getDecoder().decode(text));
        };
    }

    /** Prisma's operator class names ({@code JsonbPathOps}, {@code raw("...")}) in SQL form ({@code jsonb_path_ops}). */
    static String operatorClass(String prismaName) {
        if (prismaName == null) return null;
        if (prismaName.startsWith("raw(") && prismaName.endsWith(")")) return prismaName.substring(4, prismaName.length() - 1);
        String snake = prismaName.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toLowerCase(Locale.ROOT);
        return snake.replace("min_max", "minmax").replace("var_bit", "varbit").replace("timestamp_tz", "timestamptz")
                .replace("time_tz", "timetz");
    }
}
