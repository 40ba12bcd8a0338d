package dev.facet.app;

import dev.facet.ui.project.OpenRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code facet open --schema S [--url U] [--read-only]}: opens a schema in the window. Problems with the schema or the
 * connection show in the window's Open dialog, not here.
 */
@Command(name = "open", mixinStandardHelpOptions = true, description = "Open a schema and its database in the window.")
final class OpenCommand implements Callable<Integer> {
    @Option(names = "--schema", required = true, paramLabel = "S", description = "A .prisma file or a folder of them.")
    Path schemaPath;

    @Option(names = "--url", paramLabel = "U",
            description = "The database URL; default: found as Prisma finds it (datasource url, .env, prisma.config.ts).")
    String url;

    @Option(names = "--allow-non-atomic",
            description = "On a MongoDB server without transactions (a standalone server, not a replica set): save changes that touch "
                    + "several documents one document after another instead of refusing them; a failure halfway leaves the earlier "
                    + "ones saved. The window shows a warning while it is on.")
    boolean allowNonAtomic;

    @Option(names = "--read-only", description = "Open read-only: nothing can be edited, linked, deleted or written (this run only).")
    boolean readOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Gui.run(new OpenRequest.Schema(schemaPath.toAbsolutePath().normalize(), url, readOnly, allowNonAtomic), spec.commandLine().getErr());
    }
}
