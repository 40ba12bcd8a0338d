package dev.facet.data.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.facet.data.error.QueryError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * One MongoDB client (pooled by the driver) on the database a {@code mongodb://} or {@code mongodb+srv://} URL
 * names, as users have them in {@code .env}: replica sets, {@code authSource}, {@code tls}, {@code retryWrites},
 * {@code w=majority}, the database in the path. Opening checks that the server answers, and fails with Prisma's
 * codes in one line that names the host and never the password.
 */
public final class MongoConnection implements AutoCloseable {
    /** How long opening waits for a server when the URL says nothing ({@code serverSelectionTimeoutMS}). */
    static final int DEFAULT_TIMEOUT_MS = 5_000;

    private final MongoClient client;
    private final MongoDatabase database;
    private final String hosts;
    private final String databaseName;
    private final boolean transactions;

    private MongoConnection(MongoClient client, MongoDatabase database, String hosts, String databaseName, boolean transactions) {
        this.client = client;
        this.database = database;
        this.hosts = hosts;
        this.databaseName = databaseName;
        this.transactions = transactions;
    }

    /**
     * Opens a client and checks that the server answers.
     *
     * @param url        the connection URL
     * @param commandLog receives the name, collection and database of every command sent, and a find's limit (tests count round
     *                   trips), or null
     * @throws QueryError P1013 for an invalid URL or one without a database, P1001 when no server answers within
     *                    the timeout, P1000 when the credentials are refused
     */
    public static MongoConnection open(String url, Consumer<String> commandLog) {
        ConnectionString cs = parse(url);
        String hosts = String.join(",", cs.getHosts());
        String password = cs.getPassword() == null ? null : new String(cs.getPassword());
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(cs).applicationName("facet");
        if (!url.contains("serverSelectionTimeoutMS")) {
            settings.applyToClusterSettings(b -> b.serverSelectionTimeout(DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        if (!url.contains("connectTimeoutMS")) {
            settings.applyToSocketSettings(b -> b.connectTimeout(DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        if (commandLog != null) settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // The collection and the limit too, so that tests can see what is read and what is paged in the server
                // (a find's or a pipeline's $limit).
                var command = event.getCommand();
                var target = command.get(event.getCommandName());
                String collection = target != null && target.isString() ? " " + target.asString().getValue() : "";
                String limit = command.isNumber("limit") ? " limit " + command.getNumber("limit").longValue() : "";
                commandLog.accept(event.getCommandName() + collection + " " + event.getDatabaseName() + limit);
            }
        });
        MongoClient client;
        try {
            client = MongoClients.create(settings.build());
        } catch (RuntimeException e) {
            throw new QueryError("P1013", "The provided database string is invalid. " + clean(e.getMessage(), password));
        }
        MongoDatabase db = client.getDatabase(cs.getDatabase());
        boolean transactions;
        try {
            db.runCommand(new Document("ping", 1));
            // Transactions need sessions and a replica set or a sharded cluster, as the driver saw the server answer.
            var cluster = client.getClusterDescription();
            transactions = cluster.getLogicalSessionTimeoutMinutes() != null
                    && (cluster.getType() == com.mongodb.connection.ClusterType.REPLICA_SET || cluster.getType() == com.mongodb.connection.ClusterType.SHARDED);
        } catch (RuntimeException e) {
            client.close();
            throw translate(e, cs, hosts, password);
        }
        return new MongoConnection(client, db, hosts, cs.getDatabase(), transactions);
    }

    private static ConnectionString parse(String url) {
        if (url == null || !(url.startsWith("mongodb://") || url.startsWith("mongodb+srv://"))) {
            throw new QueryError("P1013", "The provided database string is invalid. The URL must start with the protocol `mongodb://` "
                    + "or `mongodb+srv://`.");
        }
        ConnectionString cs;
        try {
            cs = new ConnectionString(url);
        } catch (RuntimeException e) {
            throw new QueryError("P1013", "The provided database string is invalid. " + clean(e.getMessage(), passwordOf(url)));
        }
        if (cs.getDatabase() == null || cs.getDatabase().isEmpty()) {
            // Prisma needs the database in the URL's path (mongodb://host/mydb): it has no default database.
            throw new QueryError("P1013", "The provided database string is invalid. Database must be defined in the connection string "
                    + "(mongodb://" + String.join(",", cs.getHosts()) + "/<database>).");
        }
        return cs;
    }

    private static QueryError translate(RuntimeException e, ConnectionString cs, String hosts, String password) {
        MongoSecurityException security = find(e, MongoSecurityException.class);
        if (security != null) {
            String user = cs.getUsername() == null ? "(none)" : cs.getUsername();
            return new QueryError("P1000", "Authentication failed against database server at " + hosts + ", the provided database "
                    + "credentials for `" + user + "` are not valid. Please make sure to provide valid database credentials for the "
                    + "database server at " + hosts + ".");
        }
        if (e instanceof MongoTimeoutException) {
            return new QueryError("P1001", "Can't reach database server at " + hosts + ": no server answered within "
                    + (timeoutMs(cs) / 1000.0) + " s. Please make sure your database server is running at " + hosts + ".");
        }
        if (e instanceof MongoCommandException c && c.getErrorCode() == 13) {
            return new QueryError("P1010", "User `" + cs.getUsername() + "` was denied access on the database `" + cs.getDatabase() + "`");
        }
        String detail = e instanceof MongoException m ? m.getMessage() : String.valueOf(e.getMessage());
        return new QueryError("P1001", "Can't reach database server at " + hosts + ": " + clean(detail, password));
    }

    private static long timeoutMs(ConnectionString cs) {
        Integer t = cs.getServerSelectionTimeout();
        return t != null ? t : DEFAULT_TIMEOUT_MS;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) if (type.isInstance(c)) return type.cast(c);
        return null;
    }

    private static String passwordOf(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@', scheme + 3);
        int colon = url.indexOf(':', scheme + 3);
        int slash = url.indexOf('/', scheme + 3);
        if (at < 0 || colon < 0 || colon > at || slash >= 0 && slash < at) return null;
        return url.substring(colon + 1, at);
    }

    /** Removes the password, as written and URL-encoded, from a message. */
    static String clean(String message, String password) {
        if (message == null) return "";
        if (password == null || password.isEmpty()) return message;
        String out = message.replace(password, "****");
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
        return out.replace(encoded, "****");
    }

    /** @return the driver's database handle */
    MongoDatabase database() { return database; }

    /** @return whether the server runs transactions (a replica set or a sharded cluster, not a standalone server) */
    public boolean supportsTransactions() { return transactions; }

    /** @return the driver's client */
    MongoClient client() { return client; }

    /** @return the hosts, comma-separated, for messages */
    public String hosts() { return hosts; }

    /** @return the database's name */
    public String databaseName() { return databaseName; }

    /** @return one line for users: {@code MongoDB database "app" at localhost:27017} */
    public String describe() { return "MongoDB database \"" + databaseName + "\" at " + hosts; }

    /** @return the collection names of the database */
    public List<String> collectionNames() { return database.listCollectionNames().into(new java.util.ArrayList<>()); }

    @Override
    public void close() { client.close(); }
}
