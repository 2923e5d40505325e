package io.launcher.cli;

import io.launcher.api.InvalidSpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code save}: images as one {@code docker save} archive, to a file or stdout. A file is written
 * under a temporary name beside it and renamed once whole, as the docker CLI does.
 */
public final class SaveCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    Path output;
    List<String> images;

    SaveCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code save}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "save",
                "Save one or more images to a tar archive (streamed to STDOUT by default)")
                .option("-o --output", "FILE", "Write to a file, instead of STDOUT", Path.class)
                .help()
                .operands("0..*", "1..*", "IMAGE", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--output" -> output = (Path) value;
            case "IMAGE" -> images = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() throws IOException {
        if (output == null && launcher.session().out() == System.out && System.console() != null) {
            throw new InvalidSpecException("cowardly refusing to save to a terminal. Use the -o flag or redirect");
        }
        TarOutput.write(launcher.session(), output, out -> launcher.engine().saveImages(images, out));
        return 0;
    }
}
