package dev.facet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The launcher options live in launcher.properties: FacetCommand's subcommands, scripts/facet.sh, the installers'
 * /usr/bin/facet and installers/pom.xml agree with it.
 */
class LauncherOptionsTest {
    private static final LauncherOptions OPTIONS = LauncherOptions.load();
    /** The module's folder (tests run there); the repository is its parent. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theCommandsAreFacetCommandsSubcommandsAndTheRestOpensTheWindow() {
        Set<String> subcommands = new TreeSet<>(FacetCommand.commandLine().getSubcommands().keySet());
        assertTrue(subcommands.containsAll(OPTIONS.commands()), () -> OPTIONS.commands() + " not all in " + subcommands);
        subcommands.removeAll(OPTIONS.commands());
        // open and demo (after seeding) start the window; help prints; aot-training is run by the launchers' own training
        // with their options.
        assertEquals(Set.of("aot-training", "demo", "help", "open"), subcommands);
    }

    @Test
    void facetCommandTakesItsCommandLineCommandsFromTheFile() {
        // In the file's order, and every command-line command class is named there (none unreachable).
        List<String> names = FacetCommand.commandLine().getSubcommands().keySet().stream().filter(OPTIONS.commands()::contains).toList();
        assertEquals(OPTIONS.commands(), names);
        for (Class<?> c : FacetCommand.COMMAND_LINE_COMMANDS) {
            String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
            assertTrue(OPTIONS.commands().contains(name), name + " is not in launcher.commands");
        }
    }

    @Test
    void theScriptsAndTheInstallersReadTheFile() throws Exception {
        String script = Files.readString(ROOT.resolve("scripts/facet.sh"));
        String reader = Files.readString(ROOT.resolve("scripts/launcher-options.sh"));
        assertTrue(script.contains("source \"$root/scripts/launcher-options.sh\""), "facet.sh reads launcher.properties through launcher-options.sh");
        assertTrue(reader.contains("app/src/main/resources/dev/facet/app/launcher.properties"), "launcher-options.sh reads launcher.properties");
        for (String key : new String[] {"launcher.commands", "launcher.commandsJavaOptions", "launcher.logJavaOptions"}) {
            assertTrue(script.contains("launcher_option " + key + ")"), "facet.sh uses " + key);
        }
        assertTrue(script.contains("$(window_java_options)"), "facet.sh starts the window with window_java_options");
        for (String key : new String[] {"launcher.windowJavaOptions)", "launcher.windowJavaOptions.linux)"}) {
            assertTrue(reader.contains("launcher_option " + key), "window_java_options uses " + key);
        }
        for (String file : new String[] {"installers/src/jpackage/linux/postinst", "installers/src/jpackage/linux/facet.spec"}) {
            assertTrue(Files.readString(ROOT.resolve(file)).contains("@launcher.commands@)"), file + " takes its commands from the file");
        }
        String pom = Files.readString(ROOT.resolve("installers/pom.xml"));
        assertTrue(pom.contains("<filter>${project.basedir}/../app/src/main/resources/dev/facet/app/launcher.properties</filter>"));
        // ImageTool gives the launchers' .cfg files the file's options; the pom keeps no copy of them.
        assertTrue(pom.contains("<argument>--launcher-options</argument><argument>${installer.launcherOptions}</argument>"));
        assertTrue(pom.contains("<installer.launcherOptions>${project.basedir}/../app/src/main/resources/dev/facet/app/launcher.properties</installer.launcherOptions>"));
        for (String option : concat(OPTIONS.commandsJavaOptions(), OPTIONS.windowJavaOptions(), OPTIONS.linuxWindowJavaOptions(), OPTIONS.logJavaOptions())) {
            assertTrue(!pom.contains(option), option + " is copied into installers/pom.xml");
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) { return java.util.Arrays.stream(lists).flatMap(List::stream).toList(); }
}
