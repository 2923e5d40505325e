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
            "run", "create", "start", "stop", "kill", "wait", "rm", "ps", "logs", "inspect",
            "images", "import", "info", "version", "daemon", "pull", "push", "login", "logout");

    /** Global options that take a separate value; the first other non-option word names the command. */
    private static final List<String> VALUED_GLOBALS = List.of("--root", "-H", "--host");

    private CommandTable() {
    }

    static String requested(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (VALUED_GLOBALS.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return NAMES.contains(arg) ? arg : null;
            }
        }
        return null;
    }

    /** Adds the requested command, or all of them when none (or an unknown one) was named. */
    static void install(CommandLine line, String requested) {
        for (String name : NAMES) {
            if (requested == null || requested.equals(name)) {
                CommandLine sub = new CommandLine(command(name));
                if (createsContainers(name)) {
                    // Everything after IMAGE belongs to the container's command, flags included.
                    sub.setStopAtPositional(true);
                }
                line.addSubcommand(name, sub);
            }
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
            case "daemon": return new DaemonCommand();
            case "pull": return new PullCommand();
            case "push": return new PushCommand();
            case "login": return new LoginCommand();
            case "logout": return new LogoutCommand();
            default: throw new IllegalArgumentException("unknown command " + name);
        }
    }
}
