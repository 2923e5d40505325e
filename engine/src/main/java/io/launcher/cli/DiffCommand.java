package io.launcher.cli;

import io.launcher.api.FilesystemChange;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code diff}: the container's filesystem changes, one {@code A|C|D path} a line. */
@Command(name = "diff", description = "Inspect changes to files or directories on a container's filesystem")
public final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() {
        StringBuilder text = new StringBuilder();
        for (FilesystemChange change : launcher.engine().changes(container)) {
            text.append(change.kind().letter()).append(' ').append(change.path()).append('\n');
        }
        launcher.session().out().print(text);
        launcher.session().out().flush();
        return 0;
    }
}
