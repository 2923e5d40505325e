package io.launcher.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The subcommands by name. Only the command asked for is built: picocli reads each command's
 * annotations by reflection, and a CLI that answers in ~100 ms cannot afford to read all of them
 * (help and unknown names still get the full table).
 */
final class CommandTable {
    static final List<String> NAMES = List.of(
            "run", "create", "start", "stop", "restart", "kill", "wait", "rm", "ps", "logs", "attach", "exec",
            "rename", "inspect", "images", "import", "info", "version", "port", "daemon",
            "commit", "export", "diff", "history", "tag", "rmi", "pull", "push", "login", "logout",
            "events", "container", "image", "top", "pause", "unpause", "system", "completion", "cp", "save", "load");

    /** Global options that take a separate value; the first other non-option word names the command. */
    private static final List<String> VALUED_GLOBALS = List.of("--root", "-H", "--host");

    private CommandTable() {
    }

    /**
     * The names of the commands this command line needs: the one it names; none for a bare
     * {@code --version}; all of them for help, a bare {@code launcher} or an unknown name
     * (picocli then lists them or suggests the closest).
     */
    static List<String> requested(String... args) {
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (VALUED_GLOBALS.contains(arg)) {
                i++;
            } else if (arg.equals("-v") || arg.equals("--version")) {
                version = true;
            } else if (!arg.startsWith("-")) {
                return NAMES.contains(arg) ? List.of(arg) : NAMES;
            }
        }
        return version ? List.of() : NAMES;
    }

    static void install(CommandLine line, List<String> names) {
        for (String name : names) {
            CommandLine sub = new CommandLine(command(name));
            if (createsContainers(name) || name.equals("exec") || name.equals("top")) {
                // Everything after IMAGE belongs to the container's command, flags included.
                sub.setStopAtPositional(true);
            }
            line.addSubcommand(name, sub);
        }
    }

    static boolean createsContainers(String name) {
        return name.equals("run") || name.equals("create");
    }

    private static Object command(String name) {
        switch (name) {
            case "run": return new RunCommand();
            case "create": return new CreateCommand();
            case "start": return new StartCommand();
            case "stop": return new StopCommand();
            case "restart": return new RestartCommand();
            case "attach": return new AttachCommand();
            case "exec": return new ExecCommand();
            case "rename": return new RenameCommand();
            case "kill": return new KillCommand();
            case "wait": return new WaitCommand();
            case "rm": return new RmCommand();
            case "ps": return new PsCommand();
            case "logs": return new LogsCommand();
            case "inspect": return new InspectCommand();
            case "images": return new ImagesCommand();
            case "import": return new ImportCommand();
            case "info": return new InfoCommand();
            case "version": return new VersionCommand();
            case "port": return new PortCommand();
            case "daemon": return new DaemonCommand();
            case "commit": return new CommitCommand();
            case "export": return new ExportCommand();
            case "diff": return new DiffCommand();
            case "history": return new HistoryCommand();
            case "tag": return new TagCommand();
            case "rmi": return new RmiCommand();
            case "pull": return new PullCommand();
            case "push": return new PushCommand();
            case "login": return new LoginCommand();
            case "logout": return new LogoutCommand();
            case "events": return new EventsCommand();
            case "container": return new ContainerCommand();
            case "image": return new ImageCommand();
            case "top": return new TopCommand();
            case "pause": return new PauseCommand();
            case "unpause": return new UnpauseCommand();
            case "system": return new SystemCommand();
            case "completion": return new CompletionCommand();
            case "cp": return new CpCommand();
            case "save": return new SaveCommand();
            case "load": return new LoadCommand();
            default: throw new IllegalArgumentException("unknown command " + name);
        }
    }
}
