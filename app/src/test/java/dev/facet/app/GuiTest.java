package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.project.OpenRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the window starts, and what it says when it cannot open. */
class GuiTest {
    @Test
    void aMissingGtkSaysWhatToInstall() {
        String text = Gui.explain(new RuntimeException("Toolkit failed", new UnsupportedOperationException("Unable to load glass GTK library.")));
        assertThat(text).startsWith("Toolkit failed").contains("needs GTK 3").contains("sudo apt install libgtk-3-0");
    }

    @Test
    void anotherFailureIsSaidAsItIs() {
        assertThat(Gui.explain(new UnsupportedOperationException("no display"))).isEqualTo("no display");
    }

    @Test
    void theWindowsCommonStartsSkipPicocliAndEverythingElseGoesThroughIt() {
        assertThat(FacetCommand.directWindow(new String[0])).isEqualTo(new OpenRequest.Demo());
        assertThat(FacetCommand.directWindow(new String[] {"shop.prisma"}))
                .isEqualTo(new OpenRequest.Schema(Path.of("shop.prisma").toAbsolutePath().normalize(), null));
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-h"}, new String[] {"validate"}, new String[] {"query"},
                new String[] {"open"}, new String[] {"help"}, new String[] {"aot-training"}, new String[] {"shop.prisma", "--url", "file:x.db"},
                new String[] {"validate", "shop.prisma"}, new String[] {""})) {
            assertThat(FacetCommand.directWindow(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void javasPreferencesFollowTheHomeTheUserSet() {
        assertThat(Gui.preferencesRoot("Linux", java.util.Map.of("HOME", "/tmp/elsewhere"), "/root", null)).isEqualTo("/tmp/elsewhere");
        assertThat(Gui.preferencesRoot("Linux", java.util.Map.of("HOME", "/root"), "/root", null)).isNull();
        assertThat(Gui.preferencesRoot("Linux", java.util.Map.of("HOME", "/tmp/elsewhere"), "/root", "/set/by/hand")).isNull();
        assertThat(Gui.preferencesRoot("Windows 11", java.util.Map.of("HOME", "C:\\x"), "C:\\Users\\me", null)).isNull();
    }
}
