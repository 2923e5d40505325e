package io.launcher.cli;

import io.launcher.api.ContainerId;
import io.launcher.api.Engine;
import io.launcher.api.HostConfig;
import io.launcher.api.LauncherException;
import io.launcher.api.LogCursor;
import io.launcher.api.WaitCondition;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code run}: create, then (unless detached) attach before start so no output is lost, copy the
 * output as it comes, and exit with the container's own code.
 */
public final class RunCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    final ContainerOptions options = new ContainerOptions();
    boolean detach;
    final PullPolicy pull = new PullPolicy();
    String image;
    List<String> command = new ArrayList<>();

    RunCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code run}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "run", "Create and run a new container from an image")
                .with(options)
                .flag("-d --detach", "Run container in background and print container ID")
                .with(pull)
                .help()
                .operand("0", "IMAGE", "The image to run")
                .operands("1..*", null, "COMMAND", "The command and its arguments")
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--detach" -> detach = (Boolean) value;
            case "IMAGE" -> image = (String) value;
            case "COMMAND" -> command = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() throws Exception {
        Session session = launcher.session();
        HostConfig host = options.hostConfig();
        Engine engine = launcher.engine();
        ContainerId id = MissingImage.createPulling(launcher, pull, image,
                options.creation(launcher, image, command, !detach, host));
        if (detach) {
            try {
                engine.start(id.value());
            } catch (LauncherException failure) {
                removeQuietly(engine, id, host, failure);
                throw failure;
            }
            session.out().println(id.value());
            return 0;
        }
        // A container that removes itself may be gone when its output ends: wait for it first.
        ExitWatch removal = host.autoRemove() ? ExitWatch.begin(engine, id.value(), WaitCondition.REMOVED) : null;
        LogCursor output = engine.attach(id.value(), true, true);
        OutputStream stdin = null;
        try {
            stdin = options.interactive ? engine.attachStdin(id.value()) : null;
            engine.start(id.value());
        } catch (LauncherException failure) {
            output.close();
            closeQuietly(stdin);
            removeQuietly(engine, id, host, failure);
            throw failure;
        }
        // Docker proxies signals only without a TTY: with one, ctrl-c is a byte for the container's terminal.
        try (SignalProxy proxy = options.tty ? null : SignalProxy.install(engine, id.value())) {
            if (options.interactive || options.tty) {
                TerminalAttachment attachment = new TerminalAttachment(session, options.tty);
                if (attachment.run(output, stdin, (rows, columns) -> engine.resize(id.value(), rows, columns))) {
                    return 0;
                }
            } else {
                new OutputCopier(session.out(), session.err(), false).copy(output);
            }
            return removal != null ? removal.exitCode() : engine.await(id.value(), WaitCondition.NOT_RUNNING);
        }
    }

    private static void closeQuietly(OutputStream stdin) {
        if (stdin != null) {
            try {
                stdin.close();
            } catch (IOException e) {
                // the container never ran: nothing was waiting for its input
            }
        }
    }

    /** A {@code --rm} container that could not start is removed, as Docker does. */
    private static void removeQuietly(Engine engine, ContainerId id, HostConfig host, LauncherException failure) {
        if (!host.autoRemove()) {
            return;
        }
        try {
            engine.remove(id.value(), true);
        } catch (LauncherException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }
}
