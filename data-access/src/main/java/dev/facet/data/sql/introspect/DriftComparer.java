package dev.facet.data.sql.introspect;

import dev.facet.data.drift.SchemaDrift;
import dev.facet.data.drift.SchemaDrift.Difference;
import dev.facet.data.drift.SchemaDrift.Kind;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.EnumValue;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.NativeType;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares a schema with a database's {@link DatabaseCatalog} (the one {@code facet pull} reads): what each model
 * expects and the database lacks or holds otherwise. Names are compared exactly, then ignoring case (MySQL on some
 * systems folds table names). Views are not compared: the catalog does not read them yet.
 */
public final class DriftComparer {
    private DriftComparer() {}

    /** @return the differences, per model in the schema's order */
    public static SchemaDrift compare(Schema schema, DatabaseCatalog catalog) {
        List<SchemaDrift.ModelDrift> out = new ArrayList<>();
        for (Model m : schema.models()) {
            if (m.ignored() || m.view()) continue;
            List<Difference> diffs = model(schema, m, catalog);
            if (!diffs.isEmpty()) out.add(new SchemaDrift.ModelDrift(m.name(), m.databaseName(), diffs));
        }
        return new SchemaDrift(out);
    }

    private static List<Difference> model(Schema schema, Model m, DatabaseCatalog catalog) {
        List<Difference> diffs = new ArrayList<>();
        DatabaseCatalog.Table table = table(catalog, m.databaseName());
        if (table == null) {
            diffs.add(new Difference(Kind.MISSING_TABLE, null, "table \"" + m.databaseName() + "\" is missing in the database"));
            return diffs;
        }
        Set<String> known = new HashSet<>();
        List<Difference> fieldDiffs = new ArrayList<>();
        for (ScalarField f : m.scalarFields()) {
            known.add(f.databaseName().toLowerCase(Locale.ROOT));
            if (f.isComposite()) continue;
            DatabaseCatalog.Column c = column(table, f.databaseName());
            if (c == null) {
                fieldDiffs.add(new Difference(Kind.MISSING_COLUMN, f.name(), "column \"" + f.databaseName() + "\" of field " + f.name() + " is missing in the database"));
                continue;
            }
            field(schema, f, c, catalog, fieldDiffs);
        }
        for (DatabaseCatalog.Column c : table.columns()) {
            if (!known.contains(c.name().toLowerCase(Locale.ROOT))) {
                diffs.add(new Difference(Kind.UNKNOWN_COLUMN, null, "column \"" + c.name() + "\" (" + describe(c) + ") is not in the schema"));
            }
        }
        for (Index i : m.indexes()) {
            if (i.kind() == IndexKind.FULLTEXT) continue;
            List<String> columns = new ArrayList<>();
            for (IndexField f : i.fields()) {
                Field field = m.field(f.name());
                columns.add(field instanceof ScalarField sf ? sf.databaseName() : f.name());
            }
            // Only indexes on columns that exist: a missing column is reported once, at its field.
            if (columns.stream().anyMatch(col -> column(table, col) == null)) continue;
            boolean unique = i.kind() == IndexKind.UNIQUE;
            boolean found = table.indexes().stream().anyMatch(x -> (x.unique() || !unique) && sameColumns(x.columnNames(), columns))
                    || unique && table.primaryKey() != null && sameColumns(table.primaryKey().columns(), columns);
            if (!found) {
                String name = i.databaseName() != null ? "\"" + i.databaseName() + "\" " : "";
                diffs.add(new Difference(Kind.MISSING_INDEX, null, (unique ? "unique constraint " : "index ") + name + "on "
                        + String.join(", ", columns) + " is missing in the database"));
            }
        }
        fieldDiffs.addAll(diffs);
        return fieldDiffs;
    }

    private static void field(Schema schema, ScalarField f, DatabaseCatalog.Column c, DatabaseCatalog catalog, List<Difference> diffs) {
        String col = "column \"" + c.name() + "\"";
        if (f.isUnsupported() || c.type().startsWith("Unsupported(")) {
            // What Prisma cannot type is not compared beyond its presence.
        } else if (f.isEnum()) {
            enumField(schema, f, c, catalog, diffs);
        } else if (!f.typeName().equals(c.type()) || f.isList() != c.list()) {
            diffs.add(new Difference(Kind.TYPE_MISMATCH, f.name(), "field " + f.name() + " is " + f.typeName() + (f.isList() ? "[]" : "")
                    + " in the schema, but " + col + " is " + describe(c)));
        } else if (nativeDiffers(f.nativeType(), c.nativeType())) {
            diffs.add(new Difference(Kind.TYPE_MISMATCH, f.name(), "field " + f.name() + " is @db." + f.nativeType() + " in the schema, but "
                    + col + " is " + describe(c)));
        }
        if (f.isRequired() && c.nullable()) {
            diffs.add(new Difference(Kind.OPTIONALITY_MISMATCH, f.name(), "field " + f.name() + " is required in the schema, but " + col + " accepts NULL"));
        } else if (f.isOptional() && !c.nullable()) {
            diffs.add(new Difference(Kind.OPTIONALITY_MISMATCH, f.name(), "field " + f.name() + " is optional in the schema, but " + col + " is NOT NULL"));
        }
    }

    private static void enumField(Schema schema, ScalarField f, DatabaseCatalog.Column c, DatabaseCatalog catalog, List<Difference> diffs) {
        EnumType e = schema.enumType(f.typeName());
        if (e == null) return;
        // SQLite keeps enums as text: nothing to compare but the type.
        if (catalog.provider() == Provider.SQLITE) {
            if (!c.type().equals("String")) {
                diffs.add(new Difference(Kind.TYPE_MISMATCH, f.name(), "field " + f.name() + " is the enum " + e.name() + " in the schema, but column \""
                        + c.name() + "\" is " + describe(c)));
            }
            return;
        }
        DatabaseCatalog.Enum dbEnum = catalog.enums().stream().filter(x -> x.name().equals(c.type())).findFirst().orElse(null);
        if (dbEnum == null) {
            boolean typeExists = catalog.enums().stream().anyMatch(x -> x.name().equals(e.databaseName()));
            Kind kind = catalog.provider() != Provider.MYSQL && !typeExists ? Kind.MISSING_ENUM : Kind.TYPE_MISMATCH;
            String what = kind == Kind.MISSING_ENUM ? "the enum type \"" + e.databaseName() + "\" is missing in the database, and column \"" + c.name()
                    + "\" is " + describe(c) : "column \"" + c.name() + "\" is " + describe(c);
            diffs.add(new Difference(kind, f.name(), "field " + f.name() + " is the enum " + e.name() + " in the schema, but " + what));
            return;
        }
        List<String> missing = new ArrayList<>();
        for (EnumValue v : e.values()) if (!dbEnum.values().contains(v.databaseName())) missing.add(v.databaseName());
        if (!missing.isEmpty()) {
            diffs.add(new Difference(Kind.MISSING_ENUM_VALUE, f.name(), "field " + f.name() + ": the enum " + e.name() + " has "
                    + (missing.size() == 1 ? "the value " : "the values ") + String.join(", ", missing) + " that column \"" + c.name()
                    + "\" does not accept"));
        }
    }

    /** Native types differ only where both sides name one: the catalog leaves out the type's default, as db pull does. */
    private static boolean nativeDiffers(NativeType schemaType, String catalogType) {
        if (schemaType == null || catalogType == null) return false;
        String dbName = catalogType.contains("(") ? catalogType.substring(0, catalogType.indexOf('(')) : catalogType;
        if (!schemaType.name().equalsIgnoreCase(dbName)) return true;
        if (schemaType.arguments().isEmpty() || !catalogType.contains("(")) return false;
        String args = catalogType.substring(catalogType.indexOf('(') + 1, catalogType.lastIndexOf(')')).replace(" ", "");
        return !String.join(",", schemaType.arguments()).replace(" ", "").equals(args);
    }

    private static String describe(DatabaseCatalog.Column c) {
        String t = c.type() + (c.list() ? "[]" : "");
        if (c.nativeType() != null) t += " @db." + c.nativeType();
        return t;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!a.get(i).equalsIgnoreCase(b.get(i))) return false;
        return true;
    }

    private static DatabaseCatalog.Table table(DatabaseCatalog catalog, String name) {
        DatabaseCatalog.Table t = catalog.table(name);
        if (t != null) return t;
        return catalog.tables().stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private static DatabaseCatalog.Column column(DatabaseCatalog.Table table, String name) {
        DatabaseCatalog.Column c = table.column(name);
        if (c != null) return c;
        return table.columns().stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
