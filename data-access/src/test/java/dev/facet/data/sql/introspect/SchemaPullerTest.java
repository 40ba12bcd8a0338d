package dev.facet.data.sql.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import dev.facet.schema.model.Relation;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code facet pull} on databases made by {@code facet push}: the pulled schema loads, and has the tables, columns,
 * types, keys, indexes, enums and relations of the schema that made the database (compared by database names, as
 * {@code db pull} renames relation fields).
 */
class SchemaPullerTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static final Path RESOURCES = Path.of("src/test/resources/push");
    private static final Map<DbKind, String> FILES = Map.of(DbKind.POSTGRES, "postgresql", DbKind.MYSQL, "mysql", DbKind.SQLITE, "sqlite");

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pullGivesBackThePushedSchema(DbKind kind) throws Exception {
        Schema pushed = load(SchemaLoader.load(RESOURCES.resolve(FILES.get(kind) + ".prisma")));
        SqlDatabase db = DBS.fresh(kind).open();
        SchemaPusher.push(pushed, db);

        String text = SchemaPuller.pull(db);
        Schema pulled = load(SchemaLoader.load(new SourceFile("pulled.prisma", text)));

        TreeSet<String> shape = SchemaShapes.of(pulled, nt -> true, kind == DbKind.MYSQL);
        // MySQL makes an index for each foreign key that has none; db pull shows it as an @@index named after the key.
        Set<String> foreignKeys = pulled.relations().stream().map(Relation::foreignKeyName).filter(Objects::nonNull).collect(Collectors.toSet());
        if (kind == DbKind.MYSQL) shape.removeIf(line -> line.startsWith("NORMAL ") && foreignKeys.contains(line.substring(line.lastIndexOf(' ') + 1)));
        assertThat(shape).as(text).containsExactlyElementsOf(expected(kind, pushed));
    }

    /** The pushed schema's shape, less what the database cannot keep. */
    private static TreeSet<String> expected(DbKind kind, Schema pushed) {
        TreeSet<String> shape = new TreeSet<>();
        for (String line : SchemaShapes.of(pushed, nt -> true, kind == DbKind.MYSQL)) {
            // MySQL has no defaults on JSON columns: Prisma leaves them out of its DDL.
            if (kind == DbKind.MYSQL && line.startsWith("column ") && line.contains(" Json ")) line = line.replaceFirst(" default .*", "");
            // SQLite autoincrements only INTEGER PRIMARY KEY (the rowid): Prisma pulls a BIGINT key without it too.
            if (kind == DbKind.SQLITE && line.startsWith("column ") && line.contains(" BigInt ")) line = line.replace(" default Autoincrement[]", "");
            shape.add(line);
        }
        return shape;
    }

    static Schema load(LoadResult result) {
        assertThat(result.errors()).as(() -> new DiagnosticRenderer(false).render(result.diagnostics())).isEmpty();
        return result.schema().orElseThrow();
    }
}
