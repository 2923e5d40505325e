package io.launcher.cli;

import io.launcher.api.Engine;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A command that does one thing to each container it names ({@code stop a b c}), the Docker way
 * {@link ContainerBatch} keeps: subclasses carry their name, flags and the action.
 */
abstract class EachContainerCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    List<String> containers;

    EachContainerCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** What every such command takes: {@code --help} and one or more containers. */
    final CommandDeclaration containers(CommandDeclaration command) {
        return command.help().operands("0..*", "1..*", "CONTAINER", null);
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "CONTAINER" -> containers = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    /** Acts on one container; returns the line to print for it. */
    abstract String act(Engine engine, String container) throws InterruptedException;

    @Override
    public final Integer call() throws Exception {
        Engine engine = launcher.engine();
        return ContainerBatch.apply(launcher.session(), containers, container -> act(engine, container));
    }
}
