package dev.facet.ui.shell;

import dev.facet.schema.model.Model;
import dev.facet.ui.project.Project;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An open tab: a model, maybe filtered by a {@code where}, and the content showing it, with the places it showed
 * before (relations followed in place) for Back and Forward. After a schema reload a tab with unsaved changes keeps
 * its content (and the project it was made with) until the changes are saved or discarded; it is then rebuilt on the
 * new schema.
 */
public final class ModelTab {
    /** What a tab shows: a model and its filter. */
    record Location(String modelName, String whereJson) {}

    private Location location;
    private final Deque<Location> back = new ArrayDeque<>();
    private final Deque<Location> forward = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TabContent> content = new ReadOnlyObjectWrapper<>();
    private final ChangeListener<Boolean> dirtyListener = (o, was, is) -> dirty.set(is);
    private Project project;
    private Model model;
    /** Whether the tab is the Prisma Client console rather than a model's grid. */
    private final boolean console;

    ModelTab(Model model, String whereJson) {
        this.model = model;
        this.console = false;
        moveTo(new Location(model.name(), whereJson));
    }

    private ModelTab() {
        this.console = true;
        location = new Location("", null);
        title.set(CONSOLE_TITLE);
    }

    /** The console tab's title. */
    static final String CONSOLE_TITLE = "Prisma Client";

    /** @return a tab for the Prisma Client console: no model, no filter, no Back or Forward */
    static ModelTab console() { return new ModelTab(); }

    /** @return whether the tab is the Prisma Client console */
    public boolean isConsole() { return console; }

    /** The console follows the open project without being rebuilt: the project it holds on to is the new one. */
    void follow(Project p) { project = p; }

    private void moveTo(Location l) {
        location = l;
        String filter = WhereText.summary(l.whereJson());
        title.set(filter.isEmpty() ? l.modelName() : l.modelName() + " · " + filter);
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
    }

    /** Goes somewhere new in place: the current place goes on the Back stack, Forward is forgotten. */
    void go(Location l) {
        back.push(location);
        forward.clear();
        moveTo(l);
    }

    /** @return the place Back returned to, or null when there was none */
    Location goBack() {
        if (back.isEmpty()) return null;
        forward.push(location);
        moveTo(back.pop());
        return location;
    }

    /** @return the place Forward returned to, or null when there was none */
    Location goForward() {
        if (forward.isEmpty()) return null;
        back.push(location);
        moveTo(forward.pop());
        return location;
    }

    /** @return the model's name ("" for the console) */
    public String modelName() { return location.modelName(); }

    /** @return the model as the tab's content knows it */
    public Model model() { return model; }

    /** @return the normalized {@code where} JSON, or null */
    public String whereJson() { return location.whereJson(); }

    /** @return whether Back has somewhere to go */
    public ReadOnlyBooleanProperty canGoBackProperty() { return canGoBack.getReadOnlyProperty(); }

    /** @return whether Forward has somewhere to go */
    public ReadOnlyBooleanProperty canGoForwardProperty() { return canGoForward.getReadOnlyProperty(); }

    /** @return the tab's title: the model name, and its filter when it has one */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** @return whether the content holds unsaved changes */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /** @return whether the content still shows an older version of the schema (it had unsaved changes at reload) */
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }

    /** @return the content; replaced when the tab is rebuilt on a new schema */
    public ReadOnlyObjectProperty<TabContent> contentProperty() { return content.getReadOnlyProperty(); }

    /** @return the content */
    public TabContent content() { return content.get(); }

    Project project() { return project; }

    boolean isDirty() { return dirty.get(); }

    void setStale(boolean value) { stale.set(value); }

    /** Replaces the content, disposing of the old one. */
    void show(Project p, Model m, TabContent c) {
        TabContent old = content.get();
        if (old != null) {
            old.dirtyProperty().removeListener(dirtyListener);
            old.dispose();
        }
        project = p;
        model = m;
        content.set(c);
        c.dirtyProperty().addListener(dirtyListener);
        dirty.set(c.dirtyProperty().get());
        stale.set(false);
    }

    void dispose() {
        TabContent c = content.get();
        if (c != null) {
            c.dirtyProperty().removeListener(dirtyListener);
            c.dispose();
        }
    }

    @Override public String toString() { return title.get(); }
}
