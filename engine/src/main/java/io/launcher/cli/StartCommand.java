package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.LauncherException;
import io.launcher.api.LogCursor;
import io.launcher.api.WaitCondition;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code start}: starts created or stopped containers; with {@code -a}, follows one and exits with its code. */
@Command(name = "start", description = "Start one or more stopped containers")
public final class StartCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Spec
    CommandSpec spec;

    @Option(names = {"-a", "--attach"}, description = "Attach STDOUT/STDERR and forward signals")
    boolean attach;

    @Option(names = {"-i", "--interactive"}, description = "Attach container's STDIN")
    boolean interactive;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws Exception {
        Engine engine = launcher.engine();
        if (!attach) {
            return ContainerBatch.apply(launcher.session(), containers, container -> {
                engine.start(container);
                return container;
            });
        }
        if (containers.size() > 1) {
            throw new ParameterException(spec.commandLine(), "you cannot start and attach multiple containers at once");
        }
        String container = containers.get(0);
        LogCursor output = engine.attach(container, true, true);
        try {
            engine.start(container);
        } catch (LauncherException failure) {
            output.close();
            throw failure;
        }
        Session session = launcher.session();
        try (SignalProxy proxy = SignalProxy.install(engine, container)) {
            new OutputCopier(session.out(), session.err(), false).copy(output);
            return engine.await(container, WaitCondition.NOT_RUNNING);
        }
    }
}
