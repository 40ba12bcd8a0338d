package dev.facet.data.sql.introspect;

import dev.facet.schema.format.FormatResult;
import dev.facet.schema.format.SchemaFormatter;
import dev.facet.schema.model.Provider;
import dev.facet.schema.validation.ConstraintNames;
import dev.facet.schema.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the Prisma schema {@code prisma db pull} writes for a {@link DatabaseCatalog}: models named after their
 * tables ({@code @@map} where the name is not a Prisma identifier), relations on both sides named as Prisma names
 * them, implicit many-to-many join tables as list fields, names of keys and indexes only where they are not Prisma's
 * defaults; formatted as {@code prisma format} formats.
 */
public final class SchemaWriter {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final DatabaseCatalog catalog;
    private final Map<String, String> modelNames = new HashMap<>();
    private final Map<String, String> enumNames = new HashMap<>();
    private final Map<String, List<String>> extraLines = new LinkedHashMap<>();
    private final Map<String, Set<String>> usedFieldNames = new HashMap<>();

    private SchemaWriter(DatabaseCatalog catalog) { this.catalog = catalog; }

    /**
     * @param catalog the database's catalog
     * @return the formatted schema text
     */
    public static String write(DatabaseCatalog catalog) {
        String text = new SchemaWriter(catalog).render();
        SourceFile file = new SourceFile("schema.prisma", text);
        FormatResult result = new SchemaFormatter().format(file);
        return result.text(file).orElse(text);
    }

    /** @return the name Prisma gives a table, column or type: itself, or without what an identifier cannot hold */
    static String sanitize(String name) {
        if (IDENTIFIER.matcher(name).matches()) return name;
        String s = name.replaceFirst("^[^A-Za-z]+", "").replaceAll("[^A-Za-z0-9_]", "_");
        return s.isEmpty() ? "unnamed" : s;
    }

    private String render() {
        List<DatabaseCatalog.Table> models = new ArrayList<>();
        List<DatabaseCatalog.Table> joins = new ArrayList<>();
        for (DatabaseCatalog.Table t : catalog.tables()) (isJoinTable(t) ? joins : models).add(t);
        Set<String> modelTables = new HashSet<>();
        models.forEach(t -> modelTables.add(t.name()));
        // A join table between tables that are not models (another join table, another schema) is a model itself.
        for (DatabaseCatalog.Table j : List.copyOf(joins)) {
            if (!modelTables.contains(referenced(j, "A")) || !modelTables.contains(referenced(j, "B"))) {
                joins.remove(j);
                models.add(j);
            }
        }
        for (DatabaseCatalog.Table t : models) modelNames.put(t.name(), sanitize(t.name()));
        for (DatabaseCatalog.Enum e : catalog.enums()) enumNames.put(e.name(), sanitize(e.name()));
        for (DatabaseCatalog.Table t : models) {
            Set<String> used = new HashSet<>();
            for (DatabaseCatalog.Column c : t.columns()) used.add(sanitize(c.name()));
            usedFieldNames.put(t.name(), used);
            extraLines.put(t.name(), new ArrayList<>());
        }
        relations(models, joins);

        StringBuilder out = new StringBuilder();
        // Views are a preview feature: db pull writes them only with it, so a schema with views asks for it.
        if (!catalog.views().isEmpty()) out.append("generator client {\n  provider        = \"prisma-client-js\"\n  previewFeatures = [\"views\"]\n}\n\n");
        out.append("datasource db {\n  provider = \"").append(catalog.provider().id()).append("\"\n}\n");
        for (DatabaseCatalog.Table t : models) out.append('\n').append(model(t));
        for (DatabaseCatalog.Table v : catalog.views()) out.append('\n').append(view(v));
        for (DatabaseCatalog.Enum e : catalog.enums()) {
            out.append("\nenum ").append(enumNames.get(e.name())).append(" {\n");
            for (String v : e.values()) {
                String name = sanitize(v);
                out.append("  ").append(name).append(name.equals(v) ? "" : " @map(" + Defaults.quote(v) + ")").append('\n');
            }
            // MySQL's enums are column types: their table_column name is Prisma's invention, there is nothing to map to.
            if (!enumNames.get(e.name()).equals(e.name()) && catalog.provider() != Provider.MYSQL) out.append("  @@map(").append(Defaults.quote(e.name())).append(")\n");
            out.append("}\n");
        }
        return out.toString();
    }

    /** Prisma's implicit many-to-many table: {@code _Name} with columns A and B referencing one column each, unique on (A, B). */
    private boolean isJoinTable(DatabaseCatalog.Table t) {
        if (!t.name().startsWith("_") || t.columns().size() != 2 || t.foreignKeys().size() != 2) return false;
        if (!t.columns().get(0).name().equals("A") || !t.columns().get(1).name().equals("B")) return false;
        boolean fks = t.foreignKeys().stream().allMatch(fk -> fk.columns().size() == 1)
                && t.foreignKeys().stream().map(fk -> fk.columns().getFirst()).sorted().toList().equals(List.of("A", "B"));
        boolean unique = (t.primaryKey() != null && t.primaryKey().columns().equals(List.of("A", "B")))
                || t.indexes().stream().anyMatch(i -> i.unique() && i.columnNames().equals(List.of("A", "B")));
        // As db pull: A must reference the table whose name sorts first. The pulled models are named after the tables,
        // and Prisma gives A to the model that sorts first: otherwise the relation would read the columns swapped (a
        // schema whose @@map changed the order, as "employees" for Employee beside Project), so it stays a model.
        boolean ordered = fks && referenced(t, "A").compareTo(referenced(t, "B")) <= 0;
        return fks && unique && ordered;
    }

    private void relations(List<DatabaseCatalog.Table> models, List<DatabaseCatalog.Table> joins) {
        // Relations between the same two models need names (and field names that say which is which).
        Map<String, Integer> perPair = new HashMap<>();
        for (DatabaseCatalog.Table t : models) {
            for (DatabaseCatalog.ForeignKey fk : t.foreignKeys()) {
                if (modelNames.containsKey(fk.referencedTable())) perPair.merge(pair(t.name(), fk.referencedTable()), 1, Integer::sum);
            }
        }
        for (DatabaseCatalog.Table j : joins) perPair.merge(pair(referenced(j, "A"), referenced(j, "B")), 1, Integer::sum);

        for (DatabaseCatalog.Table t : models) {
            for (DatabaseCatalog.ForeignKey fk : t.foreignKeys()) {
                if (modelNames.containsKey(fk.referencedTable())) inline(t, fk, perPair.get(pair(t.name(), fk.referencedTable())) > 1);
            }
        }
        for (DatabaseCatalog.Table j : joins) manyToMany(j, perPair.get(pair(referenced(j, "A"), referenced(j, "B"))) > 1);
    }

    private void inline(DatabaseCatalog.Table t, DatabaseCatalog.ForeignKey fk, boolean ambiguous) {
        String model = modelNames.get(t.name());
        String target = modelNames.get(fk.referencedTable());
        boolean self = model.equals(target);
        String relationName = ambiguous ? model + "_" + String.join("_", fk.columns()) + "To" + target
                : self ? model + "To" + model : null;
        String forward = fieldName(t.name(), ambiguous ? target + "_" + relationName : target);
        String backBase = ambiguous ? model + "_" + relationName : model;
        String back = fieldName(fk.referencedTable(), self ? "other_" + backBase : backBase);

        boolean optional = fk.columns().stream().anyMatch(c -> t.column(c).nullable());
        List<String> args = new ArrayList<>();
        if (relationName != null) args.add(Defaults.quote(relationName));
        args.add("fields: [" + String.join(", ", fk.columns().stream().map(SchemaWriter::sanitize).toList()) + "]");
        DatabaseCatalog.Table referenced = catalog.table(fk.referencedTable());
        args.add("references: [" + String.join(", ", fk.referencedColumns().stream().map(SchemaWriter::sanitize).toList()) + "]");
        if (!fk.onDelete().equals(optional ? "SetNull" : "Restrict")) args.add("onDelete: " + fk.onDelete());
        if (!fk.onUpdate().equals("Cascade")) args.add("onUpdate: " + fk.onUpdate());
        if (fk.name() != null && !fk.name().equals(ConstraintNames.foreignKey(catalog.provider(), t.name(), fk.columns()))) {
            args.add("map: " + Defaults.quote(fk.name()));
        }
        extraLines.get(t.name()).add(forward + " " + target + (optional ? "?" : "") + " @relation(" + String.join(", ", args) + ")");

        boolean unique = isUnique(t, fk.columns());
        extraLines.get(referenced.name()).add(back + " " + model + (unique ? "?" : "[]")
                + (relationName != null ? " @relation(" + Defaults.quote(relationName) + ")" : ""));
    }

    private void manyToMany(DatabaseCatalog.Table join, boolean ambiguous) {
        String a = referenced(join, "A");
        String b = referenced(join, "B");
        String modelA = modelNames.get(a);
        String modelB = modelNames.get(b);
        String relationName = join.name().substring(1);
        boolean defaultName = relationName.equals(modelA + "To" + modelB) && !ambiguous;
        String attribute = defaultName ? "" : " @relation(" + Defaults.quote(relationName) + ")";
        if (a.equals(b)) {
            // Prisma gives column A to the field whose name sorts first.
            extraLines.get(a).add(fieldName(a, modelA + "_A") + " " + modelA + "[]" + attribute);
            extraLines.get(a).add(fieldName(a, modelA + "_B") + " " + modelA + "[]" + attribute);
            return;
        }
        extraLines.get(a).add(fieldName(a, ambiguous ? modelB + "_" + relationName : modelB) + " " + modelB + "[]" + attribute);
        extraLines.get(b).add(fieldName(b, ambiguous ? modelA + "_" + relationName : modelA) + " " + modelA + "[]" + attribute);
    }

    private static String referenced(DatabaseCatalog.Table join, String column) {
        return join.foreignKeys().stream().filter(fk -> fk.columns().getFirst().equals(column)).findFirst().orElseThrow().referencedTable();
    }

    private static String pair(String x, String y) { return x.compareTo(y) <= 0 ? x + "\u0000" + y : y + "\u0000" + x; }

    /** A field name not yet used in the table's model. */
    private String fieldName(String table, String wanted) {
        Set<String> used = usedFieldNames.get(table);
        String name = wanted;
        for (int i = 1; used.contains(name); i++) name = wanted + "_" + i;
        used.add(name);
        return name;
    }

    private static boolean isUnique(DatabaseCatalog.Table t, List<String> columns) {
        Set<String> set = Set.copyOf(columns);
        if (t.primaryKey() != null && Set.copyOf(t.primaryKey().columns()).equals(set)) return true;
        return t.indexes().stream().anyMatch(i -> i.unique() && Set.copyOf(i.columnNames()).equals(set));
    }

    private String model(DatabaseCatalog.Table t) {
        String name = modelNames.get(t.name());
        StringBuilder b = new StringBuilder("model ").append(name).append(" {\n");
        DatabaseCatalog.Key pk = t.primaryKey();
        boolean singlePk = pk != null && pk.columns().size() == 1;
        List<DatabaseCatalog.Index> blockIndexes = new ArrayList<>();
        Map<String, DatabaseCatalog.Index> fieldUniques = new HashMap<>();
        for (DatabaseCatalog.Index i : t.indexes()) {
            String column = i.columns().size() == 1 && !i.columns().getFirst().descending() ? i.columnNames().getFirst() : null;
            if (i.unique() && column != null && !fieldUniques.containsKey(column)) fieldUniques.put(column, i);
            else blockIndexes.add(i);
        }
        for (DatabaseCatalog.Column c : t.columns()) {
            String field = sanitize(c.name());
            b.append("  ").append(field).append(' ').append(type(c));
            if (singlePk && pk.columns().getFirst().equals(c.name())) b.append(" @id").append(mapArg(pk.name(), ConstraintNames.primaryKey(catalog.provider(), t.name()), true));
            DatabaseCatalog.Index unique = fieldUniques.get(c.name());
            if (unique != null) b.append(" @unique").append(mapArg(unique.name(), ConstraintNames.unique(catalog.provider(), t.name(), List.of(c.name())), true));
            b.append(columnAttributes(c, field)).append('\n');
        }
        for (String line : extraLines.get(t.name())) b.append("  ").append(line).append('\n');
        b.append('\n');
        if (pk != null && !singlePk) {
            b.append("  @@id([").append(fieldList(pk.columns())).append("]").append(mapArg(pk.name(), ConstraintNames.primaryKey(catalog.provider(), t.name()), false)).append(")\n");
        }
        for (DatabaseCatalog.Index i : blockIndexes) {
            String fields = String.join(", ", i.columns().stream()
                    .map(c -> sanitize(c.name()) + (c.descending() ? "(sort: Desc)" : "")).toList());
            String defaultName = i.unique() ? ConstraintNames.unique(catalog.provider(), t.name(), i.columnNames())
                    : ConstraintNames.index(catalog.provider(), t.name(), i.columnNames());
            b.append("  @@").append(i.unique() ? "unique" : "index").append("([").append(fields).append("]")
                    .append(mapArg(i.name(), defaultName, false)).append(")\n");
        }
        if (!name.equals(t.name())) b.append("  @@map(").append(Defaults.quote(t.name())).append(")\n");
        if (pk == null && fieldUniques.isEmpty() && blockIndexes.stream().noneMatch(DatabaseCatalog.Index::unique)) {
            b.insert(0, "/// The underlying table does not contain a valid unique identifier and can therefore currently not be handled by Prisma Client.\n");
            b.append("  @@ignore\n");
        }
        return b.append("}\n").toString();
    }

    /**
     * A view as db pull writes it since Prisma 6.13: its columns with their optionality, types and defaults, and no
     * {@code @id} or {@code @unique} (a view has none in the catalog; the user adds {@code @unique} where it holds).
     */
    private String view(DatabaseCatalog.Table v) {
        String name = sanitize(v.name());
        StringBuilder b = new StringBuilder("view ").append(name).append(" {\n");
        for (DatabaseCatalog.Column c : v.columns()) {
            String field = sanitize(c.name());
            b.append("  ").append(field).append(' ').append(type(c)).append(columnAttributes(c, field)).append('\n');
        }
        if (!name.equals(v.name())) b.append("\n  @@map(").append(Defaults.quote(v.name())).append(")\n");
        return b.append("}\n").toString();
    }

    /** {@code @default}, {@code @map} and {@code @db} of a column, in db pull's order. */
    private static String columnAttributes(DatabaseCatalog.Column c, String field) {
        StringBuilder b = new StringBuilder();
        if (c.defaultValue() != null) b.append(" @default(").append(c.defaultValue()).append(')');
        if (!field.equals(c.name())) b.append(" @map(").append(Defaults.quote(c.name())).append(')');
        if (c.nativeType() != null) b.append(" @db.").append(c.nativeType());
        return b.toString();
    }

    private String type(DatabaseCatalog.Column c) {
        String type = enumNames.getOrDefault(c.type(), c.type());
        return type + (c.list() ? "[]" : c.nullable() ? "?" : "");
    }

    private static String fieldList(List<String> columns) { return String.join(", ", columns.stream().map(SchemaWriter::sanitize).toList()); }

    /** {@code (map: "name")} for a field attribute or {@code , map: "name"} inside a block attribute, when not the default. */
    private static String mapArg(String name, String defaultName, boolean fieldAttribute) {
        if (name == null || name.equals(defaultName) || name.equals("PRIMARY")) return "";
        return fieldAttribute ? "(map: " + Defaults.quote(name) + ")" : ", map: " + Defaults.quote(name);
    }
}
