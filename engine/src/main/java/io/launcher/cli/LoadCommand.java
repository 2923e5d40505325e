package io.launcher.cli;

import io.launcher.api.InvalidSpecException;
import io.launcher.api.ProgressListener;
import io.launcher.http.FileBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code load}: the images of a {@code docker save} archive (plain or gzip), from a file or stdin.
 * Progress shows on a terminal only, as with the docker CLI; then one line per image.
 */
@Command(name = "load", description = "Load an image from a tar archive or STDIN")
public final class LoadCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read from tar archive file, instead of STDIN")
    Path input;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the load output")
    boolean quiet;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Override
    public Integer call() throws IOException {
        Session session = launcher.session();
        if (input == null && session.in() == System.in && System.console() != null) {
            throw new InvalidSpecException("requested load from stdin, but stdin is empty");
        }
        boolean terminal = session.out() == System.out && System.console() != null;
        ProgressListener progress = quiet || !terminal ? ProgressListener.NONE : ProgressDisplay.on(session);
        try (InputStream archive = input == null ? session.in() : FileBody.open(input)) {
            for (String line : launcher.engine().loadImages(archive, progress)) {
                session.out().println(line);
            }
        }
        return 0;
    }
}
