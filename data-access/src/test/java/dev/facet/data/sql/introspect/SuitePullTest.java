package dev.facet.data.sql.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import dev.facet.schema.model.Relation;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code facet pull} on the databases of the differential test suites ({@code tools/prisma-compare/suites}, issue 17):
 * each suite's schema is pushed to an empty database ({@code facet push}, foreign keys), pulled back, and the pulled
 * schema validates and has the same tables, columns, types, keys, indexes, enums and relations (compared by database
 * names, as {@code db pull} names relation fields after the models).
 */
class SuitePullTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static final Path SUITES = Path.of("..", "tools", "prisma-compare", "suites");

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void everySuitesDatabasePullsBackItsSchema(DbKind kind) throws Exception {
        String provider = kind.provider().id();
        List<Path> suites = new ArrayList<>();
        try (Stream<Path> s = Files.list(SUITES)) {
            s.filter(d -> Files.isRegularFile(d.resolve("schema.prisma"))).sorted().forEach(suites::add);
        }
        assertThat(suites).hasSizeGreaterThan(20);
        SoftAssertions soft = new SoftAssertions();
        int pulled = 0;
        for (Path suite : suites) {
            Path config = suite.resolve("suite.json");
            // A suite for some databases only ("providers": ["postgresql"]).
            if (Files.exists(config) && Files.readString(config).contains("\"providers\"") && !Files.readString(config).contains("\"" + provider + "\"")) continue;
            String text = Files.readString(suite.resolve("schema.prisma")).replace("%PROVIDER%", provider).replace("%MODE%", "foreignKeys");
            Schema pushed = SchemaPullerTest.load(SchemaLoader.load(new SourceFile(suite.getFileName() + ".prisma", text)));
            SqlDatabase db = DBS.fresh(kind).open();
            SchemaPusher.push(pushed, db);
            String pulledText = SchemaPuller.pull(db);
            Schema back = SchemaPullerTest.load(SchemaLoader.load(new SourceFile("pulled.prisma", pulledText)));
            TreeSet<String> expected = adjusted(kind, SchemaPullerTest.expected(kind, pushed));
            TreeSet<String> actual = SchemaPullerTest.pulledShape(kind, back);
            for (Relation r : pushed.relations()) {
                if (r.joinTable() == null) continue;
                String a = pushed.model(r.joinTable().modelA()).databaseName();
                String b = pushed.model(r.joinTable().modelB()).databaseName();
                if (a.compareTo(b) <= 0) continue;
                // The tables sort the other way round from the models: db pull keeps the join table as a model.
                String table = r.joinTable().tableName();
                soft.assertThat(actual).as(suite.getFileName() + " on " + kind + ": " + table).contains("model " + table);
                expected.removeIf(line -> line.contains(table));
                actual.removeIf(line -> line.contains(table));
            }
            soft.assertThat(actual).as(suite.getFileName() + " on " + kind + ":\n" + pulledText).containsExactlyElementsOf(expected);
            db.close();
            pulled++;
        }
        assertThat(pulled).isGreaterThan(20);
        soft.assertAll();
    }

    /** What a database keeps of a pushed schema, in db pull's words. */
    private static TreeSet<String> adjusted(DbKind kind, TreeSet<String> shape) {
        TreeSet<String> out = new TreeSet<>();
        for (String line : shape) {
            if (kind == DbKind.SQLITE) {
                // SQLite has no enums: the column is TEXT, pulled as String.
                if (line.startsWith("enum ")) continue;
                line = line.replaceFirst(" enum \\S+ ", " String ");
                // A one-column Int key is the rowid, which db pull reads as autoincrement().
                if (line.startsWith("column ") && line.endsWith(" Int REQUIRED") && shape.stream().anyMatch(isKeyOf(line))) {
                    line += " default Autoincrement[]";
                }
            }
            // MariaDB keeps SET DEFAULT as RESTRICT (InnoDB does not do SET DEFAULT).
            if (kind == DbKind.MYSQL && line.startsWith("relation ")) line = line.replace("SET_DEFAULT", "RESTRICT");
            out.add(line);
        }
        return out;
    }

    /** Whether a shape line is the one-column key of the column line's table and column. */
    private static java.util.function.Predicate<String> isKeyOf(String columnLine) {
        String qualified = columnLine.substring("column ".length(), columnLine.indexOf(' ', "column ".length()));
        int dot = qualified.lastIndexOf('.');
        return l -> l.equals("id " + qualified.substring(0, dot) + " [" + qualified.substring(dot + 1) + "]");
    }
}
