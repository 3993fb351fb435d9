package dev.golive.cli;

import dev.golive.plan.PlanException;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: global options and the list of subcommands. */
@Command(
        name = "golive",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The go-live command center for Java systems.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            PlanCommand.class,
            JournalCommand.class,
            NoteCommand.class,
            CheckCommand.class,
            ServiceCommand.class,
            ExecCommand.class,
            RunbookCommand.class,
            SmokeCommand.class,
            ReleaseCommand.class,
            DeployCommand.class,
            RollbackCommand.class,
            DeployedCommand.class,
            HistoryCommand.class,
            LoadCommand.class,
            DrillCommand.class,
            ReportCommand.class,
            CaptureCommand.class,
            AgentCommand.class,
            RecordCommand.class,
            DiagCommand.class,
            ServeCommand.class,
            UserCommand.class,
            DemoCommand.class,
            CompletionCommand.class
        },
        footer = {"", "Exit codes: 0 success, 1 a check or target failed, 2 bad usage or plan, 3 golive failed."})
final class Golive implements Runnable {
    @Option(
            names = "--stacktrace",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of failures.")
    boolean stacktrace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'golive help'");
    }

    /** Runs one command line and returns its exit code; never throws. */
    static int run(Context context, String... args) {
        CommandLine cli = new CommandLine(new Golive(), new Factory(context));
        helpEverywhere(cli);
        // Descriptions are written in lines of up to about 100 characters: help is laid out that wide,
        // or as wide as the terminal is.
        cli.setUsageHelpWidth(110);
        cli.setUsageHelpAutoWidth(true);
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler((e, line, parsed) -> failure(context, e, stacktrace(args)));
        try {
            return cli.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /**
     * Gives every command below the root {@code -h, --help} (golive load --help), as the root has.
     * Not by inheriting the root's standard options: {@code help} has its own {@code -h}, and {@code
     * release add} its own {@code --version}.
     */
    private static void helpEverywhere(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (sub.getCommand() instanceof CommandLine.HelpCommand || spec.findOption("--help") != null) {
                continue;
            }
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help message and exit.")
                    .build());
            helpEverywhere(sub);
        }
    }

    private static boolean stacktrace(String[] args) {
        return Arrays.asList(args).contains("--stacktrace");
    }

    static int failure(Context context, Exception e, boolean stacktrace) {
        int code = switch (e) {
            case PlanException p -> ExitCodes.USAGE;
            case UsageException u -> ExitCodes.USAGE;
            case dev.golive.runbook.RunbookException r -> ExitCodes.USAGE;
            case CheckFailedException c -> ExitCodes.FAILED;
            default -> ExitCodes.BROKEN;
        };
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (code == ExitCodes.BROKEN) {
            message = "golive failed: " + message + (stacktrace ? "" : "\n(run again with --stacktrace for details)");
        }
        context.err().println(message);
        if (stacktrace) {
            e.printStackTrace(context.err());
        }
        return code;
    }

    /** Creates commands, giving those that want it the context. */
    private record Factory(Context context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(Context.class);
                return c.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
