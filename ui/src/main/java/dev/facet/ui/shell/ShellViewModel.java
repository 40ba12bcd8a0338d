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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
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
    /** Counts run in chunks, so a schema of hundreds of models shows its first counts early. */
    private static final int COUNT_CHUNK = 25;
    /** Codes meaning the database is gone: counting the other models would only wait for the same timeout. */
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
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP_NAME);
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<FailedOpen> failedOpen = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final FilteredList<ModelEntry> visibleModels = new FilteredList<>(models);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<ModelTab> tabs = FXCollections.observableArrayList();
    private final ObjectProperty<ModelTab> selectedTab = new SimpleObjectProperty<>(this, "selectedTab");
    /** The notification of the last failed reload, dismissed when a reload succeeds. */
    private Notification reloadProblem;
    private final ObservableList<String> recentlyOpened = FXCollections.observableArrayList();
    // Read-only views made once: an unmodifiable wrapper listens to its list weakly, so a wrapper made per call
    // could be collected with the listeners views put on it.
    private final ObservableList<ModelEntry> modelsView = FXCollections.unmodifiableObservableList(models);
    private final ObservableList<ModelTab> tabsView = FXCollections.unmodifiableObservableList(tabs);
    private final ObservableList<String> recentlyOpenedView = FXCollections.unmodifiableObservableList(recentlyOpened);
    private final Object reloadChannel = new Object();
    private final Map<Integer, Object> countChannels = new HashMap<>();
    private OpenRequest.Schema reloadRequest;
    private AutoCloseable watch;
    private long openGeneration;

    /** @param services what the shell needs from outside */
    public ShellViewModel(Services services) {
        this.services = services;
        this.executor = services.executor();
        filter.addListener((o, was, is) -> visibleModels.setPredicate(matcher(is)));
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
    public ObservableList<ModelEntry> models() { return modelsView; }

    /** @return the models the sidebar filter lets through */
    public ObservableList<ModelEntry> visibleModels() { return visibleModels; }

    /** @return the sidebar filter text */
    public StringProperty filterProperty() { return filter; }

    /** @return the open tabs in order */
    public ObservableList<ModelTab> tabs() { return tabsView; }

    /** @return the selected tab, or null */
    public ObjectProperty<ModelTab> selectedTabProperty() { return selectedTab; }

    /** @return model names in the order they were last opened, most recent first */
    public ObservableList<String> recentlyOpened() { return recentlyOpenedView; }

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
     * Asks whether the open project may be replaced when tabs hold unsaved changes (the Open dialog asks before it
     * opens, then hands the project over with {@link #adopt}).
     */
    public boolean confirmReplace() { return confirmDiscard("Open another project?", "Opening another project"); }

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
        Project old = project.get();
        for (ModelTab t : tabs) t.dispose();
        tabs.clear();
        selectedTab.set(null);
        recentlyOpened.clear();
        project.set(p);
        reloadRequest = request instanceof OpenRequest.Schema s
                ? new OpenRequest.Schema(p.schemaPath(), s.url()) : new OpenRequest.Schema(p.schemaPath(), null);
        title.set(titleFor(p));
        syncModels(p);
        driftNotice.show(p);
        if (old != null) closeInBackground(old);
        watchSchema(p.schemaPath());
        if (request instanceof OpenRequest.Schema s) {
            services.settings().remember(new RecentProject(p.schemaPath().toString(), s.url(), DatabaseLabel.of(p.displayUrl())));
        }
        refreshCounts();
    }

    private void openFailed(OpenRequest request, Throwable e) {
        opening.set(false);
        busyMessage.set(null);
        OpenFailure failure = e instanceof OpenFailure f ? f : unexpected(e);
        failedOpen.set(new FailedOpen(request, failure));
        notifications.error("Could not open " + (request instanceof OpenRequest.Schema s ? s.schemaPath().getFileName() : "the demo"), failure);
    }

    private static OpenFailure unexpected(Throwable e) {
        LOG.warn("Opening failed", e);
        Problem p = Problem.of(e);
        return new OpenFailure(OpenFailure.Kind.SETUP, p.code(), p.message(), null);
    }

    /** @return "Facet — schema.prisma (demo.db)" */
    static String titleFor(Project p) {
        String database = DatabaseLabel.of(p.displayUrl());
        return APP_NAME + " — " + p.displayName() + (database.isEmpty() ? "" : " (" + database + ")");
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

    private void reloaded(Project before, Project p, boolean manual) {
        if (project.get() != before) {
            // Another project was opened meanwhile.
            closeInBackground(p);
            return;
        }
        SchemaDiff diff = SchemaDiff.between(before.schema(), p.schema());
        // The schema loads again: what the last failed reload said is over.
        if (reloadProblem != null) notifications.dismiss(reloadProblem);
        reloadProblem = null;
        project.set(p);
        title.set(titleFor(p));
        syncModels(p);
        driftNotice.show(p);
        List<String> closed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (ModelTab t : List.copyOf(tabs)) {
            if (t.isDirty()) {
                t.setStale(true);
                kept.add(t.titleProperty().get());
                continue;
            }
            Model m = p.schema().model(t.modelName());
            if (m == null || m.ignored()) {
                removeTab(t);
                closed.add(t.modelName());
            } else {
                show(t, p, m);
            }
        }
        releaseUnused(before);
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

    /** Keeps one entry per model, reusing entries by name so counts stay visible while they refresh. */
    private void syncModels(Project p) {
        Map<String, ModelEntry> existing = new HashMap<>();
        for (ModelEntry e : models) existing.put(e.name(), e);
        List<ModelEntry> next = new ArrayList<>();
        for (Model m : p.schema().models()) {
            if (m.ignored()) continue;
            ModelEntry e = existing.get(m.name());
            if (e == null) e = new ModelEntry(m);
            else e.setModel(m);
            e.setDrift(p.drift().describe(m.name()), p.drift().unavailable(m.name()));
            next.add(e);
        }
        models.setAll(next);
        recentlyOpened.removeIf(name -> p.schema().model(name) == null);
    }

    // ------------------------------------------------------------------ counts

    /** Reloads every model's row count in the background (on demand, after a reload, after a save). */
    public void refreshCounts() {
        Project p = project.get();
        if (p == null) return;
        List<ModelEntry> entries = List.copyOf(models);
        for (int from = 0; from < entries.size(); from += COUNT_CHUNK) {
            List<ModelEntry> chunk = entries.subList(from, Math.min(entries.size(), from + COUNT_CHUNK));
            List<String> names = chunk.stream().map(ModelEntry::name).toList();
            chunk.forEach(ModelEntry::startCounting);
            executor.submitLatest(countChannel(from), "Counting rows of " + (names.size() == 1 ? names.getFirst() : names.size() + " models"),
                    () -> SidebarCounts.countAll(p, names, false),
                    results -> counted(p, chunk, results),
                    e -> counted(p, chunk, allFailed(names, e)));
        }
    }

    /** Counts one model exactly (the sidebar's "Count rows exactly"): its estimate is replaced by the count. */
    public void countExactly(String name) {
        Project p = project.get();
        ModelEntry entry = models.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
        if (p == null || entry == null) return;
        entry.startCounting();
        executor.submitLatest(entry, "Counting rows of " + name, () -> SidebarCounts.countAll(p, List.of(name), true),
                results -> counted(p, List.of(entry), results), e -> counted(p, List.of(entry), allFailed(List.of(name), e)));
    }

    private Object countChannel(int from) { return countChannels.computeIfAbsent(from, k -> new Object()); }

    private static Map<String, Object> allFailed(List<String> names, Throwable e) {
        Map<String, Object> out = new LinkedHashMap<>();
        Problem problem = Problem.of(e);
        for (String n : names) out.put(n, problem);
        return out;
    }

    private void counted(Project p, List<ModelEntry> chunk, Map<String, Object> results) {
        if (project.get() != p) return;
        Map<Problem, List<String>> failures = new LinkedHashMap<>();
        for (ModelEntry e : chunk) {
            Object r = results.get(e.name());
            if (r instanceof Long n) e.counted(n);
            else if (r instanceof SidebarCounts.Estimated est) e.estimated(est.rows());
            else if (r instanceof Problem problem) {
                e.countFailed(problem);
                // A model that cannot be opened says why in the drift notice already.
                if (p.drift().unavailable(e.name()) != null) continue;
                failures.computeIfAbsent(problem, k -> new ArrayList<>()).add(e.name());
            }
        }
        failures.forEach((problem, names) -> notifications.error("Could not count the rows of " + String.join(", ", names), problem));
    }

    // ------------------------------------------------------------------ tabs

    /** Opens (or selects) the tab of a model by name, unfiltered: the sidebar and the quick switcher. */
    public void openModel(String name) {
        Project p = project.get();
        Model m = p == null ? null : p.schema().model(name);
        if (m == null) {
            notifications.warning("No model " + name, "The schema has no model or view named " + name + ".", null);
            return;
        }
        openModel(m, null, false);
    }

    /** Opens the first model the sidebar filter lets through (Enter in the filter box). */
    public void openFirstVisible() {
        if (!visibleModels.isEmpty()) openModel(visibleModels.getFirst().name());
    }

    /**
     * Opens a model in a tab: selects a tab already showing the same rows unless {@code newTab}, else opens one
     * (after the selected tab when {@code newTab}, else at the end).
     *
     * @param whereJson a Prisma {@code where} as JSON, or null
     */
    public void openModel(Model model, String whereJson, boolean newTab) {
        ModelTab selected = selectedTab.get();
        openTab(model, whereJson, newTab, newTab && selected != null ? tabs.indexOf(selected) + 1 : tabs.size());
    }

    private void openTab(Model model, String whereJson, boolean newTab, int at) {
        Project p = project.get();
        Model current = present(p, model.name());
        if (current == null) return;
        String where = WhereText.normalize(whereJson);
        noteOpened(current.name());
        if (!newTab) {
            for (ModelTab t : tabs) {
                if (t.modelName().equals(current.name()) && Objects.equals(t.whereJson(), where)) {
                    selectedTab.set(t);
                    return;
                }
            }
        }
        ModelTab tab = new ModelTab(current, where);
        show(tab, p, current);
        tab.dirtyProperty().addListener((o, was, is) -> {
            if (!is && tab.project() != project.get() && tabs.contains(tab)) rebuildStale(tab);
        });
        tabs.add(Math.min(at, tabs.size()), tab);
        selectedTab.set(tab);
    }

    /** @return the model in the current schema, or null after saying it is gone */
    private Model present(Project p, String name) {
        Model m = p == null ? null : p.schema().model(name);
        if (m == null || m.ignored()) {
            notifications.warning("No model " + name, name + " is not in the schema any more.", null);
            return null;
        }
        if (p.drift().unavailable(name) != null) {
            notifications.warning("Cannot open " + name, name + " cannot be opened: " + p.drift().unavailable(name) + ".", p.drift().describe(name));
            return null;
        }
        return m;
    }

    /** (Re)builds a tab's content for what it shows now, with a navigator bound to that tab. */
    private void show(ModelTab tab, Project p, Model m) {
        TabContent content = services.tabContents().create(p, m, tab.whereJson(), executor, navigatorFor(tab));
        // Counts in the sidebar follow every save.
        var saves = content.savesProperty();
        if (saves != null) saves.addListener((o, before, after) -> refreshCounts());
        tab.show(p, m, content);
    }

    private ShellNavigator navigatorFor(ModelTab tab) {
        return new ShellNavigator() {
            @Override
            public void openModel(Model model, String whereJson, boolean newTab) {
                if (newTab) openTab(model, whereJson, true, tabs.indexOf(tab) + 1);
                else navigate(tab, model, whereJson);
            }

            @Override public void back() { step(tab, true); }

            @Override public void forward() { step(tab, false); }
        };
    }

    /** Shows another model or filter in place in {@code tab}; Back returns. */
    private void navigate(ModelTab tab, Model model, String whereJson) {
        Project p = project.get();
        Model m = present(p, model.name());
        if (m == null || !tabs.contains(tab) || !mayLeave(tab)) return;
        Project used = tab.project();
        tab.go(new ModelTab.Location(m.name(), WhereText.normalize(whereJson)));
        noteOpened(m.name());
        show(tab, p, m);
        releaseUnused(used);
        selectedTab.set(tab);
    }

    private void step(ModelTab tab, boolean backwards) {
        if (!tabs.contains(tab) || !(backwards ? tab.canGoBackProperty() : tab.canGoForwardProperty()).get() || !mayLeave(tab)) return;
        Project used = tab.project();
        ModelTab.Location l = backwards ? tab.goBack() : tab.goForward();
        Project p = project.get();
        Model m = p == null ? null : p.schema().model(l.modelName());
        if (m == null) {
            // The schema lost that model since: stay where the tab is.
            if (backwards) tab.goForward();
            else tab.goBack();
            notifications.info("No model " + l.modelName(), l.modelName() + " is not in the schema any more.");
            return;
        }
        show(tab, p, m);
        releaseUnused(used);
    }

    /** Back in the selected tab (Alt+Left). */
    public void back() {
        if (selectedTab.get() != null) step(selectedTab.get(), true);
    }

    /** Forward in the selected tab (Alt+Right). */
    public void forward() {
        if (selectedTab.get() != null) step(selectedTab.get(), false);
    }

    private boolean mayLeave(ModelTab tab) {
        return !tab.isDirty() || services.dialogs().confirm("Leave " + tab.titleProperty().get() + "?",
                tab.modelName() + " has unsaved changes. Leaving discards them.", "Discard changes");
    }

    private void noteOpened(String name) {
        recentlyOpened.remove(name);
        recentlyOpened.addFirst(name);
    }

    /** A tab that kept its unsaved changes across a reload is clean now: rebuild it on the current schema. */
    private void rebuildStale(ModelTab tab) {
        Project old = tab.project();
        Project p = project.get();
        Model m = p == null ? null : p.schema().model(tab.modelName());
        if (m == null) {
            removeTab(tab);
            notifications.info("Closed " + tab.modelName(), tab.modelName() + " is not in the schema any more.");
        } else {
            show(tab, p, m);
        }
        releaseUnused(old);
    }

    /**
     * Closes a tab, asking first when it holds unsaved changes.
     *
     * @return whether it was closed
     */
    public boolean closeTab(ModelTab tab) {
        if (!tabs.contains(tab)) return false;
        if (tab.isDirty() && !services.dialogs().confirm("Close " + tab.titleProperty().get() + "?",
                tab.modelName() + " has unsaved changes. Closing the tab discards them.", "Discard changes")) {
            return false;
        }
        Project used = tab.project();
        removeTab(tab);
        releaseUnused(used);
        return true;
    }

    /**
     * Closes every tab but {@code keep} (null closes all), asking once when any of them holds unsaved changes.
     *
     * @return whether they were closed
     */
    public boolean closeTabsExcept(ModelTab keep) {
        List<ModelTab> closing = tabs.stream().filter(t -> t != keep).toList();
        List<String> dirty = closing.stream().filter(ModelTab::isDirty).map(t -> t.titleProperty().get()).toList();
        if (!dirty.isEmpty() && !services.dialogs().confirm(keep == null ? "Close all tabs?" : "Close the other tabs?",
                String.join(", ", dirty) + (dirty.size() == 1 ? " has" : " have") + " unsaved changes. Closing discards them.",
                "Discard changes")) {
            return false;
        }
        for (ModelTab t : closing) {
            Project used = t.project();
            removeTab(t);
            releaseUnused(used);
        }
        return true;
    }

    /** Closes the selected tab (Ctrl+W). */
    public void closeSelectedTab() {
        if (selectedTab.get() != null) closeTab(selectedTab.get());
    }

    private void removeTab(ModelTab tab) {
        int index = tabs.indexOf(tab);
        tabs.remove(tab);
        tab.dispose();
        if (selectedTab.get() == tab) selectedTab.set(tabs.isEmpty() ? null : tabs.get(Math.max(0, index - 1)));
    }

    /** Saves the pending changes of the selected tab (File › Save, Ctrl+S wherever the focus is). */
    public void saveSelected() {
        ModelTab t = selectedTab.get();
        if (t != null) t.content().save();
    }

    /** Reloads the rows of the selected tab and every count. */
    public void refresh() {
        ModelTab t = selectedTab.get();
        if (t != null) t.content().reload();
        refreshCounts();
    }

    /**
     * Asks before the window closes when tabs hold unsaved changes.
     *
     * @return whether the window may close
     */
    public boolean confirmExit() { return confirmDiscard("Quit Facet?", "Quitting"); }

    private boolean confirmDiscard(String question, String what) {
        List<String> dirty = tabs.stream().filter(ModelTab::isDirty).map(t -> t.titleProperty().get()).toList();
        if (dirty.isEmpty()) return true;
        return services.dialogs().confirm(question, String.join(", ", dirty) + (dirty.size() == 1 ? " has" : " have")
                + " unsaved changes. " + what + " discards them.", "Discard changes");
    }

    // ------------------------------------------------------------------ closing

    private void releaseUnused(Project p) {
        if (p == null || p == project.get()) return;
        for (ModelTab t : tabs) if (t.project() == p) return;
        closeInBackground(p);
    }

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
        stopWatching();
        Set<Project> open = new java.util.LinkedHashSet<>();
        if (project.get() != null) open.add(project.get());
        for (ModelTab t : tabs) {
            t.dispose();
            if (t.project() != null) open.add(t.project());
        }
        open.forEach(Project::close);
        project.set(null);
    }

    private static java.util.function.Predicate<ModelEntry> matcher(String text) {
        if (text == null || text.isBlank()) return e -> true;
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return e -> e.name().toLowerCase(Locale.ROOT).contains(needle);
    }
}
