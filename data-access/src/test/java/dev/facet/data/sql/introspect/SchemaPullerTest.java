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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import java.sql.Connection;
import java.sql.Statement;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ReferentialAction;
import dev.facet.schema.model.ScalarField;
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

        assertThat(pulledShape(kind, pulled)).as(text).containsExactlyElementsOf(expected(kind, pushed));
    }

    /** The pulled schema's shape, less the indexes MySQL adds by itself. */
    static TreeSet<String> pulledShape(DbKind kind, Schema pulled) {
        TreeSet<String> shape = SchemaShapes.of(pulled, nt -> true, kind == DbKind.MYSQL);
        // MySQL makes an index for each foreign key that has none; db pull shows it as an @@index named after the key.
        Set<String> foreignKeys = pulled.relations().stream().map(Relation::foreignKeyName).filter(Objects::nonNull).collect(Collectors.toSet());
        if (kind == DbKind.MYSQL) shape.removeIf(line -> line.startsWith("NORMAL ") && foreignKeys.contains(line.substring(line.lastIndexOf(' ') + 1)));
        return shape;
    }

    @Test
    void postgresNativeTypesDefaultsAndLongNamesComeBack() throws Exception {
        // relationMode = "prisma": no foreign keys, so only the tables' own columns, keys and indexes can come back.
        Schema pushed = load(SchemaLoader.load(RESOURCES.resolve("postgresql-native.prisma")));
        SqlDatabase db = DBS.fresh(DbKind.POSTGRES).open();
        SchemaPusher.push(pushed, db);

        String text = SchemaPuller.pull(db);
        Schema pulled = load(SchemaLoader.load(new SourceFile("pulled.prisma", text)));

        Predicate<String> tableLines = line -> !line.startsWith("relation") && !line.startsWith("many-to-many") && !line.contains("_AVeryLong");
        assertThat(SchemaShapes.of(pulled, nt -> true).stream().filter(tableLines).toList()).as(text)
                .containsExactlyElementsOf(SchemaShapes.of(pushed, nt -> true).stream().filter(tableLines)
                        // db pull writes the precision PostgreSQL gives a timestamp without one.
                        .map(line -> line.replace("@db.Timestamptz ", "@db.Timestamptz[6] ")).toList());
    }

    @Test
    void aTableWithoutKeyIsIgnoredAsPrismaDoesAndTheSchemaStillLoads() throws Exception {
        SqlDatabase db = DBS.fresh(DbKind.SQLITE).open();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE log (at DATETIME, message TEXT)");
            s.execute("CREATE TABLE tag (name TEXT NOT NULL)");
            s.execute("CREATE UNIQUE INDEX tag_name ON tag (name)");
        }

        String text = SchemaPuller.pull(db);
        Schema pulled = load(SchemaLoader.load(new SourceFile("pulled.prisma", text)));

        assertThat(pulled.model("log").ignored()).as(text).isTrue();
        assertThat(text).contains("/// The underlying table does not contain a valid unique identifier");
        assertThat(pulled.model("tag").ignored()).isFalse();
        assertThat(pulled.model("tag").uniqueIndexes()).extracting(i -> i.databaseName()).containsExactly("tag_name");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void namesPrismaCannotUseAreMapped(DbKind kind) throws Exception {
        SqlDatabase db = DBS.fresh(kind).open();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : HAND_WRITTEN.get(kind)) s.execute(statement);
        }

        String text = SchemaPuller.pull(db);
        Schema pulled = load(SchemaLoader.load(new SourceFile("pulled.prisma", text)));

        assertThat(text).as(text).contains("model order_header {", "@@map(\"order-header\")", "model order_items {", "@@map(\"order items\")",
                "@map(\"item id\")", "@map(\"header-id\")", "@map(\"created at\")");
        Model items = pulled.model("order_items");
        assertThat(items.databaseName()).isEqualTo("order items");
        assertThat(((ScalarField) items.field("item_id")).defaultValue()).isInstanceOf(DefaultValue.Autoincrement.class);
        assertThat(((ScalarField) items.field("unit_price")).databaseName()).isEqualTo("unit price");
        Relation relation = pulled.relations().getFirst();
        assertThat(relation.referencingModel()).isEqualTo("order_items");
        assertThat(relation.fields()).containsExactly("header_id");
        assertThat(relation.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(items.indexes()).extracting(i -> i.databaseName()).contains("idx items header");
        assertThat(pulled.model("order_header").uniqueIndexes()).extracting(i -> i.databaseName()).containsExactly("hdr code");
        if (kind != DbKind.SQLITE) {
            assertThat(text).contains("in_progress @map(\"in progress\")");
            assertThat(((ScalarField) items.field("unit_price")).nativeType().arguments()).containsExactly("10", "2");
        }

        // The pulled schema pushed to an empty database pulls back the same.
        SqlDatabase copy = DBS.fresh(kind).open();
        SchemaPusher.push(pulled, copy);
        Schema again = load(SchemaLoader.load(new SourceFile("again.prisma", SchemaPuller.pull(copy))));
        assertThat(SchemaShapes.of(again, nt -> true)).containsExactlyElementsOf(SchemaShapes.of(pulled, nt -> true));
    }

    private static final Map<DbKind, List<String>> HAND_WRITTEN = Map.of(
            DbKind.SQLITE, List.of(
                    "CREATE TABLE \"order-header\" (id INTEGER NOT NULL PRIMARY KEY, \"created at\" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                            + " code TEXT NOT NULL)",
                    "CREATE UNIQUE INDEX \"hdr code\" ON \"order-header\" (code)",
                    "CREATE TABLE \"order items\" (\"item id\" INTEGER NOT NULL PRIMARY KEY, \"header-id\" INTEGER NOT NULL,"
                            + " \"unit price\" DECIMAL, FOREIGN KEY (\"header-id\") REFERENCES \"order-header\" (id) ON DELETE CASCADE ON UPDATE CASCADE)",
                    "CREATE INDEX \"idx items header\" ON \"order items\" (\"header-id\")"),
            DbKind.POSTGRES, List.of(
                    "CREATE TYPE \"order-status\" AS ENUM ('new', 'in progress')",
                    "CREATE TABLE \"order-header\" (id serial PRIMARY KEY, \"created at\" timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                            + " status \"order-status\" NOT NULL DEFAULT 'new', code varchar(40) NOT NULL, CONSTRAINT \"hdr code\" UNIQUE (code))",
                    "CREATE TABLE \"order items\" (\"item id\" serial PRIMARY KEY, \"header-id\" integer NOT NULL"
                            + " REFERENCES \"order-header\" (id) ON DELETE CASCADE ON UPDATE CASCADE, \"unit price\" numeric(10,2))",
                    "CREATE INDEX \"idx items header\" ON \"order items\" (\"header-id\")"),
            DbKind.MYSQL, List.of(
                    "CREATE TABLE `order-header` (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, `created at` datetime(3) NOT NULL"
                            + " DEFAULT CURRENT_TIMESTAMP(3), status enum('new','in progress') NOT NULL DEFAULT 'new', code varchar(40) NOT NULL,"
                            + " UNIQUE KEY `hdr code` (code))",
                    "CREATE TABLE `order items` (`item id` int NOT NULL AUTO_INCREMENT PRIMARY KEY, `header-id` int NOT NULL,"
                            + " `unit price` decimal(10,2), KEY `idx items header` (`header-id`), CONSTRAINT `items_header_fk`"
                            + " FOREIGN KEY (`header-id`) REFERENCES `order-header` (id) ON DELETE CASCADE ON UPDATE CASCADE)"));

    /** The pushed schema's shape, less what the database cannot keep. */
    static TreeSet<String> expected(DbKind kind, Schema pushed) {
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
