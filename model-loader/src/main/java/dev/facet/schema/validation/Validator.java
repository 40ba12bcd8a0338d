package dev.facet.schema.validation;

import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.diagnostics.Diagnostics;
import dev.facet.schema.model.Schema;
import java.util.List;
import java.util.Optional;

/**
 * Runs the validation passes in order (configuration, names, types, attributes, relations,
 * provider rules) and builds the model.
 */
public final class Validator {
    private Validator() {}

    /**
     * @return the model, built best-effort; the caller discards it when {@code diagnostics} holds errors
     */
    public static Optional<Schema> validate(List<SchemaAst> files, Diagnostics diagnostics) {
        return Optional.empty();
    }
}
