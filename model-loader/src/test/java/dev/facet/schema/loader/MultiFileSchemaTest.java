package dev.facet.schema.loader;

import static dev.facet.schema.loader.LoaderTestSupport.relation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.SchemaSources;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schema split over several files is one schema: names, relations and diagnostics work across files. */
class MultiFileSchemaTest {

    private static final SourceFile MAIN = new SourceFile("prisma/schema.prisma", """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            generator client {
              provider = "prisma-client-js"
            }
            """);

    private static final SourceFile USERS = new SourceFile("prisma/models/user.prisma", """
            enum Role {
              READER
              WRITER
            }

            model User {
              id    Int    @id
              role  Role   @default(READER)
              posts Post[]
            }
            """);

    private static final SourceFile POSTS = new SourceFile("prisma/models/post.prisma", """
            model Post {
              id       Int  @id
              authorId Int
              author   User @relation(fields: [authorId], references: [id])
            }
            """);

    @Test
    void filesFormOneSchema() {
        LoadResult result = SchemaLoader.load(List.of(MAIN, USERS, POSTS));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.files()).hasSize(3);
        Schema schema = result.schema().orElseThrow();
        assertThat(schema.provider()).isPresent();
        assertThat(schema.generators()).hasSize(1);
        assertThat(schema.models()).extracting(Model::name).containsExactly("User", "Post");
        assertThat(schema.enumType("Role")).isNotNull();

        // The relation spans both files, and every declaration knows the file it came from.
        Relation r = relation(schema, "User", "posts");
        assertThat(r.referencingModel()).isEqualTo("Post");
        assertThat(r.foreignKeyName()).isEqualTo("Post_authorId_fkey");
        assertThat(schema.model("User").span().file()).isSameAs(USERS);
        assertThat(schema.model("Post").span().file()).isSameAs(POSTS);
        assertThat(schema.model("Post").span().line()).isEqualTo(1);
    }

    @Test
    void diagnosticsPointIntoTheirOwnFile() {
        SourceFile broken = new SourceFile("prisma/models/comment.prisma", """
                model Comment {
                  id     Int    @id
                  postId Int
                  post   Post   @relation(fields: [postId], references: [id])
                  body   Strng
                }
                """);
        LoadResult result = SchemaLoader.load(List.of(MAIN, USERS, POSTS, broken));
        assertThat(result.errors()).hasSize(2);
        Diagnostic unknownType = result.errors().stream().filter(d -> d.message().startsWith("Type")).findFirst().orElseThrow();
        assertThat(unknownType.span().file()).isSameAs(broken);
        assertThat(unknownType.span().line()).isEqualTo(5);
        assertThat(unknownType.span().text()).isEqualTo("Strng");

        Diagnostic missingBackRelation = result.errors().stream().filter(d -> d.message().contains("opposite")).findFirst()
                .orElseThrow();
        assertThat(missingBackRelation.span().file()).isSameAs(broken);
        assertThat(missingBackRelation.span().line()).isEqualTo(4);

        assertThat(new DiagnosticRenderer(false).render(List.of(unknownType))).isEqualTo("""
                error: Type "Strng" is neither a built-in type, nor refers to another model, composite type, or enum.
                  -->  prisma/models/comment.prisma:5
                   |\s
                 4 |   post   Post   @relation(fields: [postId], references: [id])
                 5 |   body   Strng
                   |\s
                """);
    }

    @Test
    void aModelDefinedInTwoFiles() {
        SourceFile again = new SourceFile("prisma/models/again.prisma", """

                model Post {
                  id Int @id
                }
                """);
        LoadResult result = SchemaLoader.load(List.of(MAIN, USERS, POSTS, again));
        assertThat(result.errors()).hasSize(1);
        Diagnostic d = result.errors().getFirst();
        assertThat(d.message()).isEqualTo("The model \"Post\" cannot be defined because a model with that name already exists.");
        assertThat(d.span().file()).isSameAs(again);
        assertThat(d.span().line()).isEqualTo(2);
        assertThat(d.span().text()).isEqualTo("Post");
    }

    @Test
    void twoDatasourcesInTwoFiles() {
        SourceFile second = new SourceFile("prisma/other.prisma", """
                datasource other {
                  provider = "mysql"
                }
                """);
        LoadResult result = SchemaLoader.load(List.of(MAIN, second));
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().getFirst().span().file()).isSameAs(second);
        assertThat(result.errors().getFirst().message()).startsWith("You defined more than one datasource.");
    }

    // ---------------------------------------------------------------- reading from disk

    @Test
    void aFolderIsReadInPathOrderIncludingSubfolders(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("schema.prisma"), MAIN.text());
        Files.writeString(dir.resolve("models/user.prisma"), USERS.text());
        Files.writeString(dir.resolve("models/post.prisma"), POSTS.text());
        Files.writeString(dir.resolve("README.md"), "not a schema");

        List<SourceFile> files = SchemaSources.read(dir);
        assertThat(files).extracting(f -> dir.relativize(Path.of(f.name())).toString().replace('\\', '/'))
                .containsExactly("models/post.prisma", "models/user.prisma", "schema.prisma");

        LoadResult result = SchemaLoader.load(dir);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.schema().orElseThrow().models()).extracting(Model::name).containsExactly("Post", "User");
    }

    @Test
    void aSingleFileIsReadAsIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("schema.prisma");
        Files.writeString(file, MAIN.text());
        List<SourceFile> files = SchemaSources.read(file);
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().name()).isEqualTo(file.toString());
        assertThat(files.getFirst().text()).isEqualTo(MAIN.text());
    }

    @Test
    void missingPathAndEmptyFolder(@TempDir Path dir) {
        assertThatThrownBy(() -> SchemaSources.read(dir.resolve("nope.prisma"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> SchemaSources.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("the folder holds no .prisma file");
    }
}
