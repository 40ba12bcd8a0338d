package dev.facet.app;

import dev.facet.data.error.QueryError;
import dev.facet.data.mongo.MongoConnection;
import dev.facet.data.mongo.MongoPusher;
import dev.facet.data.sql.connect.DatabaseConnectionException;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.PushResult;
import dev.facet.data.sql.ddl.SchemaPushException;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.schema.model.Datasource;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code facet push --schema S [--url U]}: creates the schema's tables in a database that does not have them yet,
 * as {@code prisma db push} would on an empty database; on MongoDB, the collections and indexes that are missing. Exit status 0 on success, 1 for schema errors, connection
 * problems or tables that already exist, 2 when the schema cannot be read.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Create the schema's tables in a database that does not have them yet.")
final class PushCommand extends ProjectCommand {
    @Override
    int run(ProjectOptions.Opened opened, PrintWriter out, PrintWriter err) {
        Schema schema = opened.schema();
        Datasource datasource = opened.datasource();
        String urlText = opened.url();
        Path schemaFolder = opened.schemaFolder();
        if (datasource.provider() == Provider.MONGODB) return pushMongo(schema, datasource, urlText, out, err);
        try (SqlDatabase db = SqlDatabase.open(datasource.provider(), DatabaseUrl.parse(urlText, schemaFolder), true)) {
            out.println("Datasource \"" + datasource.name() + "\": " + db.describe());
            PushResult result = SchemaPusher.push(schema, db);
            out.println(result.summary());
            return 0;
        } catch (DatabaseConnectionException e) {
            err.println("error: " + e.describe());
            return 1;
        } catch (SchemaPushException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** MongoDB: collections and indexes, as {@code prisma db push} makes them there; nothing is ever dropped. */
    private static int pushMongo(Schema schema, Datasource datasource, String url, PrintWriter out, PrintWriter err) {
        try (MongoConnection db = MongoConnection.open(url, null)) {
            out.println("Datasource \"" + datasource.name() + "\": " + db.describe());
            out.println(MongoPusher.push(schema, db).summary());
            return 0;
        } catch (QueryError e) {
            err.println("error: " + e.code() + ": " + e.getMessage());
            return 1;
        }
    }
}
