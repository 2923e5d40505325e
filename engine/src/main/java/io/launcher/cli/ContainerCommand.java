package io.launcher.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code container}: Docker's management command; here it carries {@code prune}. */
public final class ContainerCommand {

    final LauncherCommand launcher;

    ContainerCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code container}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "container", "Manage containers")
                .help()
                .subcommand(new ContainerPruneCommand(this).spec())
                .spec();
    }

}
