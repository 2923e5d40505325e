package io.launcher.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code image}: Docker's management command; here it carries {@code prune}. */
public final class ImageCommand {

    final LauncherCommand launcher;

    ImageCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code image}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "image", "Manage images")
                .help()
                .subcommand(new ImagePruneCommand(this).spec())
                .spec();
    }

}
