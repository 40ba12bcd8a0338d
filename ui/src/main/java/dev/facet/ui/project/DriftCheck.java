package dev.facet.ui.project;

import dev.facet.data.QueryEngine;
import dev.facet.data.drift.DriftTolerance;
import dev.facet.data.drift.SchemaDrift;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a freshly opened project's schema with its database, before any model is read: when columns are missing,
 * the project opens on the schema with those fields ignored (see {@link DriftTolerance}), so that a model with a
 * missing column still opens. Runs on the opening thread.
 */
final class DriftCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DriftCheck.class);

    private DriftCheck() {}

    /** What opening works with after the comparison. */
    record Checked(Schema schema, QueryEngine engine, ProjectDrift drift) {}

    /**
     * @param files the schema's files, named as the schema's spans name them; null when they could not be read again
     * @return the schema and engine to use (a new engine when fields had to be ignored; {@code engine} is then closed)
     * @throws OpenFailure when reconnecting with the tolerant schema fails
     */
    static Checked run(DatabaseConnector connector, Schema schema, QueryEngine engine, List<SourceFile> files, Path baseDirectory, String url)
            throws OpenFailure {
        Optional<SchemaDrift> found;
        try {
            found = engine.drift();
        } catch (RuntimeException e) {
            // The comparison is a help, not a condition: the project opens as it would have without it.
            LOG.warn("Comparing the schema with the database failed", e);
            return new Checked(schema, engine, new ProjectDrift(null, Map.of(), "Could not compare the schema with the database: " + Problem.of(e).text()));
        }
        if (found.isEmpty()) return new Checked(schema, engine, new ProjectDrift(null, Map.of(), null));
        SchemaDrift drift = found.get();
        if (drift.inStep()) return new Checked(schema, engine, ProjectDrift.NONE);
        DriftTolerance.Result tolerated = files == null ? new DriftTolerance.Result(schema, tablesMissing(drift)) : DriftTolerance.tolerate(schema, files, drift);
        ProjectDrift report = new ProjectDrift(drift, tolerated.unavailable(), null);
        if (tolerated.schema() == schema) return new Checked(schema, engine, report);
        engine.close();
        return new Checked(tolerated.schema(), connector.connect(tolerated.schema(), baseDirectory, url, false), report);
    }

    /** The models whose table is missing (when the schema's files cannot be read again to leave missing columns out). */
    private static Map<String, String> tablesMissing(SchemaDrift drift) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (SchemaDrift.ModelDrift m : drift.models()) {
            if (m.tableMissing()) out.put(m.model(), "its table \"" + m.table() + "\" is missing in the database");
        }
        return out;
    }
}
