package io.launcher.cli;

import io.launcher.api.ContainerId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code create}: makes the container and prints its full id; {@code start} runs it. */
@Command(name = "create", description = "Create a new container")
public final class CreateCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Mixin
    ContainerOptions options;

    @Mixin
    PullPolicy pull;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to create the container from")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        Session session = launcher.session();
        ContainerId id = MissingImage.createPulling(launcher, pull, image, () -> launcher.engine().create(options.name(),
                options.config(image, command, false, session), options.hostConfig()));
        session.out().println(id.value());
        return 0;
    }
}
