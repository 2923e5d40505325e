package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.WaitCondition;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wait}: blocks until each container stops and prints its exit code. */
public final class WaitCommand extends EachContainerCommand {

    WaitCommand(LauncherCommand launcher) {
        super(launcher);
    }

    /** How picocli sees {@code wait}: its help and operands, bound to these fields. */
    CommandSpec spec() {
        return containers(CommandDeclaration.command(this, "wait",
                "Block until one or more containers stop, then print their exit codes"))
                .spec();
    }

    @Override
    String act(Engine engine, String container) throws InterruptedException {
        return Integer.toString(engine.await(container, WaitCondition.NOT_RUNNING));
    }
}
