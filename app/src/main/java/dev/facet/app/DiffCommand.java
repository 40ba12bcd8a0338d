package dev.facet.app;

import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.drift.SchemaDrift;
import dev.facet.data.error.OpenError;
import dev.facet.data.error.QueryError;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code facet diff --schema S [--url U]}: compares the schema with the database's catalog and prints what differs,
 * per model (what the window shows when the project opens). Exit status 0 when they are in step, 3 when they differ,
 * 1 for schema errors or connection problems, 2 when the schema cannot be read.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare the schema with the database and print what differs, per model.",
                "Exit status: 0 in step, 3 differences found, 1 schema or connection error, 2 unreadable schema."})
final class DiffCommand extends ProjectCommand {
    /** The exit status when the database differs from the schema (1 and 2 are taken by errors, as in the other commands). */
    static final int DIFFERENT = 3;

    @Override
    int run(ProjectOptions.Opened opened, PrintWriter out, PrintWriter err) {
        Optional<SchemaDrift> drift;
        try (QueryEngine engine = Engines.open(opened.schema(), opened.url(), opened.schemaFolder(), null)) {
            drift = engine.drift();
        } catch (QueryError e) {
            err.println("error: " + e.code() + ": " + e.getMessage());
            return 1;
        } catch (OpenError e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (drift.isEmpty()) {
            err.println("error: facet diff compares with a database's catalog; " + opened.datasource().provider().id() + " databases have none to read.");
            return 1;
        }
        SchemaDrift d = drift.get();
        if (d.inStep()) {
            out.println("The database is in step with the schema.");
            return 0;
        }
        for (SchemaDrift.ModelDrift m : d.models()) {
            out.println(m.model() + (m.model().equals(m.table()) ? "" : " (table \"" + m.table() + "\")") + ":");
            for (SchemaDrift.Difference diff : m.differences()) out.println("  - " + diff.message());
        }
        out.println();
        out.println("The database differs from the schema: " + d.summary() + ".");
        return DIFFERENT;
    }
}
