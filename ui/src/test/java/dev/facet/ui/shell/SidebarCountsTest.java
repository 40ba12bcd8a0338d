package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.QueryEngine;
import dev.facet.data.connector.Connector;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.connector.RowEstimate;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The sidebar counts a big database's tables exactly only within one budget of rows per refresh, however many chunks
 * the models are counted in: the 200 tables of 200,000 rows each would otherwise cost the server a budget
 * per chunk of 25. The estimates stand for the rest.
 */
class SidebarCountsTest {
    private static final int TABLES = 60;
    private static final long ROWS = 100_000;

    @Test
    void oneRefreshCountsAtMostOneBudgetOfRowsExactlyAcrossItsChunks() {
        StringBuilder text = new StringBuilder("datasource db {\n  provider = \"postgresql\"\n}\n");
        for (int t = 0; t < TABLES; t++) text.append("model T").append(t).append(" {\n  id Int @id\n}\n");
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", text.toString())).schema().orElseThrow();
        EstimatingDatabase db = new EstimatingDatabase();
        Project project = new Project(Path.of("schema.prisma"), schema, new QueryEngine(schema, db), "postgresql://big");
        SidebarViewModel sidebar = new SidebarViewModel(new DirectTaskExecutor(), new Notifications(), () -> project);
        sidebar.syncModels(project);

        sidebar.refreshCounts();

        long exact = SidebarCounts.EXACT_COUNT_BUDGET / ROWS;
        assertThat(db.counts.get()).isEqualTo(exact);
        assertThat(sidebar.models()).filteredOn(e -> e.countErrorProperty().get() == null).hasSize(TABLES);
    }

    /** Every table is small on disk and has an estimate of 100,000 rows; exact counts are counted. */
    private static final class EstimatingDatabase implements Connector {
        final AtomicInteger counts = new AtomicInteger();

        @Override public Map<String, RowEstimate> estimateRows(List<Model> models) {
            Map<String, RowEstimate> out = new LinkedHashMap<>();
            models.forEach(m -> out.put(m.name(), new RowEstimate(ROWS, true)));
            return out;
        }

        @Override public long count(Model model, Filter where) {
            counts.incrementAndGet();
            return ROWS;
        }

        @Override public List<Map<String, Object>> read(ReadQuery query) { return List.of(); }

        @Override public List<Map<String, Object>> aggregate(Aggregation aggregation) { return List.of(); }

        @Override public <T> T transaction(Function<Session, T> work) { throw new UnsupportedOperationException("reads only"); }

        @Override public Set<ConnectorCapability> capabilities() { return Set.of(); }

        @Override public void close() { }
    }
}
