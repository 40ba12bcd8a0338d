package dev.facet.data.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.drift.SchemaDrift.Difference;
import dev.facet.data.drift.SchemaDrift.Kind;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Drift on real databases: a database made by {@code facet push} from one schema, compared with another schema that
 * differs from it in every way drift reports; a pushed schema compared with itself is in step; and a model with a
 * missing column still reads and writes its other fields.
 */
class SchemaDriftTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    /** The database as it is: a migration behind the project's schema. */
    private static final String DATABASE = """
            datasource db {
              provider = "%s"
            }
            %s
            model Person {
              id    Int     @id @default(autoincrement())
              name  String?
              email String
              age   String?
              extra String?
              %s
              posts Post[]
            }
            model Post {
              id       Int    @id @default(autoincrement())
              title    String
              authorId Int
              author   Person @relation(fields: [authorId], references: [id])
            }
            """;

    /** The project's schema. */
    private static final String PROJECT = """
            datasource db {
              provider = "%s"
            }
            %s
            model Person {
              id       Int     @id @default(autoincrement())
              name     String
              nickname String? // added by a colleague
              email    String  @unique
              age      Int?
              %s
              posts    Post[]
            }
            model Post {
              id       Int    @id @default(autoincrement())
              title    String
              authorId Int
              author   Person @relation(fields: [authorId], references: [id])
            }
            model Tag {
              id Int @id
            }
            """;

    private static String provider(DbKind kind) {
        return switch (kind) { case POSTGRES -> "postgresql"; case MYSQL -> "mysql"; case SQLITE -> "sqlite"; };
    }

    private static Schema load(String name, String text) {
        LoadResult r = SchemaLoader.load(new SourceFile(name, text));
        assertThat(r.errors()).as(text).isEmpty();
        return r.schema().orElseThrow();
    }

    private static Schema databaseSchema(DbKind kind) {
        boolean enums = kind != DbKind.SQLITE;
        return load("db.prisma", DATABASE.formatted(provider(kind), enums ? "enum Role {\n  USER\n}" : "",
                enums ? "role Role @default(USER)\n  mood String?" : ""));
    }

    private static String projectText(DbKind kind) {
        boolean enums = kind != DbKind.SQLITE;
        return PROJECT.formatted(provider(kind), enums ? "enum Role {\n  USER\n  ADMIN\n}\nenum Mood {\n  HAPPY\n}" : "",
                enums ? "role     Role @default(USER)\n  mood     Mood?" : "");
    }

    private static SqlDatabase pushed(DbKind kind, Schema schema) {
        SqlDatabase db = DBS.fresh(kind).open();
        SchemaPusher.push(schema, db);
        return db;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void everyKindOfDifferenceIsReportedPerModel(DbKind kind) {
        SqlDatabase db = pushed(kind, databaseSchema(kind));
        Schema project = load("schema.prisma", projectText(kind));
        SchemaDrift drift = new SqlConnector(project, db.dataSource(), db, null).drift().orElseThrow();

        assertThat(drift.models()).extracting(SchemaDrift.ModelDrift::model).containsExactly("Person", "Tag");
        assertThat(drift.model("Tag").tableMissing()).isTrue();
        assertThat(drift.model("Tag").differences()).extracting(Difference::message).containsExactly("table \"Tag\" is missing in the database");

        SchemaDrift.ModelDrift person = drift.model("Person");
        assertThat(person.tableMissing()).isFalse();
        assertThat(person.missingFields()).containsExactly("nickname");
        Map<Kind, List<String>> byKind = new java.util.EnumMap<>(Kind.class);
        for (Difference d : person.differences()) byKind.computeIfAbsent(d.kind(), k -> new java.util.ArrayList<>()).add(d.message());
        assertThat(byKind.get(Kind.MISSING_COLUMN)).containsExactly("column \"nickname\" of field nickname is missing in the database");
        assertThat(byKind.get(Kind.OPTIONALITY_MISMATCH)).containsExactly("field name is required in the schema, but column \"name\" accepts NULL");
        assertThat(byKind.get(Kind.TYPE_MISMATCH).getFirst()).startsWith("field age is Int? in the schema, but column \"age\" is String".replace("Int?", "Int"));
        assertThat(byKind.get(Kind.UNKNOWN_COLUMN)).containsExactly("column \"extra\" (" + "String"
                + ") is not in the schema");
        assertThat(byKind.get(Kind.MISSING_INDEX)).hasSize(1).first().asString().startsWith("unique constraint").endsWith("on email is missing in the database");
        if (kind == DbKind.SQLITE) {
            assertThat(byKind).doesNotContainKeys(Kind.MISSING_ENUM, Kind.MISSING_ENUM_VALUE);
            return;
        }
        assertThat(byKind.get(Kind.MISSING_ENUM_VALUE)).containsExactly("field role: the enum Role has the value ADMIN that column \"role\" does not accept");
        if (kind == DbKind.POSTGRES) {
            assertThat(byKind.get(Kind.MISSING_ENUM)).containsExactly(
                    "field mood is the enum Mood in the schema, but the enum type \"Mood\" is missing in the database, and column \"mood\" is String");
        } else {
            // MySQL's enums are column types: a text column where the schema has an enum is a type difference.
            assertThat(byKind.get(Kind.TYPE_MISMATCH)).anyMatch(m -> m.startsWith("field mood is the enum Mood in the schema, but column \"mood\" is String"));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aPushedSchemaIsInStepWithItsDatabase(DbKind kind) throws Exception {
        String file = switch (kind) { case POSTGRES -> "postgresql"; case MYSQL -> "mysql"; case SQLITE -> "sqlite"; };
        Schema schema = load("schema.prisma", Files.readString(Path.of("src/test/resources/push/" + file + ".prisma")));
        SqlDatabase db = pushed(kind, schema);
        SchemaDrift drift = new SqlConnector(schema, db.dataSource(), db, null).drift().orElseThrow();
        assertThat(drift.models()).isEmpty();
        assertThat(drift.inStep()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aModelWithAMissingColumnStillReadsAndWritesItsOtherFields(DbKind kind) {
        SqlDatabase db = pushed(kind, databaseSchema(kind));
        String text = projectText(kind);
        Schema project = load("schema.prisma", text);
        SchemaDrift drift = new SqlConnector(project, db.dataSource(), db, null).drift().orElseThrow();

        DriftTolerance.Result tolerated = DriftTolerance.tolerate(project, List.of(new SourceFile("schema.prisma", text)), drift);
        assertThat(tolerated.unavailable()).containsOnlyKeys("Tag");
        assertThat(tolerated.unavailable().get("Tag")).isEqualTo("its table \"Tag\" is missing in the database");
        assertThat(tolerated.schema().model("Person").field("nickname").ignored()).isTrue();

        QueryEngine engine = new QueryEngine(tolerated.schema(), new SqlConnector(tolerated.schema(), db.dataSource(), null, null));
        engine.execute("Person", "create", JsonCodec.parse("{\"data\": {\"name\": \"Ada\", \"email\": \"ada@x\"" + (kind == DbKind.SQLITE ? "" : ", \"role\": \"USER\"") + "}}"));
        JsonNode rows = engine.execute("Person", "findMany", JsonCodec.parse("{\"select\": {\"name\": true, \"email\": true}}"));
        assertThat(rows.toString()).isEqualTo("[{\"name\":\"Ada\",\"email\":\"ada@x\"}]");
        JsonNode all = engine.execute("Person", "findMany", JsonCodec.parse("{\"include\": {\"_count\": {\"select\": {\"posts\": true}}}}"));
        assertThat(all.get(0).has("nickname")).isFalse();
        assertThat(all.get(0).get("name").asText()).isEqualTo("Ada");
        engine.execute("Person", "updateMany", JsonCodec.parse("{\"data\": {\"email\": \"ada@y\"}}"));
        assertThat(engine.execute("Person", "count", null).asLong()).isEqualTo(1);
    }
}
