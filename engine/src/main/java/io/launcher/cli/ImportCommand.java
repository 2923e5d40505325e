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
import picocli.CommandLine.Model.CommandSpec;

/** {@code import}: a rootfs tarball (file, URL or stdin) becomes a one-layer image; prints its id. */
public final class ImportCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    List<String> changes = new ArrayList<>();
    String message = "";
    String source;
    String reference;

    ImportCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code import}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "import",
                "Import the contents from a tarball to create a filesystem image")
                .repeated("-c --change", "INSTRUCTION",
                        "Apply Dockerfile instruction to the created image ('CMD [\"/bin/sh\"]')")
                .option("-m --message", "TEXT", "Set commit message for imported image")
                .help()
                .operand("0", "FILE|URL|-", "The tarball (plain, gzip or zstd); - reads stdin")
                .optionalOperand("1", "REPOSITORY[:TAG]", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--change" -> changes = CommandDeclaration.list(value);
            case "--message" -> message = (String) value;
            case "FILE|URL|-" -> source = (String) value;
            case "REPOSITORY[:TAG]" -> reference = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

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
