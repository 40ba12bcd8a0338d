package dev.facet.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsTest {
    @TempDir
    Path dir;

    @Test
    void themeAndRecentProjectsSurviveARestart() {
        Path file = dir.resolve("facet/settings.json");
        UserSettings s = UserSettings.load(file);
        assertThat(s.theme()).isEqualTo(ThemeChoice.SYSTEM);
        s.setTheme(ThemeChoice.DARK);
        s.remember(new RecentProject("/p/a/schema.prisma", null, "dev.db"));
        s.remember(new RecentProject("/p/b/schema.prisma", "mysql://root@localhost/shop", "shop on localhost"));

        UserSettings again = UserSettings.load(file);

        assertThat(again.theme()).isEqualTo(ThemeChoice.DARK);
        assertThat(again.recent()).containsExactly(
                new RecentProject("/p/b/schema.prisma", "mysql://root@localhost/shop", "shop on localhost"),
                new RecentProject("/p/a/schema.prisma", null, "dev.db"));
    }

    @Test
    void passwordsNeverReachTheFile() throws Exception {
        Path file = dir.resolve("settings.json");
        UserSettings s = UserSettings.load(file);
        s.remember(new RecentProject("/p/schema.prisma", "postgresql://me:s3cret@db.example.com:5432/shop?sslmode=require", "shop"));

        assertThat(Files.readString(file)).doesNotContain("s3cret").contains("postgresql://me:****@db.example.com:5432/shop?sslmode=require");
        assertThat(UserSettings.load(file).recent().getFirst().url()).isEqualTo("postgresql://me:****@db.example.com:5432/shop?sslmode=require");
    }

    @Test
    void reopeningMovesAProjectToTheTopAndTheListStaysShort() {
        UserSettings s = UserSettings.load(dir.resolve("settings.json"));
        for (int i = 0; i < 12; i++) s.remember(new RecentProject("/p/" + i + ".prisma", null, null));
        s.remember(new RecentProject("/p/5.prisma", null, null));

        assertThat(s.recent()).hasSize(UserSettings.MAX_RECENT);
        assertThat(s.recent().getFirst().schemaPath()).isEqualTo("/p/5.prisma");
        assertThat(s.recent()).filteredOn(r -> r.schemaPath().equals("/p/5.prisma")).hasSize(1);

        s.forget(s.recent().getFirst());
        assertThat(UserSettings.load(dir.resolve("settings.json")).recent()).extracting(RecentProject::schemaPath).doesNotContain("/p/5.prisma");
    }

    @Test
    void aBrokenFileGivesTheDefaultsAndIsReplacedOnTheNextChange() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");

        UserSettings s = UserSettings.load(file);
        assertThat(s.theme()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(s.recent()).isEmpty();

        s.setTheme(ThemeChoice.LIGHT);
        assertThat(UserSettings.load(file).theme()).isEqualTo(ThemeChoice.LIGHT);
    }

    @Test
    void foldersFollowEachPlatformsConventions() {
        Path home = Path.of("/home/ada");
        assertThat(AppDirectories.of("Linux", Map.of(), home))
                .isEqualTo(new AppDirectories(Path.of("/home/ada/.config/facet"), Path.of("/home/ada/.local/share/facet")));
        assertThat(AppDirectories.of("Linux", Map.of("XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "relative/is/ignored"), home))
                .isEqualTo(new AppDirectories(Path.of("/home/ada/.config/facet"), Path.of("/data/facet")));
        assertThat(AppDirectories.of("Linux", Map.of("XDG_DATA_HOME", "/data"), home).demo()).isEqualTo(Path.of("/data/facet/demo"));
        assertThat(AppDirectories.of("Mac OS X", Map.of(), home).data()).isEqualTo(Path.of("/home/ada/Library/Application Support/Facet"));
        assertThat(AppDirectories.of("Windows 11", Map.of("APPDATA", "/users/ada/AppData/Roaming"), home).config())
                .isEqualTo(Path.of("/users/ada/AppData/Roaming/Facet"));
    }
}
