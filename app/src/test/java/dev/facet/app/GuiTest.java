package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the window says when it cannot open. */
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
}
