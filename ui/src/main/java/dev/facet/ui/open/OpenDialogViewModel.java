package dev.facet.ui.open;

import dev.facet.data.SchemaCreation;
import dev.facet.schema.config.UrlRedactor;
import dev.facet.schema.config.UrlResolution;
import dev.facet.schema.model.Schema;
import dev.facet.ui.project.OpenFailure;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.Project;
import dev.facet.ui.project.ProjectLoader;
import dev.facet.ui.project.ProjectOpener;
import dev.facet.ui.settings.RecentProject;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.project.Problem;
import dev.facet.ui.task.TaskExecutor;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Open dialog: a schema path and a connection URL. Choosing a schema checks it in the background and fills in
 * the URL the way Prisma finds it (schema, {@code .env}, {@code prisma.config.ts}), with its password shown as
 * {@code ****}; the URL can be edited, and a {@code ****} left in it stands for that password. Opening runs in the
 * background; a failure (schema errors with their diagnostics, a connection error with Prisma's code) shows in the
 * dialog and keeps everything typed.
 */
public final class OpenDialogViewModel {
    /** What a URL with {@code ****} and no password behind it is refused with. */
    static final String PASSWORD_NEEDED = "Type the password in place of **** in the URL: Facet does not store passwords.";

    private final TaskExecutor executor;
    private final ProjectLoader loader;
    private final ProjectOpener opener;
    private final UserSettings settings;
    private final BooleanSupplier mayReplace;
    private final BiConsumer<OpenRequest, Project> onOpened;

    private final StringProperty schemaPath = new SimpleStringProperty(this, "schemaPath", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ReadOnlyStringWrapper urlHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper schemaStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diagnostics = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OpenFailure.Kind> errorKind = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SchemaCreation.Offer> offer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper inspecting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final BooleanBinding busy = inspecting.or(opening);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final ObservableList<RecentProject> recent = FXCollections.observableArrayList();
    private final BooleanBinding canOpen;
    private final Object inspectChannel = new Object();
    private final Object openChannel = new Object();

    /** The URL the schema's sources (or the command line) gave, unmasked; a {@code ****} typed in the URL field stands for its password. */
    private String knownUrl;
    /** Whether {@link #knownUrl} came from the schema's sources, which find it again (so it is not stored as typed). */
    private boolean knownFromSources;
    /** What the URL field said when Facet filled it in; the user has edited it when it differs. */
    private String filledUrl = "";
    /** Whether the URL was given rather than found (a recent project's, or the command line's): checks keep it. */
    private boolean givenUrl;
    /** Whether Facet, not the user, is changing the URL field. */
    private boolean fillingUrl;
    /** The last request opened or prefilled: "create it and push the schema" opens it again once created. */
    private OpenRequest.Schema lastRequest;

    /**
     * @param executor   runs the checks and the open in the background
     * @param loader     checks schemas and finds their URLs
     * @param opener     opens projects
     * @param settings   the recent projects
     * @param mayReplace asks whether the current project may be replaced (unsaved changes)
     * @param onOpened   receives the opened project, on the FX thread
     */
    public OpenDialogViewModel(TaskExecutor executor, ProjectLoader loader, ProjectOpener opener, UserSettings settings,
                               BooleanSupplier mayReplace, BiConsumer<OpenRequest, Project> onOpened) {
        this.executor = executor;
        this.loader = loader;
        this.opener = opener;
        this.settings = settings;
        this.mayReplace = mayReplace;
        this.onOpened = onOpened;
        canOpen = Bindings.createBooleanBinding(() -> !opening.get() && !schemaPath.get().isBlank(), opening, schemaPath);
        schemaPath.addListener((o, was, is) -> {
            error.set("");
            errorKind.set(null);
            offer.set(null);
        });
        url.addListener((o, was, is) -> {
            // Only the user's edits make the last failure stale: Facet filling in the schema's URL after a failed open
            // from the command line must leave that failure (and its offer) in view.
            if (fillingUrl) return;
            OpenFailure.Kind k = errorKind.get();
            if (k == OpenFailure.Kind.CONNECTION || k == OpenFailure.Kind.NO_URL || k == OpenFailure.Kind.NOT_CREATED) {
                error.set("");
                errorKind.set(null);
                offer.set(null);
            }
        });
        recent.setAll(settings.recent());
    }

    // ------------------------------------------------------------------ state

    /** @return the schema file or folder, as typed or chosen */
    public StringProperty schemaPathProperty() { return schemaPath; }

    /** @return the connection URL, passwords shown as {@code ****} */
    public StringProperty urlProperty() { return url; }

    /** @return where the URL came from, or where Facet looked for one */
    public ReadOnlyStringProperty urlHintProperty() { return urlHint.getReadOnlyProperty(); }

    /** @return one line about the schema: "7 models, sqlite", "2 errors", "does not exist" */
    public ReadOnlyStringProperty schemaStatusProperty() { return schemaStatus.getReadOnlyProperty(); }

    /** @return the schema's diagnostics as Prisma prints them, or empty */
    public ReadOnlyStringProperty diagnosticsProperty() { return diagnostics.getReadOnlyProperty(); }

    /** @return why the last open failed ("P1001: Can't reach database server ..."), or empty */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** @return what the last failure was about, so the view can mark the field; null when there is none */
    public ReadOnlyObjectProperty<OpenFailure.Kind> errorKindProperty() { return errorKind.getReadOnlyProperty(); }

    /**
     * @return what "create it and push the schema" would create, when the last open found the database missing or
     *         without tables; null otherwise
     */
    public ReadOnlyObjectProperty<SchemaCreation.Offer> offerProperty() { return offer.getReadOnlyProperty(); }

    /** @return whether a check or an open is running */
    public BooleanBinding busyProperty() { return busy; }

    /** @return whether an open is running */
    public ReadOnlyBooleanProperty openingProperty() { return opening.getReadOnlyProperty(); }

    /** @return true once a project opened (the view closes the dialog); reset by {@link #prepare()} */
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }

    /** @return whether Open can be pressed */
    public BooleanBinding canOpenProperty() { return canOpen; }

    /** @return the recent projects, most recent first */
    public ObservableList<RecentProject> recent() { return recent; }

    // ------------------------------------------------------------------ commands

    /** Called before the dialog shows: refreshes the recent list, keeps what was typed. */
    public void prepare() {
        done.set(false);
        recent.setAll(settings.recent());
    }

    /** Fills the dialog with a request that failed (from the command line), and its failure. */
    public void prefill(OpenRequest.Schema request, OpenFailure failure) {
        lastRequest = request;
        schemaPath.set(request.schemaPath().toString());
        if (request.url() != null) {
            knownUrl = request.url();
            knownFromSources = false;
            givenUrl = true;
            setUrlByFacet(UrlRedactor.redact(request.url()));
        }
        inspect();
        if (failure != null) showFailure(failure);
    }

    /** Fills the dialog with a recent project and checks its schema. */
    public void chooseRecent(RecentProject project) {
        schemaPath.set(project.schemaPath());
        knownUrl = null;
        givenUrl = project.url() != null;
        setUrlByFacet(givenUrl ? project.url() : "");
        inspect();
    }

    /** Removes a project from the recent list. */
    public void forgetRecent(RecentProject project) {
        settings.forget(project);
        recent.setAll(settings.recent());
    }

    /** Checks the schema at the typed path in the background and fills in its URL unless the user typed one. */
    public void inspect() {
        Path path = parsePath();
        if (path == null) return;
        String pathText = schemaPath.get();
        inspecting.set(true);
        executor.submitLatest(inspectChannel, "Checking " + path.getFileName(), () -> loader.inspect(path),
                inspection -> {
                    inspecting.set(false);
                    if (pathText.equals(schemaPath.get())) inspected(inspection);
                },
                e -> {
                    inspecting.set(false);
                    schemaStatus.set(Problem.of(e).text());
                });
    }

    private void inspected(ProjectLoader.Inspection inspection) {
        diagnostics.set(inspection.diagnostics());
        if (inspection.problem() != null) {
            schemaStatus.set(inspection.problem());
        } else if (inspection.schema().isEmpty()) {
            int n = inspection.errorCount();
            schemaStatus.set("The schema has " + n + (n == 1 ? " error" : " errors"));
        } else {
            schemaStatus.set(describe(inspection.schema().get()));
        }
        switch (inspection.url()) {
            case UrlResolution.Resolved r -> {
                // A URL the user typed, or one given with a recent project or on the command line, wins.
                if (!givenUrl && !userEditedUrl()) {
                    knownUrl = r.url();
                    knownFromSources = true;
                    setUrlByFacet(UrlRedactor.redact(r.url()));
                } else if (knownUrl == null) {
                    knownUrl = r.url();
                    knownFromSources = true;
                }
                urlHint.set("From " + r.source() + (hasPassword(r.url()) ? "; **** stands for its password" : ""));
            }
            case UrlResolution.Failed f -> {
                if (!givenUrl && !userEditedUrl()) setUrlByFacet("");
                if (givenUrl || userEditedUrl()) urlHint.set("The URL above is used; the schema, .env and prisma.config.ts give none.");
                // An invalid schema has no datasource to read; the resolver's message would only confuse.
                else if (!inspection.valid() && inspection.errorCount() > 0) urlHint.set("Facet reads the URL from the schema once it is valid; or type one here.");
                else urlHint.set(f.message());
            }
        }
    }

    private static String describe(Schema schema) {
        long views = schema.models().stream().filter(m -> m.view() && !m.ignored()).count();
        long models = schema.models().stream().filter(m -> !m.view() && !m.ignored()).count();
        String provider = schema.provider().map(p -> p.id()).orElse("no datasource");
        return models + (models == 1 ? " model" : " models") + (views > 0 ? ", " + views + (views == 1 ? " view" : " views") : "")
                + " · " + provider;
    }

    /** Opens the project in the background; on success hands it to the shell and marks the dialog done. */
    public void open() {
        Path path = parsePath();
        if (path == null || opening.get()) return;
        String typed = url.get() == null ? "" : url.get().strip();
        String explicit;
        if (typed.isEmpty()) {
            explicit = null;
        } else if (knownUrl != null && UrlRedactor.redact(knownUrl).equals(typed)) {
            // The URL Facet showed, untouched: found again from its sources, or the one from the command line.
            explicit = knownFromSources ? null : knownUrl;
        } else {
            explicit = restorePassword(typed, knownUrl);
            if (explicit == null) {
                showFailure(new OpenFailure(OpenFailure.Kind.NO_URL, null,
                        PASSWORD_NEEDED, null));
                return;
            }
        }
        if (!mayReplace.getAsBoolean()) return;
        run(new OpenRequest.Schema(path, explicit), null);
    }

    /**
     * Creates the database of {@link #offerProperty()} (the user confirmed what it creates), pushes the schema, and
     * opens the project as {@link #open()} does; a failure shows in the dialog.
     */
    public void createAndOpen() {
        SchemaCreation.Offer o = offer.get();
        if (o == null || lastRequest == null || opening.get() || !mayReplace.getAsBoolean()) return;
        run(lastRequest, o);
    }

    private void run(OpenRequest.Schema request, SchemaCreation.Offer create) {
        lastRequest = request;
        opening.set(true);
        error.set("");
        errorKind.set(null);
        offer.set(null);
        Path path = request.schemaPath();
        executor.submitLatest(openChannel, (create != null ? "Creating " + create.target() : "Opening " + path.getFileName()), () -> {
                    if (create != null) loader.create(create);
                    return opener.open(request, m -> { });
                },
                project -> {
                    opening.set(false);
                    done.set(true);
                    onOpened.accept(request, project);
                    recent.setAll(settings.recent());
                },
                e -> {
                    opening.set(false);
                    showFailure(e instanceof OpenFailure f ? f : new OpenFailure(OpenFailure.Kind.SETUP, Problem.of(e).code(), Problem.of(e).message(), null));
                });
    }

    private void showFailure(OpenFailure f) {
        errorKind.set(f.kind());
        error.set(f.describe());
        offer.set(f.offer());
        if (f.kind() == OpenFailure.Kind.INVALID_SCHEMA && f.details() != null) diagnostics.set(f.details());
    }

    private Path parsePath() {
        String text = schemaPath.get() == null ? "" : schemaPath.get().strip();
        if (text.isEmpty()) return null;
        try {
            return Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
        } catch (InvalidPathException e) {
            showFailure(new OpenFailure(OpenFailure.Kind.UNREADABLE, null, "Not a valid path: " + e.getMessage(), null));
            return null;
        }
    }

    private void setUrlByFacet(String value) {
        filledUrl = value;
        fillingUrl = true;
        try {
            url.set(value);
        } finally {
            fillingUrl = false;
        }
    }

    private boolean userEditedUrl() { return !(url.get() == null ? "" : url.get()).equals(filledUrl); }

    static boolean hasPassword(String url) { return !UrlRedactor.redact(url).equals(url); }

    /**
     * Puts a known password back where the user left {@code ****}.
     *
     * @return the URL to use, or null when it still holds {@code ****} and no password is known
     */
    static String restorePassword(String typed, String known) {
        if (!typed.contains(UrlRedactor.MASK)) return typed;
        if (known == null) return null;
        String masked = UrlRedactor.redact(known);
        int at = masked.indexOf(UrlRedactor.MASK);
        if (at < 0) return null;
        String before = masked.substring(0, at);
        String after = masked.substring(at + UrlRedactor.MASK.length());
        if (!known.startsWith(before) || !known.endsWith(after) || known.length() < before.length() + after.length()) return null;
        String password = known.substring(before.length(), known.length() - after.length());
        return typed.replace(UrlRedactor.MASK, password);
    }
}
