package io.launcher.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code completion bash}: prints the shell completion script (needs no engine). */
@Command(name = "completion", description = "Generate the autocompletion script for the specified shell",
        footer = {"", "Load it in the current shell with:  source <(launcher completion bash)"})
public final class CompletionCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Spec
    CommandSpec spec;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(paramLabel = "SHELL", description = "The shell: bash")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash")) {
            throw new ParameterException(spec.commandLine(), "unsupported shell " + shell + ": only bash is available");
        }
        // the full tree, whichever command this invocation loaded
        CommandLine tree = new CommandLine(new LauncherCommand(launcher.session()));
        CommandTable.install(tree, CommandTable.NAMES);
        launcher.session().out().print(CompletionScript.bash(tree));
        launcher.session().out().flush();
        return 0;
    }
}
