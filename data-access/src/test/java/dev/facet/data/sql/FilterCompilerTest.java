package dev.facet.data.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.facet.data.args.ReadArguments;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The filter compiler on its own, without a database: the SQL text and bound values each filter becomes, per
 * database. The behaviour suites show that the answers are Prisma's; these show the statement shapes those answers
 * rest on (Prisma's Json type checks, its LIKE without escaping, EXISTS for relation filters), so that a change in a
 * shape is seen here first.
 */
class FilterCompilerTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES).build();
    private static final String MODELS = """
            model User {
              id      Int     @id @default(autoincrement())
              email   String  @unique
              profile Json?
              posts   Post[]
              groups  Group[]
            }
            model Post {
              id       Int    @id @default(autoincrement())
              title    String
              authorId Int
              author   User   @relation(fields: [authorId], references: [id])
            }
            model Group {
              id    Int    @id
              users User[]
            }
            """;

    @Test
    void textFiltersGoToLikeAsTheyAreAndInsensitiveOnesAsTheDatabaseSpellsThem() {
        assertThat(compile("postgresql", "{email: {contains: 'a_b'}}")).isEqualTo("t0.\"email\" LIKE ? [%a_b%]");
        assertThat(compile("postgresql", "{email: {startsWith: 'A', mode: 'insensitive'}}")).isEqualTo("t0.\"email\"::text ILIKE ? [A%]");
        assertThat(compile("mysql", "{email: {endsWith: 'z'}}")).isEqualTo("t0.`email` LIKE ? [%z]");
        assertThat(compile("sqlite", "{email: {not: {contains: 'x'}}}")).isEqualTo("NOT (t0.\"email\" LIKE ?) [%x%]");
    }

    @Test
    void jsonComparisonsCheckTheValuesTypeAndANegationTurnsTheCheckAround() {
        assertThat(compile("mysql", "{profile: {path: '$.words', gt: 100}}")).isEqualTo("(JSON_EXTRACT(t0.`profile`, ?) > ? AND "
                + "(JSON_TYPE(JSON_EXTRACT(t0.`profile`, ?)) = 'INTEGER' OR JSON_TYPE(JSON_EXTRACT(t0.`profile`, ?)) = 'DOUBLE')) [$.words, 100, $.words, $.words]");
        assertThat(compile("postgresql", "{profile: {path: ['words'], gt: 100}}")).isEqualTo("((t0.\"profile\"#>ARRAY[?]::text[]) > CAST(? AS jsonb) AND "
                + "JSONB_TYPEOF((t0.\"profile\"#>ARRAY[?]::text[])) = 'number') [words, 100, words]");
        assertThat(compile("postgresql", "{NOT: {profile: {path: ['words'], gt: 100}}}")).isEqualTo("NOT (((t0.\"profile\"#>ARRAY[?]::text[]) > CAST(? AS jsonb) OR "
                + "JSONB_TYPEOF((t0.\"profile\"#>ARRAY[?]::text[])) != 'number')) [words, 100, words]");
    }

    @Test
    void relationFiltersAreExistsSubqueriesAndEveryIsNoRowFailingTheCondition() {
        assertThat(compile("sqlite", "{posts: {every: {title: 'a'}}}"))
                .isEqualTo("NOT EXISTS (SELECT 1 FROM \"Post\" t1 WHERE t1.\"authorId\" = t0.\"id\" AND NOT (t1.\"title\" = ?)) [a]");
        assertThat(compile("sqlite", "{groups: {some: {id: 3}}}")).isEqualTo("EXISTS (SELECT 1 FROM \"_GroupToUser\" t2 JOIN \"Group\" t1 "
                + "ON t1.\"id\" = t2.\"A\" WHERE t2.\"B\" = t0.\"id\" AND t1.\"id\" = ?) [3]");
        assertThat(compile("postgresql", "{posts: {none: {}}}")).isEqualTo("NOT EXISTS (SELECT 1 FROM \"Post\" t1 WHERE t1.\"authorId\" = t0.\"id\") []");
    }

    @Test
    void anEmptyInMatchesNothingAndALongOneIsOneArrayOnPostgres() {
        assertThat(compile("sqlite", "{id: {in: []}}")).isEqualTo("1=0 []");
        String many = IntStream.range(0, FilterCompiler.LONG_LIST + 1).mapToObj(Integer::toString).reduce((a, b) -> a + "," + b).orElseThrow();
        assertThat(compile("postgresql", "{id: {in: [" + many + "]}}").replaceAll("\\[\\[.*]]", "[[...]]")).isEqualTo("t0.\"id\" = ANY(?) [[...]]");
        assertThat(compile("mysql", "{id: {in: [1, 2]}}")).isEqualTo("t0.`id` IN (?, ?) [1, 2]");
    }

    private static String compile(String provider, String where) {
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", "datasource db {\n  provider = \"" + provider + "\"\n}\n" + MODELS))
                .schema().orElseThrow();
        SqlDialect dialect = SqlDialect.of(schema);
        try {
            var filter = new ReadArguments(schema, dialect.capabilities()).where(schema.model("User"), JSON.readTree(where), "where");
            Sql out = new Sql();
            new FilterCompiler(schema, dialect).compile(filter, schema.model("User"), "t0", out);
            return out.text() + " " + out.params().stream().map(p -> String.valueOf(p.value())).toList();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(where, e);
        }
    }
}
