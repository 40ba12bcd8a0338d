package dev.facet.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 4 of the window benchmark: whole runs of {@code java -jar facet.jar SCHEMA}, each reporting (through
 * {@code -Dfacet.bench.startup=exit}, see the ui's StartupProbe) when its window was first shown and drawn, then
 * quitting. Each child gets its own settings and data folders under the output folder.
 */
final class StartupRuns {
    /**
     * One run, in milliseconds from just before this JVM started the child (fork and exec included). The OS's own
     * process start time is no better: Linux gives it from a boot time in whole seconds.
     *
     * @param shown        to the main window's WINDOW_SHOWN
     * @param drawn        to the first frame after it
     * @param fromJvmStart from the JVM's own start time (RuntimeMXBean) to the first frame
     */
    record Run(long shown, long drawn, long fromJvmStart) {}

    private StartupRuns() {}

    static List<Run> run(Path facetJar, Path schemaFile, Path home, int count) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.createDirectories(home);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // The window's JVM options, as scripts/facet.sh gives them (bench-ui.sh passes them on).
            List<String> command = new ArrayList<>(List.of(java));
            for (String option : System.getProperty("bench.windowJvmOptions", "").split(" ")) if (!option.isBlank()) command.add(option);
            // The probe reports through the logger, which the app sends to its log file only (never to the terminal).
            Path logDir = home.resolve("log");
            Path log = logDir.resolve("facet.log");
            Files.deleteIfExists(log);
            command.addAll(List.of("-Dfacet.log.dir=" + logDir, "-Dfacet.bench.startup=exit", "-jar", facetJar.toString(), schemaFile.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).directory(schemaFile.getParent().toFile()).redirectErrorStream(true);
            pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
            pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
            long launched = System.currentTimeMillis();
            Process p = pb.start();
            Map<String, Long> times = null;
            StringBuilder output = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    int at = line.indexOf("facet-startup ");
                    if (at >= 0) times = parse(line.substring(at));
                    else output.append(line).append('\n');
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            if (times == null && Files.isRegularFile(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    int at = line.indexOf("facet-startup ");
                    if (at >= 0) times = parse(line.substring(at));
                }
            }
            if (times == null) throw new IllegalStateException("facet.jar did not report its start-up:\n" + output);
            Run r = new Run(times.get("shown") - launched, times.get("drawn") - launched, times.get("drawn") - times.get("jvm-start"));
            runs.add(r);
            System.out.printf("  start-up run %d: window shown %d ms, first frame %d ms after launch (%d ms after the JVM's start time)%n",
                    i + 1, r.shown(), r.drawn(), r.fromJvmStart());
        }
        return runs;
    }

    private static Map<String, Long> parse(String line) {
        Map<String, Long> out = new HashMap<>();
        for (String part : line.substring("facet-startup ".length()).trim().split(" ")) {
            String[] kv = part.split("=", 2);
            out.put(kv[0], Long.parseLong(kv[1]));
        }
        return out;
    }
}
