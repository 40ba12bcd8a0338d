import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Finishes the application image that jpackage made, then checks it. installers/pom.xml runs it in the
 * package phase, before the installers are made from the image:
 * <pre>java ImageTool.java --image target/image --launcher Facet --cli-launcher facet-cli
 *      --launcher-options ../app/src/main/resources/dev/facet/app/launcher.properties --javafx target/jpackage/javafx
 *      --expect-version "facet 0.1.0" --schema schema.prisma [--aot true] [--training auto|gui|cli]
 *      [--training-seconds 20] [--log target/image-tool.log]</pre>
 * <ol>
 * <li>JavaFX's native libraries go beside the runtime's own (lib/, or bin/ on Windows), where
 *     System.loadLibrary finds them; jlink left them out of the modules, so JavaFX never extracts
 *     anything to ~/.openjfx. The tool checks that no javafx module still carries one.</li>
 * <li>The runtime's modules are checked against what jdeps finds in the jars, so that a new
 *     dependency cannot break the installed app with a NoClassDefFoundError.</li>
 * <li>facet.jar loses what the runtime's JavaFX modules already have, and sqlite-jdbc's natives for
 *     other platforms (34 MB to 14 MB). Every jar gets one fixed modification time
 *     (see {@link #JAR_TIME_SECONDS}).</li>
 * <li>Each launcher's .cfg gets its JVM options from app's launcher.properties, the file scripts/facet.sh reads
 *     too: both get launcher.logJavaOptions, the window's launcher launcher.windowJavaOptions, the command line's
 *     launcher.commandsJavaOptions (C1 only, the serial collector: commands live for seconds, see
 *     docs/decisions/0006); on Linux the command line's keeps out of the menu.</li>
 * <li>Each launcher gets its own AOT cache (JDK 25: loaded and linked classes, method profiles), written
 *     by a training run of that launcher, so with its own JVM options: facet.aot for the window's
 *     launcher, facet-cli.aot for the command line's. Each .cfg gets -XX:AOTCache= for its own cache only.</li>
 * <li>Checks, of both launchers: the expected --version and nothing on stderr, a schema validated
 *     (arguments pass through), and the JVM flags in effect: each cache usable (-XX:AOTMode=on) and
 *     its own, and the command line's -XX options (C1, the serial collector).</li>
 * </ol>
 * A source-file program rather than a script so that it runs the same on Linux, Windows and macOS.
 */
public final class ImageTool {

    enum Os {
        LINUX, WINDOWS, MAC;

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? MAC : LINUX;
        }

        String nativeSuffix() {
            return switch (this) {
                case LINUX -> ".so";
                case WINDOWS -> ".dll";
                case MAC -> ".dylib";
            };
        }
    }

    /** Where jpackage puts the launchers, the app's jars and the runtime, per platform. */
    record Layout(Path root, Path launcherDir, String launcherSuffix, Path appDir, Path runtimeHome, Path nativeDir) {
        static Layout of(Path imageDir, String name, Os os) {
            return switch (os) {
                case LINUX -> {
                    Path root = imageDir.resolve(name);
                    Path runtime = root.resolve("lib/runtime");
                    yield new Layout(root, root.resolve("bin"), "", root.resolve("lib/app"), runtime, runtime.resolve("lib"));
                }
                case WINDOWS -> {
                    Path root = imageDir.resolve(name);
                    Path runtime = root.resolve("runtime");
                    yield new Layout(root, root, ".exe", root.resolve("app"), runtime, runtime.resolve("bin"));
                }
                case MAC -> {
                    Path root = imageDir.resolve(name + ".app");
                    Path runtime = root.resolve("Contents/runtime/Contents/Home");
                    yield new Layout(root, root.resolve("Contents/MacOS"), "", root.resolve("Contents/app"), runtime, runtime.resolve("lib"));
                }
            };
        }

        Path launcher(String name) {
            return launcherDir.resolve(name + launcherSuffix);
        }

        /** jpackage writes each launcher's options to app/NAME.cfg on every platform. */
        Path cfg(String name) {
            return appDir.resolve(name + ".cfg");
        }
    }

    /**
     * One launcher of the image: its name, the AOT cache file it gets, the options ImageTool adds to its
     * .cfg, and whether its training run may open the window.
     */
    record Launcher(String name, String aotFile, List<String> javaOptions, boolean window) {}

    /** A failure that ends the build with its message (no stack trace: the message says what to do). */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    record Result(int status, String out, String err) {}

    /**
     * Every jar's modification time. The AOT cache records each jar's time and refuses a jar whose time
     * changed, and jpackage's copy into a .deb or .rpm gives the files new times: the .deb's postinst and
     * the .rpm's spec (src/jpackage/linux) set the jars back to this instant, 1980-01-01T00:00:00Z.
     */
    static final long JAR_TIME_SECONDS = 315532800L;
    static final String AOT_OPTION = "java-options=-XX:AOTCache=";

    private final Os os = Os.current();
    private final Layout layout;
    private final Launcher main;
    private final Launcher cli;
    private final Path javafxDir;
    private final String expectedVersion;
    private final Path schema;
    private final boolean aot;
    private final String training;
    private final int trainingSeconds;
    private final Path log;

    ImageTool(Map<String, String> options) {
        String name = required(options, "launcher");
        layout = Layout.of(Path.of(required(options, "image")).toAbsolutePath(), name, os);
        // Both keep the options jpackage gave them (the modules' access) and get launcher.properties' on top.
        Properties launcherOptions = launcherOptions(Path.of(required(options, "launcher-options")));
        List<String> logOptions = javaOptions(launcherOptions, "launcher.logJavaOptions");
        List<String> windowOptions = javaOptions(launcherOptions, "launcher.windowJavaOptions");
        // Options that only Linux's JVM knows (the others refuse to start with them).
        if (os == Os.LINUX) windowOptions = concat(windowOptions, javaOptions(launcherOptions, "launcher.windowJavaOptions.linux"));
        main = new Launcher(name, "facet.aot", concat(logOptions, windowOptions), true);
        String cliName = required(options, "cli-launcher");
        cli = new Launcher(cliName, cliName + ".aot", concat(logOptions, javaOptions(launcherOptions, "launcher.commandsJavaOptions")), false);
        javafxDir = Path.of(required(options, "javafx")).toAbsolutePath();
        expectedVersion = required(options, "expect-version");
        schema = Path.of(required(options, "schema")).toAbsolutePath().normalize();
        aot = Boolean.parseBoolean(options.getOrDefault("aot", "true"));
        training = options.getOrDefault("training", "auto");
        trainingSeconds = Integer.parseInt(options.getOrDefault("training-seconds", "20"));
        log = Path.of(options.getOrDefault("log", "image-tool.log")).toAbsolutePath();
        if (!Set.of("auto", "gui", "cli").contains(training)) {
            throw new Failure("--training is auto, gui or cli, not " + training);
        }
        if (main.name().equalsIgnoreCase(cli.name())) {
            throw new Failure("--cli-launcher must differ from --launcher (macOS and Windows ignore case): " + cli.name());
        }
    }

    public static void main(String[] args) {
        try {
            new ImageTool(options(args)).run();
        } catch (Failure f) {
            System.err.println("image-tool: FAILED: " + f.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("image-tool: FAILED: " + e);
            System.exit(1);
        }
    }

    void run() throws IOException {
        for (Launcher launcher : List.of(main, cli)) {
            if (!Files.isExecutable(layout.launcher(launcher.name())) || !Files.isRegularFile(layout.cfg(launcher.name()))) {
                throw new Failure("no launcher " + layout.launcher(launcher.name()) + " with its " + layout.cfg(launcher.name()).getFileName()
                        + " (did jpackage make the app-image, with the additional launcher of installers/pom.xml?)");
            }
        }
        Files.createDirectories(log.getParent());
        Files.writeString(log, "");
        say("image " + layout.root());
        copyJavaFxNatives();
        checkNoNativeResources();
        slimJars();
        checkModules();
        for (Path jar : list(layout.appDir(), ".jar")) {
            Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(JAR_TIME_SECONDS, TimeUnit.SECONDS));
        }
        for (Launcher launcher : List.of(main, cli)) {
            addJavaOptions(layout.cfg(launcher.name()), launcher.javaOptions());
            say("JVM options: " + launcher.name() + " gets " + String.join(" ", launcher.javaOptions()));
        }
        recordLinuxShortcuts();
        // The launcher would refuse -XX:AOTCacheOutput next to an -XX:AOTCache it already has.
        for (Path cfg : cfgFiles()) removeAotOption(cfg);
        if (aot) {
            for (Launcher launcher : List.of(main, cli)) train(launcher, launcher.window() && isGuiTraining());
        } else {
            say("AOT cache: off (-Dinstaller.aot=false)");
        }
        check(main);
        check(cli);
        say(String.format(Locale.ROOT, "done: image %s, runtime %s, app jars %s%s", mb(size(layout.root())),
                mb(size(layout.runtimeHome())), mb(jarsSize()), aot ? ", AOT caches " + mb(Files.size(layout.appDir().resolve(main.aotFile())))
                        + " + " + mb(Files.size(layout.appDir().resolve(cli.aotFile()))) : ""));
    }

    // 1. JavaFX's native libraries

    void copyJavaFxNatives() throws IOException {
        String suffix = os.nativeSuffix();
        int found = 0;
        List<String> kept = new ArrayList<>();
        for (Path jar : list(javafxDir, ".jar")) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : entries(zip)) {
                    String name = entry.getName();
                    if (name.contains("/") || !name.endsWith(suffix)) continue;
                    found++;
                    Path target = layout.nativeDir().resolve(name);
                    // JavaFX for Windows brings its own copy of the C runtime DLLs: the JDK's, already there, stay.
                    if (Files.exists(target)) {
                        kept.add(name);
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    if (os != Os.WINDOWS) Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        if (found == 0) {
            throw new Failure("no JavaFX native libraries (*" + suffix + ") in the jars of " + javafxDir
                    + "; is fx.platform right for this machine (installers/pom.xml)?");
        }
        say("JavaFX natives: " + (found - kept.size()) + " libraries into " + layout.root().relativize(layout.nativeDir())
                + (kept.isEmpty() ? "" : "; already there, kept: " + kept));
    }

    void checkNoNativeResources() throws IOException {
        List<String> modules = runtimeModules();
        if (!modules.contains("javafx.graphics")) {
            throw new Failure("the runtime has no javafx.graphics module: " + modules);
        }
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", layout.runtimeHome().toString()));
             Stream<Path> files = Files.walk(jrt.getPath("/modules"))) {
            List<String> stray = files
                    .filter(p -> p.getNameCount() > 2 && p.getName(1).toString().startsWith("javafx."))
                    .map(Path::toString)
                    .filter(p -> p.endsWith(".so") || p.endsWith(".dll") || p.endsWith(".dylib"))
                    .toList();
            if (!stray.isEmpty()) {
                throw new Failure("JavaFX modules still carry native libraries " + stray + ": JavaFX would extract them to"
                        + " ~/.openjfx at first start. jlink's --exclude-resources pattern (installers/pom.xml) no longer matches.");
            }
        }
    }

    // 2. Modules against jdeps

    void checkModules() throws IOException {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElse(null);
        if (jdeps == null) {
            say("modules: jdeps is not in this JDK; not checked");
            return;
        }
        List<Path> jars = list(layout.appDir(), ".jar");
        String classPath = jars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> args = new ArrayList<>(List.of("--multi-release", String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps", "--print-module-deps", "--module-path", javafxDir.toString(), "--class-path", classPath));
        jars.forEach(j -> args.add(j.toString()));
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int status = jdeps.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), args.toArray(String[]::new));
        // Warnings (split packages in sqlite-jdbc and picocli) come first; the module list is the last line.
        String last = out.toString().lines().filter(l -> l.matches("[a-z0-9.,]+")).reduce((a, b) -> b).orElse("");
        if (status != 0 || last.isEmpty()) {
            throw new Failure("jdeps failed (" + status + "): " + err + out);
        }
        Set<String> needed = new TreeSet<>(Arrays.asList(last.split(",")));
        needed.removeAll(runtimeModules());
        if (!needed.isEmpty()) {
            throw new Failure("the jars use modules the runtime lacks: " + needed + ". Add them to <addModules> in installers/pom.xml.");
        }
        say("modules: the runtime has all that jdeps finds in the jars (" + last + ")");
    }

    List<String> runtimeModules() throws IOException {
        Path release = layout.runtimeHome().resolve("release");
        return Files.readAllLines(release).stream()
                .filter(l -> l.startsWith("MODULES="))
                .map(l -> l.substring("MODULES=".length()).replace("\"", ""))
                .flatMap(l -> Arrays.stream(l.split(" ")))
                .toList();
    }

    // 3. The jar without what the runtime has and what this platform does not use

    /**
     * facet.jar is shaded: it holds JavaFX (classes, and natives for Linux) and sqlite-jdbc's natives for
     * 20 platforms. In the image JavaFX comes from the runtime's modules, whose packages win over the class
     * path's anyway, so every entry a JavaFX module jar also has is dead weight; of sqlite's natives only
     * this platform's is loaded. Dropping both takes the jar from about 34 MB to 14 MB.
     */
    void slimJars() throws IOException {
        Set<String> javafx = new java.util.HashSet<>();
        for (Path jar : list(javafxDir, ".jar")) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : entries(zip)) {
                    if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) javafx.add(entry.getName());
                }
            }
        }
        String natives = "org/sqlite/native/";
        String keep = natives + switch (os) {
            case LINUX -> "Linux";
            case WINDOWS -> "Windows";
            case MAC -> "Mac";
        } + "/" + switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> System.getProperty("os.arch");
        } + "/";
        for (Path jar : list(layout.appDir(), ".jar")) {
            long before = Files.size(jar);
            Path slim = jar.resolveSibling(jar.getFileName() + ".slim");
            int fx = 0;
            int sqlite = 0;
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                List<ZipEntry> all = entries(zip);
                if (all.stream().anyMatch(e -> e.getName().startsWith("META-INF/") && e.getName().endsWith(".SF"))) {
                    say("jar: " + jar.getFileName() + " is signed; left whole");
                    continue;
                }
                // Without this platform's library, sqlite-jdbc would be better left whole than left with none.
                boolean slimSqlite = all.stream().anyMatch(e -> e.getName().startsWith(keep));
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(slim))) {
                    for (ZipEntry entry : all) {
                        String name = entry.getName();
                        if (javafx.contains(name)) {
                            fx++;
                            continue;
                        }
                        if (slimSqlite && name.startsWith(natives) && !name.startsWith(keep) && !keep.startsWith(name)) {
                            sqlite++;
                            continue;
                        }
                        ZipEntry copy = new ZipEntry(name);
                        copy.setTime(entry.getTime());
                        out.putNextEntry(copy);
                        try (InputStream in = zip.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
            if (fx == 0 && sqlite == 0) {
                Files.delete(slim);
                continue;
            }
            Files.move(slim, jar, StandardCopyOption.REPLACE_EXISTING);
            say(String.format(Locale.ROOT, "jar: %s without %d JavaFX entries (the runtime's modules have them) and %d other"
                    + " platforms' SQLite files: %s -> %s", jar.getFileName(), fx, sqlite, mb(before), mb(Files.size(jar))));
        }
    }

    // 4. The command-line launcher (its JVM options: addJavaOptions, below)

    /**
     * JDK 25's jpackage writes an additional launcher's linux-shortcut=false into the image's .jpackage.xml as
     * {@code <shortcut>}, but a .deb or .rpm made from the image reads {@code <linux-shortcut>} (JDK-8364564,
     * fixed in JDK 26): facet-cli would get a menu entry of its own. This writes the element that is read.
     */
    void recordLinuxShortcuts() throws IOException {
        Path state = layout.appDir().resolve(".jpackage.xml");
        if (os != Os.LINUX || !Files.isRegularFile(state)) return;
        String xml = Files.readString(state);
        if (xml.contains("<linux-shortcut>")) return;
        String fixed = xml.replaceAll("<shortcut>(true|false)</shortcut>", "$0<linux-shortcut>$1</linux-shortcut>");
        if (!fixed.equals(xml)) {
            Files.writeString(state, fixed);
            say("launchers: the shortcut settings recorded as linux-shortcut in .jpackage.xml, as packaging reads them (JDK-8364564)");
        }
    }

    // 5. AOT caches

    boolean isGuiTraining() {
        return switch (training) {
            case "gui" -> true;
            case "cli" -> false;
            default -> switch (os) {
                case LINUX -> !System.getenv().getOrDefault("DISPLAY", "").isBlank() || !System.getenv().getOrDefault("WAYLAND_DISPLAY", "").isBlank();
                case MAC -> true;
                // Process.destroy() on Windows ends the process without a JVM exit, so no cache would be written.
                case WINDOWS -> false;
            };
        };
    }

    /**
     * Runs the launcher once with -XX:AOTCacheOutput, then gives its .cfg the cache. A cache is made and used
     * under the same JVM options (collector, JIT), which is why each launcher trains its own.
     */
    void train(Launcher launcher, boolean gui) throws IOException {
        Path cache = layout.appDir().resolve(launcher.aotFile());
        Files.deleteIfExists(cache);
        List<String> command = new ArrayList<>(List.of(layout.launcher(launcher.name()).toString()));
        // The hidden aot-training command runs validate, format, push and a few thousand `facet query` requests,
        // then (with --window) the demo window until the process is ended.
        command.add("aot-training");
        if (gui) command.add("--window");
        Path home = Files.createTempDirectory("facet-aot-training");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()));
            isolate(pb.environment(), home);
            // The user's home is a throw-away folder: the training run (the demo's first start) writes settings and data there.
            pb.environment().put("JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=" + cache + " -Duser.home=" + home);
            say("AOT cache: training run of " + launcher.name() + " on " + (gui ? "the commands and the window (ended after " + trainingSeconds + " s at most)" : "the commands (facet aot-training)")
                    + ", output in " + log.getFileName());
            Files.writeString(log, "== training: " + command + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            long start = System.nanoTime();
            Process process = pb.start();
            boolean exited = waitFor(process, trainingSeconds);
            if (exited && gui) {
                // Before the window existed, `facet` without arguments printed its help: a short training.
                say("AOT cache: the run ended by itself (status " + process.exitValue() + "), no window stayed open");
            }
            if (!exited) {
                // The window is up: a normal JVM exit (SIGTERM runs it) records the classes and profiles of this run.
                process.destroy();
                if (!waitFor(process, 600)) {
                    process.destroyForcibly();
                    throw new Failure("the training run did not end after SIGTERM; see " + log);
                }
            } else if (process.exitValue() != 0) {
                throw new Failure("the training run " + command + " failed with status " + process.exitValue() + "; see " + log
                        + (gui ? ". Without a usable display, pass -Dinstaller.training=cli." : ""));
            }
            if (!Files.isRegularFile(cache)) {
                throw new Failure("the training run wrote no AOT cache; see " + log);
            }
            addJavaOptions(layout.cfg(launcher.name()), List.of("-XX:AOTCache=$APPDIR/" + launcher.aotFile()));
            say(String.format(Locale.ROOT, "AOT cache: %s, %s, in %.0f s", launcher.aotFile(), mb(Files.size(cache)), (System.nanoTime() - start) / 1e9));
        } finally {
            deleteTree(home);
        }
    }

    List<Path> cfgFiles() throws IOException {
        List<Path> cfgs = list(layout.appDir(), ".cfg");
        if (cfgs.isEmpty()) throw new Failure("no launcher .cfg in " + layout.appDir());
        return cfgs;
    }

    static void removeAotOption(Path cfg) throws IOException {
        List<String> lines = Files.readAllLines(cfg);
        List<String> kept = lines.stream().filter(l -> !l.startsWith(AOT_OPTION)).toList();
        if (kept.size() != lines.size()) Files.write(cfg, kept);
    }

    /** Appends the options missing from the [JavaOptions] section at its end (jpackage always writes one). */
    static void addJavaOptions(Path cfg, List<String> options) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        List<String> added = options.stream().map(o -> "java-options=" + o).filter(l -> !lines.contains(l)).toList();
        int section = lines.indexOf("[JavaOptions]");
        if (section < 0) {
            lines.add("");
            lines.add("[JavaOptions]");
            lines.addAll(added);
        } else {
            int end = section + 1;
            while (end < lines.size() && !lines.get(end).startsWith("[")) end++;
            while (end > section + 1 && lines.get(end - 1).isBlank()) end--;
            lines.addAll(end, added);
        }
        Files.write(cfg, lines);
    }

    // 6. Checks

    void check(Launcher launcher) throws IOException {
        Path home = Files.createTempDirectory("facet-image-check");
        try {
            String path = layout.launcher(launcher.name()).toString();
            String name = launcher.name();
            Result version = exec(home, Map.of(), path, "--version");
            if (version.status() != 0 || !version.out().strip().equals(expectedVersion) || !version.err().isBlank()) {
                throw new Failure("`" + path + " --version` gave status " + version.status() + ", stdout [" + version.out().strip()
                        + "], stderr [" + version.err().strip() + "]; expected status 0, [" + expectedVersion + "] and nothing on stderr");
            }
            say("check: " + name + " --version prints \"" + expectedVersion + "\", nothing on stderr");
            Result validate = exec(home, Map.of(), path, "validate", schema.toString());
            if (validate.status() != 0 || !validate.err().contains("is valid")) {
                throw new Failure("`" + path + " validate " + schema + "` gave status " + validate.status() + ": " + validate.err() + validate.out());
            }
            say("check: " + name + " validate " + schema.getFileName() + " passes through the launcher (status 0)");
            // AOTMode=on turns "cache unusable" (wrong JDK, a changed jar, other JVM options) from a silent slow
            // start into an error; the final flags show which cache and which JIT and collector the launcher got.
            Map<String, String> expected = new LinkedHashMap<>();
            if (aot) expected.put("AOTCache", layout.appDir().resolve(launcher.aotFile()).toString());
            for (String option : launcher.javaOptions()) {
                var xx = java.util.regex.Pattern.compile("-XX:(?:([+-])(\\w+)|(\\w+)=(.*))").matcher(option);
                if (!xx.matches()) continue;
                if (xx.group(1) != null) expected.put(xx.group(2), xx.group(1).equals("+") ? "true" : "false");
                else expected.put(xx.group(3), xx.group(4));
            }
            if (expected.isEmpty()) return;
            String options = (aot ? "-XX:AOTMode=on " : "") + "-XX:+PrintFlagsFinal";
            Result flags = exec(home, Map.of("JAVA_TOOL_OPTIONS", options), path, "--version");
            if (flags.status() != 0) {
                throw new Failure("`" + path + " --version` with JAVA_TOOL_OPTIONS=" + options + " failed"
                        + (aot ? " (the launcher cannot use its AOT cache)" : "") + ": " + flags.err().strip());
            }
            Map<String, String> actual = finalFlags(flags.out());
            // The JVM turns transparent huge pages off by itself where the kernel has them off: the .cfg is still right.
            if (!transparentHugePagesAvailable()) expected.remove("UseTransparentHugePages");
            for (var flag : expected.entrySet()) {
                String value = actual.get(flag.getKey());
                boolean same = flag.getKey().equals("AOTCache") && value != null
                        ? Path.of(value).toAbsolutePath().normalize().equals(Path.of(flag.getValue()).normalize())
                        : flag.getValue().equals(value) || sameNumber(flag.getValue(), value);
                if (!same) {
                    throw new Failure(name + " runs with -XX:" + flag.getKey() + "=" + value + ", expected " + flag.getValue()
                            + " (see its " + layout.cfg(name).getFileName() + ")");
                }
            }
            say("check: " + name + " runs with " + expected.entrySet().stream()
                    .map(e -> e.getKey() + "=" + (e.getKey().equals("AOTCache") ? launcher.aotFile() + " (-XX:AOTMode=on)" : e.getValue()))
                    .collect(Collectors.joining(", ")));
        } finally {
            deleteTree(home);
        }
    }

    /** -XX:+PrintFlagsFinal's lines ("  bool UseSerialGC = true  {product} {command line}"): name to value. */
    static Map<String, String> finalFlags(String output) {
        Map<String, String> flags = new LinkedHashMap<>();
        var line = java.util.regex.Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s*(.*?)\\s*\\{.*$");
        output.lines().map(line::matcher).filter(java.util.regex.Matcher::matches).forEach(m -> flags.put(m.group(1), m.group(2)));
        return flags;
    }

    Result exec(Path home, Map<String, String> env, String... command) throws IOException {
        Path out = Files.createTempFile("image-tool", ".out");
        Path err = Files.createTempFile("image-tool", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            isolate(pb.environment(), home);
            pb.environment().putAll(env);
            Process process = pb.start();
            if (!waitFor(process, 120)) {
                process.destroyForcibly();
                throw new Failure(String.join(" ", command) + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The build's own Java options must not reach the app, and the app must not write to the real home. */
    static void isolate(Map<String, String> env, Path home) {
        env.keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "CLASSPATH"));
        env.put("HOME", home.toString());
        env.put("USERPROFILE", home.toString());
        env.put("APPDATA", home.resolve("AppData/Roaming").toString());
        env.put("LOCALAPPDATA", home.resolve("AppData/Local").toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
    }

    // Helpers

    static boolean waitFor(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    static List<ZipEntry> entries(ZipFile zip) {
        List<ZipEntry> all = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) all.add(e.nextElement());
        return all;
    }

    static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    long jarsSize() throws IOException {
        long total = 0;
        for (Path jar : list(layout.appDir(), ".jar")) total += Files.size(jar);
        return total;
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static void say(String message) {
        System.out.println("image-tool: " + message);
    }

    static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) throw new Failure("--" + key + " is required");
        return value;
    }

    /** The launcher options file of app (scripts/facet.sh reads the same). */
    static Properties launcherOptions(Path file) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new Failure("cannot read the launcher options " + file + ": " + e);
        }
        return p;
    }

    static List<String> javaOptions(Properties launcherOptions, String key) {
        String value = launcherOptions.getProperty(key);
        if (value == null) throw new Failure("the launcher options file has no " + key);
        return Arrays.stream(value.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }

    /** @return whether this Linux kernel gives transparent huge pages to a program that asks (mode always or madvise) */
    private static boolean transparentHugePagesAvailable() {
        try {
            return !Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).contains("[never]");
        } catch (IOException e) {
            return false;
        }
    }

    /** A double flag prints as 10.000000 where the option said 10. */
    private static boolean sameNumber(String expected, String actual) {
        if (actual == null) return false;
        try {
            return new java.math.BigDecimal(expected).compareTo(new java.math.BigDecimal(actual)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) { return Stream.concat(a.stream(), b.stream()).toList(); }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new Failure("usage: --name value ...; got " + Arrays.toString(args));
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
