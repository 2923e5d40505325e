package io.launcher.cli;

import io.launcher.api.ContainerId;
import io.launcher.api.Engine;
import io.launcher.api.HostConfig;
import io.launcher.api.LauncherException;
import io.launcher.api.LogCursor;
import io.launcher.api.WaitCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code run}: create, then (unless detached) attach before start so no output is lost, copy the
 * output as it comes, and exit with the container's own code.
 */
@Command(name = "run", description = "Create and run a new container from an image")
public final class RunCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Mixin
    ContainerOptions options;

    @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID")
    boolean detach;

    @Mixin
    PullPolicy pull;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to run")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Session session = launcher.session();
        PublishNotice.warn(session, options.publish);
        HostConfig host = options.hostConfig();
        Engine engine = launcher.engine();
        ContainerId id = MissingImage.createPulling(launcher, pull, image,
                () -> engine.create(options.name(), options.config(image, command, !detach, session), host));
        if (detach) {
            engine.start(id.value());
            session.out().println(id.value());
            return 0;
        }
        LogCursor output = engine.attach(id.value(), true, true);
        try {
            engine.start(id.value());
        } catch (LauncherException failure) {
            output.close();
            removeQuietly(engine, id, host, failure);
            throw failure;
        }
        new OutputCopier(session.out(), session.err(), false).copy(output);
        return engine.await(id.value(), host.autoRemove() ? WaitCondition.REMOVED : WaitCondition.NOT_RUNNING);
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
