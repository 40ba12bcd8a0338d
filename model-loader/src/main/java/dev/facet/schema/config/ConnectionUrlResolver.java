package dev.facet.schema.config;

import dev.facet.schema.model.UrlSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the connection URL for a schema the way the Prisma CLI does, and says where it came from, or
 * where it looked when it finds none. In order:
 *
 * <ol>
 *   <li>an explicit {@code --url};
 *   <li>the datasource {@code url}: a literal, or {@code env("X")} with X read from the process
 *       environment, else from a {@code .env} beside the schema (the schema file's folder, or the folder
 *       of a multi-file schema), else from a {@code .env} in the project root (the nearest ancestor of the
 *       schema folder holding a {@code package.json}, a {@code .git} or a Prisma config file), else from
 *       a {@code .env} in the working directory;
 *   <li>Prisma 7 style, when the schema has no {@code url} (or its variable is set nowhere): the
 *       {@code datasource.url} of the nearest {@link PrismaConfigFile Prisma config file} in the schema
 *       folder or its ancestors up to the project root, else in the working directory; its
 *       {@code env("X")} / {@code process.env.X} is looked up in the same places as above.
 * </ol>
 *
 * <p>Sources, from Prisma's docs: "{@code .env} files" (the CLI reads the project root's {@code .env} and
 * the one beside the schema given with {@code --schema}; Prisma itself refuses a variable defined in both,
 * where Facet takes the one beside the schema as the more specific); "Config API" /
 * prisma-config-reference ({@code datasource.url}, {@code env()} from prisma/config, which fails when the
 * variable is missing); the Prisma 7 upgrade guide (the URL moves from the schema to
 * {@code prisma.config.ts}, which loads {@code .env} itself with {@code import "dotenv/config"}, that is
 * from the working directory). {@code .env} values are expanded with Prisma's rule,
 * {@link DotEnvFile.Expansion#PRISMA}. An empty value counts as unset.
 *
 * <p>Never throws for bad input or I/O problems: they become {@link UrlResolution.Failed} messages, or
 * notes in them. Messages mask passwords ({@link UrlRedactor}).
 */
public final class ConnectionUrlResolver {
    private static final String PROCESS_ENVIRONMENT = "the process environment";
    private static final List<String> ROOT_MARKERS = List.of("package.json", ".git");

    private final Map<String, String> environment;
    private final Path workingDirectory;

    /**
     * @param environment      the process environment (production: {@link System#getenv()}); copied
     * @param workingDirectory the working directory, against which a relative schema path is resolved
     *                         and where a last {@code .env} and config file are looked for
     */
    public ConnectionUrlResolver(Map<String, String> environment, Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** @return a resolver over this process's environment and working directory */
    public static ConnectionUrlResolver forCurrentProcess() {
        return new ConnectionUrlResolver(System.getenv(), Path.of(""));
    }

    /**
     * @param explicitUrl   the {@code --url} option, or null
     * @param schemaPath    the schema file, or the folder of a multi-file schema (relative to the working
     *                      directory, or absolute); null means the working directory
     * @param datasourceUrl the datasource's {@code url} setting, or null when it has none
     * @return the URL and its source, or a failure saying where Facet looked
     */
    public UrlResolution resolve(String explicitUrl, Path schemaPath, UrlSetting datasourceUrl) {
        if (explicitUrl != null) {
            return explicitUrl.isBlank() ? new UrlResolution.Failed("--url is empty") : new UrlResolution.Resolved(explicitUrl, "--url");
        }
        Search search = new Search(schemaPath);
        if (datasourceUrl != null && datasourceUrl.literal() != null) {
            if (datasourceUrl.literal().isBlank()) return new UrlResolution.Failed("The datasource url in " + search.schema + " is empty");
            return new UrlResolution.Resolved(datasourceUrl.literal(), "the datasource url in " + search.schema);
        }
        if (datasourceUrl != null && datasourceUrl.envVar() != null) {
            String name = datasourceUrl.envVar();
            Lookup lookup = search.lookup(name);
            if (lookup.value != null) return new UrlResolution.Resolved(lookup.value, "env(\"" + name + "\") from " + lookup.where);
            // Not set anywhere: a half-migrated project may already carry the URL in prisma.config.ts.
            ConfigOutcome config = search.fromConfig();
            if (config.resolved != null) return config.resolved;
            return new UrlResolution.Failed(name + " is not set: looked in " + render(lookup.places) + ", " + config.asPlace);
        }
        ConfigOutcome config = search.fromConfig();
        return config.resolved != null ? config.resolved : new UrlResolution.Failed(config.asMessage);
    }

    /** A place looked in, and what was (not) there; a null note says nothing beyond "not set". */
    private record Place(String where, String note) {}

    /** @param value the value found, or null; {@code where} names its place; {@code places} lists all looked in */
    private record Lookup(String value, String where, List<Place> places) {}

    /**
     * What the config file gave: a URL, or the same failure phrased as one place in a longer list
     * ({@code asPlace}) and on its own ({@code asMessage}).
     */
    private record ConfigOutcome(UrlResolution.Resolved resolved, String asPlace, String asMessage) {
        static ConfigOutcome failed(String asPlace, String asMessage) { return new ConfigOutcome(null, asPlace, asMessage); }
    }

    /** One resolution: the schema's folders and a cache of the .env files read. */
    private final class Search {
        final Path schema;
        final Path schemaDir;
        final Path projectRoot;
        final List<Path> envFiles;
        private final Map<Path, Object> dotEnvCache = new HashMap<>();

        Search(Path schemaPath) {
            schema = schemaPath == null ? workingDirectory : workingDirectory.resolve(schemaPath).normalize();
            Path parent = schema.getParent();
            schemaDir = Files.isDirectory(schema) || parent == null ? schema : parent;
            projectRoot = findProjectRoot(schemaDir);
            Set<Path> files = new LinkedHashSet<>();
            files.add(schemaDir.resolve(".env"));
            if (projectRoot != null) files.add(projectRoot.resolve(".env"));
            files.add(workingDirectory.resolve(".env"));
            envFiles = List.copyOf(files);
        }

        Lookup lookup(String name) {
            List<Place> places = new ArrayList<>();
            String fromEnvironment = environment.get(name);
            if (fromEnvironment != null && !fromEnvironment.isEmpty()) return new Lookup(fromEnvironment, PROCESS_ENVIRONMENT, places);
            places.add(new Place(PROCESS_ENVIRONMENT, fromEnvironment == null ? null : name + " is empty"));
            for (Path file : envFiles) {
                Object loaded = dotEnv(file);
                if (loaded instanceof String problem) {
                    places.add(new Place(file.toString(), problem));
                    continue;
                }
                Optional<String> value = ((DotEnvFile) loaded).get(name);
                if (value.isPresent() && !value.get().isEmpty()) return new Lookup(value.get(), file.toString(), places);
                places.add(new Place(file.toString(), value.isPresent() ? name + " is empty" : "no " + name));
            }
            return new Lookup(null, null, places);
        }

        /** @return the parsed file, or a String saying why there is none */
        private Object dotEnv(Path file) {
            return dotEnvCache.computeIfAbsent(file, f -> {
                if (!Files.exists(f)) return "absent";
                try {
                    return DotEnvFile.read(f, environment, DotEnvFile.Expansion.PRISMA);
                } catch (IOException e) {
                    return "unreadable: " + IoMessages.describe(e);
                }
            });
        }

        ConfigOutcome fromConfig() {
            List<Path> folders = configFolders();
            Path file = null;
            for (Path folder : folders) {
                file = PrismaConfigFile.FILE_NAMES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
                if (file != null) break;
            }
            String noUrl = "The schema " + schema + " gives no datasource url";
            if (file == null) {
                String where = folders.stream().map(Path::toString).collect(Collectors.joining(", "));
                return ConfigOutcome.failed("prisma.config.ts (none in " + where + ")",
                        noUrl + ", and there is no prisma.config.ts (or .js, .mjs, .cjs, .mts, .cts) in " + where + "; pass --url");
            }
            return switch (PrismaConfigFile.read(file)) {
                case PrismaConfigFile.NoUrl n -> ConfigOutcome.failed(file + " (" + n.reason() + ")", noUrl + ", and " + file + " has " + n.reason());
                case PrismaConfigFile.Unreadable u -> ConfigOutcome.failed(
                        file + (u.line() > 0 ? ":" + u.line() : "") + " (" + u.problem() + ")", u.message());
                case PrismaConfigFile.UrlFound found -> fromUrl(found);
            };
        }

        private ConfigOutcome fromUrl(PrismaConfigFile.UrlFound found) {
            String at = found.file() + ":" + found.line();
            List<String> names = new ArrayList<>();
            List<List<Place>> looked = new ArrayList<>();
            for (PrismaConfigFile.UrlTerm term : found.alternatives()) {
                switch (term) {
                    case PrismaConfigFile.Literal literal -> {
                        if (!literal.value().isBlank()) {
                            return new ConfigOutcome(new UrlResolution.Resolved(literal.value(), "datasource.url in " + found.file()), null, null);
                        }
                    }
                    case PrismaConfigFile.EnvVar variable -> {
                        Lookup lookup = lookup(variable.name());
                        if (lookup.value != null) {
                            String source = variable.display() + " in " + found.file() + ", from " + lookup.where;
                            return new ConfigOutcome(new UrlResolution.Resolved(lookup.value, source), null, null);
                        }
                        names.add(variable.name());
                        looked.add(lookup.places);
                    }
                }
            }
            String expression = found.expression();
            if (names.isEmpty()) {
                return ConfigOutcome.failed(at + " (datasource.url is " + expression + ")",
                        "No connection URL: datasource.url in " + at + " is " + expression);
            }
            String subject = String.join(", ", names) + (names.size() == 1 ? " is" : " are");
            return ConfigOutcome.failed(at + " (datasource.url is " + expression + ", not set in those places either)",
                    subject + " not set (datasource.url in " + at + " is " + expression + "): looked in " + render(merge(looked)));
        }

        /** The schema folder up to the project root (or the file system root), then the working directory. */
        private List<Path> configFolders() {
            Set<Path> folders = new LinkedHashSet<>();
            for (Path dir = schemaDir; dir != null; dir = dir.getParent()) {
                folders.add(dir);
                if (dir.equals(projectRoot)) break;
            }
            folders.add(workingDirectory);
            return List.copyOf(folders);
        }
    }

    private static Path findProjectRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            for (String marker : ROOT_MARKERS) if (Files.exists(dir.resolve(marker))) return dir;
            for (String name : PrismaConfigFile.FILE_NAMES) if (Files.isRegularFile(dir.resolve(name))) return dir;
        }
        return null;
    }

    /** Lookups of several variables visit the same places: one entry per place, with every note. */
    private static List<Place> merge(List<List<Place>> lookups) {
        List<Place> merged = new ArrayList<>();
        for (int i = 0; i < lookups.getFirst().size(); i++) {
            Set<String> notes = new LinkedHashSet<>();
            for (List<Place> places : lookups) if (places.get(i).note() != null) notes.add(places.get(i).note());
            merged.add(new Place(lookups.getFirst().get(i).where(), notes.isEmpty() ? null : String.join(", ", notes)));
        }
        return merged;
    }

    private static String render(List<Place> places) {
        return places.stream()
                .map(p -> p.note() == null ? p.where() : p.where() + " (" + p.note() + ")")
                .collect(Collectors.joining(", "));
    }
}
