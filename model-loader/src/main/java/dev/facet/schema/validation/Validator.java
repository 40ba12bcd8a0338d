package dev.facet.schema.validation;

import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.diagnostics.Diagnostics;
import dev.facet.schema.model.Schema;
import java.util.List;
import java.util.Optional;

/**
 * Runs the validation passes in Prisma's order (configuration, names, fields, block attributes,
 * relations, model rules) and builds the model. Every pass reports to the shared diagnostics and
 * carries on, so all problems are found in one run.
 */
public final class Validator {
    private Validator() {}

    /**
     * @param files       the parsed files of one schema
     * @param diagnostics where problems are reported
     * @return the model, built best-effort even when there are errors (callers decide whether to use it)
     */
    public static Optional<Schema> validate(List<SchemaAst> files, Diagnostics diagnostics) {
        Context ctx = new Context(files, diagnostics);
        ConfigurationPass configuration = new ConfigurationPass(ctx);
        configuration.run();
        configuration.checkPreviewFeatures();
        new NamesPass(ctx).run();
        new FieldsPass(ctx).run();
        new BlockAttributesPass(ctx).run();
        new RelationsPass(ctx).run();
        new ModelRules(ctx).run();
        return Optional.of(new ModelBuilder(ctx).build());
    }
}
