package dev.facet.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process run of the {@code facet} command line, as the command tests need it: its exit status and what it
 * wrote to standard output and standard error.
 */
record CliRun(int status, String out, String err) {
    static CliRun facet(String... args) {
        CommandLine cli = FacetCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new CliRun(cli.execute(args), out.toString(), err.toString());
    }
}
