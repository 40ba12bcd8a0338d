package dev.facet.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * How Facet is started ({@code launcher.properties} beside this class, which {@code scripts/facet.sh} and the
 * installers read too): which subcommands run in the command-line JVM, and the JVM options of the commands, of the
 * window and of both.
 *
 * @param commands               the subcommands started with the command-line JVM options
 * @param commandsJavaOptions    the JVM options of those commands
 * @param windowJavaOptions      the JVM options of the window
 * @param linuxWindowJavaOptions the window's further JVM options on Linux (options other systems' JVMs refuse)
 * @param logJavaOptions         the JVM options of both (the JVM's own warnings to stderr)
 */
record LauncherOptions(List<String> commands, List<String> commandsJavaOptions, List<String> windowJavaOptions, List<String> linuxWindowJavaOptions,
        List<String> logJavaOptions) {
    /** @return the options of {@code launcher.properties} */
    static LauncherOptions load() {
        Properties p = new Properties();
        try (InputStream in = LauncherOptions.class.getResourceAsStream("launcher.properties")) {
            if (in == null) throw new IllegalStateException("launcher.properties is missing from the jar");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LauncherOptions(split(p, "launcher.commands", "\\|"), split(p, "launcher.commandsJavaOptions", " "),
                split(p, "launcher.windowJavaOptions", " "), split(p, "launcher.windowJavaOptions.linux", " "), split(p, "launcher.logJavaOptions", " "));
    }

    private static List<String> split(Properties p, String key, String separator) {
        String value = p.getProperty(key);
        if (value == null) throw new IllegalStateException("launcher.properties has no " + key);
        return Arrays.stream(value.trim().split(separator)).filter(s -> !s.isBlank()).toList();
    }
}
