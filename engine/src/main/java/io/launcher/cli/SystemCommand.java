package io.launcher.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code system}: Docker's management command; here it carries {@code df} and {@code prune}. */
public final class SystemCommand {

    final LauncherCommand launcher;

    SystemCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code system}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "system", "Manage the engine")
                .help()
                .subcommand(new SystemDfCommand(this).spec())
                .subcommand(new SystemPruneCommand(this).spec())
                .spec();
    }

}
