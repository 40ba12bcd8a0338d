package dev.facet.data.query;

import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.List;

/**
 * What to return for each record, in output order: scalar fields, nested relation reads and relation counts.
 *
 * @param items the selected items in the order Prisma Client returns them
 */
public record Selection(List<Item> items) {
    public Selection { items = List.copyOf(items); }

    /** One selected item. */
    public sealed interface Item {
        /** @return the key in the output object */
        String key();
    }

    /**
     * A scalar, enum or composite field.
     *
     * @param field  the field
     * @param nested for a composite field selected with {@code {select: {...}}}, the fields of the composite type to
     *               return (to any depth); null for the whole value
     */
    public record Scalar(ScalarField field, Selection nested) implements Item {
        /** The whole field. */
        public Scalar(ScalarField field) { this(field, null); }

        @Override public String key() { return field.name(); }
    }

    /** A relation read with its own arguments; for a to-one relation only {@code where} applies. */
    public record Relation(RelationField field, ReadQuery query) implements Item {
        @Override public String key() { return field.name(); }
    }

    /** {@code _count}: the number of related records per relation, each with an optional filter. */
    public record Count(List<CountedRelation> relations) implements Item {
        public Count { relations = List.copyOf(relations); }
        @Override public String key() { return "_count"; }
    }

    /** One relation counted in {@code _count}. */
    public record CountedRelation(RelationField field, Filter filter) {}

    /** @return the scalar fields selected, in order */
    public List<ScalarField> scalars() {
        return items.stream().filter(Scalar.class::isInstance).map(i -> ((Scalar) i).field()).toList();
    }
}
