package io.launcher.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export}: the container's filesystem as a tar, to stdout or a file. */
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
        if (output == null) {
            OutputStream out = launcher.session().out();
            launcher.engine().export(container, out);
            out.flush();
            return 0;
        }
        // Asked first so that a wrong name leaves no empty file behind.
        launcher.engine().container(container);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            launcher.engine().export(container, out);
        }
        return 0;
    }
}
