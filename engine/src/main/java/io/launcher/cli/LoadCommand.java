package io.launcher.cli;

import io.launcher.api.InvalidSpecException;
import io.launcher.api.ProgressListener;
import io.launcher.http.FileBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code load}: the images of a {@code docker save} archive (plain or gzip), from a file or stdin.
 * Progress shows on a terminal only, as with the docker CLI; then one line per image.
 */
public final class LoadCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    Path input;
    boolean quiet;

    LoadCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code load}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "load", "Load an image from a tar archive or STDIN")
                .option("-i --input", "FILE", "Read from tar archive file, instead of STDIN", Path.class)
                .flag("-q --quiet", "Suppress the load output")
                .help()
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--input" -> input = (Path) value;
            case "--quiet" -> quiet = (Boolean) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

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
