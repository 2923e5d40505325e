package io.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code container}: Docker's management command; here it carries {@code prune}. */
@Command(name = "container", description = "Manage containers", subcommands = ContainerPruneCommand.class)
public final class ContainerCommand {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;
}
