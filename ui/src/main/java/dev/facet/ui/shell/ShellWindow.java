package dev.facet.ui.shell;

import dev.facet.schema.config.UrlRedactor;
import dev.facet.ui.grid.GridWarmUp;
import dev.facet.ui.open.OpenDialog;
import dev.facet.ui.open.OpenDialogViewModel;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.Project;
import dev.facet.ui.project.ProjectLoader;
import dev.facet.ui.project.ProjectOpener;
import dev.facet.ui.settings.RecentProject;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.task.BackgroundPriority;
import dev.facet.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Builds the main window on a stage: view models, views, theme and the Open dialog, wired together. The
 * application and the UI tests both start Facet through here.
 */
public final class ShellWindow {
    /** The stylesheet with Facet's layout touches. */
    public static final String STYLESHEET = "/dev/facet/ui/shell/facet.css";

    /**
     * What the window is made of.
     *
     * @param executor    the executor for every database call
     * @param loader      checks schemas for the Open dialog
     * @param opener      opens projects
     * @param settings    theme and recent projects
     * @param watcher     watches the open schema
     * @param tabContents what model tabs show
     * @param systemDark  whether the system prefers dark (for the "follow the system" theme)
     */
    public record Config(FxTaskExecutor executor, ProjectLoader loader, ProjectOpener opener, UserSettings settings,
                         ShellViewModel.SchemaWatchStarter watcher, TabContentFactory tabContents, ObservableBooleanValue systemDark) {}

    private final Stage stage;
    private final ShellViewModel shell;
    private final ThemeViewModel theme;
    private final ShellView view;
    private final OpenDialogViewModel openVm;
    private OpenDialog openDialog;
    private final QuitFlow quitFlow;
    private final dev.facet.ui.open.OpenDatabaseViewModel databaseVm;
    private dev.facet.ui.open.OpenDatabaseDialog databaseDialog;
    private java.util.function.UnaryOperator<Path> schemaFileChooser = this::chooseSchemaFile;

    private ShellWindow(Stage stage, Config config, DialogService dialogs) {
        this.stage = stage;
        shell = new ShellViewModel(new ShellViewModel.Services(config.executor(), Platform::runLater, config.opener(),
                config.tabContents(), dialogs, config.watcher(), config.settings()));
        theme = new ThemeViewModel(config.settings(), config.systemDark());
        // Before the first control exists: a control's class, when no user-agent stylesheet is set yet, loads JavaFX's
        // own (Modena), which the theme then replaces; at a load of 20 that was 0.6 s of a first start for nothing.
        ThemeApplier.follow(theme.darkProperty());
        openVm = new OpenDialogViewModel(config.executor(), config.loader(), config.opener(), config.settings(),
                shell::confirmReplace, shell::adopt);
        StatusBarViewModel status = new StatusBarViewModel(config.executor().runningProperty(), config.executor().lastTaskProperty(),
                config.executor().lastDurationProperty(), config.executor().lastFinishedProperty());
        status.setCancel(config.executor()::cancelRunning);
        // Read as each task starts and ends: the pool grows with work and shrinks when idle.
        Runnable held = () -> {
            var p = shell.projectProperty().get();
            status.connectionsHeld(p == null || p.engine() == null ? -1 : p.engine().connectionsHeld());
        };
        config.executor().runningProperty().addListener((o, a, b) -> held.run());
        shell.projectProperty().addListener((o, a, b) -> held.run());
        view = new ShellView(shell, theme, status, this::showOpenDialog, this::quit, config.settings()::recent, this::openRecent);

        // 1280×800, or the screen where it is smaller (a 1024×700 screen showed a 1280-pixel window cut on both sides).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(ShellWindow.class.getResource(STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(shell.titleProperty());
        quitFlow = new QuitFlow(shell, dialogs);
        stage.setOnCloseRequest(e -> {
            // Closed by the flow once the user chose (and any save succeeded).
            e.consume();
            quitFlow.request(stage::close);
        });
        databaseVm = new dev.facet.ui.open.OpenDatabaseViewModel(config.executor(), config.loader(), config.opener(), shell::confirmReplace, shell::adopt);
        addDatabaseItems();
        shell.failedOpenProperty().addListener((o, was, failed) -> {
            if (failed != null && failed.request() instanceof OpenRequest.Schema s) {
                openVm.prefill(s, failed.failure());
                showOpenDialog();
            }
        });
    }

    /**
     * Builds the window on {@code stage}, shows it and starts opening {@code initial}.
     *
     * @param initial what to open, or null for nothing (the Open dialog shows)
     * @param dialogs how to ask the user; null for JavaFX alerts
     */
    public static ShellWindow show(Stage stage, Config config, OpenRequest initial, DialogService dialogs) {
        ShellWindow w = new ShellWindow(stage, config, dialogs != null ? dialogs : new FxDialogService(stage));
        stage.show();
        lowerJvmThreads();
        // When the first project is open, a grid of it is built off screen in short steps: the first tab then opens
        // as quickly as later ones.
        w.shell.projectProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Project> o, Project was, Project is) {
                if (is == null) return;
                o.removeListener(this);
                lowerJvmThreads(); // and those the JVM started meanwhile
                GridWarmUp.start(is, Duration.millis(100), stage.getScene().getStylesheets());
                TrainingTour.startIfAsked(w.shell, stage.getScene(), is);
            }
        });
        if (initial != null) w.shell.open(initial);
        else w.showOpenDialog();
        return w;
    }

    /** The JIT's and G1's background threads give the FX thread the cores first (ADR 0045); off the FX thread. */
    private static void lowerJvmThreads() {
        Thread.ofVirtual().name("facet-priorities").start(BackgroundPriority::lowerJvmThreads);
    }

    /** @return the shell's view model */
    public ShellViewModel shell() { return shell; }

    /** @return the theme's view model */
    public ThemeViewModel theme() { return theme; }

    /** @return the Open dialog's view model */
    public OpenDialogViewModel openDialogModel() { return openVm; }

    /** @return the main view */
    public ShellView view() { return view; }

    /** Shows the Open dialog. */
    public void showOpenDialog() {
        if (openDialog == null) {
            openDialog = new OpenDialog(openVm, stage, () -> shell.open(new OpenRequest.Demo()), this::quit);
            bindBackdrop();
        }
        openDialog.show();
    }

    /** File › Open Database… and File › Save Schema As… */
    private void addDatabaseItems() {
        javafx.scene.control.MenuItem openDatabase = new javafx.scene.control.MenuItem("Open Database…");
        openDatabase.setId("menu-open-database");
        openDatabase.setOnAction(e -> showOpenDatabase());
        javafx.scene.control.MenuItem saveAs = new javafx.scene.control.MenuItem("Save Schema As…");
        saveAs.setId("menu-save-schema-as");
        saveAs.disableProperty().bind(shell.projectProperty().isNull());
        saveAs.setOnAction(e -> {
            Project p = shell.projectProperty().get();
            Path target = p == null ? null : schemaFileChooser.apply(p.schemaPath());
            if (target != null) shell.saveSchemaAs(target);
        });
        view.addFileItems("menu-open", openDatabase);
        view.addFileItems("menu-save", saveAs);
    }

    /** The page dims while either Open dialog is up (each is made when first asked for). */
    private void bindBackdrop() {
        javafx.beans.binding.BooleanExpression up = javafx.beans.binding.BooleanExpression.booleanExpression(
                openDialog != null ? openDialog.showingProperty() : new javafx.beans.property.SimpleBooleanProperty());
        if (databaseDialog != null) up = up.or(databaseDialog.showingProperty());
        view.backdropProperty().bind(up);
    }

    /** Shows File › Open Database. */
    public void showOpenDatabase() {
        if (databaseDialog == null) {
            databaseDialog = new dev.facet.ui.open.OpenDatabaseDialog(databaseVm, stage);
            bindBackdrop();
        }
        databaseDialog.show();
    }

    /** @return the Open Database dialog's view model */
    public dev.facet.ui.open.OpenDatabaseViewModel openDatabaseModel() { return databaseVm; }

    /**
     * Replaces the file chooser of Save Schema As (tests: a native chooser cannot be driven).
     *
     * @param chooser given the current schema file, returns where to save, or null to cancel
     */
    public void setSchemaFileChooser(java.util.function.UnaryOperator<Path> chooser) { this.schemaFileChooser = chooser; }

    private Path chooseSchemaFile(Path current) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save the schema as");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Prisma schemas", "*.prisma"));
        chooser.setInitialFileName("schema.prisma");
        java.io.File chosen = chooser.showSaveDialog(stage);
        return chosen == null ? null : chosen.toPath();
    }

    /** A recent project opens at once when nothing is missing; one whose URL needs its password goes to the dialog. */
    private void openRecent(RecentProject r) {
        if (r.url() != null && r.url().contains(UrlRedactor.MASK)) {
            showOpenDialog();
            openVm.chooseRecent(r);
        } else {
            shell.open(new OpenRequest.Schema(Path.of(r.schemaPath()), r.url()));
        }
    }

    private void quit() { quitFlow.request(stage::close); }
}
