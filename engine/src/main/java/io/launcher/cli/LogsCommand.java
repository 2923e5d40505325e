package io.launcher.cli;

import io.launcher.api.LogOptions;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code logs}: the container's stored stdout and stderr, each to the client's own. */
public final class LogsCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    CommandSpec spec;
    boolean follow;
    String tail = "all";
    boolean timestamps;
    String container;

    LogsCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code logs}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        spec = CommandDeclaration.command(this, "logs", "Fetch the logs of a container")
                .flag("-f --follow", "Follow log output")
                .option("-n --tail", "N", "Number of lines to show from the end of the logs (default \"all\")")
                .flag("-t --timestamps", "Show timestamps")
                .help()
                .operand("0", "CONTAINER", null)
                .spec();
        return spec;
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--follow" -> follow = (Boolean) value;
            case "--tail" -> tail = (String) value;
            case "--timestamps" -> timestamps = (Boolean) value;
            case "CONTAINER" -> container = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() throws Exception {
        LogOptions options = new LogOptions(true, true, follow, tailCount(), Instant.EPOCH, timestamps);
        Session session = launcher.session();
        new OutputCopier(session.out(), session.err(), timestamps).copy(launcher.engine().logs(container, options));
        return 0;
    }

    private int tailCount() {
        if (tail.equals("all")) {
            return -1;
        }
        try {
            int count = Integer.parseInt(tail);
            return count < 0 ? -1 : count;
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "invalid value for --tail: " + tail + " (a number or \"all\")");
        }
    }
}
