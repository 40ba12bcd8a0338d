package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.grid.GridRow;
import dev.facet.ui.grid.ModelGridViewModel;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.testing.Fx;
import dev.facet.ui.testing.WindowFixture;
import dev.facet.ui.project.Project;
import dev.facet.ui.project.ProjectOpener;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Read-only connections (issue 16): a per-project switch in the File menu, remembered, shown in the title and the
 * status bar, under which every way of writing from the window refuses.
 */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyTest {
    private Stage stage;
    private WindowFixture fixture;
    private ShellWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Shows the window on the demo, opened as {@code request} asks, by an opener {@code opener} wraps. */
    private void launch(OpenRequest request, UnaryOperator<ProjectOpener> opener) {
        // Building the first window of a JVM takes more than Fx.call's 10 s on a busy machine.
        fixture = org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(60_000, () -> new WindowFixture(stage, request, false, opener));
        window = fixture.window;
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        if (fixture != null) fixture.close();
    }

    /** The demo's project, as if its database were a PostgreSQL server on another machine. */
    private static ProjectOpener remote(ProjectOpener demo) {
        return (request, progress) -> {
            Project p = demo.open(request, progress);
            return new Project(p.schemaPath(), p.schema(), p.engine(), "postgresql://shop:****@db.example.com:5432/shop", p.drift(), p.readOnly());
        };
    }

    private void demoIsOpen() throws TimeoutException {
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> Fx.call(() -> window.shell().projectProperty().get() != null));
    }

    private ModelGridViewModel grid() {
        return Fx.call(() -> ((ModelTabContents.GridContent) window.shell().selectedTabProperty().get().content()).viewModel());
    }

    private void open(FxRobot robot, String model) {
        Fx.waitUntil(() -> robot.lookup("#model-" + model).tryQuery().isPresent());
        robot.clickOn("#model-" + model);
        waitForGrid(robot, model);
    }

    private void waitForGrid(FxRobot robot, String model) {
        Fx.waitUntil(() -> {
            Tab t = robot.lookup("#model-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
            return t != null && model.equals(t.getText()) && robot.lookup("#grid-table").tryQuery().isPresent()
                    && grid().totalCountProperty().get() >= 0 && !grid().loadingProperty().get();
        });
    }

    private void toggleFromTheMenu(FxRobot robot) {
        robot.clickOn("File");
        robot.clickOn("#menu-read-only");
    }

    @Test
    void aReadOnlyProjectRefusesEveryWriteSaysSoAndIsRemembered(FxRobot robot) throws Exception {
        launch(new OpenRequest.Demo(), o -> o);
        demoIsOpen();
        open(robot, "Order");
        toggleFromTheMenu(robot);
        Fx.waitUntil(() -> window.shell().projectProperty().get().readOnly());
        // The tab was rebuilt read-only; the title and the status bar say so.
        waitForGrid(robot, "Order");
        assertThat(Fx.call(() -> window.shell().titleProperty().get())).endsWith(" · read-only");
        assertThat(Fx.call(() -> robot.lookup("#status-read-only").query().isVisible())).isTrue();
        ModelGridViewModel g = grid();
        assertThat(Fx.call(() -> robot.lookup("#add").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(Fx.call(() -> robot.lookup("#delete").queryAs(Button.class).isDisabled())).isTrue();
        GridRow row = Fx.call(() -> g.rows().getFirst());
        String why = "The project is open read-only: nothing can be changed (File › Read-only to allow changes)";
        // Typing, NULL, adding, duplicating, deleting, linking, the record panel: each refuses with the reason.
        assertThat(Fx.call(() -> g.edit(row, g.column("note"), "x").reason())).isEqualTo(why);
        assertThat(Fx.call(() -> g.setNull(row, g.column("note")).reason())).isEqualTo(why);
        assertThat(Fx.call(() -> g.addRecord())).isNull();
        assertThat(Fx.call(() -> g.duplicate(row))).isNull();
        Fx.run(() -> g.requestDelete(java.util.List.of(row)));
        assertThat(Fx.call(() -> g.deletePreviewProperty().get())).isNull();
        assertThat(Fx.call(() -> g.picker(row, g.column("customer")))).isNull();
        assertThat(Fx.call(() -> g.whyNotLinkable(row, g.column("lines")))).isEqualTo(why);
        assertThat(Fx.call(() -> g.recordPanel().whyReadOnly(g.column("status")))).isNotNull();
        assertThat(Fx.call(() -> g.pendingCountProperty().get())).isZero();
        assertThat(Fx.call(() -> g.messageProperty().get().text())).isEqualTo(why);

        // Remembered for this project.
        String key = Fx.call(() -> window.shell().projectProperty().get().schemaPath().toAbsolutePath().normalize().toString());
        assertThat(UserSettings.load(fixture.settingsFile).isReadOnly(key)).isTrue();

        // Writable again from the same item.
        toggleFromTheMenu(robot);
        Fx.waitUntil(() -> !window.shell().projectProperty().get().readOnly());
        waitForGrid(robot, "Order");
        ModelGridViewModel writable = grid();
        GridRow first = Fx.call(() -> writable.rows().getFirst());
        assertThat(Fx.call(() -> writable.edit(first, writable.column("note"), "ring twice").ok())).isTrue();
        assertThat(Fx.call(() -> window.shell().titleProperty().get())).doesNotContain("read-only");
        assertThat(UserSettings.load(fixture.settingsFile).isReadOnly(key)).isFalse();
        // Unsaved changes first: going read-only waits for them.
        assertThat(Fx.call(() -> window.shell().setReadOnly(true))).isFalse();
        assertThat(Fx.call(() -> window.shell().projectProperty().get().readOnly())).isFalse();
    }

    private String band(FxRobot robot) {
        return Fx.call(() -> robot.lookup("#mode-band").query().getPseudoClassStates().stream().map(Object::toString)
                .filter(c -> List.of("read-only", "remote", "local").contains(c)).findFirst().orElse("none"));
    }

    @Test
    void readOnlyFromTheCommandLineShowsInTheTitleTheStatusBarAndTheBandWithoutBeingRemembered(FxRobot robot) throws Exception {
        launch(new OpenRequest.Demo(true), o -> o);
        demoIsOpen();
        assertThat(Fx.call(() -> window.shell().projectProperty().get().readOnly())).isTrue();
        assertThat(Fx.call(() -> window.shell().titleProperty().get())).endsWith(" · read-only");
        assertThat(Fx.call(() -> robot.lookup("#status-read-only").query().isVisible())).isTrue();
        assertThat(band(robot)).isEqualTo("read-only");
        open(robot, "Order");
        assertThat(Fx.call(() -> robot.lookup("#add").queryAs(Button.class).isDisabled())).isTrue();
        String key = Fx.call(() -> window.shell().projectProperty().get().schemaPath().toAbsolutePath().normalize().toString());
        assertThat(UserSettings.load(fixture.settingsFile).isReadOnly(key)).as("--read-only is for this run only").isFalse();
        // A local database is never asked about.
        assertThat(fixture.dialogs.asked).isEmpty();
        // File › Read-only still makes it writable; the band turns green.
        toggleFromTheMenu(robot);
        Fx.waitUntil(() -> !window.shell().projectProperty().get().readOnly());
        assertThat(band(robot)).isEqualTo("local");
    }

    @Test
    void aDatabaseOnAnotherMachineAsksOnceWhetherItIsProductionAndOpensReadOnly(FxRobot robot) throws Exception {
        launch(new OpenRequest.Demo(), ReadOnlyTest::remote);
        demoIsOpen();
        Fx.waitUntil(() -> window.shell().projectProperty().get().readOnly());
        assertThat(fixture.dialogs.asked).singleElement().asString().startsWith("Is shop on db.example.com:5432 a production database?");
        assertThat(band(robot)).isEqualTo("read-only");
        assertThat(Fx.call(() -> window.shell().titleProperty().get())).endsWith(" · read-only");
        String key = Fx.call(() -> window.shell().projectProperty().get().schemaPath().toAbsolutePath().normalize().toString());
        assertThat(UserSettings.load(fixture.settingsFile).isReadOnly(key)).isTrue();
        assertThat(UserSettings.load(fixture.settingsFile).askedProduction(key)).isTrue();

        // Made writable, it is amber (writing to another machine), and reopening does not ask again.
        toggleFromTheMenu(robot);
        Fx.waitUntil(() -> !window.shell().projectProperty().get().readOnly());
        assertThat(band(robot)).isEqualTo("remote");
        Fx.run(() -> window.shell().open(new OpenRequest.Demo()));
        Fx.waitUntil(() -> !window.shell().openingProperty().get() && window.shell().projectProperty().get() != null);
        assertThat(fixture.dialogs.asked).hasSize(1);
        assertThat(Fx.call(() -> window.shell().projectProperty().get().readOnly())).isFalse();
    }
}
