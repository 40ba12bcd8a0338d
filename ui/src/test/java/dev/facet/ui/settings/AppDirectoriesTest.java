package dev.facet.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where Facet keeps its files follows the variables the user sets. */
class AppDirectoriesTest {
    @Test
    void homeIsTheHomeTheUserSetOnLinuxAndMacOs() {
        assertThat(AppDirectories.home("Linux", Map.of("HOME", "/tmp/try"), "/home/ada")).isEqualTo(Path.of("/tmp/try"));
        assertThat(AppDirectories.home("Mac OS X", Map.of("HOME", "/tmp/try"), "/Users/ada")).isEqualTo(Path.of("/tmp/try"));
        assertThat(AppDirectories.home("Linux", Map.of(), "/home/ada")).isEqualTo(Path.of("/home/ada"));
        assertThat(AppDirectories.home("Linux", Map.of("HOME", "relative"), "/home/ada")).isEqualTo(Path.of("/home/ada"));
        assertThat(AppDirectories.home("Windows 11", Map.of("HOME", "/tmp/try"), "C:\\Users\\ada")).isEqualTo(Path.of("C:\\Users\\ada"));
    }

    @Test
    void xdgFoldersWinOverTheHome() {
        AppDirectories dirs = AppDirectories.of("Linux", Map.of("XDG_DATA_HOME", "/tmp/data", "XDG_CONFIG_HOME", "/tmp/config"),
                Path.of("/tmp/try"));
        assertThat(dirs.demo()).isEqualTo(Path.of("/tmp/data/facet/demo"));
        assertThat(dirs.settingsFile()).isEqualTo(Path.of("/tmp/config/facet/settings.json"));
        assertThat(AppDirectories.of("Linux", Map.of(), Path.of("/tmp/try")).demo()).isEqualTo(Path.of("/tmp/try/.local/share/facet/demo"));
    }
}
