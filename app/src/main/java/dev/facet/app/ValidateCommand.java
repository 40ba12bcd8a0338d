package dev.facet.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code facet validate PATH...}: placeholder until the loader lands. */
@Command(name = "validate", description = "Validate Prisma schemas and print Prisma-style diagnostics.")
final class ValidateCommand implements Callable<Integer> {
    @Override
    public Integer call() { return 0; }
}
