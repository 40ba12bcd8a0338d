package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The window's command line; the window itself is tested headless in the ui module. */
class OpenCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int facet(String... args) {
        CommandLine cli = FacetCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theHelpNamesTheWaysToOpenTheWindow() {
        assertThat(facet("--help")).isZero();
        assertThat(out.toString()).contains("[SCHEMA]").contains("opens the demo shop").contains("open ").contains("push ").contains("--read-only");
        out.getBuffer().setLength(0);
        assertThat(facet("open", "--help")).isZero();
        assertThat(out.toString()).contains("--schema=S").contains("--url=U").contains("--read-only");
    }

    @Test
    void usageMistakesAreStatusTwo() {
        assertThat(facet("open")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--schema=S'");
        err.getBuffer().setLength(0);
        assertThat(facet("--url", "file:./x.db")).isEqualTo(2);
        assertThat(err.toString()).contains("--url needs a SCHEMA to open");
    }

    @Test
    void theDemoSchemaIsBundledAsTheRepositoryHasIt() throws Exception {
        try (InputStream in = Gui.class.getResourceAsStream(Gui.DEMO_SCHEMA)) {
            assertThat(in).isNotNull();
            String bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bundled).isEqualTo(Files.readString(Path.of("..", "resources", "demo", "schema.prisma")));
        }
    }
}
