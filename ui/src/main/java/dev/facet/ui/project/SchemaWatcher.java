package dev.facet.ui.project;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a schema file (or every {@code .prisma} file of a schema folder) and calls back once per burst of
 * changes. Editors save in several steps (truncate, write, rename a temporary file), so the callback waits until
 * the folder has been quiet for a moment. The callback runs on the watcher's own daemon thread.
 */
public final class SchemaWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaWatcher.class);

    private final Path schemaPath;
    private final boolean folder;
    private final Duration quietPeriod;
    private final Runnable onChange;
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Thread thread;

    private SchemaWatcher(Path schemaPath, Duration quietPeriod, Runnable onChange) throws IOException {
        this.schemaPath = schemaPath.toAbsolutePath().normalize();
        this.folder = Files.isDirectory(this.schemaPath);
        this.quietPeriod = quietPeriod;
        this.onChange = onChange;
        this.service = this.schemaPath.getFileSystem().newWatchService();
        if (folder) registerTree(this.schemaPath);
        else register(ProjectLoader.baseDirectory(this.schemaPath));
        this.thread = Thread.ofPlatform().daemon().name("facet-schema-watch").start(this::run);
    }

    /**
     * Starts watching.
     *
     * @param schemaPath  the schema file or folder
     * @param quietPeriod how long the files must stay unchanged before {@code onChange} runs
     * @param onChange    called on the watcher thread after each burst of changes
     * @return the running watcher; close it to stop
     * @throws IOException when the folder cannot be watched
     */
    public static SchemaWatcher start(Path schemaPath, Duration quietPeriod, Runnable onChange) throws IOException {
        return new SchemaWatcher(schemaPath, quietPeriod, onChange);
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) register(d);
        }
    }

    private void register(Path dir) throws IOException {
        directories.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
    }

    private void run() {
        try {
            while (true) {
                if (!relevant(service.take())) continue;
                WatchKey more;
                while ((more = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) relevant(more);
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    LOG.warn("Schema change handler failed", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: stop quietly.
        }
    }

    /** Drains a key's events and re-arms it; says whether any of them concerns the schema. */
    private boolean relevant(WatchKey key) {
        Path dir = directories.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                relevant = true;
                continue;
            }
            Path changed = dir == null ? null : dir.resolve((Path) event.context());
            if (changed == null) continue;
            if (folder) {
                if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
                    try {
                        registerTree(changed);
                    } catch (IOException e) {
                        LOG.debug("Cannot watch new folder {}: {}", changed, e.getMessage());
                    }
                }
                relevant |= changed.getFileName().toString().endsWith(".prisma");
            } else {
                relevant |= changed.equals(schemaPath);
            }
        }
        if (!key.reset()) directories.remove(key);
        return relevant;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("Closing the schema watcher: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
