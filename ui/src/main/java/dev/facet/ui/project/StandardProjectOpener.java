package dev.facet.ui.project;

import dev.facet.ui.demo.DemoSeeder;
import dev.facet.ui.demo.DemoWorkspace;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Opens schemas through a {@link ProjectLoader}, and the demo: its schema copied to the data folder, its SQLite
 * database created and seeded on first use.
 */
public final class StandardProjectOpener implements ProjectOpener {
    private final ProjectLoader loader;
    private final DemoWorkspace demo;
    private final DemoSeeder seeder;
    private final BackgroundSeeding background;

    /**
     * @param loader opens schemas
     * @param demo   the demo's folder
     * @param seeder fills a new demo database
     */
    public StandardProjectOpener(ProjectLoader loader, DemoWorkspace demo, DemoSeeder seeder) {
        this(loader, demo, seeder, null);
    }

    /**
     * @param background when not null, a new demo database opens empty and is filled there, after the open
     *                   (the window shows the demo at once); when null, it is filled before the open returns
     */
    public StandardProjectOpener(ProjectLoader loader, DemoWorkspace demo, DemoSeeder seeder, BackgroundSeeding background) {
        this.loader = loader;
        this.demo = demo;
        this.seeder = seeder;
        this.background = background;
    }

    @Override
    public Project open(OpenRequest request, Consumer<String> progress) throws OpenFailure {
        return switch (request) {
            case OpenRequest.Schema s -> {
                Project p = loader.open(s.schemaPath(), s.url(), false);
                if (s.allowNonAtomic()) p.engine().allowNonAtomicWrites(true);
                yield p;
            }
            case OpenRequest.Demo d -> openDemo(progress);
        };
    }

    private Project openDemo(Consumer<String> progress) throws OpenFailure {
        boolean fresh;
        try {
            fresh = demo.prepare();
        } catch (IOException e) {
            throw new OpenFailure(OpenFailure.Kind.SETUP, null, "Can't prepare the demo in " + demo.folder() + ": " + e.getMessage(), null);
        }
        if (fresh) progress.accept("Creating the demo database");
        Project project = loader.open(demo.schemaFile(), null, fresh);
        if (!fresh) return project;
        if (background != null) {
            background.start(project, seeder, demo);
            return project;
        }
        try {
            seeder.seed(project.engine(), progress);
            demo.markSeeded();
            return project;
        } catch (IOException | RuntimeException e) {
            project.close();
            Problem p = Problem.of(e);
            try {
                demo.discardDatabase();
            } catch (IOException ignored) {
                // The next start finds no marker and discards it then.
            }
            throw new OpenFailure(OpenFailure.Kind.SETUP, p.code(), "Could not fill the demo database: " + p.message(), null);
        }
    }
}
