package dev.facet.data.mongo;

import dev.facet.data.connector.Connector;
import dev.facet.data.connector.ConnectorFactory;
import dev.facet.data.error.OpenError;
import dev.facet.data.error.QueryError;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/** Opens the {@link MongoConnector} over one {@link MongoConnection} ({@code mongodb://} and {@code mongodb+srv://}). */
public final class MongoConnectorFactory implements ConnectorFactory {
    @Override
    public Set<Provider> providers() { return Set.of(Provider.MONGODB); }

    @Override
    public String databases() { return "MongoDB"; }

    /**
     * A missing database needs nothing created (MongoDB creates collections on the first write; {@code facet push}
     * creates them with their indexes). There is no statement time limit yet: {@code statementTimeout} is ignored.
     */
    @Override
    public Connector open(Schema schema, String url, Path schemaFolder, Consumer<String> statementLog, boolean createMissing,
                          Duration statementTimeout) {
        try {
            return new MongoConnector(schema, MongoConnection.open(url, statementLog));
        } catch (QueryError e) {
            throw new OpenError(OpenError.Kind.CONNECTION, e.code(), e.getMessage(), e);
        }
    }
}
