package dev.facet.data.drift;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import dev.facet.schema.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema to work with while columns are missing in the database: each field whose column is missing gets
 * {@code @ignore}, so that queries leave it out (as Prisma Client leaves out ignored fields) and the rest of the model
 * reads and writes. The schema is loaded again from its text with the attribute added, so every rule of the loader
 * still holds; where that is not possible (a missing key column that a relation or the id needs) the fields stay as
 * they are and the model is reported as unavailable instead.
 */
public final class DriftTolerance {
    private DriftTolerance() {}

    /**
     * The schema with the missing fields ignored, and the models that cannot be read at all.
     *
     * @param schema      the schema to work with: {@code schema} itself when no column is missing
     * @param unavailable the models that cannot be opened, with why: their table is missing, or a key column is
     */
    public record Result(Schema schema, Map<String, String> unavailable) {
        public Result { unavailable = Map.copyOf(unavailable); }
    }

    /** @return the schema to work with on a database that differs from {@code schema} as {@code drift} says */
    /**
     * @param files the schema's files as it was loaded from them (names as in its spans)
     */
    public static Result tolerate(Schema schema, List<SourceFile> files, SchemaDrift drift) {
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<ScalarField> toIgnore = new ArrayList<>();
        for (SchemaDrift.ModelDrift md : drift.models()) {
            Model m = schema.model(md.model());
            if (m == null) continue;
            if (md.tableMissing()) {
                unavailable.put(m.name(), "its table \"" + md.table() + "\" is missing in the database");
                continue;
            }
            List<ScalarField> missing = md.missingFields().stream().map(m::field).filter(ScalarField.class::isInstance).map(ScalarField.class::cast).toList();
            ScalarField key = missing.stream().filter(f -> isKey(m, f)).findFirst().orElse(null);
            if (key != null) {
                unavailable.put(m.name(), "its key column \"" + key.databaseName() + "\" is missing in the database");
                continue;
            }
            toIgnore.addAll(missing.stream().filter(f -> !f.ignored()).toList());
        }
        if (toIgnore.isEmpty()) return new Result(schema, unavailable);
        Schema ignored = reload(files, toIgnore);
        if (ignored != null) return new Result(ignored, unavailable);
        // Ignoring them breaks a rule of the schema (an index on them, say): their models cannot be read.
        for (ScalarField f : toIgnore) {
            for (Model m : schema.models()) {
                if (m.scalarFields().contains(f)) unavailable.putIfAbsent(m.name(), "its column \"" + f.databaseName() + "\" is missing in the database");
            }
        }
        return new Result(schema, unavailable);
    }

    /** Whether the field is part of the id or of a relation: the model cannot do without it. */
    private static boolean isKey(Model m, ScalarField f) {
        if (f.id()) return true;
        if (m.primaryKey() != null && m.primaryKey().fields().stream().anyMatch(k -> k.name().equals(f.name()))) return true;
        return m.relationFields().stream().anyMatch(r -> r.fields().contains(f.name()));
    }

    /** Loads the schema's files again with {@code @ignore} after each field; null if that does not give a valid schema. */
    private static Schema reload(List<SourceFile> files, List<ScalarField> fields) {
        Map<String, List<Span>> byFile = new LinkedHashMap<>();
        for (ScalarField f : fields) byFile.computeIfAbsent(f.span().file().name(), k -> new ArrayList<>()).add(f.span());
        List<SourceFile> changed = new ArrayList<>();
        for (SourceFile file : files) {
            List<Span> spans = byFile.getOrDefault(file.name(), List.of());
            StringBuilder text = new StringBuilder(file.text());
            // From the end, so that earlier offsets stay right.
            for (Span s : spans.stream().sorted(Comparator.comparingInt(Span::end).reversed()).toList()) {
                if (s.end() > text.length()) return null;
                text.insert(s.end(), " @ignore");
            }
            changed.add(new SourceFile(file.name(), text.toString()));
        }
        LoadResult result = SchemaLoader.load(changed);
        return result.hasErrors() ? null : result.schema().orElse(null);
    }
}
