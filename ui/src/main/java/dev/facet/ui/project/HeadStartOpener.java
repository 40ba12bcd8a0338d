package dev.facet.ui.project;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Starts opening the project a window will open first while the window itself is still starting (JavaFX's toolkit,
 * the theme, the views), on a thread of its own: on a 2-core machine kept busy by other processes the two run side by
 * side instead of one after the other, and the demo (its folder, schema, SQLite file and tables) is ready sooner. The
 * shell's first open of that same request takes the result; any other open goes to the wrapped opener as usual.
 */
public final class HeadStartOpener implements ProjectOpener {
    private final ProjectOpener opener;
    private final OpenRequest request;
    private final CompletableFuture<Project> early = new CompletableFuture<>();
    private boolean taken;
    /** Progress said before the shell asked, replayed to it when it does. */
    private String lastMessage;
    private Consumer<String> progress;

    /**
     * Starts opening {@code request} at once.
     *
     * @param opener  opens projects
     * @param request what the window will open first
     */
    public HeadStartOpener(ProjectOpener opener, OpenRequest request) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.request = Objects.requireNonNull(request, "request");
        Thread.ofPlatform().daemon().name("facet-head-start").start(() -> {
            try {
                early.complete(opener.open(request, this::progress));
            } catch (Throwable e) {
                early.completeExceptionally(e);
            }
        });
    }

    private synchronized void progress(String message) {
        lastMessage = message;
        if (progress != null) progress.accept(message);
    }

    @Override
    public Project open(OpenRequest r, Consumer<String> progress) throws OpenFailure {
        synchronized (this) {
            if (taken || !request.equals(r)) {
                if (!taken) {
                    // The window opened something else first: nobody will take the early project.
                    taken = true;
                    early.thenAccept(Project::close);
                }
                return opener.open(r, progress);
            }
            taken = true;
            this.progress = progress;
            if (lastMessage != null) progress.accept(lastMessage);
        }
        try {
            return early.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case OpenFailure f -> throw f;
                case RuntimeException x -> throw x;
                case Error x -> throw x;
                default -> throw e;
            }
        }
    }
}
