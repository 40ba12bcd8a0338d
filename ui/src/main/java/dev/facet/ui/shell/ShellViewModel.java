package dev.facet.ui.shell;

import dev.facet.ui.project.Problem;
import dev.facet.schema.model.Model;
import dev.facet.ui.project.DatabaseLabel;
import dev.facet.ui.project.OpenFailure;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.Project;
import dev.facet.ui.project.ProjectOpener;
import dev.facet.ui.project.SchemaDiff;
import dev.facet.ui.project.SchemaWatcher;
import dev.facet.ui.settings.RecentProject;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.task.TaskExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state: the open project, the sidebar of models with their row counts, the open tabs, the
 * notifications, and the commands that change them (open, reload, refresh counts, open a model, close a tab).
 * Every database call goes through the {@link TaskExecutor}; results arrive on the FX thread. Testable without a
 * Stage with a direct executor.
 */
public final class ShellViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);
    private static final String APP_NAME = "Facet";

    /** Starts watching a schema for changes; the production one uses {@link SchemaWatcher}. */
    @FunctionalInterface
    public interface SchemaWatchStarter {
        /**
         * @param schemaPath the schema file or folder
         * @param onChange   called (on any thread) after the files changed
         * @return what to close to stop watching
         */
        AutoCloseable watch(Path schemaPath, Runnable onChange) throws IOException;

        /** @return a starter that watches the file system */
        static SchemaWatchStarter files() {
            return (path, onChange) -> SchemaWatcher.start(path, Duration.ofMillis(300), onChange);
        }

        /** @return a starter that watches nothing (tests that reload by hand) */
        static SchemaWatchStarter none() { return (path, onChange) -> () -> { }; }
    }

    /**
     * What the shell needs from outside.
     *
     * @param executor    runs every database call off the FX thread
     * @param fxThread    runs callbacks from other threads on the FX thread ({@code Platform::runLater})
     * @param opener      opens projects
     * @param tabContents creates what model tabs show
     * @param dialogs     asks the user before work is lost
     * @param watcher     watches the schema for changes
     * @param settings    where recent projects are remembered
     */
    public record Services(TaskExecutor executor, Executor fxThread, ProjectOpener opener, TabContentFactory tabContents,
                           DialogService dialogs, SchemaWatchStarter watcher, UserSettings settings) {
        public Services {
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(fxThread, "fxThread");
            Objects.requireNonNull(opener, "opener");
            Objects.requireNonNull(tabContents, "tabContents");
            Objects.requireNonNull(dialogs, "dialogs");
            Objects.requireNonNull(watcher, "watcher");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /**
     * An open that failed: what was asked, and why. The view offers the Open dialog filled in with it.
     *
     * @param request what was asked
     * @param failure why it failed
     */
    public record FailedOpen(OpenRequest request, OpenFailure failure) {}

    private final Services services;
    private final TaskExecutor executor;
    private final Notifications notifications = new Notifications();
    private final DriftNotice driftNotice = new DriftNotice(notifications);
    private final NonAtomicNotice nonAtomicNotice = new NonAtomicNotice(notifications);
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP_NAME);
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<FailedOpen> failedOpen = new ReadOnlyObjectWrapper<>();
    private final SidebarViewModel sidebar;
    private final TabsViewModel tabs;
    /** The notification of the last failed reload, dismissed when a reload succeeds. */
    private Notification reloadProblem;
    /** The notification of the last failed open, dismissed when another open fails or one succeeds. */
    private Notification openProblem;
    private final Object reloadChannel = new Object();
    private OpenRequest.Schema reloadRequest;
    private AutoCloseable watch;
    private long openGeneration;

    /** @param services what the shell needs from outside */
    public ShellViewModel(Services services) {
        this.services = services;
        this.executor = services.executor();
        this.sidebar = new SidebarViewModel(executor, notifications, project::get);
        this.tabs = new TabsViewModel(executor, services.tabContents(), services.dialogs(), notifications, project::get,
                sidebar::refreshCounts, this::closeInBackground);
    }

    // ------------------------------------------------------------------ state

    /** @return the open project, or null */
    public ReadOnlyObjectProperty<Project> projectProperty() { return project.getReadOnlyProperty(); }

    /** @return the window title: "Facet", or "Facet — schema.prisma (demo.db)" */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** @return what the shell is busy with while opening ("Adding orders"), or null */
    public ReadOnlyStringProperty busyMessageProperty() { return busyMessage.getReadOnlyProperty(); }

    /** @return whether a project is being opened */
    public ReadOnlyBooleanProperty openingProperty() { return opening.getReadOnlyProperty(); }

    /** @return the last open that failed, until the next one succeeds */
    public ReadOnlyObjectProperty<FailedOpen> failedOpenProperty() { return failedOpen.getReadOnlyProperty(); }

    /** @return every model and view of the schema, in schema order */
    public ObservableList<ModelEntry> models() { return sidebar.models(); }

    /** @return the models the sidebar filter lets through */
    public ObservableList<ModelEntry> visibleModels() { return sidebar.visibleModels(); }

    /** @return the sidebar filter text */
    public StringProperty filterProperty() { return sidebar.filterProperty(); }

    /** @return the open tabs in order */
    public ObservableList<ModelTab> tabs() { return tabs.tabs(); }

    /** @return the selected tab, or null */
    public ObjectProperty<ModelTab> selectedTabProperty() { return tabs.selectedTabProperty(); }

    /** @return model names in the order they were last opened, most recent first */
    public ObservableList<String> recentlyOpened() { return tabs.recentlyOpened(); }

    /** @return the notification area's list */
    public Notifications notifications() { return notifications; }

    /** @return the executor database work goes through (for the tab contents) */
    public TaskExecutor executor() { return executor; }

    // ------------------------------------------------------------------ opening

    /**
     * Opens a project in the background, replacing the current one when it opens; asks first when tabs hold
     * unsaved changes. Progress shows in {@link #busyMessageProperty()}; a failure in {@link #failedOpenProperty()}
     * and the notifications, with the current project kept.
     */
    public void open(OpenRequest request) {
        if (!confirmReplace()) return;
        long generation = ++openGeneration;
        opening.set(true);
        busyMessage.set(request instanceof OpenRequest.Schema s ? "Opening " + s.schemaPath().getFileName() : "Opening the demo");
        executor.submitLatest(this, "Opening " + describe(request),
                () -> services.opener().open(request, message -> services.fxThread().execute(() -> {
                    if (generation == openGeneration) busyMessage.set(message);
                })),
                p -> {
                    if (generation != openGeneration) {
                        closeInBackground(p);
                        return;
                    }
                    opened(request, p);
                },
                e -> {
                    if (generation == openGeneration) openFailed(request, e);
                });
    }

    /**
     * File › Save Schema As: writes the open project's schema file to {@code target} (a schema pulled by File › Open
     * Database lives in a folder of Facet's) and opens the project from there, with the same URL and mode.
     */
    public void saveSchemaAs(Path target) {
        Project p = project.get();
        if (p == null || reloadRequest == null) return;
        if (java.nio.file.Files.isDirectory(p.schemaPath())) {
            notifications.warning("Cannot save the schema as one file", "This project's schema is a folder of files: " + p.schemaPath(), null);
            return;
        }
        try {
            java.nio.file.Files.copy(p.schemaPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            notifications.error("Could not save the schema", e);
            return;
        }
        open(new OpenRequest.Schema(target, reloadRequest.url(), reloadRequest.readOnly(), reloadRequest.allowNonAtomic()));
    }

    /**
     * Asks whether the open project may be replaced when tabs hold unsaved changes (the Open dialog asks before it
     * opens, then hands the project over with {@link #adopt}).
     */
    public boolean confirmReplace() { return tabs.confirmDiscard("Open another project?", "Opening another project"); }

    /** Shows a project opened elsewhere (the Open dialog), as if {@link #open} had opened it. */
    public void adopt(OpenRequest request, Project p) {
        ++openGeneration;
        opened(request, p);
    }

    private static String describe(OpenRequest request) {
        return request instanceof OpenRequest.Schema s ? s.schemaPath().toString() : "the demo";
    }

    private void opened(OpenRequest request, Project p) {
        opening.set(false);
        busyMessage.set(null);
        failedOpen.set(null);
        dismissOpenProblem();
        Project old = project.get();
        rememberTabs();
        tabs.clear();
        p = p.withReadOnly(request.readOnly() || services.settings().isReadOnly(settingsKey(p)));
        project.set(p);
        reloadRequest = new OpenRequest.Schema(p.schemaPath(), request instanceof OpenRequest.Schema s ? s.url() : null, request.readOnly(),
                request instanceof OpenRequest.Schema withUrl && withUrl.allowNonAtomic());
        syncModels(p);
        restoreTabs(p);
        driftNotice.show(p);
        nonAtomicNotice.show(p, reloadRequest.allowNonAtomic());
        title.set(titleFor(p) + nonAtomicNotice.titleSuffix());
        if (old != null) closeInBackground(old);
        watchSchema(p.schemaPath());
        if (request instanceof OpenRequest.Schema s) {
            services.settings().remember(new RecentProject(p.schemaPath().toString(), s.url(), DatabaseLabel.of(p.displayUrl())));
        }
        refreshCounts();
        askWhetherProduction(p);
    }

    /** Remembers the open project's tabs, each with the where it shows now (its filter and search), to reopen them. */
    private void rememberTabs() {
        Project p = project.get();
        if (p == null) return;
        List<UserSettings.SavedTab> open = new java.util.ArrayList<>();
        for (ModelTab t : tabs.tabs()) {
            String shown = t.content() == null ? null : t.content().whereJson();
            open.add(new UserSettings.SavedTab(t.modelName(), shown != null ? shown : t.whereJson()));
        }
        services.settings().setOpenTabs(settingsKey(p), new UserSettings.OpenTabs(open, Math.max(0, tabs.tabs().indexOf(tabs.selectedTabProperty().get()))));
    }

    /** Opens the tabs the project had when it was last closed (models gone from the schema are left out). */
    private void restoreTabs(Project p) {
        UserSettings.OpenTabs saved = services.settings().openTabs(settingsKey(p));
        for (UserSettings.SavedTab t : saved.tabs()) {
            Model m = p.schema().model(t.model());
            if (m != null && !m.ignored() && p.drift().unavailable(m.name()) == null) tabs.openModel(m, t.where(), false);
        }
        List<ModelTab> open = tabs.tabs();
        if (!open.isEmpty()) tabs.selectedTabProperty().set(open.get(Math.min(saved.selected(), open.size() - 1)));
    }

    /**
     * A database on another machine may be a production one: the first time its project opens for writing, the user
     * is asked whether it is, and offered read-only. The answer is remembered (File › Read-only changes it later).
     */
    private void askWhetherProduction(Project p) {
        String key = settingsKey(p);
        if (p.readOnly() || DatabaseLabel.isLocal(p.displayUrl()) || services.settings().askedProduction(key)) return;
        services.settings().markAskedProduction(key);
        if (services.dialogs().confirm("Is " + DatabaseLabel.of(p.displayUrl()) + " a production database?",
                "This database is not on this machine. Read-only refuses every edit, link, delete and write from the window;"
                        + " File › Read-only changes it at any time.", "Open read-only")) {
            setReadOnly(true);
        }
    }

    private void openFailed(OpenRequest request, Throwable e) {
        opening.set(false);
        busyMessage.set(null);
        OpenFailure failure = e instanceof OpenFailure f ? f : unexpected(e);
        failedOpen.set(new FailedOpen(request, failure));
        dismissOpenProblem();
        openProblem = notifications.error("Could not open " + (request instanceof OpenRequest.Schema s ? s.schemaPath().getFileName() : "the demo"), failure);
    }

    private void dismissOpenProblem() {
        if (openProblem != null) notifications.dismiss(openProblem);
        openProblem = null;
    }

    private static OpenFailure unexpected(Throwable e) {
        LOG.warn("Opening failed", e);
        Problem p = Problem.of(e);
        return new OpenFailure(OpenFailure.Kind.SETUP, p.code(), p.message(), null);
    }

    /** @return "Facet — schema.prisma (demo.db)", and "· read-only" when it is */
    static String titleFor(Project p) {
        String database = DatabaseLabel.of(p.displayUrl());
        return APP_NAME + " — " + p.displayName() + (database.isEmpty() ? "" : " (" + database + ")") + (p.readOnly() ? " · read-only" : "");
    }

    private static String settingsKey(Project p) { return p.schemaPath().toAbsolutePath().normalize().toString(); }

    /**
     * Opens the project read-only or for writing, remembered for this project. Every tab is rebuilt in the new mode;
     * going read-only waits until no tab holds unsaved changes.
     *
     * @return whether the project is now in that mode
     */
    public boolean setReadOnly(boolean on) {
        Project p = project.get();
        if (p == null) return false;
        if (p.readOnly() == on) return true;
        List<String> dirty = tabs.tabs().stream().filter(ModelTab::isDirty).map(t -> t.titleProperty().get()).toList();
        if (on && !dirty.isEmpty()) {
            notifications.warning("Not read-only yet", String.join(", ", dirty) + (dirty.size() == 1 ? " has" : " have")
                    + " unsaved changes: save or discard them first.", null);
            return false;
        }
        Project next = p.withReadOnly(on);
        services.settings().setReadOnly(settingsKey(p), on);
        // The same engine: the old record is not closed, the tabs move to the new one.
        project.set(next);
        title.set(titleFor(next) + nonAtomicNotice.titleSuffix());
        tabs.reconcile(next);
        return true;
    }

    private void watchSchema(Path schemaPath) {
        stopWatching();
        try {
            watch = services.watcher().watch(schemaPath, () -> services.fxThread().execute(() -> reload(false)));
        } catch (IOException e) {
            notifications.warning("Not watching the schema", "Changes to " + schemaPath + " will not be noticed (" + e.getMessage()
                    + "); use Reload (F5) after editing it.", null);
        }
    }

    private void stopWatching() {
        if (watch == null) return;
        try {
            watch.close();
        } catch (Exception e) {
            LOG.debug("Stopping the schema watch: {}", e.getMessage());
        }
        watch = null;
    }

    // ------------------------------------------------------------------ reload

    /** Reloads the schema from disk (Reload, F5), keeping the tabs whose model still exists, and says what changed. */
    public void reload() { reload(true); }

    private void reload(boolean manual) {
        if (reloadRequest == null) {
            FailedOpen failed = failedOpen.get();
            if (failed != null && manual) open(failed.request());
            return;
        }
        Project before = project.get();
        OpenRequest.Schema request = reloadRequest;
        executor.submitLatest(reloadChannel, "Reloading " + request.schemaPath().getFileName(),
                () -> services.opener().open(request, message -> { }),
                p -> reloaded(before, p, manual),
                e -> reloadFailed(e, manual));
    }

    private void reloaded(Project before, Project loaded, boolean manual) {
        if (project.get() != before) {
            // Another project was opened meanwhile.
            closeInBackground(loaded);
            return;
        }
        Project p = loaded.withReadOnly(before.readOnly());
        SchemaDiff diff = SchemaDiff.between(before.schema(), p.schema());
        // The schema loads again: what the last failed reload said is over.
        if (reloadProblem != null) notifications.dismiss(reloadProblem);
        reloadProblem = null;
        project.set(p);
        title.set(titleFor(p) + nonAtomicNotice.titleSuffix());
        syncModels(p);
        driftNotice.show(p);
        TabsViewModel.Reconciled r = tabs.reconcile(p);
        List<String> closed = r.closed();
        List<String> kept = r.kept();
        tabs.releaseUnused(before);
        if (manual || !diff.isEmpty() || !closed.isEmpty()) {
            StringBuilder message = new StringBuilder(capitalize(diff.summary())).append('.');
            if (!closed.isEmpty()) message.append(" Closed the tabs of ").append(String.join(", ", closed)).append('.');
            if (!kept.isEmpty()) {
                message.append(" ").append(String.join(", ", kept))
                        .append(kept.size() == 1 ? " keeps its" : " keep their").append(" unsaved changes on the previous schema until saved or discarded.");
            }
            notifications.info("Schema reloaded", message.toString());
        }
        refreshCounts();
    }

    private void reloadFailed(Throwable e, boolean manual) {
        if (reloadProblem != null) notifications.dismiss(reloadProblem);
        if (e instanceof OpenFailure f && f.kind() == OpenFailure.Kind.INVALID_SCHEMA) {
            reloadProblem = notifications.warning("The schema has errors", f.getMessage() + ". Still showing the version loaded before.", f.details());
        } else {
            reloadProblem = notifications.error(manual ? "Could not reload the schema" : "Could not reload the changed schema", e);
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private void syncModels(Project p) {
        sidebar.syncModels(p);
        tabs.forgetMissing(p);
    }

    /** Reloads every model's row count in the background (on demand, after a reload, after a save). */
    public void refreshCounts() { sidebar.refreshCounts(); }

    /** Counts one model exactly (the sidebar's "Count rows exactly"): its estimate is replaced by the count. */
    public void countExactly(String name) { sidebar.countExactly(name); }

    // ------------------------------------------------------------------ tabs

    /** Opens (or selects) the tab of a model by name, unfiltered: the sidebar and the quick switcher. */
    public void openModel(String name) { tabs.openModel(name); }

    /** Opens the first model the sidebar filter lets through (Enter in the filter box). */
    public void openFirstVisible() {
        if (!visibleModels().isEmpty()) openModel(visibleModels().getFirst().name());
    }

    /**
     * Opens a model in a tab: selects a tab already showing the same rows unless {@code newTab}, else opens one
     * (after the selected tab when {@code newTab}, else at the end).
     *
     * @param whereJson a Prisma {@code where} as JSON, or null
     */
    public void openModel(Model model, String whereJson, boolean newTab) { tabs.openModel(model, whereJson, newTab); }

    /** Opens the Prisma Client console in a tab, or selects it (View › Prisma Client Console, Ctrl+Shift+P). */
    public void openConsole() {
        tabs.openConsole(p -> ConsoleContent.create(project.getReadOnlyProperty(), executor, services.dialogs()::confirm,
                new dev.facet.ui.console.ConsoleHistory() {
                    // Remembered per schema, as the read-only switch is.
                    @Override public List<String> load() { return services.settings().consoleHistory(settingsKey(p)); }

                    @Override public void store(List<String> calls) { services.settings().setConsoleHistory(settingsKey(p), calls); }
                }, (model, where) -> tabs.openModel(model, where, true)));
    }

    /** Back in the selected tab (Alt+Left). */
    public void back() { tabs.back(); }

    /** Forward in the selected tab (Alt+Right). */
    public void forward() { tabs.forward(); }

    /**
     * Closes a tab, asking first when it holds unsaved changes.
     *
     * @return whether it was closed
     */
    public boolean closeTab(ModelTab tab) { return tabs.closeTab(tab); }

    /**
     * Closes every tab but {@code keep} (null closes all), asking once when any of them holds unsaved changes.
     *
     * @return whether they were closed
     */
    public boolean closeTabsExcept(ModelTab keep) { return tabs.closeTabsExcept(keep); }

    /** Closes the selected tab (Ctrl+W). */
    public void closeSelectedTab() {
        ModelTab t = tabs.selectedTabProperty().get();
        if (t != null) closeTab(t);
    }

    /** Saves the pending changes of the selected tab (File › Save, Ctrl+S wherever the focus is). */
    public void saveSelected() {
        ModelTab t = tabs.selectedTabProperty().get();
        if (t != null) t.content().save();
    }

    /** Reloads the rows of the selected tab and every count. */
    public void refresh() {
        ModelTab t = tabs.selectedTabProperty().get();
        if (t != null) t.content().reload();
        refreshCounts();
    }

    /**
     * Asks before the window closes when tabs hold unsaved changes.
     *
     * @return whether the window may close
     */
    public boolean confirmExit() { return tabs.confirmDiscard("Quit Facet?", "Quitting"); }

    // ------------------------------------------------------------------ closing

    /** Closing a pool can wait on connections: never on the FX thread. */
    private void closeInBackground(Project p) {
        executor.submit("Closing " + p.displayName(), () -> {
            p.close();
            return null;
        }, ok -> { }, e -> LOG.debug("Closing a project failed: {}", e.getMessage()));
    }

    /**
     * Stops watching and closes the project; for the application's exit, when no window is left to keep
     * responsive.
     */
    @Override
    public void close() {
        rememberTabs();
        stopWatching();
        Set<Project> open = new java.util.LinkedHashSet<>();
        if (project.get() != null) open.add(project.get());
        for (ModelTab t : tabs.tabs()) {
            t.dispose();
            if (t.project() != null) open.add(t.project());
        }
        open.forEach(Project::close);
        project.set(null);
    }
}
