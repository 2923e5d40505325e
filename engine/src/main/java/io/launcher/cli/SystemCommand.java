package io.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code system}: Docker's management command; here it carries {@code df} and {@code prune}. */
@Command(name = "system", description = "Manage the engine", subcommands = {SystemDfCommand.class, SystemPruneCommand.class})
public final class SystemCommand {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;
}
