package io.launcher.cli;

import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.ProgressListener;
import io.launcher.http.FileBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code import}: a rootfs tarball (file, URL or stdin) becomes a one-layer image; prints its id. */
@Command(name = "import", description = "Import the contents from a tarball to create a filesystem image")
public final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-c", "--change"}, paramLabel = "INSTRUCTION", description = "Apply Dockerfile instruction to the created image ('CMD [\"/bin/sh\"]')")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Set commit message for imported image")
    String message = "";

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "FILE|URL|-", description = "The tarball (plain, gzip or zstd); - reads stdin")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String reference;

    @Override
    public Integer call() throws IOException {
        Optional<ImageReference> tag = reference == null ? Optional.empty() : Optional.of(ImageReference.parse(reference));
        ImportRequest request = new ImportRequest(tag, changes, message);
        try (InputStream tarball = open()) {
            ImageId id = launcher.engine().importImage(tarball, request, ProgressListener.NONE);
            launcher.session().out().println(id);
        }
        return 0;
    }

    private InputStream open() throws IOException {
        if (source.equals("-")) {
            return launcher.session().in();
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            return URI.create(source).toURL().openStream();
        }
        return FileBody.open(Path.of(source));
    }
}
