package dev.facet.ui.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The quick model switcher (Ctrl+P / Ctrl+K): type a few letters, pick a model. Matches rank exact names first,
 * then prefixes, then the capitals of a camel-case name ("ol" finds OrderLine), then substrings, then letters in
 * order; among equals, recently opened models come first, then schema order. An empty query lists the recently
 * opened models first.
 */
public final class QuickSwitcherViewModel {
    /** A model that matches, and how well. */
    public record Match(String name, boolean view, int score) {}

    private final ObservableList<ModelEntry> models;
    private final ObservableList<String> recent;
    private final Consumer<String> open;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Match> matches = FXCollections.observableArrayList();
    private final ObservableList<Match> matchesView = FXCollections.unmodifiableObservableList(matches);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);

    /**
     * @param models the shell's models
     * @param recent model names, most recently opened first
     * @param open   opens a model by name
     */
    public QuickSwitcherViewModel(ObservableList<ModelEntry> models, ObservableList<String> recent, Consumer<String> open) {
        this.models = models;
        this.recent = recent;
        this.open = open;
        query.addListener((o, was, is) -> update());
        models.addListener((ListChangeListener<ModelEntry>) c -> update());
        update();
    }

    /** @return what the user typed */
    public StringProperty queryProperty() { return query; }

    /** @return the matching models, best first */
    public ObservableList<Match> matches() { return matchesView; }

    /** @return the index of the highlighted match, -1 when there is none */
    public ReadOnlyIntegerProperty selectedProperty() { return selected.getReadOnlyProperty(); }

    /** Starts afresh: empty query, first match highlighted. */
    public void reset() {
        query.set("");
        update();
    }

    /** Moves the highlight by {@code delta} rows, wrapping around. */
    public void move(int delta) {
        if (matches.isEmpty()) return;
        int n = matches.size();
        selected.set(((selected.get() + delta) % n + n) % n);
    }

    /** Highlights a row (a mouse click). */
    public void select(int index) {
        if (index >= 0 && index < matches.size()) selected.set(index);
    }

    /**
     * Opens the highlighted model.
     *
     * @return whether one was opened (the switcher closes then)
     */
    public boolean accept() {
        int i = selected.get();
        if (i < 0 || i >= matches.size()) return false;
        open.accept(matches.get(i).name());
        return true;
    }

    private void update() {
        String q = query.get() == null ? "" : query.get().strip();
        List<Match> found = new ArrayList<>();
        for (ModelEntry e : models) {
            int score = score(e.name(), q);
            if (score > 0) found.add(new Match(e.name(), e.isView(), score));
        }
        List<String> order = models.stream().map(ModelEntry::name).toList();
        found.sort(Comparator.comparingInt((Match m) -> -m.score())
                .thenComparingInt(m -> recentRank(m.name()))
                .thenComparingInt(m -> order.indexOf(m.name())));
        matches.setAll(found);
        selected.set(found.isEmpty() ? -1 : 0);
    }

    private int recentRank(String name) {
        int i = recent.indexOf(name);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** @return how well {@code name} matches {@code query}: 0 for no match, higher is better */
    static int score(String name, String query) {
        if (query.isEmpty()) return 1;
        String n = name.toLowerCase(Locale.ROOT);
        String q = query.toLowerCase(Locale.ROOT);
        if (n.equals(q)) return 100;
        if (n.startsWith(q)) return 80;
        if (initials(name).toLowerCase(Locale.ROOT).startsWith(q)) return 60;
        if (n.contains(q)) return 40;
        int at = 0;
        for (char c : q.toCharArray()) {
            at = n.indexOf(c, at);
            if (at < 0) return 0;
            at++;
        }
        return 20;
    }

    /** The capitals of a camel-case name and the letters after underscores: OrderLine gives "OL". */
    private static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i == 0 || Character.isUpperCase(c) || (name.charAt(i - 1) == '_' && c != '_')) out.append(c);
        }
        return out.toString();
    }
}
