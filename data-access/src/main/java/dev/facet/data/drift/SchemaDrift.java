package dev.facet.data.drift;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What differs between a schema and the database it is opened on, per model, in the schema's order; models in step
 * are left out.
 *
 * @param models the models with at least one difference
 */
public record SchemaDrift(List<ModelDrift> models) {
    public SchemaDrift { models = List.copyOf(models); }

    /** The report for a database in step with its schema. */
    public static final SchemaDrift NONE = new SchemaDrift(List.of());

    /** @return whether nothing differs */
    public boolean inStep() { return models.isEmpty(); }

    /** @return the model's differences, or null when it has none */
    public ModelDrift model(String name) {
        return models.stream().filter(m -> m.model().equals(name)).findFirst().orElse(null);
    }

    /** @return how many differences there are in all */
    public int differenceCount() { return models.stream().mapToInt(m -> m.differences().size()).sum(); }

    /** @return a one-line summary: {@code 3 differences in 2 models} */
    public String summary() {
        int n = differenceCount();
        int m = models.size();
        return n + (n == 1 ? " difference" : " differences") + " in " + m + (m == 1 ? " model" : " models");
    }

    /**
     * The differences of one model.
     *
     * @param model       the model's name in the schema
     * @param table       its table (or collection) name
     * @param differences what differs, the model-level ones first
     */
    public record ModelDrift(String model, String table, List<Difference> differences) {
        public ModelDrift { differences = List.copyOf(differences); }

        /** @return whether the model's table is missing: it cannot be opened */
        public boolean tableMissing() { return differences.stream().anyMatch(d -> d.kind() == Kind.MISSING_TABLE); }

        /** @return the fields whose column is missing: left out of queries, shown as unavailable */
        public Set<String> missingFields() {
            return differences.stream().filter(d -> d.kind() == Kind.MISSING_COLUMN).map(Difference::field).collect(Collectors.toUnmodifiableSet());
        }
    }

    /**
     * One difference.
     *
     * @param kind    what kind of difference
     * @param field   the schema field it is about, or null for the model itself (a missing table, an unknown column, an index)
     * @param message what differs, for people: {@code column "nickname" of field nickname is missing in the database}
     */
    public record Difference(Kind kind, String field, String message) {}

    /** The kinds of difference. */
    public enum Kind {
        /** The model's table is not in the database. */
        MISSING_TABLE(true),
        /** A field's column is not in the table. */
        MISSING_COLUMN(true),
        /** The table has a column the schema does not know. */
        UNKNOWN_COLUMN(false),
        /** A field's type (or native type, or list-ness) is not its column's. */
        TYPE_MISMATCH(false),
        /** A field is optional and its column NOT NULL, or the other way round. */
        OPTIONALITY_MISMATCH(false),
        /** A field's enum type is not in the database. */
        MISSING_ENUM(false),
        /** A field's enum lacks values in the database. */
        MISSING_ENUM_VALUE(false),
        /** An index or unique constraint of the schema is not in the database. */
        MISSING_INDEX(false);

        private final boolean breaksReads;

        Kind(boolean breaksReads) { this.breaksReads = breaksReads; }

        /** @return whether reading the model as the schema says would fail (the table or a column is missing) */
        public boolean breaksReads() { return breaksReads; }
    }
}
