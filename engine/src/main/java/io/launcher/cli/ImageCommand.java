package io.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code image}: Docker's management command; here it carries {@code prune}. */
@Command(name = "image", description = "Manage images", subcommands = ImagePruneCommand.class)
public final class ImageCommand {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;
}
