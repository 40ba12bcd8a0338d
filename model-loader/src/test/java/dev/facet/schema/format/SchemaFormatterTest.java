package dev.facet.schema.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaFormatterTest {
    private static final SchemaFormatter FORMATTER = new SchemaFormatter();

    /** Formats, and checks on the way that the output is a fixed point. */
    private static String format(String schema) {
        FormatResult result = FORMATTER.format(new SourceFile("schema.prisma", schema));
        assertThat(result.isFormatted()).as("formatted; diagnostics %s", result.diagnostics()).isTrue();
        String text = result.files().getFirst().text();
        FormatResult again = FORMATTER.format(new SourceFile("schema.prisma", text));
        assertThat(again.files().getFirst().text()).as("formatting twice").isEqualTo(text);
        return text;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaFormatterTest.class.getResourceAsStream("/format/golden/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class GoldenFiles {
        @ParameterizedTest
        @ValueSource(strings = {"bookshop", "library-relations"})
        void formatAsExpected(String name) throws IOException {
            assertThat(format(resource(name + ".prisma"))).isEqualTo(resource(name + ".formatted.prisma"));
        }

        @Test
        void formattingKeepsTheMeaning() throws IOException {
            String input = resource("bookshop.prisma");
            assertThat(SchemaShape.of(format(input))).isEqualTo(SchemaShape.of(input));
        }

        @Test
        void relationCompletionOnlyAdds() throws IOException {
            String input = resource("library-relations.prisma");
            SchemaShape before = SchemaShape.of(input);
            SchemaShape after = SchemaShape.of(format(input));
            assertThat(after.comments()).isEqualTo(before.comments());
            assertThat(after.blocks()).hasSameSizeAs(before.blocks());
            // Untouched blocks stay identical; the others only gain fields and relation arguments.
            assertThat(after.blocks()).contains(before.blocks().stream()
                    .filter(b -> b.startsWith("MODEL Reader") || b.startsWith("MODEL Club")).toArray(String[]::new));
        }
    }

    @Nested
    class Layout {
        @Test
        void alignsNameTypeAndAttributeColumns() {
            assertThat(format("""
                    model Shelf {
                      id Int @id
                      label String @unique
                      capacity Int? @default(40)
                    }
                    """)).isEqualTo("""
                    model Shelf {
                      id       Int    @id
                      label    String @unique
                      capacity Int?   @default(40)
                    }
                    """);
        }

        @Test
        void alignmentRestartsAfterAnEmptyLineButNotAfterAComment() {
            assertThat(format("""
                    model Shelf {
                      id Int @id
                      // physical position
                      aisleNumber Int


                      x Float
                      y Float
                    }
                    """)).isEqualTo("""
                    model Shelf {
                      id          Int @id
                      // physical position
                      aisleNumber Int

                      x Float
                      y Float
                    }
                    """);
        }

        @Test
        void alignsEqualsSignsInConfigurationBlocks() {
            assertThat(format("""
                    datasource db {
                    \tprovider\t= "sqlite"
                      url = "file:shop.db" // local only
                      relationMode = "prisma"
                    }
                    """)).isEqualTo("""
                    datasource db {
                      provider     = "sqlite"
                      url          = "file:shop.db" // local only
                      relationMode = "prisma"
                    }
                    """);
        }

        @Test
        void trailingCommentsDoNotWidenColumns() {
            assertThat(format("""
                    enum Shipping {
                      POST @map("p")   // cheapest
                      COURIER @map("courier_express") // fastest
                    }
                    """)).isEqualTo("""
                    enum Shipping {
                      POST    @map("p") // cheapest
                      COURIER @map("courier_express") // fastest
                    }
                    """);
        }

        @Test
        void emptyLinesCollapseAndBlocksAreSeparatedByOne() {
            assertThat(format("""


                    model A {


                      id Int @id



                      name String


                    }
                    model B {
                      id Int @id
                    }



                    // trailing note


                    """)).isEqualTo("""
                    model A {
                      id Int @id

                      name String
                    }

                    model B {
                      id Int @id
                    }

                    // trailing note
                    """);
        }

        @Test
        void canonicalisesArgumentSpacingAndLegacySyntax() {
            assertThat(format("""
                    model Review {
                      id: Int @id @default(    autoincrement( ))
                      score Int!
                      tags [String]
                      bookIsbn String @db.VarChar( 13 )
                      @@index(fields: [ score,bookIsbn ], map: "by_score",)
                    }
                    """)).isEqualTo("""
                    model Review {
                      id       Int      @id @default(autoincrement())
                      score    Int
                      tags     String[]
                      bookIsbn String   @db.VarChar(13)

                      @@index(fields: [score, bookIsbn], map: "by_score")
                    }
                    """);
        }

        @Test
        void keepsStringLiteralsExactlyAsWritten() {
            assertThat(format("""
                    model Quote {
                      text String @default("say \\"hi\\"\\n")
                    }
                    """)).contains("@default(\"say \\\"hi\\\"\\n\")");
        }

        @Test
        void measuresColumnsInUtf8BytesAsPrismaDoes() {
            assertThat(format("""
                    model Legacy {
                      a Unsupported("é")
                      bb Int
                    }
                    """)).isEqualTo("""
                    model Legacy {
                      a  Unsupported("é")
                      bb Int
                    }
                    """).contains("bb Int\n");
        }

        @Test
        void emptyBlocksAndAMissingFinalNewline() {
            assertThat(format("model Empty {}\ngenerator g {\n}")).isEqualTo("model Empty {\n}\n\ngenerator g {\n}\n");
            assertThat(format("")).isEqualTo("\n");
        }

        @Test
        void keepsWindowsLineEndings() {
            assertThat(format("model A {\r\n  id Int @id\r\n  name String\r\n}"))
                    .isEqualTo("model A {\r\n  id   Int    @id\r\n  name String\r\n}\r\n");
        }
    }

    @Nested
    class AttributeOrder {
        @Test
        void fieldAttributesFollowPrismasOrder() {
            assertThat(format("""
                    model Copy {
                      id Int @map("copy_id") @default(autoincrement()) @id
                      barcode String @db.Char(12) @unique @map("bar")
                      shelvedAt DateTime @updatedAt @default(now())
                    }
                    """)).isEqualTo("""
                    model Copy {
                      id        Int      @id @default(autoincrement()) @map("copy_id")
                      barcode   String   @unique @map("bar") @db.Char(12)
                      shelvedAt DateTime @default(now()) @updatedAt
                    }
                    """);
        }

        @Test
        void blockAttributesMoveToTheEndInPrismasOrder() {
            assertThat(format("""
                    model Edition {
                      @@schema("catalogue")
                      isbn String
                      @@map("editions")
                      year Int
                      @@index([year])
                      @@unique([isbn, year])
                      @@id([isbn])
                    }
                    """)).isEqualTo("""
                    model Edition {
                      isbn String
                      year Int

                      @@id([isbn])
                      @@unique([isbn, year])
                      @@index([year])
                      @@map("editions")
                      @@schema("catalogue")
                    }
                    """);
        }
    }

    @Nested
    class CommentsAreKept {
        @Test
        void commentsAboveABlockAttributeMoveWithIt() {
            assertThat(format("""
                    model Loan {
                      id Int @id
                      // one loan per copy and day
                      @@unique([id, day]) // enforced by the db

                      day DateTime
                      // kept in the field section

                      @@map("loans")
                    }
                    """)).isEqualTo("""
                    model Loan {
                      id Int @id

                      day DateTime
                      // kept in the field section

                      // one loan per copy and day
                      @@unique([id, day]) // enforced by the db
                      @@map("loans")
                    }
                    """);
        }

        @Test
        void blockCommentsOnTheirOwnLineBecomeCanonicalTrailingOnesStayAsWritten() {
            assertThat(format("""
                    /* Members
                       * and their cards */
                    model Member {
                      /*internal*/
                      id Int @id /* surrogate */
                    }
                    """)).isEqualTo("""
                    /**
                     * Members
                     * and their cards
                     */
                    model Member {
                      /**
                       * internal
                       */
                      id Int @id /* surrogate */
                    }
                    """);
        }

        @Test
        void documentationCommentsStayAsWritten() {
            assertThat(format("""
                    ///A shelf.
                    ///   Indented doc.
                    model Shelf {
                      ///  The id.
                      id Int @id
                    }
                    """)).isEqualTo("""
                    ///A shelf.
                    ///   Indented doc.
                    model Shelf {
                      ///  The id.
                      id Int @id
                    }
                    """);
        }

        @Test
        void commentsNextToBracesAreKept() {
            assertThat(format("""
                    model Shelf { // opened here
                      id Int @id
                    } // closed here
                    model Aisle {
                      id Int @id
                    }
                    """)).isEqualTo("""
                    model Shelf {
                      // opened here
                      id Int @id
                    } // closed here

                    model Aisle {
                      id Int @id
                    }
                    """);
        }

        @Test
        void commentsInsideArgumentsSpreadOverLinesJoinTheTrailingComment() {
            assertThat(format("""
                    generator client {
                      provider = "prisma-client"
                      binaryTargets = [
                        "native", // laptops
                        "debian-openssl-3.0.x"
                      ] // servers
                    }

                    model Hold {
                      id Int @id
                      note String
                      @@index([
                        id, // "not // a string"
                        note
                      ])
                    }
                    """)).isEqualTo("""
                    generator client {
                      provider      = "prisma-client"
                      binaryTargets = ["native", "debian-openssl-3.0.x"] // laptops // servers
                    }

                    model Hold {
                      id   Int    @id
                      note String

                      @@index([id, note]) // "not // a string"
                    }
                    """);
        }

        @Test
        void textAfterTheOpeningBraceStaysOnItsLine() {
            // The parser skips it; on a line of its own it would become a field.
            assertThat(format("model Hold { id Int @id\n  note String\n}\n"))
                    .isEqualTo("model Hold { id Int @id\n  note String\n}\n");
        }

        @Test
        void freeStandingCommentsKeepTheirEmptyLines() {
            assertThat(format("""
                    // heading

                    // about A
                    model A {
                      id Int @id
                    }
                    // about B
                    model B {
                      id Int @id
                    }
                    """)).isEqualTo("""
                    // heading

                    // about A
                    model A {
                      id Int @id
                    }

                    // about B
                    model B {
                      id Int @id
                    }
                    """);
        }
    }

    @Nested
    class SyntaxErrors {
        private static final String BROKEN = """
                model Shelf {
                  id Int @id
                  this is not a field
                  label String
                }
                """;

        @Test
        void aSchemaWithSyntaxErrorsIsNotFormatted() {
            FormatResult result = FORMATTER.format(new SourceFile("schema.prisma", BROKEN));
            assertThat(result.isFormatted()).isFalse();
            assertThat(result.files()).isEmpty();
            assertThat(result.errors()).singleElement().satisfies(e -> {
                assertThat(e.message()).isEqualTo(Messages.invalidBlockLine(dev.facet.schema.ast.BlockKind.MODEL));
                assertThat(e.span().line()).isEqualTo(3);
            });
        }

        @Test
        void onRequestInvalidLinesAreKeptVerbatimAndDoNotAffectTheLayout() {
            FormatResult result = new SchemaFormatter(SchemaFormatter.SyntaxErrors.KEEP_INVALID_LINES)
                    .format(new SourceFile("schema.prisma", BROKEN + "garbage at the top level\n"));
            assertThat(result.isFormatted()).isTrue();
            assertThat(result.errors()).hasSize(2);
            assertThat(result.files().getFirst().text()).isEqualTo("""
                    model Shelf {
                      id    Int    @id
                      this is not a field
                      label String
                    }

                    garbage at the top level
                    """);
        }

        @Test
        void keepingInvalidLinesAddsNoRelations() {
            String schema = "model A {\n  id Int @id\n  b B\n  ???\n}\n\nmodel B {\n  id Int @id\n}\n";
            FormatResult result = new SchemaFormatter(SchemaFormatter.SyntaxErrors.KEEP_INVALID_LINES)
                    .format(new SourceFile("schema.prisma", schema));
            assertThat(result.files().getFirst().text()).doesNotContain("@relation").doesNotContain("as A[]");
        }

        @Test
        void otherSyntaxErrorsRefuseEvenWhenKeepingInvalidLines() {
            SchemaFormatter lenient = new SchemaFormatter(SchemaFormatter.SyntaxErrors.KEEP_INVALID_LINES);
            assertThat(lenient.format(new SourceFile("a.prisma", "model A {\n  id Int @id\n")).isFormatted()).isFalse();
            assertThat(lenient.format(new SourceFile("b.prisma", "model B {\n  s String @default(\"open\n}\n")).isFormatted()).isFalse();
        }

        @Test
        void anErrorInOneFileStopsTheWholeSchema() {
            FormatResult result = FORMATTER.format(List.of(
                    new SourceFile("good.prisma", "model A {\n  id Int @id\n}\n"),
                    new SourceFile("bad.prisma", "modle B {\n}\n")));
            assertThat(result.isFormatted()).isFalse();
            assertThat(result.errors()).extracting(e -> e.span().file().name()).containsOnly("bad.prisma");
        }
    }

    @Nested
    class Relations {
        @Test
        void completesARelationAcrossFiles() {
            SourceFile members = new SourceFile("members.prisma", "model Member {\n  id Int @id\n  branch Branch\n}\n");
            SourceFile branches = new SourceFile("branches.prisma", "model Branch {\n  code String @id\n}\n");
            FormatResult result = FORMATTER.format(List.of(members, branches));
            assertThat(result.text(members)).hasValue("""
                    model Member {
                      id         Int    @id
                      branch     Branch @relation(fields: [branchCode], references: [code])
                      branchCode String
                    }
                    """);
            assertThat(result.text(branches)).hasValue("""
                    model Branch {
                      code    String   @id
                      members Member[]
                    }
                    """);
        }

        @Test
        void addsMissingRelationArgumentsAfterTheWrittenOnes() {
            assertThat(format("""
                    model Fine {
                      id Int @id
                      loanId Int
                      loan Loan @relation("late", references: [id])
                    }

                    model Loan {
                      id Int @id
                      fines Fine[] @relation("late")
                    }
                    """)).contains("loan   Loan @relation(\"late\", references: [id], fields: [loanId])");
        }

        @Test
        void namesOneToOneBackFieldsInTheSingular() {
            assertThat(format("""
                    model Card {
                      id Int @id
                      ownerId Int @unique
                      owner Person @relation(fields: [ownerId], references: [id])
                    }

                    model Person {
                      id Int @id
                    }
                    """)).contains("""
                    model Person {
                      id   Int   @id
                      card Card?
                    }
                    """);
        }

        @Test
        void leavesCompleteAndManyToManyRelationsAlone() {
            String schema = """
                    model Reader {
                      id    Int    @id
                      clubs Club[]
                    }

                    model Club {
                      id      Int      @id
                      readers Reader[]
                      owner   Reader?  @relation("owner", fields: [ownerId], references: [id])
                      ownerId Int?
                    }
                    """;
            String withBackField = schema.replace("  clubs Club[]\n", "  clubs Club[]\n  owned Club[]  @relation(\"owner\")\n");
            assertThat(format(withBackField)).isEqualTo("""
                    model Reader {
                      id    Int    @id
                      clubs Club[]
                      owned Club[] @relation("owner")
                    }

                    model Club {
                      id      Int      @id
                      readers Reader[]
                      owner   Reader?  @relation("owner", fields: [ownerId], references: [id])
                      ownerId Int?
                    }
                    """);
        }

        @Test
        void addsNothingWhenATypeDoesNotResolve() {
            String schema = "model A {\n  id Int @id\n  b B\n  c Missing\n}\n\nmodel B {\n  id Int @id\n}\n";
            assertThat(format(schema)).isEqualTo("model A {\n  id Int     @id\n  b  B\n  c  Missing\n}\n\nmodel B {\n  id Int @id\n}\n");
        }

        @Test
        void addsNothingForAmbiguousRelations() {
            String schema = "model A {\n  id Int @id\n  first B\n  second B\n}\n\nmodel B {\n  id Int @id\n}\n";
            assertThat(format(schema)).doesNotContain("@relation").doesNotContain("as A[]");
        }
    }

    @Test
    void formattedFileTellsWhetherItChanged() {
        FormatResult result = FORMATTER.format(List.of(
                new SourceFile("a.prisma", "model A {\n  id Int @id\n}\n"),
                new SourceFile("b.prisma", "model B {\n  id    Int @id\n}\n")));
        assertThat(result.files()).extracting(FormattedFile::changed).containsExactly(false, true);
    }
}
