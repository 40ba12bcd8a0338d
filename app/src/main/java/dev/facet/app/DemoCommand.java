package dev.facet.app;

import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.OpenError;
import dev.facet.data.error.QueryError;
import dev.facet.data.mongo.MongoConnection;
import dev.facet.data.mongo.MongoPusher;
import dev.facet.data.sql.connect.DatabaseConnectionException;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPushException;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.schema.model.Provider;
import dev.facet.ui.demo.DemoSeeder;
import dev.facet.ui.project.OpenRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code facet demo --url U [--dir D]}: writes the demo shop's schema for the URL's database into D (the MongoDB
 * flavour for a {@code mongodb://} URL), creates its tables or collections as {@code facet push} does, fills them
 * with the demo's rows and opens the window on them, so that anyone can try Facet on their own server in one command.
 * It only writes into an empty database: tables or documents of the demo already there stop it before any row is
 * written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Seed Facet's demo shop into a database of yours and open it in the window.",
                "PostgreSQL, MySQL/MariaDB, SQLite (file:) and MongoDB URLs; the database must not hold the demo's tables yet."})
final class DemoCommand implements Callable<Integer> {
    /** The MongoDB flavour of the demo schema, bundled from {@code resources/demo} as the SQL one. */
    static final String MONGO_SCHEMA = "/dev/facet/app/demo/schema.mongodb.prisma";

    @Option(names = "--url", required = true, paramLabel = "U",
            description = "The database to fill: postgresql://..., mysql://..., file:./shop.db, mongodb://... or mongodb+srv://...")
    String url;

    @Option(names = "--dir", paramLabel = "D", defaultValue = "facet-demo",
            description = "Where to write the demo's schema.prisma (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--no-window", description = "Only fill the database; print how to open it.")
    boolean noWindow;

    @Option(names = "--allow-non-atomic",
            description = "In the window: on a MongoDB server without transactions, save changes that touch several documents one "
                    + "document after another (see facet --help).")
    boolean allowNonAtomic;

    @Spec
    CommandSpec spec;

    /** Seeds fewer rows (tests). */
    DemoSeeder seeder;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Provider provider = providerOf(url);
        if (provider == null) {
            err.println("error: facet demo needs a database URL starting with postgresql://, mysql://, file:, mongodb:// or mongodb+srv://");
            return 2;
        }
        Path schemaFile = dir.resolve("schema.prisma").toAbsolutePath().normalize();
        try {
            String text = schemaText(provider);
            if (Files.exists(schemaFile) && !Files.readString(schemaFile, StandardCharsets.UTF_8).equals(text)) {
                err.println("error: " + schemaFile + " exists and is not the demo's schema; choose another folder with --dir");
                return 1;
            }
            Files.createDirectories(schemaFile.getParent());
            Files.writeString(schemaFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("error: cannot write the demo's schema to " + schemaFile + ": " + e.getMessage());
            return 1;
        }
        out.println("Wrote the demo's schema (" + (provider == Provider.MONGODB ? "MongoDB flavour" : provider.id())
                + ") to " + schemaFile);

        ProjectOptions options = new ProjectOptions();
        options.schemaPath = schemaFile;
        options.url = url;
        ProjectOptions.Opened opened;
        try {
            opened = options.open(err);
        } catch (ProjectOptions.Failure f) {
            return f.exitCode;
        }
        try {
            out.println(push(opened, provider));
            // The demo goes into an empty database: on a server without transactions (a standalone MongoDB) its
            // createMany calls run one command after another; a failure is reported and the database can be dropped.
            try (QueryEngine engine = Engines.open(opened.schema(), opened.url(), opened.schemaFolder(), null, null, true)) {
                if (engine.execute("Customer", "count", null).asLong() > 0) {
                    err.println("error: the database already holds the demo's customers; facet demo fills an empty database only"
                            + " (open it with: facet open --schema " + schemaFile + " --url <the URL>)");
                    return 1;
                }
                DemoSeeder s = seeder != null ? seeder : DemoSeeder.standard(provider == Provider.MONGODB
                        ? DemoSeeder.Flavour.MONGODB : DemoSeeder.Flavour.SQL);
                s.seed(engine, step -> out.println(step));
            }
        } catch (DatabaseConnectionException e) {
            err.println("error: " + e.describe());
            return 1;
        } catch (SchemaPushException e) {
            err.println("error: " + e.getMessage() + " (facet demo fills an empty database only)");
            return 1;
        } catch (QueryError | OpenError e) {
            String code = e instanceof QueryError q ? q.code() + ": " : "";
            err.println("error: " + code + e.getMessage());
            return 1;
        }
        out.println("The demo shop is ready. Open it again any time with: facet open --schema " + schemaFile + " --url <the URL>");
        out.flush();
        if (noWindow) return 0;
        return Gui.run(new OpenRequest.Schema(schemaFile, url, false, allowNonAtomic), err);
    }

    /** Creates the tables or collections; returns what was done. */
    private static String push(ProjectOptions.Opened opened, Provider provider) {
        if (provider == Provider.MONGODB) {
            try (MongoConnection db = MongoConnection.open(opened.url(), null)) {
                return db.describe() + ": " + MongoPusher.push(opened.schema(), db).summary();
            }
        }
        try (SqlDatabase db = SqlDatabase.open(provider, DatabaseUrl.parse(opened.url(), opened.schemaFolder()), true)) {
            return db.describe() + ": " + SchemaPusher.push(opened.schema(), db).summary();
        }
    }

    /** @return the provider a URL names, or null when it names none Facet knows */
    static Provider providerOf(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("mongodb://") || u.startsWith("mongodb+srv://")) return Provider.MONGODB;
        if (u.startsWith("postgresql://") || u.startsWith("postgres://")) return Provider.POSTGRESQL;
        if (u.startsWith("mysql://")) return Provider.MYSQL;
        if (u.startsWith("file:")) return Provider.SQLITE;
        return null;
    }

    /** The demo schema for the provider: the MongoDB flavour, or the SQL one with its provider and URL replaced. */
    static String schemaText(Provider provider) throws IOException {
        if (provider == Provider.MONGODB) {
            try (InputStream in = DemoCommand.class.getResourceAsStream(MONGO_SCHEMA)) {
                if (in == null) throw new java.io.FileNotFoundException("the MongoDB demo schema is missing from facet.jar (" + MONGO_SCHEMA + ")");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        String sql = Gui.demoSchema();
        // The URL is given on the command line, never written into the schema (it may hold a password).
        return sql.replace("provider = \"sqlite\"", "provider = \"" + provider.id() + "\"")
                .replace("url      = \"file:./demo.db\"", "url      = env(\"DATABASE_URL\")");
    }
}
