package dev.facet.ui.shell;

import dev.facet.schema.model.Model;
import dev.facet.ui.project.Problem;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The sidebar's state: every model and view of the open schema with its row count, and the filter that narrows them.
 * Counts run in the background, a chunk of models at a time.
 */
final class SidebarViewModel {
    /** Counts run in chunks, so a schema of hundreds of models shows its first counts early. */
    private static final int COUNT_CHUNK = 25;

    private final TaskExecutor executor;
    private final Notifications notifications;
    private final Supplier<Project> project;
    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    // Made once: an unmodifiable wrapper listens to its list weakly, so one made per call could be collected.
    private final ObservableList<ModelEntry> modelsView = FXCollections.unmodifiableObservableList(models);
    private final FilteredList<ModelEntry> visibleModels = new FilteredList<>(models);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final Map<Integer, Object> countChannels = new HashMap<>();
    /** The banners of failed counts, with the models each still names: a banner goes once they all count again. */
    private final Map<Notification, List<String>> countFailures = new LinkedHashMap<>();

    /** @param project the open project, or null */
    SidebarViewModel(TaskExecutor executor, Notifications notifications, Supplier<Project> project) {
        this.executor = executor;
        this.notifications = notifications;
        this.project = project;
        filter.addListener((o, was, is) -> visibleModels.setPredicate(matcher(is)));
    }

    ObservableList<ModelEntry> models() { return modelsView; }

    ObservableList<ModelEntry> visibleModels() { return visibleModels; }

    StringProperty filterProperty() { return filter; }

    /** Keeps one entry per model, reusing entries by name so counts stay visible while they refresh. */
    void syncModels(Project p) {
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
    }

    /** Reloads every model's row count in the background (on demand, after a reload, after a save). */
    void refreshCounts() {
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

    private Object countChannel(int from) { return countChannels.computeIfAbsent(from, k -> new Object()); }

    /** Counts one model exactly (the sidebar's "Count rows exactly"): its estimate is replaced by the count. */
    void countExactly(String name) {
        Project p = project.get();
        ModelEntry entry = models.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
        if (p == null || entry == null) return;
        entry.startCounting();
        executor.submitLatest(entry, "Counting rows of " + name, () -> SidebarCounts.countAll(p, List.of(name), true),
                results -> counted(p, List.of(entry), results), e -> counted(p, List.of(entry), allFailed(List.of(name), e)));
    }

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
            if (r instanceof Long n) {
                e.counted(n);
                countsAgain(e.name());
            } else if (r instanceof SidebarCounts.Estimated est) {
                e.estimated(est.rows());
                countsAgain(e.name());
            } else if (r instanceof Problem problem) {
                e.countFailed(problem);
                // A model that cannot be opened says why in the drift notice already.
                if (p.drift().unavailable(e.name()) != null) continue;
                failures.computeIfAbsent(problem, k -> new ArrayList<>()).add(e.name());
            }
        }
        failures.forEach((problem, names) -> countFailures.put(
                notifications.error("Could not count the rows of " + String.join(", ", names), problem), new ArrayList<>(names)));
    }

    /** A model counted after a failure: a banner whose every model counts again is stale, and goes. */
    private void countsAgain(String name) {
        countFailures.entrySet().removeIf(failure -> {
            failure.getValue().remove(name);
            if (!failure.getValue().isEmpty()) return false;
            notifications.dismiss(failure.getKey());
            return true;
        });
    }

    private static Predicate<ModelEntry> matcher(String text) {
        if (text == null || text.isBlank()) return e -> true;
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return e -> e.name().toLowerCase(Locale.ROOT).contains(needle);
    }
}
