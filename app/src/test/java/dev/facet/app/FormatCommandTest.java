package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FormatCommandTest {
    private static final String MESSY = "model Shelf {\n  id Int @id\n  label String @unique\n}\n";
    private static final String TIDY = "model Shelf {\n  id    Int    @id\n  label String @unique\n}\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int facet(String... args) {
        CommandLine cli = FacetCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsTheFormattedFileAndLeavesItAlone() throws IOException {
        Path schema = Files.writeString(dir.resolve("schema.prisma"), MESSY);
        assertThat(facet("format", schema.toString())).isZero();
        assertThat(out.toString()).isEqualTo(TIDY);
        assertThat(err.toString()).isEmpty();
        assertThat(Files.readString(schema)).isEqualTo(MESSY);
    }

    @Test
    void writeRewritesEveryFileOfAFolderInPlace() throws IOException {
        Path shelf = Files.writeString(dir.resolve("shelf.prisma"), MESSY);
        Path book = Files.writeString(dir.resolve("book.prisma"), "model Book {\n  id Int @id\n  shelf Shelf\n}\n");
        Path tidy = Files.writeString(dir.resolve("tidy.prisma"), "// nothing to do\n");
        assertThat(facet("format", dir.toString(), "--write")).isZero();
        assertThat(Files.readString(shelf)).isEqualTo("""
                model Shelf {
                  id    Int    @id
                  label String @unique
                  books Book[]
                }
                """);
        assertThat(Files.readString(book)).isEqualTo("""
                model Book {
                  id      Int   @id
                  shelf   Shelf @relation(fields: [shelfId], references: [id])
                  shelfId Int
                }
                """);
        assertThat(out.toString()).isEqualTo("Formatted " + book + "\nFormatted " + shelf + "\nUnchanged " + tidy + "\n");
    }

    @Test
    void printsEachFileOfAFolderUnderItsName() throws IOException {
        Path a = Files.writeString(dir.resolve("a.prisma"), "model A {\n  id Int @id\n}");
        Path b = Files.writeString(dir.resolve("b.prisma"), MESSY);
        assertThat(facet("format", dir.toString())).isZero();
        assertThat(out.toString()).isEqualTo("// " + a + "\nmodel A {\n  id Int @id\n}\n\n// " + b + "\n" + TIDY);
    }

    @Test
    void syntaxErrorsAreReportedAndNothingIsWritten() throws IOException {
        String broken = "model Shelf {\n  id Int @id\n  what is this\n}\n";
        Path schema = Files.writeString(dir.resolve("schema.prisma"), broken);
        assertThat(facet("format", schema.toString(), "--write")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .startsWith("error: Error validating: This line is not a valid field or attribute definition.\n"
                        + "  -->  " + schema + ":3\n")
                .contains(" 3 |   what is this\n")
                .endsWith("The schema was not formatted: it has 1 syntax error. Fix it and format again.\n");
        assertThat(Files.readString(schema)).isEqualTo(broken);
    }

    @Test
    void aMissingFileIsOneLineOnStderr() {
        Path missing = dir.resolve("nowhere.prisma");
        assertThat(facet("format", missing.toString())).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("error: cannot read " + missing + ": no such file or folder\n");
    }

    @Test
    void aFolderWithoutSchemaFilesIsAnIoProblem() {
        assertThat(facet("format", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: cannot read " + dir + ": the folder holds no .prisma file\n");
    }

    @Test
    void aMissingPathIsAUsageError() {
        assertThat(facet("format")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'PATH'").contains("Usage: facet format");
    }

    @Test
    void isListedAmongTheSubcommands() {
        assertThat(facet("--help")).isZero();
        assertThat(out.toString()).contains("format");
    }
}
