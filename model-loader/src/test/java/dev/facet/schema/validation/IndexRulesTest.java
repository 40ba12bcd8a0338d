package dev.facet.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.source.SourceFile;
import org.junit.jupiter.api.Nested;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Operator classes, clustering and MySQL key lengths, on small schemas of our own. */
class IndexRulesTest {

    private static LoadResult load(String provider, String models) {
        String text = "datasource db {\n  provider = \"" + provider + "\"\n  url      = env(\"DATABASE_URL\")\n}\n\n" + models;
        return SchemaLoader.load(new SourceFile("schema.prisma", text));
    }

    /** The datasource header above takes five lines, so the first model line is line 6. */
    private static final int FIRST = 6;

    @Nested
    class OperatorClasses {

        @Test
        void acceptsEachIndexTypeWithAFittingClass() {
            LoadResult r = load("postgresql", """
                    model Host {
                      id      Int      @id
                      address String   @db.Inet
                      tags    String[]
                      meta    Json
                      seen    Int
                      label   String   @db.VarChar(40)
                      blob    Bytes

                      @@index([address(ops: InetOps)], type: Gist)
                      @@index([tags(ops: ArrayOps)], type: Gin)
                      @@index([meta(ops: JsonbPathOps)], type: Gin)
                      @@index([seen(ops: Int4MinMaxMultiOps)], type: Brin)
                      @@index([label(ops: TextOps)], type: SpGist)
                      @@index([blob(ops: ByteaBloomOps)], type: Brin)
                    }
                    """);
            assertThat(r.errors()).isEmpty();
        }

        @Test
        void acceptsDefaultClassesAndRawOnes() {
            LoadResult r = load("postgresql", """
                    model Reading {
                      id    Int                   @id
                      taken DateTime              @db.Timestamptz(3)
                      ids   Int[]
                      note  String
                      shape Unsupported("circle")
                      level Decimal

                      @@index([taken], type: Brin)
                      @@index([ids], type: Gin)
                      @@index([note], type: SpGist)
                      @@index([shape(ops: raw("circle_ops"))], type: Gist)
                      @@index([level(ops: raw("anything"))], type: Hash)
                    }
                    """);
            assertThat(r.errors()).isEmpty();
        }

        /** Each row: one field, one index on it, and what Prisma says about the pair. */
        static Stream<Arguments> mismatches() {
            return Stream.of(
                    Arguments.of("address String @db.Inet", "address(ops: InetOps)], type: Brin",
                            "The given operator class `InetOps` is not supported with the `Brin` index type."),
                    // No named class belongs to BTree, the type of an index that names none.
                    Arguments.of("name String @db.Text", "name(ops: TextOps)]",
                            "The given operator class `TextOps` is not supported with the `BTree` index type."),
                    Arguments.of("at DateTime @db.Timestamp(6)", "at(ops: TimestampTzBloomOps)], type: Brin",
                            "The given operator class `TimestampTzBloomOps` does not support native type `Timestamp` of field `at`."),
                    Arguments.of("ref String", "ref(ops: UuidBloomOps)], type: Brin",
                            "The given operator class `UuidBloomOps` expects the field `ref` to define a valid native type."),
                    Arguments.of("count Int", "count(ops: Int8MinMaxOps)], type: Brin",
                            "The given operator class `Int8MinMaxOps` points to the field `count` that is not of BigInt type."),
                    Arguments.of("tag String", "tag(ops: ArrayOps)], type: Gin",
                            "The given operator class `ArrayOps` expects the type of field `tag` to be an array."),
                    // PostgreSQL's GiST has inet_ops, but not as inet's default class.
                    Arguments.of("address String @db.Inet", "address], type: Gist",
                            "The Gist index field type `Inet` has no default operator class."),
                    Arguments.of("on Boolean", "on], type: Brin",
                            "The Brin index type does not support the type of the field `on`."));
        }

        @ParameterizedTest
        @MethodSource("mismatches")
        void rejectsAClassOrTypeThatDoesNotFitTheField(String field, String index, String message) {
            LoadResult r = load("postgresql", "model M {\n  id Int @id\n  " + field + "\n\n  @@index([" + index + ")\n}\n");
            assertError(r, FIRST + 4, "Error parsing attribute \"@@index\": " + message);
        }

        @Test
        void spGistTakesOneColumn() {
            LoadResult r = load("postgresql", """
                    model Name {
                      id    Int    @id
                      first String
                      last  String

                      @@index([first, last], type: SpGist)
                    }
                    """);
            assertError(r, FIRST + 5, "Error parsing attribute \"@@index\": SpGist does not support multi-column indices.");
        }

        @Test
        void reportsAnUnknownClassWhereItIsWritten() {
            LoadResult r = load("postgresql", """
                    model Host {
                      id   Int    @id
                      name String

                      @@index([
                        name(ops: TextOpz)
                      ], type: SpGist)
                    }
                    """);
            assertError(r, FIRST + 5, "Unexpected token. Expected one of: Invalid operator class: TextOpz");
        }

        @Test
        void rawTakesOneString() {
            LoadResult r = load("postgresql", """
                    model Host {
                      id      Int    @id
                      address String

                      @@index([address(ops: raw(1))], type: Gist)
                    }
                    """);
            assertError(r, FIRST + 4, "Unexpected token. Expected one of: Invalid parameter type: expected string");
        }

        @Test
        void classesOnlyOnAPlainIndex() {
            LoadResult r = load("mysql", """
                    model Host {
                      id      Int    @id
                      address String @db.VarChar(64)

                      @@unique([address(ops: raw("x"))])
                    }
                    """);
            assertError(r, FIRST + 4,
                    "Error parsing attribute \"@@unique\": Operator classes can only be defined to fields in an @@index attribute.");
        }
    }

    @Nested
    class CockroachInvertedIndexes {

        @Test
        void takesArraysAndJsonLast() {
            LoadResult r = load("cockroachdb", """
                    model Doc {
                      id   BigInt   @id
                      tags String[]
                      data Json

                      @@index([tags, data], type: Gin)
                    }
                    """);
            assertThat(r.errors()).isEmpty();
        }

        @Test
        void rejectsJsonBeforeTheLastColumnAndPlainScalars() {
            LoadResult r = load("cockroachdb", """
                    model Doc {
                      id    BigInt @id
                      data  Json
                      title String

                      @@index([data, title], type: Gin)
                    }
                    """);
            assertThat(r.errors()).extracting(Diagnostic::message).containsExactly(
                    "Error parsing attribute \"@@index\": A `Json` column is only allowed as the last column of an inverted index.",
                    "Error parsing attribute \"@@index\": The Gin index type does not support the type of the field `title`.");
        }

        @Test
        void takesNoOperatorClass() {
            LoadResult r = load("cockroachdb", """
                    model Doc {
                      id   BigInt @id
                      data Json

                      @@index([data(ops: JsonbPathOps)], type: Gin)
                    }
                    """);
            assertError(r, FIRST + 4,
                    "Error parsing attribute \"@@index\": Custom operator classes are not supported with the current connector.");
        }
    }

    @Nested
    class Clustering {

        @Test
        void aNonClusteredIdLeavesRoomForAClusteredIndex() {
            LoadResult r = load("sqlserver", """
                    model Order {
                      id     Int @id(clustered: false)
                      placed Int

                      @@index([placed], clustered: true)
                    }
                    """);
            assertThat(r.errors()).isEmpty();
        }

        @Test
        void theIdIsClusteredByDefault() {
            LoadResult r = load("sqlserver", """
                    model Order {
                      id     Int @id
                      number Int @unique(clustered: true)
                    }
                    """);
            assertThat(r.errors()).extracting(d -> d.span().line(), Diagnostic::message).containsExactly(
                    tuple(FIRST + 1, "Error parsing attribute \"@id\": A model can only hold one clustered index or id."),
                    tuple(FIRST + 2, "Error parsing attribute \"@unique\": A model can only hold one clustered index or key."));
        }

        @Test
        void aCompoundIdCountsToo() {
            LoadResult r = load("sqlserver", """
                    model Line {
                      order Int
                      pos   Int
                      sku   Int

                      @@id([order, pos], clustered: true)
                      @@index([sku], clustered: true)
                    }
                    """);
            assertThat(r.errors()).extracting(d -> d.span().line(), Diagnostic::message).containsExactly(
                    tuple(FIRST + 5, "Error parsing attribute \"@@id\": A model can only hold one clustered index or id."),
                    tuple(FIRST + 6, "Error parsing attribute \"@@index\": A model can only hold one clustered index or key."));
        }

        @Test
        void twoClusteredIndexesBothReport() {
            LoadResult r = load("sqlserver", """
                    model Order {
                      id     Int @id(clustered: false)
                      placed Int
                      number Int

                      @@index([placed], clustered: true)
                      @@unique([number], clustered: true)
                    }
                    """);
            assertThat(r.errors()).extracting(d -> d.span().line(), Diagnostic::message).containsExactly(
                    tuple(FIRST + 5, "Error parsing attribute \"@@index\": A model can only hold one clustered index."),
                    tuple(FIRST + 6, "Error parsing attribute \"@@unique\": A model can only hold one clustered index."));
        }
    }

    @Nested
    class NativeTypesInKeys {

        @Test
        void postgresXmlCannotBeUnique() {
            LoadResult r = load("postgresql", """
                    model Doc {
                      id   Int    @id
                      body String @db.Xml @unique
                    }
                    """);
            assertError(r, FIRST + 2, "Native type `Xml` cannot be unique in Postgres.");
        }

        @Test
        void aMysqlTextIdNeedsALength() {
            LoadResult r = load("mysql", """
                    model Page {
                      slug String @id @db.LongText
                    }
                    """);
            assertError(r, FIRST + 1, "Native type `LongText` of MySQL cannot be used on a field that is `@id` or `@@id`. "
                    + "Please use the `length` argument to the field in the index definition to allow this.");
        }

        @Test
        void aMysqlBlobIndexNeedsALength() {
            LoadResult r = load("mysql", """
                    model File {
                      id   Int   @id
                      data Bytes @db.MediumBlob

                      @@index([id, data])
                    }
                    """);
            assertError(r, FIRST + 4, "You cannot define an index on fields with native type `MediumBlob` of MySQL. "
                    + "Please use the `length` argument to the field in the index definition to allow this.");
        }

        @Test
        void aLengthOrAFulltextIndexIsFine() {
            LoadResult r = load("mysql", """
                    model Page {
                      slug  String @id(length: 191) @db.Text
                      title String @db.TinyText
                      body  String @db.MediumText
                      hash  Bytes  @db.Blob

                      @@unique([title(length: 100), hash(length: 32)])
                      @@fulltext([body])
                    }
                    """);
            assertThat(r.errors()).isEmpty();
        }

        @Test
        void otherTypesNeedNoLength() {
            LoadResult r = load("mysql", """
                    model Page {
                      slug String @id @db.VarChar(191)
                      tag  String @unique
                    }
                    """);
            assertThat(r.errors()).isEmpty();
        }
    }

    private static void assertError(LoadResult r, int line, String message) {
        assertThat(r.errors()).extracting(d -> d.span().line(), Diagnostic::message).containsExactly(tuple(line, message));
    }
}
