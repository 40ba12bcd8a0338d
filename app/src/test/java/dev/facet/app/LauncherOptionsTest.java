package dev.facet.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        // open starts the window; help prints; aot-training is run by the launchers' own training with their options.
        assertEquals(Set.of("aot-training", "help", "open"), subcommands);
    }

    @Test
    void theScriptsAndTheInstallersReadTheFile() throws Exception {
        String script = Files.readString(ROOT.resolve("scripts/facet.sh"));
        assertTrue(script.contains("app/src/main/resources/dev/facet/app/launcher.properties"), "facet.sh reads launcher.properties");
        for (String key : new String[] {"launcher.commands", "launcher.commandsJavaOptions", "launcher.windowJavaOptions", "launcher.logJavaOptions"}) {
            assertTrue(script.contains("option " + key + ")"), "facet.sh uses " + key);
        }
        for (String file : new String[] {"installers/src/jpackage/linux/postinst", "installers/src/jpackage/linux/facet.spec"}) {
            assertTrue(Files.readString(ROOT.resolve(file)).contains("@launcher.commands@)"), file + " takes its commands from the file");
        }
        String pom = Files.readString(ROOT.resolve("installers/pom.xml"));
        assertTrue(pom.contains("<filter>${project.basedir}/../app/src/main/resources/dev/facet/app/launcher.properties</filter>"));
        // jpackage's options are in the pom (it cannot read a properties file); they must be the file's.
        assertTrue(pom.contains("<installer.cliJavaOptions>" + String.join(" ", OPTIONS.commandsJavaOptions()) + "</installer.cliJavaOptions>"));
        for (String option : OPTIONS.windowJavaOptions()) assertTrue(pom.contains("<javaOption>" + option + "</javaOption>"), option);
        for (String option : OPTIONS.logJavaOptions()) assertTrue(pom.contains("<javaOption>" + option + "</javaOption>"), option);
    }
}
