package dev.facet.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that opens the project of {@code --schema S [--url U]} before doing its work: the schema's diagnostics
 * and a missing URL are reported, with their exit status, before {@link #run} is called.
 */
abstract class ProjectCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(project.open(err), out, err);
        } catch (ProjectOptions.Failure f) {
            return f.exitCode;
        }
    }

    /** The command's work on the opened project; returns the exit status. */
    abstract int run(ProjectOptions.Opened opened, PrintWriter out, PrintWriter err);
}
