package dev.facet.app;

import dev.facet.ui.project.OpenRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code facet} command: entry point of the jar and the installed launcher. */
@Command(name = "facet",
        mixinStandardHelpOptions = true,
        versionProvider = FacetCommand.Version.class,
        description = {"Facet: a database browser and editor driven by a Prisma schema.",
                "Without arguments it opens the demo shop; with a schema path it opens that schema."},
        // The command-line commands (validate, format, ...) are added from launcher.properties: see commandLine.
        subcommands = {OpenCommand.class, DemoCommand.class, AotTrainingCommand.class})
public final class FacetCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "SCHEMA",
            description = "A .prisma file or a folder of them to open (as facet open --schema SCHEMA).")
    Path schemaPath;

    @CommandLine.Option(names = "--url", paramLabel = "U", description = "With SCHEMA: the database URL.")
    String url;

    @CommandLine.Option(names = "--allow-non-atomic",
            description = "With SCHEMA, on a MongoDB server without transactions (a standalone server, not a replica set): save changes "
                    + "that touch several documents one document after another instead of refusing them; a failure halfway leaves "
                    + "the earlier ones saved. The window shows a warning while it is on.")
    boolean allowNonAtomic;

    @CommandLine.Option(names = "--read-only", description = "Open read-only: nothing can be edited, linked, deleted or written (this run only).")
    boolean readOnly;

    public static void main(String[] args) {
        OpenRequest window = directWindow(args);
        if (window != null) {
            // The window's common starts (the demo, a schema) skip picocli: its classes are compiled for Java 5, which
            // an AOT cache cannot hold, so they would be loaded and verified on every start before the window shows.
            PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
            int status = Gui.run(window, err);
            err.flush();
            System.exit(status);
        }
        CommandLine cli = commandLine(CommandLine.defaultFactory());
        // Diagnostics quote schema text and JSON consumers expect UTF-8, whatever the platform default.
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        // facet query's answers are UTF-8 already: they go to standard output as they are.
        ((QueryCommand) cli.getSubcommands().get("query").getCommand()).output = System.out;
        int status = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(status);
    }

    /**
     * What {@code facet} alone or {@code facet SCHEMA} opens, without parsing the command line with picocli; null for
     * everything else (options, subcommands, a name that is also a subcommand's), which picocli handles.
     */
    static OpenRequest directWindow(String[] args) {
        if (args.length == 0) return new OpenRequest.Demo();
        if (args.length != 1 || args[0].isEmpty() || args[0].startsWith("-")) return null;
        String name = args[0];
        if (name.equals("open") || name.equals("help") || name.equals("aot-training") || LauncherOptions.load().commands().contains(name)) return null;
        try {
            return new OpenRequest.Schema(Path.of(name).toAbsolutePath().normalize(), null);
        } catch (java.nio.file.InvalidPathException e) {
            return null; // picocli says what is wrong with it
        }
    }

    /** Runs the command line and returns its exit status (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /**
     * The commands that run in the command-line JVM, by name. Which of them {@code facet} offers, and in which order,
     * is {@code launcher.commands} of launcher.properties: the launchers send exactly those names to that JVM.
     */
    static final List<Class<?>> COMMAND_LINE_COMMANDS = List.of(ValidateCommand.class, FormatCommand.class, PushCommand.class,
            PullCommand.class, DiffCommand.class, QueryCommand.class);

    /** @param factory creates the subcommands (tests substitute their own to fake a terminal) */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new FacetCommand(), factory);
        for (String name : LauncherOptions.load().commands()) {
            Class<?> command = COMMAND_LINE_COMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("launcher.properties names a command Facet does not have: " + name));
            try {
                cli.addSubcommand(name, factory.create(command));
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the " + name + " command", e);
            }
        }
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        // A usage problem is exit status 2, as for validate's I/O problems.
        cli.setExitCodeExceptionMapper(e -> 2);
        cli.getCommandSpec().exitCodeOnInvalidInput(2);
        return cli;
    }

    /** Without a subcommand: the window, on the demo or on SCHEMA. */
    @Override
    public Integer call() {
        if (schemaPath == null && url != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--url needs a SCHEMA to open");
        }
        if (schemaPath == null && allowNonAtomic) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--allow-non-atomic needs a SCHEMA to open (the demo is SQLite)");
        }
        OpenRequest request = schemaPath == null ? new OpenRequest.Demo(readOnly)
                : new OpenRequest.Schema(schemaPath.toAbsolutePath().normalize(), url, readOnly, allowNonAtomic);
        return Gui.run(request, spec.commandLine().getErr());
    }

    /** Reads the version Maven writes into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = FacetCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"facet " + p.getProperty("version", "unknown")};
        }
    }
}
