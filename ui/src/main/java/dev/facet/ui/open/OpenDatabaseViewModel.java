package dev.facet.ui.open;

import dev.facet.schema.config.UrlRedactor;
import dev.facet.ui.project.OpenFailure;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.Problem;
import dev.facet.ui.project.Project;
import dev.facet.ui.project.ProjectLoader;
import dev.facet.ui.project.ProjectOpener;
import dev.facet.ui.task.TaskExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File › Open Database: a URL and no schema. Facet writes the database's schema as {@code prisma db pull} would, into
 * a folder of its own, and opens it with that URL; the user can then save it where they like (File › Save Schema As).
 */
public final class OpenDatabaseViewModel {
    private final TaskExecutor executor;
    private final ProjectLoader loader;
    private final ProjectOpener opener;
    private final BooleanSupplier mayReplace;
    private final BiConsumer<OpenRequest, Project> onOpened;

    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canOpen;
    private final Object channel = new Object();
    /** The URL as last typed with its password, which the field shows as {@code ****} (and a {@code ****} stands for). */
    private String knownUrl;
    private boolean masking;

    /**
     * @param executor   runs the pull and the open in the background
     * @param loader     pulls schemas
     * @param opener     opens the pulled schema
     * @param mayReplace asks whether the current project may be replaced (unsaved changes)
     * @param onOpened   receives the opened project, on the FX thread
     */
    public OpenDatabaseViewModel(TaskExecutor executor, ProjectLoader loader, ProjectOpener opener, BooleanSupplier mayReplace,
                                 BiConsumer<OpenRequest, Project> onOpened) {
        this.executor = executor;
        this.loader = loader;
        this.opener = opener;
        this.mayReplace = mayReplace;
        this.onOpened = onOpened;
        canOpen = Bindings.createBooleanBinding(() -> !opening.get() && !url.get().isBlank(), opening, url);
        url.addListener((o, was, is) -> {
            if (!masking) error.set("");
        });
    }

    /** @return the database URL, as typed, its password shown as {@code ****} once typed */
    public StringProperty urlProperty() { return url; }

    /** @return why the last attempt failed ("P1001: Can't reach database server ..."), or empty */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** @return whether the pull and open are running */
    public ReadOnlyBooleanProperty openingProperty() { return opening.getReadOnlyProperty(); }

    /** @return true once the project opened (the view closes); reset by {@link #prepare()} */
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }

    /** @return whether Open can be pressed */
    public BooleanBinding canOpenProperty() { return canOpen; }

    /**
     * Shows the typed URL's password as {@code ****}, which then stands for it (as in the Open dialog): a password
     * stays on screen only while it is typed, not for a screen share or a colleague to read. Called when the field
     * loses the focus, and by {@link #open()}.
     */
    public void maskPassword() {
        String typed = url.get() == null ? "" : url.get().strip();
        if (typed.contains(UrlRedactor.MASK) || !OpenDialogViewModel.hasPassword(typed)) return;
        knownUrl = typed;
        masking = true;
        try {
            url.set(UrlRedactor.redact(typed));
        } finally {
            masking = false;
        }
    }

    /** Called before the dialog shows. */
    public void prepare() { done.set(false); }

    /** Pulls the database's schema and opens it, in the background; a failure shows in {@link #errorProperty()}. */
    public void open() {
        maskPassword();
        String typed = url.get() == null ? "" : url.get().strip();
        if (typed.isEmpty() || opening.get() || !mayReplace.getAsBoolean()) return;
        String withPassword = OpenDialogViewModel.restorePassword(typed, knownUrl);
        if (withPassword == null) {
            error.set(OpenDialogViewModel.PASSWORD_NEEDED);
            return;
        }
        String target = absoluteSqlite(withPassword);
        opening.set(true);
        error.set("");
        executor.submitLatest(channel, "Reading the database's schema", () -> {
                    Path schema = loader.pull(target, newFolder());
                    OpenRequest.Schema request = new OpenRequest.Schema(schema, target);
                    return java.util.Map.entry(request, opener.open(request, m -> { }));
                },
                opened -> {
                    opening.set(false);
                    done.set(true);
                    onOpened.accept(opened.getKey(), opened.getValue());
                },
                e -> {
                    opening.set(false);
                    error.set(e instanceof OpenFailure f ? f.describe() : Problem.of(e).text());
                });
    }

    /** A folder of its own for each pulled schema: it opens as a project, remembered and watched like any. */
    private static Path newFolder() {
        try {
            return Files.createTempDirectory("facet-database-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The pulled schema lives in a folder of its own, against which a relative SQLite path would resolve: it is made
     * absolute from the working directory first, as {@code facet pull} reads it.
     */
    static String absoluteSqlite(String url) {
        if (!url.regionMatches(true, 0, "file:", 0, 5)) return url;
        String rest = url.substring(5);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        Path p = Path.of(path);
        return p.isAbsolute() ? url : "file:" + p.toAbsolutePath().normalize() + (q < 0 ? "" : rest.substring(q));
    }
}
