package dev.facet.data.write;

import dev.facet.data.args.ReadArguments;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.Schema;
import java.util.Set;

/**
 * What the write classes share: the schema, the parsers and checks of write inputs, the referential actions, what the
 * database can do, and the writers that call each other (a record's nested writes create and update records). One per
 * {@link WriteEngine}; holds no state of a request but the current create's plan, per thread.
 */
final class WriteContext {
    final Schema schema;
    /** The parser of filters and where-unique inputs. */
    final ReadArguments reads;
    final ReferentialActions actions;
    /** What the database can do (native upsert, RETURNING, absent fields). */
    final Set<ConnectorCapability> capabilities;
    final InputShapes shapes;
    final WriteValidation validation;
    final WriteErrors errors;
    final ScalarInputs scalars;
    final CompositeInputs composites;
    final RecordWriter records;
    final NestedWrites nested;
    /** Which waiting nested create of the current top-level create Prisma runs early (see {@link CreateOrder.Plan}). */
    final ThreadLocal<CreateOrder.Plan> createPlan = ThreadLocal.withInitial(() -> CreateOrder.Plan.NONE);

    WriteContext(Schema schema, ReadArguments reads, ReferentialActions actions, Set<ConnectorCapability> capabilities) {
        this.schema = schema;
        this.reads = reads;
        this.actions = actions;
        this.capabilities = capabilities;
        this.shapes = new InputShapes(schema);
        // The writers below keep this context and use its other members only when they run.
        this.errors = new WriteErrors(this);
        this.scalars = new ScalarInputs(this);
        this.composites = new CompositeInputs(schema, reads, scalars::scalarChange);
        this.records = new RecordWriter(this);
        this.nested = new NestedWrites(this);
        this.validation = new WriteValidation(this);
    }

    /** The relation field on the other side of {@code rf} (the other field of the pair on a self-relation), or null. */
    RelationField backFieldOf(RelationField rf) {
        for (Relation r : schema.relations()) {
            if (r.name().equals(rf.relationName())) {
                boolean isReferencing = rf.name().equals(r.referencingField()) && rf.relatedModel().equals(r.referencedModel());
                String backName = isReferencing ? r.referencedField() : r.referencingField();
                String backModel = rf.relatedModel();
                if (backName == null) return null;
                Field f = schema.model(backModel).field(backName);
                if (f instanceof RelationField back && back != rf) return back;
                // Self-relations: the other field of the pair.
                String other = rf.name().equals(r.referencingField()) ? r.referencedField() : r.referencingField();
                return other == null ? null : (RelationField) schema.model(backModel).field(other);
            }
        }
        return null;
    }

    Relation relation(RelationLink link) {
        return schema.relationOf(link.parent().name(), link.field().name());
    }

    String relationName(RelationLink link) { return relation(link).name(); }

    /** The relation's kind as Prisma's error texts name it. */
    String kindWords(RelationLink link) {
        Relation r = relation(link);
        return r.kind() == RelationKind.ONE_TO_ONE ? "one-to-one" : r.kind() == RelationKind.ONE_TO_MANY ? "one-to-many" : "many-to-many";
    }
}
