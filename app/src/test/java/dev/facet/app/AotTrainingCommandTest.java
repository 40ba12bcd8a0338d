package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The installers' training workload must run every command it trains without an error. */
class AotTrainingCommandTest {
    @Test
    void runsTheCommandsAndAnswersEveryRequest() {
        StringWriter err = new StringWriter();
        CommandLine cli = FacetCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("aot-training")).isZero();
        assertThat(err.toString()).matches("(?s)aot-training: \\d{4} requests answered, 0 with an error \\(status 0\\)\\R");
    }

    @Test
    void isNotInTheHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = FacetCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.execute("--help");
        assertThat(out.toString()).contains("query").doesNotContain("aot-training");
    }
}
