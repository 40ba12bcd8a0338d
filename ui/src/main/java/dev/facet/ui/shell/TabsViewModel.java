package dev.facet.ui.shell;

import dev.facet.schema.model.Model;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shell's tabs: opening a model in a tab (or selecting the tab already showing it), moving back and forward
 * within a tab, closing tabs (asking when they hold unsaved changes), and keeping them on a reloaded schema.
 * A tab keeps the project it was built on until it is rebuilt; a project no tab uses any more is closed.
 */
final class TabsViewModel {
    /**
     * What a schema reload did to the tabs.
     *
     * @param closed models whose tabs closed (gone from the schema)
     * @param kept   titles of tabs kept on the previous schema for their unsaved changes
     */
    record Reconciled(List<String> closed, List<String> kept) {}

    private final TaskExecutor executor;
    private final TabContentFactory contents;
    private final DialogService dialogs;
    private final Notifications notifications;
    private final Supplier<Project> project;
    private final Runnable refreshCounts;
    private final Consumer<Project> closeProject;
    private final ObservableList<ModelTab> tabs = FXCollections.observableArrayList();
    private final ObjectProperty<ModelTab> selectedTab = new SimpleObjectProperty<>(this, "selectedTab");
    private final ObservableList<String> recentlyOpened = FXCollections.observableArrayList();
    // Made once: an unmodifiable wrapper listens to its list weakly, so one made per call could be collected.
    private final ObservableList<ModelTab> tabsView = FXCollections.unmodifiableObservableList(tabs);
    private final ObservableList<String> recentlyOpenedView = FXCollections.unmodifiableObservableList(recentlyOpened);

    /**
     * @param project       the open project, or null
     * @param refreshCounts refreshes the sidebar's counts (after every save)
     * @param closeProject  closes a project no tab uses any more, in the background
     */
    TabsViewModel(TaskExecutor executor, TabContentFactory contents, DialogService dialogs, Notifications notifications,
                  Supplier<Project> project, Runnable refreshCounts, Consumer<Project> closeProject) {
        this.executor = executor;
        this.contents = contents;
        this.dialogs = dialogs;
        this.notifications = notifications;
        this.project = project;
        this.refreshCounts = refreshCounts;
        this.closeProject = closeProject;
    }

    ObservableList<ModelTab> tabs() { return tabsView; }

    ObjectProperty<ModelTab> selectedTabProperty() { return selectedTab; }

    ObservableList<String> recentlyOpened() { return recentlyOpenedView; }

    /** Another project opened: every tab goes. */
    void clear() {
        for (ModelTab t : tabs) t.dispose();
        tabs.clear();
        selectedTab.set(null);
        recentlyOpened.clear();
    }

    /** Forgets recently opened models the schema no longer has. */
    void forgetMissing(Project p) { recentlyOpened.removeIf(name -> p.schema().model(name) == null); }

    /** The schema was reloaded: clean tabs show the new schema (or close when their model is gone); dirty ones wait. */
    Reconciled reconcile(Project p) {
        List<String> closed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (ModelTab t : List.copyOf(tabs)) {
            if (t.isConsole()) {
                t.follow(p);
                continue;
            }
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
        return new Reconciled(closed, kept);
    }

    void openModel(String name) {
        Project p = project.get();
        Model m = p == null ? null : p.schema().model(name);
        if (m == null) {
            notifications.warning("No model " + name, "The schema has no model or view named " + name + ".", null);
            return;
        }
        openModel(m, null, false);
    }

    void openModel(Model model, String whereJson, boolean newTab) {
        ModelTab selected = selectedTab.get();
        openTab(model, whereJson, newTab, newTab && selected != null ? tabs.indexOf(selected) + 1 : tabs.size(), null);
    }

    /** @param then given the tab's content once it shows (a tab already showing it is reused), or null */
    private void openTab(Model model, String whereJson, boolean newTab, int at, Consumer<TabContent> then) {
        Project p = project.get();
        Model current = present(p, model.name());
        if (current == null) return;
        String where = WhereText.normalize(whereJson);
        noteOpened(current.name());
        if (!newTab) {
            for (ModelTab t : tabs) {
                if (t.modelName().equals(current.name()) && Objects.equals(t.whereJson(), where)) {
                    selectedTab.set(t);
                    if (then != null) then.accept(t.content());
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
        if (then != null) then.accept(tab.content());
    }

    /**
     * Selects the Prisma Client console's tab, opening it after the selected tab when there is none.
     *
     * @param make the console's content for a project
     */
    void openConsole(java.util.function.Function<Project, TabContent> make) {
        Project p = project.get();
        if (p == null) return;
        for (ModelTab t : tabs) {
            if (t.isConsole()) {
                selectedTab.set(t);
                return;
            }
        }
        ModelTab tab = ModelTab.console();
        tab.show(p, null, make.apply(p));
        ModelTab selected = selectedTab.get();
        tabs.add(selected == null ? tabs.size() : tabs.indexOf(selected) + 1, tab);
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
        TabContent content = contents.create(p, m, tab.whereJson(), executor, navigatorFor(tab));
        // Counts in the sidebar follow every save.
        var saves = content.savesProperty();
        if (saves != null) saves.addListener((o, before, after) -> refreshCounts.run());
        tab.show(p, m, content);
    }

    private ShellNavigator navigatorFor(ModelTab tab) {
        return new ShellNavigator() {
            @Override
            public void openModel(Model model, String whereJson, boolean newTab) { openModel(model, whereJson, newTab, null); }

            @Override
            public void openModel(Model model, String whereJson, boolean newTab, Consumer<TabContent> then) {
                if (newTab) openTab(model, whereJson, true, tabs.indexOf(tab) + 1, then);
                else navigate(tab, model, whereJson, then);
            }

            @Override public void back() { step(tab, true); }

            @Override public void forward() { step(tab, false); }
        };
    }

    /** Shows another model or filter in place in {@code tab}; Back returns. */
    private void navigate(ModelTab tab, Model model, String whereJson, Consumer<TabContent> then) {
        Project p = project.get();
        Model m = present(p, model.name());
        if (m == null || !tabs.contains(tab) || !mayLeave(tab)) return;
        Project used = tab.project();
        tab.go(new ModelTab.Location(m.name(), WhereText.normalize(whereJson)));
        noteOpened(m.name());
        show(tab, p, m);
        releaseUnused(used);
        selectedTab.set(tab);
        if (then != null) then.accept(tab.content());
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

    void back() {
        if (selectedTab.get() != null) step(selectedTab.get(), true);
    }

    void forward() {
        if (selectedTab.get() != null) step(selectedTab.get(), false);
    }

    private boolean mayLeave(ModelTab tab) {
        return !tab.isDirty() || dialogs.confirm("Leave " + tab.titleProperty().get() + "?",
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

    boolean closeTab(ModelTab tab) {
        if (!tabs.contains(tab)) return false;
        if (tab.isDirty() && !dialogs.confirm("Close " + tab.titleProperty().get() + "?",
                tab.modelName() + " has unsaved changes. Closing the tab discards them.", "Discard changes")) {
            return false;
        }
        Project used = tab.project();
        removeTab(tab);
        releaseUnused(used);
        return true;
    }

    boolean closeTabsExcept(ModelTab keep) {
        List<ModelTab> closing = tabs.stream().filter(t -> t != keep).toList();
        List<String> dirty = closing.stream().filter(ModelTab::isDirty).map(t -> t.titleProperty().get()).toList();
        if (!dirty.isEmpty() && !dialogs.confirm(keep == null ? "Close all tabs?" : "Close the other tabs?",
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

    private void removeTab(ModelTab tab) {
        int index = tabs.indexOf(tab);
        tabs.remove(tab);
        tab.dispose();
        if (selectedTab.get() == tab) selectedTab.set(tabs.isEmpty() ? null : tabs.get(Math.max(0, index - 1)));
    }

    /** @return whether the user lets unsaved changes of the tabs go ({@code what} discards them), or there are none */
    boolean confirmDiscard(String question, String what) {
        List<String> dirty = tabs.stream().filter(ModelTab::isDirty).map(t -> t.titleProperty().get()).toList();
        if (dirty.isEmpty()) return true;
        return dialogs.confirm(question, String.join(", ", dirty) + (dirty.size() == 1 ? " has" : " have")
                + " unsaved changes. " + what + " discards them.", "Discard changes");
    }

    /** Closes a project that is neither the open one nor used by a tab. */
    void releaseUnused(Project p) {
        if (p == null || p == project.get()) return;
        for (ModelTab t : tabs) if (t.project() == p) return;
        closeProject.accept(p);
    }
}
