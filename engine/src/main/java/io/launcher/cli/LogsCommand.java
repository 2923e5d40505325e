package io.launcher.cli;

import io.launcher.api.LogOptions;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code logs}: the container's stored stdout and stderr, each to the client's own. */
@Command(name = "logs", description = "Fetch the logs of a container")
public final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--follow"}, description = "Follow log output")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Number of lines to show from the end of the logs (default \"all\")")
    String tail = "all";

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
    boolean timestamps;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

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
