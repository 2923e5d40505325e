package io.launcher.cli;

import io.launcher.api.ContainerDetails;
import io.launcher.api.Engine;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.LogCursor;
import io.launcher.api.WaitCondition;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code attach}: the running container's output, and its stdin when it has one open; ctrl-p ctrl-q detaches. */
@Command(name = "attach", description = "Attach local standard input, output, and error streams to a running container")
public final class AttachCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--no-stdin", description = "Do not attach STDIN")
    boolean noStdin;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws Exception {
        Engine engine = launcher.engine();
        ContainerDetails details = engine.container(container);
        if (!details.state().running()) {
            throw new FailedPreconditionException("You cannot attach to a stopped container, start it first");
        }
        LogCursor output = engine.attach(container, true, true);
        OutputStream stdin = !noStdin && details.config().openStdin() ? engine.attachStdin(container) : null;
        TerminalAttachment attachment = new TerminalAttachment(launcher.session(), details.config().tty());
        if (attachment.run(output, stdin, (rows, columns) -> engine.resize(container, rows, columns))) {
            return 0;
        }
        return engine.await(container, WaitCondition.NOT_RUNNING);
    }
}
