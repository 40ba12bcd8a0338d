package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same requests on PostgreSQL and on MongoDB, the schemas written for each (ids given explicitly and mapped to
 * {@code _id}; many-to-many as a join table on PostgreSQL and as id arrays on MongoDB), answers compared line by line.
 * Facet's PostgreSQL answers are Prisma 7's on these requests (tools/prisma-compare); where Prisma's semantics are the
 * same on both databases, MongoDB must answer the same. The lines that differ are listed with the reason (see
 * docs/prisma-comparison.md, "MongoDB").
 */
class MongoDifferentialTest extends MongoSuite {
    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    /** The suite, shared with tools/prisma-compare (where Prisma 7 answers on PostgreSQL and Facet on MongoDB). */
    static final Path SUITE = Path.of("..", "tools", "prisma-compare", "suites", "crossdb");

    private static String read(String name) throws IOException {
        Path file = SUITE.resolve(name);
        if (!Files.exists(file)) throw new IllegalStateException("the cross-database suite is missing: " + file.toAbsolutePath());
        return Files.readString(file);
    }

    /** @return the lines that differ on purpose, with the documented MongoDB difference (the suite's suite.json) */
    static Map<Integer, String> expectedDifferences() throws IOException {
        Map<Integer, String> out = new TreeMap<>();
        JsonCodec.parse(read("suite.json")).get("mongodbDifferences").properties()
                .forEach(e -> out.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
        return out;
    }

    /** The schema's models, without its datasource (each side brings its own). */
    private static String models(String name) throws IOException {
        return read(name).replaceFirst("(?s)datasource db \\{.*?}\\s*", "");
    }

    @Test
    void answersAsOnPostgresql() throws IOException {
        Map<Integer, String> expected = expectedDifferences();
        String sqlModels = models("schema.prisma");
        Schema pgSchema = SchemaLoader.load(new SourceFile("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n\n" + sqlModels))
                .schema().orElseThrow();
        SqlDatabase database = DBS.fresh(DbKind.POSTGRES).open();
        SchemaPusher.push(pgSchema, database);
        open(models("schema.mongodb.prisma"));
        Map<Integer, String> differences = new TreeMap<>();
        int compared = 0;
        try (QueryEngine pg = new QueryEngine(pgSchema, new SqlConnector(pgSchema, database.dataSource(), null, null))) {
            List<String> lines = read("requests.jsonl").lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("//")) continue;
                JsonNode request = JsonCodec.parse(line);
                String onPg = answer(pg, request);
                String onMongo = answer(engine, request);
                compared++;
                if (!onPg.equals(onMongo)) differences.put(i + 1, "postgresql " + onPg + "\n      mongodb    " + onMongo);
            }
        }
        differences.forEach((line, text) -> System.out.println("line " + line + ": " + expected.getOrDefault(line, "UNEXPECTED")
                + "\n      " + text));
        System.out.println("MongoDB against PostgreSQL: " + (compared - differences.size()) + " of " + compared + " answers identical");
        assertThat(differences.keySet()).isEqualTo(expected.keySet());
    }

    private static String answer(QueryEngine engine, JsonNode request) {
        try {
            JsonNode data = engine.execute(request.get("model").asText(), request.get("action").asText(), request.get("args"));
            return strip(data).toString();
        } catch (QueryError e) {
            return "{\"error\":\"" + e.code() + "\"}";
        }
    }

    /** Without the id arrays, which only the MongoDB schema has. */
    private static JsonNode strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(List.of("tagIds", "postIds"));
            o.forEach(MongoDifferentialTest::strip);
        } else if (n.isArray()) {
            n.forEach(MongoDifferentialTest::strip);
        }
        return n;
    }

}
