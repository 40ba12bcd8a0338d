package dev.facet.app;

import dev.facet.data.sql.connect.DatabaseConnectionException;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.introspect.DatabaseCatalog;
import dev.facet.data.sql.introspect.IntrospectionException;
import dev.facet.data.sql.introspect.SchemaPuller;
import dev.facet.data.sql.introspect.SchemaWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code facet pull --url U [--out schema.prisma]}: reads the database's catalog and writes the Prisma schema
 * {@code prisma db pull} would write, to standard output or to a file. Exit status 0 on success, 1 for connection
 * problems or an empty database, 2 when the file cannot be written.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Write the Prisma schema of an existing database (as prisma db pull).")
final class PullCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "U", required = true,
            description = "The database URL (postgresql://, mysql:// or file: for SQLite).")
    String url;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        DatabaseCatalog catalog;
        String description;
        try (SqlDatabase db = SqlDatabase.open(null, DatabaseUrl.parse(url, null), false)) {
            description = db.describe();
            catalog = SchemaPuller.catalog(db);
        } catch (DatabaseConnectionException e) {
            err.println("error: " + e.describe());
            return 1;
        } catch (IntrospectionException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (catalog.tables().isEmpty()) {
            // Prisma's words for the same case.
            err.println("error: P4001: The introspected database was empty: " + description);
            return 1;
        }
        String schema = SchemaWriter.write(catalog);
        if (out == null) {
            stdout.print(schema);
            stdout.flush();
            return 0;
        }
        try {
            Files.writeString(out, schema);
        } catch (IOException e) {
            err.println("error: Could not write " + out + ": " + e.getMessage());
            return 2;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        stdout.println("Introspected " + description + ": " + models(schema) + " and wrote them into " + out + " in " + ms + " ms");
        return 0;
    }

    private static String models(String schema) {
        long n = schema.lines().filter(l -> l.startsWith("model ")).count();
        return n + (n == 1 ? " model" : " models");
    }
}
