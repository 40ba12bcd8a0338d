package dev.facet.app;

import dev.facet.data.DatabasePull;
import dev.facet.data.error.QueryError;
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
            description = "The database URL (postgresql://, mysql://, file: for SQLite, mongodb:// or mongodb+srv://).")
    String url;

    @Option(names = "--sample-size", paramLabel = "N", defaultValue = "1000",
            description = "MongoDB: how many documents of each collection to sample (default ${DEFAULT-VALUE}, as prisma db pull).")
    int sampleSize;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        if (sampleSize < 1) {
            err.println("error: --sample-size must be at least 1");
            return 2;
        }
        DatabasePull.Pulled pulled;
        try {
            pulled = DatabasePull.pull(url, null, sampleSize);
        } catch (QueryError e) {
            err.println("error: " + e.code() + ": " + e.getMessage());
            return 1;
        }
        return write(pulled.schema(), pulled.description(), stdout, err, start);
    }

    private int write(String schema, String description, PrintWriter stdout, PrintWriter err, long start) {
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
