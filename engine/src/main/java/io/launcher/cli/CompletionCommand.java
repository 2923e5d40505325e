package io.launcher.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code completion bash}: prints the shell completion script (needs no engine). */
public final class CompletionCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    CommandSpec spec;
    String shell;

    CompletionCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code completion}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        spec = CommandDeclaration.command(this, "completion",
                "Generate the autocompletion script for the specified shell")
                .footer("", "Load it in the current shell with:  source <(launcher completion bash)")
                .help()
                .operand("0", "SHELL", "The shell: bash")
                .spec();
        return spec;
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "SHELL" -> shell = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash")) {
            throw new ParameterException(spec.commandLine(), "unsupported shell " + shell + ": only bash is available");
        }
        // the full tree, whichever command this invocation loaded
        CommandLine tree = CommandTable.tree(new LauncherCommand(launcher.session()), CommandTable.NAMES);
        launcher.session().out().print(CompletionScript.bash(tree));
        launcher.session().out().flush();
        return 0;
    }
}
