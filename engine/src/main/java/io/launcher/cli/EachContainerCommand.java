package io.launcher.cli;

import io.launcher.api.Engine;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A command that does one thing to each container it names ({@code stop a b c}), the Docker way
 * {@link ContainerBatch} keeps: subclasses carry their name, flags and the action.
 */
abstract class EachContainerCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    /** Acts on one container; returns the line to print for it. */
    abstract String act(Engine engine, String container) throws InterruptedException;

    @Override
    public final Integer call() throws Exception {
        Engine engine = launcher.engine();
        return ContainerBatch.apply(launcher.session(), containers, container -> act(engine, container));
    }
}
