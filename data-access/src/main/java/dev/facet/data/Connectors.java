package dev.facet.data;

import dev.facet.data.connector.ConnectorFactory;
import dev.facet.data.error.OpenError;
import dev.facet.data.mongo.MongoConnectorFactory;
import dev.facet.data.sql.SqlConnectorFactory;
import dev.facet.schema.model.Provider;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry of connectors: the one place that knows which connector serves which provider. A new database is one
 * more entry in {@link #ALL}; {@link Engines}, the CLI and the UI all open databases through it.
 */
public final class Connectors {
    /** Every connector Facet has, in the order their databases are named in messages. */
    private static final List<ConnectorFactory> ALL = List.of(new SqlConnectorFactory(), new MongoConnectorFactory());

    private Connectors() {}

    /** @return the registered connector factories */
    public static List<ConnectorFactory> all() { return ALL; }

    /**
     * @return the factory that opens {@code provider}'s databases
     * @throws OpenError of kind NO_CONNECTOR, saying that Facet cannot open them yet and which databases it can
     */
    public static ConnectorFactory forProvider(Provider provider) {
        for (ConnectorFactory f : ALL) {
            if (f.providers().contains(provider)) return f;
        }
        String working = ALL.stream().map(ConnectorFactory::databases).collect(Collectors.joining("; "));
        throw new OpenError(OpenError.Kind.NO_CONNECTOR, null,
                "Facet cannot open " + provider.id() + " databases yet (" + working + " work)", null);
    }
}
