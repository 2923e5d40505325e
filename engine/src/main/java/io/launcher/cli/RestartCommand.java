package io.launcher.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code restart}: stop (SIGTERM, then SIGKILL after the grace period), then start again. */
@Command(name = "restart", description = "Restart one or more containers")
public final class RestartCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-t", "--time", "--timeout"}, paramLabel = "SECONDS", description = "Seconds to wait before killing it (default 10)")
    int seconds = 10;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws Exception {
        return ContainerBatch.apply(launcher.session(), containers, container -> {
            launcher.engine().restart(container, seconds);
            return container;
        });
    }
}
