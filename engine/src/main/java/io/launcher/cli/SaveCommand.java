package io.launcher.cli;

import io.launcher.api.InvalidSpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code save}: images as one {@code docker save} archive, to a file or stdout. A file is written
 * under a temporary name beside it and renamed once whole, as the docker CLI does.
 */
@Command(name = "save", description = "Save one or more images to a tar archive (streamed to STDOUT by default)")
public final class SaveCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to a file, instead of STDOUT")
    Path output;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Override
    public Integer call() throws IOException {
        if (output == null && launcher.session().out() == System.out && System.console() != null) {
            throw new InvalidSpecException("cowardly refusing to save to a terminal. Use the -o flag or redirect");
        }
        TarOutput.write(launcher.session(), output, out -> launcher.engine().saveImages(images, out));
        return 0;
    }
}
