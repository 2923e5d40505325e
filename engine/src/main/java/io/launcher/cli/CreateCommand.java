package io.launcher.cli;

import io.launcher.api.ContainerId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code create}: makes the container and prints its full id; {@code start} runs it. */
public final class CreateCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    final ContainerOptions options = new ContainerOptions();
    final PullPolicy pull = new PullPolicy();
    String image;
    List<String> command = new ArrayList<>();

    CreateCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code create}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "create", "Create a new container")
                .with(options)
                .with(pull)
                .help()
                .operand("0", "IMAGE", "The image to create the container from")
                .operands("1..*", null, "COMMAND", "The command and its arguments")
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "IMAGE" -> image = (String) value;
            case "COMMAND" -> command = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        ContainerId id = MissingImage.createPulling(launcher, pull, image,
                options.creation(launcher, image, command, false, null));
        launcher.session().out().println(id.value());
        return 0;
    }
}
