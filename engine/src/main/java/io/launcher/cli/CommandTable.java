package io.launcher.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands by name. Only the command asked for is built: a CLI that answers in ~100 ms
 * cannot afford the model of all of them (help and unknown names still get the full table).
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

    /** The command tree of {@code launcher} with these subcommands. */
    static CommandLine tree(LauncherCommand launcher, List<String> names) {
        CommandLine line = new CommandLine(launcher.spec());
        for (String name : names) {
            CommandLine sub = new CommandLine(spec(name, launcher));
            if (createsContainers(name) || name.equals("exec") || name.equals("top")) {
                // Everything after IMAGE belongs to the container's command, flags included.
                sub.setStopAtPositional(true);
            }
            line.addSubcommand(name, sub);
        }
        return line;
    }

    static boolean createsContainers(String name) {
        return name.equals("run") || name.equals("create");
    }

    private static CommandSpec spec(String name, LauncherCommand launcher) {
        switch (name) {
            case "run": return new RunCommand(launcher).spec();
            case "create": return new CreateCommand(launcher).spec();
            case "start": return new StartCommand(launcher).spec();
            case "stop": return new StopCommand(launcher).spec();
            case "restart": return new RestartCommand(launcher).spec();
            case "attach": return new AttachCommand(launcher).spec();
            case "exec": return new ExecCommand(launcher).spec();
            case "rename": return new RenameCommand(launcher).spec();
            case "kill": return new KillCommand(launcher).spec();
            case "wait": return new WaitCommand(launcher).spec();
            case "rm": return new RmCommand(launcher).spec();
            case "ps": return new PsCommand(launcher).spec();
            case "logs": return new LogsCommand(launcher).spec();
            case "inspect": return new InspectCommand(launcher).spec();
            case "images": return new ImagesCommand(launcher).spec();
            case "import": return new ImportCommand(launcher).spec();
            case "info": return new InfoCommand(launcher).spec();
            case "version": return new VersionCommand(launcher).spec();
            case "port": return new PortCommand(launcher).spec();
            case "daemon": return new DaemonCommand(launcher).spec();
            case "commit": return new CommitCommand(launcher).spec();
            case "export": return new ExportCommand(launcher).spec();
            case "diff": return new DiffCommand(launcher).spec();
            case "history": return new HistoryCommand(launcher).spec();
            case "tag": return new TagCommand(launcher).spec();
            case "rmi": return new RmiCommand(launcher).spec();
            case "pull": return new PullCommand(launcher).spec();
            case "push": return new PushCommand(launcher).spec();
            case "login": return new LoginCommand(launcher).spec();
            case "logout": return new LogoutCommand(launcher).spec();
            case "events": return new EventsCommand(launcher).spec();
            case "container": return new ContainerCommand(launcher).spec();
            case "image": return new ImageCommand(launcher).spec();
            case "top": return new TopCommand(launcher).spec();
            case "pause": return new PauseCommand(launcher).spec();
            case "unpause": return new UnpauseCommand(launcher).spec();
            case "system": return new SystemCommand(launcher).spec();
            case "completion": return new CompletionCommand(launcher).spec();
            case "cp": return new CpCommand(launcher).spec();
            case "save": return new SaveCommand(launcher).spec();
            case "load": return new LoadCommand(launcher).spec();
            default: throw new IllegalArgumentException("unknown command " + name);
        }
    }
}
