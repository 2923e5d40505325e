package io.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export}: the container's filesystem as a tar, to stdout or a file ({@link TarOutput}). */
@Command(name = "export", description = "Export a container's filesystem as a tar archive")
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to a file, instead of STDOUT")
    Path output;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Override
    public Integer call() throws IOException {
        // No lookup first: the engine answers a wrong name before the tar begins, and TarOutput
        // removes its temporary file, so an extra request (a third of a small export) buys nothing.
        TarOutput.write(launcher.session(), output, out -> launcher.engine().export(container, out));
        return 0;
    }
}
