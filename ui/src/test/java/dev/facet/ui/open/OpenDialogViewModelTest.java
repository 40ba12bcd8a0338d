package dev.facet.ui.open;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.project.OpenFailure;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.Project;
import dev.facet.ui.settings.RecentProject;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.task.DirectTaskExecutor;
import dev.facet.ui.testing.DemoFixture;
import dev.facet.ui.testing.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenDialogViewModelTest {
    @TempDir
    Path dir;
    DemoFixture demo;
    UserSettings settings;
    final List<OpenRequest> requests = new ArrayList<>();
    final List<Project> opened = new ArrayList<>();
    boolean mayReplace = true;
    OpenDialogViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        demo = new DemoFixture(dir);
        demo.opener().open(new OpenRequest.Demo(), m -> { }).close();
        settings = UserSettings.inMemory();
        vm = new OpenDialogViewModel(new DirectTaskExecutor(), demo.loader(), demo.opener(), settings, () -> mayReplace, (r, p) -> {
            requests.add(r);
            opened.add(p);
        });
    }

    @AfterEach
    void tearDown() { opened.forEach(Project::close); }

    private Path write(String relative, String text) throws Exception { return TestFiles.write(dir, relative, text); }

    @Test
    void choosingASchemaFillsInItsUrlAndOpenOpensIt() {
        vm.schemaPathProperty().set(demo.workspace().schemaFile().toString());
        vm.inspect();

        assertThat(vm.urlProperty().get()).isEqualTo("file:./demo.db");
        assertThat(vm.urlHintProperty().get()).startsWith("From the datasource url in ");
        assertThat(vm.schemaStatusProperty().get()).isEqualTo("7 models · sqlite");
        assertThat(vm.diagnosticsProperty().get()).isEmpty();

        vm.open();

        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(opened).hasSize(1);
        // Found from the schema: nothing to remember as typed.
        assertThat(((OpenRequest.Schema) requests.getFirst()).url()).isNull();
    }

    @Test
    void aBrokenSchemaShowsPrismaStyleDiagnosticsWithFileAndLine() throws Exception {
        Path schema = write("broken/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./x.db\"\n}\n\n"
                + "model User {\n  id    Int    @id\n  email Strng\n}\n");
        vm.schemaPathProperty().set(schema.toString());
        vm.inspect();

        assertThat(vm.schemaStatusProperty().get()).isEqualTo("The schema has 1 error");
        assertThat(vm.diagnosticsProperty().get()).startsWith("error: ").contains("Strng").contains("-->  schema.prisma:8");

        vm.open();
        assertThat(vm.errorKindProperty().get()).isEqualTo(OpenFailure.Kind.INVALID_SCHEMA);
        assertThat(vm.errorProperty().get()).contains("has 1 error");
        assertThat(vm.doneProperty().get()).isFalse();
        assertThat(vm.schemaPathProperty().get()).isEqualTo(schema.toString());
    }

    @Test
    void aFailedConnectionShowsWhyAndKeepsWhatWasTyped() throws Exception {
        Path schema = write("pg/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n\n"
                + "model User {\n  id Int @id\n}\n");
        vm.schemaPathProperty().set(schema.toString());
        vm.inspect();
        assertThat(vm.urlProperty().get()).isEmpty();
        assertThat(vm.urlHintProperty().get()).startsWith("DATABASE_URL is not set: looked in the process environment");

        String typed = "postgresql://me:pw-typed@127.0.0.1:1/shop?connect_timeout=2";
        vm.urlProperty().set(typed);
        vm.open();

        assertThat(vm.errorKindProperty().get()).isEqualTo(OpenFailure.Kind.CONNECTION);
        assertThat(vm.errorProperty().get()).startsWith("P1001: Can't reach database server at 127.0.0.1:1").doesNotContain("pw-typed");
        assertThat(vm.urlProperty().get()).isEqualTo(typed);
        assertThat(vm.schemaPathProperty().get()).isEqualTo(schema.toString());
        assertThat(vm.doneProperty().get()).isFalse();
        // Editing the URL clears the stale error.
        vm.urlProperty().set(typed + "x");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aUrlFromDotEnvShowsMaskedAndItsPasswordIsUsedWhereTheMaskIsLeft() throws Exception {
        Path schema = write("app/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n\n"
                + "model User {\n  id Int @id\n}\n");
        write("app/.env", "DATABASE_URL=postgresql://me:hunter22@127.0.0.1:1/shop\n");
        vm.schemaPathProperty().set(schema.toString());
        vm.inspect();

        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://me:****@127.0.0.1:1/shop");
        assertThat(vm.urlHintProperty().get()).contains(".env").endsWith("**** stands for its password");
        assertThat(OpenDialogViewModel.restorePassword("postgresql://me:****@127.0.0.1:2/other", "postgresql://me:hunter22@127.0.0.1:1/shop"))
                .isEqualTo("postgresql://me:hunter22@127.0.0.1:2/other");
        assertThat(OpenDialogViewModel.restorePassword("postgresql://me:****@h/db", null)).isNull();
        assertThat(OpenDialogViewModel.restorePassword("file:./x.db", null)).isEqualTo("file:./x.db");
    }

    @Test
    void aUserTypedUrlSurvivesAnotherCheckOfTheSameSchema() {
        vm.schemaPathProperty().set(demo.workspace().schemaFile().toString());
        vm.inspect();
        vm.urlProperty().set("file:./other.db");
        vm.inspect();
        assertThat(vm.urlProperty().get()).isEqualTo("file:./other.db");
    }

    @Test
    void aRecentProjectWithAMaskedPasswordAsksForIt() {
        settings.remember(new RecentProject(demo.workspace().schemaFile().toString(), "postgresql://me:secret@127.0.0.1:1/x", null));
        vm.prepare();
        assertThat(vm.recent()).hasSize(1);

        vm.chooseRecent(vm.recent().getFirst());
        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://me:****@127.0.0.1:1/x");
        vm.open();

        assertThat(vm.errorProperty().get()).isEqualTo("Type the password in place of **** in the URL: Facet does not store passwords.");
        assertThat(opened).isEmpty();
    }

    @Test
    void nothingOpensWhenTheUserKeepsUnsavedChanges() {
        mayReplace = false;
        vm.schemaPathProperty().set(demo.workspace().schemaFile().toString());
        vm.open();
        assertThat(opened).isEmpty();
        assertThat(vm.doneProperty().get()).isFalse();
    }
}
