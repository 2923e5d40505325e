package io.launcher.cli;

import io.launcher.api.ContainerDetails;
import io.launcher.api.Engine;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.LogCursor;
import io.launcher.api.WaitCondition;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code attach}: the running container's output, and its stdin when it has one open; ctrl-p ctrl-q detaches. */
public final class AttachCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    boolean noStdin;
    String container;

    AttachCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code attach}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "attach",
                "Attach local standard input, output, and error streams to a running container")
                .flag("--no-stdin", "Do not attach STDIN")
                .help()
                .operand("0", "CONTAINER", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--no-stdin" -> noStdin = (Boolean) value;
            case "CONTAINER" -> container = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

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
