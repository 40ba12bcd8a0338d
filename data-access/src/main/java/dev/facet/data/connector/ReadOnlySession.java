package dev.facet.data.connector;

import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.List;
import java.util.Map;

/** Reads straight through a connector, without a transaction: what read-only requests use. */
public final class ReadOnlySession implements Session {
    private final Connector connector;

    /** @param connector the connector to read from */
    public ReadOnlySession(Connector connector) { this.connector = connector; }

    @Override public List<Map<String, Object>> read(ReadQuery query) { return connector.read(query); }

    @Override
    public void readEach(ReadQuery query, java.util.function.Consumer<List<Map<String, Object>>> chunks) { connector.readEach(query, chunks); }

    @Override public long count(Model model, Filter where) { return connector.count(model, where); }

    @Override public List<Map<String, Object>> aggregate(Aggregation aggregation) { return connector.aggregate(aggregation); }

    @Override public Map<String, Object> insert(Model model, Map<ScalarField, Object> values) { throw readOnly(); }

    @Override public long insertMany(Model model, List<Map<ScalarField, Object>> rows, boolean skipDuplicates) { throw readOnly(); }

    @Override public long update(Model model, Filter where, Map<ScalarField, FieldUpdate> changes) { throw readOnly(); }

    @Override public long delete(Model model, Filter where) { throw readOnly(); }

    @Override public List<Map<String, Object>> lockKeys(Model model, Filter where, Long limit) { throw readOnly(); }

    @Override public void connect(RelationLink link, Object parentId, List<Object> childIds) { throw readOnly(); }

    @Override public long disconnect(RelationLink link, Object parentId, List<Object> childIds) { throw readOnly(); }

    @Override public long disconnectAll(RelationLink link, Filter parents) { throw readOnly(); }

    private static IllegalStateException readOnly() {
        return new IllegalStateException("a write outside a transaction: writes must run through Connector.transaction");
    }
}
